import { join, relative } from 'node:path';
import cliProgress from 'cli-progress';
import { writeFileAtomicReplace } from '../archive/index.js';
import {
  type AnyClaim,
  type AssertionVerdict,
  assertionsVerdict,
  type ClaimRegistry,
  type ClaimRunResult,
  type ClaimVerdict,
  claimVerdict,
  type ReplayResult,
  replayArchive,
  runClaim,
  toolName,
  type Verdict,
} from '../claims/index.js';
import { checkInPool, checkWorkerEntry, type PoolOptions } from './checkPool.js';
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
  /** Archive new certified counterexamples (`--write`); otherwise each is named in one line and not written. */
  readonly writeArchive: boolean;
  /** The report folder: `data/check.json` goes there, and experiment data and plots with --experiments. */
  readonly reportRoot: string | null;
  /** Also run every selected claim's experiment (with its main-job options); its verdict joins the claim's. */
  readonly experiments: boolean;
}

/** One claim's row of `report/data/check.json` (the contract with the report; extra fields are fine). */
export interface CheckRow {
  readonly id: string;
  readonly kind: AnyClaim['kind'];
  readonly expect: AnyClaim['expect'];
  readonly verdict: Verdict;
  /** One sentence: why this verdict (from src/claims/verdict.ts). */
  readonly reason: string;
  /** verdict agrees with the expectation (theorems and trends hold, constructions are refuted). */
  readonly asExpected: boolean;
  /** Property time plus experiment time. */
  readonly timeMs: number;
  /** The property, then the experiment's statistical sub-assertions (when run). */
  readonly assertions: readonly { name: string; verdict: Verdict; reason: string }[];
  readonly failure?: {
    readonly seed: number;
    readonly path: string;
    readonly replay: string;
    readonly case: string;
    readonly archived?: string;
    readonly uncertified?: string;
    readonly error?: string;
  };
  readonly runs: number;
  readonly discards: number;
  readonly inconclusive: number;
  /** Why cases were discarded or undecided, with counts. */
  readonly reasons: readonly { reason: string; count: number }[];
  readonly seed: number;
  /** Same as timeMs (older readers of check.json). */
  readonly ms: number;
  readonly counterexamples: readonly string[];
  /** Same as reason (older readers of check.json). */
  readonly summary: string;
  readonly replay: string | null;
  readonly brokenArchive: readonly { path: string; problems: readonly string[] }[];
}

/** The claim's row from its fresh run, its archive's replay and (optionally) its experiment's sub-assertions. */
export function combine(
  claim: AnyClaim,
  run: ClaimRunResult,
  archived: readonly ReplayResult[],
  experiment?: { readonly assertions: readonly AssertionVerdict[]; readonly ms: number },
): CheckRow {
  const root = projectRoot();
  const verified = archived.filter((r) => r.ok).map((r) => relative(root, r.path));
  const broken = archived
    .filter((r) => !r.ok)
    .map((r) => ({ path: relative(root, r.path), problems: r.problems }));
  const fresh = run.counterexamples.map((p) => relative(root, p));
  const decided: ClaimVerdict = claimVerdict({
    expect: claim.expect,
    fresh: { verdict: run.verdict, reason: run.summary },
    archivedOk: verified.length,
    archivedBroken: broken.length,
    ...(experiment === undefined ? {} : { experiment: assertionsVerdict(experiment.assertions) }),
  });
  const counterexamples = [...new Set([...fresh, ...verified])];
  const timeMs = run.ms + (experiment?.ms ?? 0);
  const f = run.failure;
  return {
    id: claim.id,
    kind: claim.kind,
    expect: claim.expect,
    verdict: decided.verdict,
    reason: decided.reason,
    asExpected: decided.asExpected,
    timeMs,
    assertions: [
      { name: `property over ${run.runs} generated cases`, verdict: run.verdict, reason: run.summary },
      ...(experiment?.assertions ?? []).map((a) => ({ name: a.name, verdict: a.verdict, reason: a.detail })),
    ],
    ...(f === null
      ? {}
      : {
          failure: {
            seed: f.seed,
            path: f.path,
            replay: f.replay,
            case: f.case,
            ...(fresh[0] === undefined ? {} : { archived: fresh[0] }),
            ...(f.uncertified === undefined ? {} : { uncertified: f.uncertified }),
            ...(f.error === undefined ? {} : { error: f.error }),
          },
        }),
    runs: run.runs,
    discards: run.discards,
    inconclusive: run.inconclusive,
    reasons: run.reasons,
    seed: run.seed,
    ms: timeMs,
    counterexamples,
    summary: decided.reason,
    replay: f?.replay ?? null,
    brokenArchive: broken,
  };
}

/** A bar on a terminal only (nothing on a pipe or with --json): the unit is the claim's or experiment's own. */
function progressBar(io: Io, json: boolean, label: string, total: number, unit: string) {
  if (json || !io.interactive || total <= 1) return null;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} |{bar}| {value}/{total} ${unit}  {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

/** One claim's outcome: its check.json row and its failing case's full value (only --json prints it). */
export interface CheckedClaim {
  readonly row: CheckRow;
  readonly value: unknown;
}

/**
 * Check one claim: its property at the check budget, its archive's replay and (with --experiments) its experiment;
 * everything it prints goes to `io.err`, in this order. The serial loop and the pool's workers both call it, so a
 * claim's lines and row are the same whichever runs it (the seed is the run's, not the worker's).
 */
export function checkClaim(
  registry: ClaimRegistry,
  claim: AnyClaim,
  options: CheckOptions,
  io: Io,
): CheckedClaim {
  const runs = options.runs ?? claim.budget.check;
  if (!options.json) io.err(`checking ${claim.id} (${runs} runs)…`);
  const bar = progressBar(io, options.json, claim.id, runs, 'cases');
  const run = runClaim(claim, {
    seed: options.seed,
    runs,
    ...(options.path === undefined ? {} : { path: options.path }),
    archiveRoot: options.writeArchive ? options.archive : null,
    ...(bar === null ? {} : { onCase: (status) => (status === 'discard' ? undefined : bar.increment()) }),
  });
  bar?.stop();
  const archived = replayArchive(options.archive, (id) => registry.get(id), { claim: claim.id });
  let experiment: { assertions: readonly AssertionVerdict[]; ms: number } | undefined;
  if (options.experiments && options.reportRoot !== null && claim.experiment !== undefined) {
    const chosen: Record<string, string> = {};
    for (const option of claim.experiment.options) chosen[option.flag] = option.defaultValue;
    Object.assign(chosen, claim.experiment.mainJob ?? {});
    if (!options.json) {
      const flags = Object.entries(claim.experiment.mainJob ?? {})
        .map(([k, v]) => `--${k} ${v}`)
        .join(' ');
      io.err(`running the experiment of ${claim.id}${flags === '' ? '' : ` (${flags})`}…`);
    }
    const record = runExperiment(claim, chosen, options.seed, options.reportRoot, () => undefined, {
      io,
      json: options.json,
    });
    experiment = { assertions: record.result.assertions, ms: record.ms };
    if (!options.json) {
      for (const a of record.result.assertions) io.err(`  ${a.verdict}: ${a.name}: ${a.detail}`);
      io.err(`  ${(record.ms / 1000).toFixed(1)} s; plots: ${record.plotFiles.length}`);
    }
  }
  const row = combine(claim, run, archived, experiment);
  const newFile = run.certified !== null && !archived.some((r) => r.ok) && run.counterexamples.length === 0;
  if (!options.json) {
    io.err(`  ${row.verdict}${row.asExpected ? '' : ` (expected ${claim.expect})`}: ${row.reason}`);
    if (run.failure !== null) {
      io.err(`  case: ${run.failure.case}`);
      io.err(`  seed ${run.failure.seed}, path ${run.failure.path}; replay: ${run.failure.replay}`);
    }
    if (run.created) io.err(`  archived (new file): ${row.counterexamples[0]}`);
    if (newFile) io.err(`  new counterexample not archived (pass --write to keep it)`);
    for (const broken of row.brokenArchive)
      io.err(`  archived file fails replay: ${broken.path}: ${broken.problems.join('; ')}`);
  }
  return { row, value: run.failure?.value };
}

/** Every claim through checkClaim: in a pool of worker threads when asked and available, else in this thread. */
async function checkAll(
  registry: ClaimRegistry,
  claims: readonly AnyClaim[],
  options: CheckOptions,
  io: Io,
  pool: PoolOptions,
): Promise<CheckedClaim[]> {
  const entry = pool.jobs > 1 && claims.length > 1 ? (pool.worker ?? checkWorkerEntry()) : null;
  if (entry !== null) return checkInPool(claims, options, io, pool, entry);
  return claims.map((claim) => checkClaim(registry, claim, options, io));
}

/**
 * `landscape check`: every selected claim through checkClaim, serially or in a pool of worker threads
 * (checkPool.ts; `jobs` > 1), then check.json and the table. The pool prints each claim's lines and fills the rows
 * in the registry's order, so the output and check.json are those of a serial run but for the times.
 */
export async function checkCommand(
  registry: ClaimRegistry,
  options: CheckOptions,
  io: Io,
  pool: PoolOptions = { jobs: 1, claimsModule: null },
): Promise<number> {
  const started = performance.now();
  const claims = registry.select(options.ids);
  if (!options.json) {
    io.err(
      `seed ${options.seed} (${options.seedOrigin === 'fresh' ? 'fresh; pass --seed to replay' : `from ${options.seedOrigin === 'flag' ? '--seed' : 'LANDSCAPE_SEED'}`})`,
    );
  }
  const checked = await checkAll(registry, claims, options, io, pool);
  const rows = checked.map((c) => c.row);
  /** The full failing case of each row (only --json prints it; check.json keeps the short form). */
  const values = checked.map((c) => c.value);
  const asExpected = rows.filter((r) => r.asExpected).length;
  const count = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
  const counts = {
    total: rows.length,
    asExpected,
    holds: count('holds'),
    refuted: count('refuted'),
    inconclusive: count('inconclusive'),
  };
  const countLine =
    `${counts.asExpected} of ${counts.total} claims as expected: ${counts.holds} hold, ${counts.refuted} refuted, ` +
    `${counts.inconclusive} inconclusive (seed ${options.seed})`;
  const data = {
    tool: toolName(),
    seed: options.seed,
    date: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    budget: { runs: options.runs ?? null },
    counts,
    results: rows,
  };
  if (options.reportRoot !== null) {
    // Atomic (temporary + rename): Ctrl-C or a crash leaves the previous check.json or this one, never half.
    writeFileAtomicReplace(
      join(options.reportRoot, 'data', 'check.json'),
      `${JSON.stringify(data, null, 2)}\n`,
    );
  }
  if (options.json) {
    const full = rows.map((row, i) =>
      row.failure === undefined ? row : { ...row, failure: { ...row.failure, value: values[i] } },
    );
    io.out(JSON.stringify({ ...data, results: full }, null, 2));
  } else {
    io.out(
      formatTable(
        ['claim', 'verdict', 'expected', 'runs', 'discards', 'inconcl.', 'time', 'reason'],
        rows.map((row) => [
          row.id,
          row.asExpected ? row.verdict : `${row.verdict} (!)`,
          row.expect,
          row.runs,
          row.discards,
          row.inconclusive,
          `${(row.timeMs / 1000).toFixed(1)}s`,
          shorten(
            row.counterexamples[0] === undefined ? row.reason : `${row.counterexamples[0]}: ${row.reason}`,
          ),
        ]),
      ),
    );
    const unexpected = rows.filter((r) => !r.asExpected);
    io.out(
      `\n${countLine}${unexpected.length === 0 ? '' : `; not as expected: ${unexpected.map((r) => r.id).join(', ')}`}`,
    );
  }
  return rows.every((r) => r.asExpected) ? 0 : 1;
}

/** A reason cut to one table cell (the full sentence is in check.json and above the table). */
function shorten(text: string, max = 100): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
