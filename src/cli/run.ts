import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimRegistry } from '../claims/index.js';
import { UserError } from '../errors.js';
import { renderPlot } from '../report/index.js';
import type { Io } from './io.js';
import { formatTable } from './table.js';

/** Parse `--flag value` pairs against the experiment's declared options (unknown flags are errors). */
export function parseExperimentOptions(
  id: string,
  declared: readonly { flag: string; defaultValue: string }[],
  args: readonly string[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const option of declared) values[option.flag] = option.defaultValue;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const match = /^--([a-zA-Z][\w-]*)(?:=(.*))?$/.exec(arg);
    if (match === null) throw new UserError(`run ${id}: unexpected argument '${arg}'`);
    const flag = match[1]!;
    if (!(flag in values)) {
      const known = declared.map((o) => `--${o.flag}`).join(', ');
      throw new UserError(
        `run ${id}: unknown option --${flag}; it takes ${known === '' ? 'no options' : known}`,
      );
    }
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new UserError(`run ${id}: --${flag} needs a value`);
    values[flag] = value;
  }
  return values;
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
  const started = performance.now();
  const result = claim.experiment.run(options, { seed, log: (line) => (json ? undefined : io.err(line)) });
  const ms = Math.round(performance.now() - started);
  const dataDir = join(out, 'data');
  const plotDir = join(out, 'plots');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(plotDir, { recursive: true });
  const plotFiles = result.plots.map((plot, k) => {
    const file = join(plotDir, `${id}-${k + 1}.svg`);
    writeFileSync(file, renderPlot(plot));
    return file;
  });
  const record = { id, seed, options, ms, date: new Date().toISOString(), ...result, plotFiles };
  writeFileSync(join(dataDir, `run-${id}.json`), `${JSON.stringify(record, null, 2)}\n`);
  const ok = result.assertions.every((a) => a.verdict === 'holds');
  if (json) {
    io.out(
      JSON.stringify(
        {
          id,
          seed,
          options,
          ms,
          columns: result.columns,
          rows: result.rows,
          assertions: result.assertions,
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
      `\nseed ${seed}; ${(ms / 1000).toFixed(1)} s; data ${join(dataDir, `run-${id}.json`)}; plots ${plotFiles.join(', ') || 'none'}`,
    );
  }
  return ok ? 0 : 1;
}
