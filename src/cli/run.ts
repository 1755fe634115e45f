import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { writeFileAtomicReplace } from '../archive/index.js';
import {
  type AnyClaim,
  assertionsVerdict,
  type ClaimRegistry,
  type Decided,
  type ExperimentOption,
  type ExperimentResult,
  parseExperimentArgs,
  validateExperimentOptions,
} from '../claims/index.js';
import { UserError } from '../errors.js';
import { renderPlot } from '../report/index.js';
import type { Io } from './io.js';
import { displayPath } from './paths.js';
import { formatTable } from './table.js';

/** Parse `--flag value` pairs against the experiment's declared options and validate them by their schemas. */
export function parseExperimentOptions(
  id: string,
  declared: readonly ExperimentOption[],
  args: readonly string[],
): Record<string, string> {
  return parseExperimentArgs(id, declared, args);
}

/** What one experiment run wrote: its record (data + plots) and where. */
export interface ExperimentRecord {
  readonly id: string;
  readonly seed: number;
  readonly options: Record<string, string>;
  readonly ms: number;
  readonly result: ExperimentResult;
  readonly dataFile: string;
  readonly plotFiles: readonly string[];
  /** The experiment's verdict and reason, from its sub-assertions (src/claims/verdict.ts). */
  readonly decided: Decided;
  /** The verdict is the claim's expectation. */
  readonly ok: boolean;
}

/**
 * The progress callback an experiment reports through: a cli-progress bar in the experiment's own unit (trials,
 * cells, seeds) on a terminal, nothing on a pipe or with --json.
 */
function progressReporter(
  id: string,
  terminal: { readonly io: Io; readonly json: boolean } | undefined,
): { progress?: (done: number, total: number, unit: string) => void; stop: () => void } {
  if (terminal === undefined || terminal.json || !terminal.io.interactive) return { stop: () => undefined };
  let bar: cliProgress.SingleBar | null = null;
  return {
    progress(done, total, unit) {
      if (bar === null) {
        bar = new cliProgress.SingleBar(
          {
            format: `${id} |{bar}| {value}/{total} ${unit}  {duration_formatted}`,
            hideCursor: true,
            clearOnComplete: true,
            stream: process.stderr,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop: () => bar?.stop(),
  };
}

/** Run a claim's experiment and write its data (report/data/run-<id>.json) and SVG plots (report/plots/). */
export function runExperiment(
  claim: AnyClaim,
  options: Record<string, string>,
  seed: number,
  out: string,
  log: (line: string) => void,
  terminal?: { readonly io: Io; readonly json: boolean },
): ExperimentRecord {
  const experiment = claim.experiment;
  if (experiment === undefined) throw new UserError(`claim '${claim.id}' has no experiment`);
  options = validateExperimentOptions(claim.id, experiment.options, options);
  const started = performance.now();
  const reporter = progressReporter(claim.id, terminal);
  let result: ExperimentResult;
  try {
    result = experiment.run(options, {
      seed,
      log,
      ...(reporter.progress === undefined ? {} : { progress: reporter.progress }),
    });
  } finally {
    reporter.stop();
  }
  const ms = Math.round(performance.now() - started);
  const decided = assertionsVerdict(result.assertions);
  const dataDir = join(out, 'data');
  const plotDir = join(out, 'plots');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(plotDir, { recursive: true });
  const plotFiles = result.plots.map((plot, k) => {
    const file = join(plotDir, `${claim.id}-${k + 1}.svg`);
    writeFileAtomicReplace(file, renderPlot(plot));
    return file;
  });
  const dataFile = join(dataDir, `run-${claim.id}.json`);
  const record = {
    id: claim.id,
    seed,
    options,
    ms,
    date: new Date().toISOString(),
    verdict: decided.verdict,
    reason: decided.reason,
    ...result,
    plotFiles,
  };
  // Atomic, like check.json: Ctrl-C (or a pool worker stopped) leaves the old file or the new one, never half.
  writeFileAtomicReplace(dataFile, `${JSON.stringify(record, null, 2)}\n`);
  const ok = decided.verdict === claim.expect;
  return { id: claim.id, seed, options, ms, result, dataFile, plotFiles, decided, ok };
}

export function runCommand(
  registry: ClaimRegistry,
  id: string,
  args: readonly string[],
  seed: number,
  json: boolean,
  out: string,
  io: Io,
): number {
  const [claim] = registry.select([id]);
  if (claim?.experiment === undefined) {
    const runnable = registry.claims.filter((c) => c.experiment !== undefined).map((c) => c.id);
    throw new UserError(`claim '${id}' has no experiment; runnable: ${runnable.join(', ') || 'none'}`);
  }
  const options = parseExperimentOptions(id, claim.experiment.options, args);
  const record = runExperiment(claim, options, seed, out, (line) => (json ? undefined : io.err(line)), {
    io,
    json,
  });
  const { result, ms, plotFiles, decided } = record;
  if (json) {
    io.out(
      JSON.stringify(
        {
          id,
          seed,
          options,
          ms,
          verdict: decided.verdict,
          reason: decided.reason,
          expect: claim.expect,
          columns: result.columns,
          rows: result.rows,
          assertions: result.assertions,
          ...(result.json ?? {}),
          plots: plotFiles,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(formatTable(result.columns, result.rows));
    io.out('');
    for (const a of result.assertions) io.out(`${a.verdict.padEnd(12)} ${a.name}: ${a.detail}`);
    io.out(
      `\n${claim.id}: ${decided.verdict}${record.ok ? '' : ` (expected ${claim.expect})`}: ${decided.reason}`,
    );
    io.out(
      `\nseed ${seed}; ${(ms / 1000).toFixed(1)} s; data ${displayPath(record.dataFile)}; plots ${plotFiles.map((f) => displayPath(f)).join(', ') || 'none'}`,
    );
  }
  return record.ok ? 0 : 1;
}
