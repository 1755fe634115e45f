import type { z } from 'zod';
import type { Experiment, ExperimentContext, ExperimentOption, ExperimentResult } from './claim.js';
import { validateExperimentOptions } from './options.js';

/**
 * An experiment option whose schema turns the command-line text into a typed value (a count, a list of counts, a
 * number, one of a few words). `countOption`, `countListOption`, `numberOption`, `choiceOption` and
 * `rangeListOption` (src/claims/options.ts) build them.
 */
export interface TypedOption<F extends string, T> extends ExperimentOption {
  readonly flag: F;
  readonly schema: z.ZodType<T, string>;
}

// biome-ignore lint/suspicious/noExplicitAny: any option type; the values' types come from each schema.
type AnyOption = TypedOption<string, any>;

/** The typed values of a list of options: `{ trials: number, widths: number[], … }`. */
export type OptionValues<O extends readonly AnyOption[]> = {
  readonly [K in O[number] as K['flag']]: K['schema'] extends z.ZodType<infer T, string> ? T : never;
};

/** What an experiment file declares: its options (one schema each), the main job's protocol, and the run. */
export interface ExperimentSpec<O extends readonly AnyOption[]> {
  /** The options of `landscape run <id>`; `--help` and validation come from their schemas. */
  readonly options: O;
  /**
   * The main job's protocol (`npm run check`, i.e. `landscape check --experiments`): option values, as a user would
   * type them, that still decide the claim in well under a minute. Absent: the defaults.
   */
  readonly mainJob?: { readonly [K in O[number] as K['flag']]?: string };
  /** The protocol: typed option values in, a table, plots and the statistical sub-assertions out. */
  run(options: OptionValues<O>, context: ExperimentContext): ExperimentResult;
}

/**
 * An empirical claim's protocol, kept out of the claim file: `experiments/<claim-id>.ts` exports
 * `defineExperiment({ options, mainJob, run })` and the claim file says `experiment: thatExperiment`. The CLI
 * validates every value against its schema before any computation (a one-line error, exit 2), and `run` receives
 * the parsed, typed values; no experiment parses its own options.
 */
export function defineExperiment<const O extends readonly AnyOption[]>(spec: ExperimentSpec<O>): Experiment {
  const flags = new Set<string>();
  for (const option of spec.options) {
    if (flags.has(option.flag)) throw new Error(`experiment option --${option.flag} is declared twice`);
    flags.add(option.flag);
  }
  const mainJob = spec.mainJob as Readonly<Record<string, string>> | undefined;
  for (const flag of Object.keys(mainJob ?? {})) {
    if (!flags.has(flag)) throw new Error(`experiment mainJob sets --${flag}, which is not an option`);
  }
  return {
    options: spec.options,
    ...(mainJob === undefined ? {} : { mainJob }),
    run(text, context) {
      const valid = validateExperimentOptions('experiment', spec.options, text);
      const values: Record<string, unknown> = {};
      for (const option of spec.options) values[option.flag] = option.schema.parse(valid[option.flag]);
      return spec.run(values as OptionValues<O>, context);
    },
  };
}
