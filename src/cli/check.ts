import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  type AnyClaim,
  type ClaimRegistry,
  type ClaimRunResult,
  type ReplayResult,
  replayArchive,
  runClaim,
  type Verdict,
} from '../claims/index.js';
import type { Io } from './io.js';
import { projectRoot } from './paths.js';
import { runExperiment } from './run.js';
import { formatTable } from './table.js';

export interface CheckOptions {
  readonly ids: readonly string[];
  readonly runs: number | undefined;
  readonly seed: number;
  readonly seedOrigin: 'flag' | 'env' | 'fresh';
  readonly path: string | undefined;
  readonly json: boolean;
  readonly archive: string;
  readonly writeArchive: boolean;
  /** The report folder: `data/check.json` goes there, and experiment data and plots with --experiments. */
  readonly reportRoot: string | null;
  /** Also run every selected claim's experiment (with its main-job options) for the report's tables and plots. */
  readonly experiments: boolean;
}

/** One claim's row: the fresh run combined with what the archive already certifies. */
export interface CheckRow {
  readonly id: string;
  readonly kind: AnyClaim['kind'];
  readonly expect: AnyClaim['expect'];
  readonly verdict: Verdict;
  /** verdict agrees with the expectation (theorems and trends hold, constructions are refuted). */
  readonly asExpected: boolean;
  readonly runs: number;
  readonly discards: number;
  readonly inconclusive: number;
  readonly seed: number;
  readonly ms: number;
  readonly counterexamples: readonly string[];
  readonly summary: string;
  readonly replay: string | null;
  readonly brokenArchive: readonly { path: string; problems: readonly string[] }[];
}

export function combine(claim: AnyClaim, run: ClaimRunResult, archived: readonly ReplayResult[]): CheckRow {
  const root = projectRoot();
  const verified = archived.filter((r) => r.ok).map((r) => relative(root, r.path));
  const broken = archived
    .filter((r) => !r.ok)
    .map((r) => ({ path: relative(root, r.path), problems: r.problems }));
  const fresh = run.counterexamples.map((p) => relative(root, p));
  let verdict: Verdict = run.verdict;
  let summary = run.summary;
  if (verdict !== 'refuted' && verified.length > 0) {
    verdict = 'refuted';
    summary = `refuted by ${verified.length} archived counterexample(s); this run: ${run.summary}`;
  }
  const counterexamples = [...new Set([...fresh, ...verified])];
  const asExpected = broken.length === 0 && verdict === claim.expect;
  return {
    id: claim.id,
    kind: claim.kind,
    expect: claim.expect,
    verdict,
    asExpected,
    runs: run.runs,
    discards: run.discards,
    inconclusive: run.inconclusive,
    seed: run.seed,
    ms: run.ms,
    counterexamples,
    summary,
    replay: run.failure?.replay ?? null,
    brokenArchive: broken,
  };
}

export function checkCommand(registry: ClaimRegistry, options: CheckOptions, io: Io): number {
  const claims = registry.select(options.ids);
  if (!options.json) {
    io.err(
      `seed ${options.seed} (${options.seedOrigin === 'fresh' ? 'fresh; pass --seed to replay' : `from ${options.seedOrigin === 'flag' ? '--seed' : 'LANDSCAPE_SEED'}`})`,
    );
  }
  const rows: CheckRow[] = [];
  for (const claim of claims) {
    const runs = options.runs ?? claim.budget.check;
    if (!options.json) io.err(`checking ${claim.id} (${runs} runs)…`);
    const run = runClaim(claim, {
      seed: options.seed,
      runs,
      ...(options.path === undefined ? {} : { path: options.path }),
      archiveRoot: options.writeArchive ? options.archive : null,
    });
    const archived = replayArchive(options.archive, (id) => registry.get(id), { claim: claim.id });
    const row = combine(claim, run, archived);
    rows.push(row);
    if (!options.json) {
      io.err(`  ${row.verdict}${row.asExpected ? '' : ` (expected ${claim.expect})`}: ${row.summary}`);
      if (run.failure !== null) {
        io.err(`  seed ${run.failure.seed}, path ${run.failure.path}; replay: ${run.failure.replay}`);
      }
      for (const broken of row.brokenArchive)
        io.err(`  archived file fails replay: ${broken.path}: ${broken.problems.join('; ')}`);
    }
  }
  let experimentsOk = true;
  if (options.experiments && options.reportRoot !== null) {
    for (const claim of claims) {
      const experiment = claim.experiment;
      if (experiment === undefined) continue;
      const chosen: Record<string, string> = {};
      for (const option of experiment.options) chosen[option.flag] = option.defaultValue;
      Object.assign(chosen, experiment.mainJob ?? {});
      if (!options.json) {
        const flags = Object.entries(experiment.mainJob ?? {})
          .map(([k, v]) => `--${k} ${v}`)
          .join(' ');
        io.err(`running the experiment of ${claim.id}${flags === '' ? '' : ` (${flags})`}…`);
      }
      const record = runExperiment(claim, chosen, options.seed, options.reportRoot, () => undefined);
      experimentsOk &&= record.ok;
      if (!options.json) {
        for (const a of record.result.assertions) io.err(`  ${a.verdict}: ${a.name}: ${a.detail}`);
        io.err(`  ${(record.ms / 1000).toFixed(1)} s; plots: ${record.plotFiles.length}`);
      }
    }
  }
  if (options.reportRoot !== null) {
    const reportData = join(options.reportRoot, 'data');
    mkdirSync(reportData, { recursive: true });
    writeFileSync(
      join(reportData, 'check.json'),
      `${JSON.stringify({ seed: options.seed, date: new Date().toISOString(), results: rows }, null, 2)}\n`,
    );
  }
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          results: rows.map((row) => ({
            id: row.id,
            verdict: row.verdict,
            expect: row.expect,
            asExpected: row.asExpected,
            runs: row.runs,
            discards: row.discards,
            inconclusive: row.inconclusive,
            seed: row.seed,
            ms: row.ms,
            counterexamples: row.counterexamples,
            summary: row.summary,
            replay: row.replay,
          })),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(
      formatTable(
        ['claim', 'verdict', 'expected', 'runs', 'discards', 'inconcl.', 'time', 'counterexample'],
        rows.map((row) => [
          row.id,
          row.asExpected ? row.verdict : `${row.verdict} (!)`,
          row.expect,
          row.runs,
          row.discards,
          row.inconclusive,
          `${(row.ms / 1000).toFixed(1)}s`,
          row.counterexamples[0] === undefined
            ? '-'
            : `${row.counterexamples[0]}${row.counterexamples.length > 1 ? ` (+${row.counterexamples.length - 1})` : ''}`,
        ]),
      ),
    );
    const unexpected = rows.filter((r) => !r.asExpected);
    io.out(
      unexpected.length === 0
        ? `\nall ${rows.length} claims as expected (seed ${options.seed})`
        : `\n${unexpected.length} of ${rows.length} claims not as expected: ${unexpected.map((r) => r.id).join(', ')} (seed ${options.seed})`,
    );
  }
  return rows.every((r) => r.asExpected) && experimentsOk ? 0 : 1;
}
