import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import { cleanStaleTemporaries, writeFileAtomicReplace } from '../archive/index.js';
import { type ClaimRegistry, DISTINCT_LOSS_RTOL, type NearMiss, POOL_SIZE } from '../claims/index.js';
import { UserError } from '../errors.js';
import { type HuntProgress, huntLoop } from './huntLoop.js';
import { HuntSchedule } from './huntSchedule.js';
import type { HuntWorkerData } from './huntWorker.js';
import type { Io } from './io.js';
import { cacheRoot, projectRoot } from './paths.js';

export interface HuntOptions {
  readonly ids: readonly string[];
  /** Stop starting steps after this long (null: no time limit)… */
  readonly ms: number | null;
  /** …or after this many steps in all (null: no step limit); at least one of the two is set. */
  readonly steps: number | null;
  readonly workers: number | undefined;
  readonly shard: { readonly index: number; readonly count: number };
  readonly seed: number;
  readonly json: boolean;
  readonly archive: string;
  /** Write distinct finds to the archive (false: --no-write, report only). */
  readonly write: boolean;
  /** At most this many new files (null: no limit). */
  readonly maxFiles: number | null;
}

/** Near-misses are cached per claim between hunts (JSON; claims whose hypotheses are not JSON-able skip it). */
function loadPool(id: string): NearMiss[] {
  const file = join(cacheRoot(), `hunt-${id}.json`);
  if (!existsSync(file)) return [];
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pool?: NearMiss[] };
    return Array.isArray(parsed.pool)
      ? parsed.pool.filter((e) => Number.isFinite(e.score)).slice(0, POOL_SIZE)
      : [];
  } catch {
    return [];
  }
}

function savePool(id: string, pool: readonly NearMiss[]): void {
  try {
    // Atomic (temporary + rename): a hunt killed mid-write leaves the old cache or the new one, never half.
    cleanStaleTemporaries(cacheRoot());
    writeFileAtomicReplace(
      join(cacheRoot(), `hunt-${id}.json`),
      `${JSON.stringify({ claim: id, pool }, null, 1)}\n`,
    );
  } catch {
    // The cache is an optimisation only; a pool that does not serialise is simply not kept.
  }
}

/** "90 s", "200 steps", or "90 s or 200 steps, whichever comes first". */
function limits(options: Pick<HuntOptions, 'ms' | 'steps'>): string {
  const time = options.ms === null ? null : `${Math.round(options.ms / 1000)} s`;
  const steps = options.steps === null ? null : `${options.steps} steps`;
  return time !== null && steps !== null
    ? `${time} or ${steps}, whichever comes first`
    : (time ?? steps ?? '');
}

function mergePools(into: Map<string, NearMiss[]>, from: Record<string, NearMiss[]>): void {
  for (const [id, pool] of Object.entries(from)) {
    const merged = [...(into.get(id) ?? []), ...pool].sort((a, b) => b.score - a.score);
    const seen = new Set<string>();
    const unique: NearMiss[] = [];
    for (const entry of merged) {
      let key: string;
      try {
        key = JSON.stringify(entry.h);
      } catch {
        continue;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      unique.push(entry);
      if (unique.length >= POOL_SIZE) break;
    }
    into.set(id, unique);
  }
}

export async function huntCommand(registry: ClaimRegistry, options: HuntOptions, io: Io): Promise<number> {
  const claims = registry.select(options.ids).filter((c) => c.kind !== 'empirical');
  if (claims.length === 0)
    throw new UserError(
      'nothing to hunt: empirical claims have no counterexample search (use `landscape run`)',
    );
  const workers = options.workers ?? availableParallelism();
  const started = Date.now();
  const deadline = options.ms === null ? Number.POSITIVE_INFINITY : started + options.ms;
  const schedule = HuntSchedule.create(claims.length, options.steps);
  const pools = new Map<string, NearMiss[]>(claims.map((c) => [c.id, loadPool(c.id)]));
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const files = new Int32Array(new SharedArrayBuffer(4));
  let runs = 0;
  let duplicates = 0;
  const unwritten = new Set<string>();
  const created = new Set<string>();
  const found = new Set<string>();
  const uncertified: HuntProgress['failures'][number][] = [];
  let bestScore: number | null = null;
  const root = projectRoot();
  // Per worker: runs and the wall time spent inside steps (its own rate, without start-up or waiting), and when its
  // first step started and its last one ended (ms from the start): where a hunt's total rate falls short of
  // workers × one worker's, this says whether start-up (a thread loads the claims first) or the last step running
  // past the deadline (steps are not interrupted) took the time.
  const perWorker = Array.from({ length: workers }, () => ({
    steps: 0,
    runs: 0,
    busyMs: 0,
    firstMs: null as number | null,
    lastMs: null as number | null,
  }));
  // Per claim, summed over workers: steps, runs and wall time inside its steps. A claim's runs differ in cost by
  // orders of magnitude, so this is what says which claims a worker count speeds up and which it does not.
  const perClaim = new Map(claims.map((c) => [c.id, { steps: 0, runs: 0, busyMs: 0 }]));

  if (!options.json) {
    io.err(
      `hunting ${claims.map((c) => c.id).join(', ')} for ${limits(options)} on ${workers} worker(s), ` +
        `seed ${options.seed}, shard ${options.shard.index}/${options.shard.count}; Ctrl-C stops cleanly`,
    );
  }
  const bar =
    !options.json && io.interactive
      ? new cliProgress.SingleBar(
          {
            format: `hunt |{bar}| ${options.ms === null ? '{value}/{total} steps' : '{elapsed}s/{total}s'}  {runs} runs ({rate}/s)  found {found}  best score {best}`,
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const barTotal = options.ms === null ? (options.steps ?? 0) : Math.round(options.ms / 1000);
  let stepsDone = 0;
  bar?.start(barTotal, 0, { runs: 0, rate: '0', found: 0, best: '-', elapsed: 0 });
  let lastLine = Date.now();
  const onProgress = (p: HuntProgress) => {
    runs += p.runs;
    stepsDone++;
    const mine = perWorker[p.worker];
    if (mine !== undefined) {
      mine.steps++;
      mine.runs += p.runs;
      mine.busyMs += p.stepMs;
      mine.firstMs ??= p.startedAt - started;
      mine.lastMs = p.endedAt - started;
    }
    const claimTally = perClaim.get(p.claim);
    if (claimTally !== undefined) {
      claimTally.steps++;
      claimTally.runs += p.runs;
      claimTally.busyMs += p.stepMs;
    }
    duplicates += p.duplicates;
    for (const f of p.unwritten) unwritten.add(f);
    for (const f of p.created) created.add(f);
    for (const f of p.found) found.add(f);
    uncertified.push(...p.failures);
    if (p.bestScore !== null && (bestScore === null || p.bestScore > bestScore)) bestScore = p.bestScore;
    if (bar === null && !options.json)
      for (const f of p.created) io.err(`new counterexample: ${relative(root, f)}`);
    const elapsed = (Date.now() - started) / 1000;
    const payload = {
      runs,
      rate: (runs / Math.max(elapsed, 1e-3)).toFixed(1),
      found: found.size,
      best: bestScore === null ? '-' : bestScore.toPrecision(4),
      elapsed: Math.round(elapsed),
    };
    bar?.update(Math.min(options.ms === null ? stepsDone : Math.round(elapsed), barTotal), payload);
    if (bar === null && !options.json && Date.now() - lastLine > 10_000) {
      lastLine = Date.now();
      io.err(
        `${payload.elapsed}s: ${runs} runs (${payload.rate}/s), found ${found.size}, best score ${payload.best}`,
      );
    }
  };

  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    Atomics.store(stop, 0, 1);
    if (!options.json)
      io.err(
        '\nstopping after the current step (Ctrl-C again to abort; archived files are complete either way)…',
      );
  };
  process.on('SIGINT', onSigint);
  try {
    const workerFile = fileURLToPath(new URL('./huntWorker.js', import.meta.url));
    const threads = existsSync(workerFile) ? workers - 1 : 0;
    // This thread is worker 0 and hunts at once; workers 1…W−1 are threads, which first load the claims (seconds):
    // with W threads for W workers this one would idle, and every worker would lose its start-up to the deadline.
    const inThreads = Array.from({ length: threads }, (_, t) => {
      const w = t + 1;
      const data: HuntWorkerData = {
        ids: claims.map((c) => c.id),
        seed: options.seed,
        shard: options.shard,
        worker: w,
        archive: options.archive,
        deadline,
        schedule: schedule.buffer,
        steps: options.steps,
        pools: Object.fromEntries(pools),
        stop: stop.buffer as SharedArrayBuffer,
        write: options.write,
        files: files.buffer as SharedArrayBuffer,
        maxFiles: options.maxFiles,
      };
      return new Promise<Record<string, NearMiss[]> | null>((resolve, reject) => {
        const worker = new Worker(workerFile, { workerData: data });
        let returned: Record<string, NearMiss[]> | null = null;
        worker.on(
          'message',
          (message: HuntProgress | { type: 'done'; pools: Record<string, NearMiss[]> }) => {
            if (message.type === 'progress') onProgress(message);
            else returned = message.pools;
          },
        );
        worker.on('error', reject);
        worker.on('exit', () => resolve(returned));
      });
    });
    await huntLoop({
      claims,
      seed: options.seed,
      shard: options.shard,
      worker: 0,
      archive: options.archive,
      deadline,
      schedule,
      pools,
      stop,
      write: options.write,
      files,
      maxFiles: options.maxFiles,
      report: onProgress,
      yieldBetweenSteps: () => new Promise((resolve) => setImmediate(resolve)),
    });
    // The threads' pools are merged after this thread's loop, which kept its own in `pools`.
    for (const returned of await Promise.all(inThreads)) if (returned !== null) mergePools(pools, returned);
  } finally {
    process.off('SIGINT', onSigint);
    bar?.stop();
  }
  for (const [id, pool] of pools) if (pool.length > 0) savePool(id, pool);
  const seconds = (Date.now() - started) / 1000;
  const summary = {
    seed: options.seed,
    shard: `${options.shard.index}/${options.shard.count}`,
    workers,
    /** `bin/landscape.js` starts a hunt with V8's `--single-threaded` (no helper threads); see the README. */
    v8HelperThreads: !process.execArgv.includes('--single-threaded'),
    seconds: Number(seconds.toFixed(1)),
    steps: stepsDone,
    runs,
    runsPerSecond: Number((runs / Math.max(seconds, 1e-3)).toFixed(2)),
    interrupted,
    created: [...created].map((f) => relative(root, f)),
    found: [...found].map((f) => relative(root, f)),
    uncertified,
    bestScore,
    perWorker: perWorker.map((w, i) => ({
      worker: i,
      steps: w.steps,
      runs: w.runs,
      busySeconds: Number((w.busyMs / 1000).toFixed(2)),
      runsPerSecond: Number((w.runs / Math.max(w.busyMs / 1000, 1e-3)).toFixed(2)),
      /** Seconds from the start to its first step, and from the deadline to the end of its last (null: no step). */
      startSeconds: w.firstMs === null ? null : Number((w.firstMs / 1000).toFixed(2)),
      endSeconds: w.lastMs === null ? null : Number((w.lastMs / 1000).toFixed(2)),
      pastDeadlineSeconds:
        w.lastMs === null || options.ms === null ? null : Number(((w.lastMs - options.ms) / 1000).toFixed(2)),
    })),
    perClaim: [...perClaim].map(([claim, c]) => ({
      claim,
      steps: c.steps,
      runs: c.runs,
      busySeconds: Number((c.busyMs / 1000).toFixed(2)),
      runsPerSecond: Number((c.runs / Math.max(c.busyMs / 1000, 1e-3)).toFixed(2)),
    })),
    duplicates,
    unwritten: [...unwritten].map((f) => relative(root, f)),
  };
  if (options.json) {
    io.out(JSON.stringify(summary, null, 2));
  } else {
    io.out(
      `${interrupted ? 'interrupted' : 'done'} after ${summary.seconds} s: ${stepsDone} steps, ${runs} runs (${summary.runsPerSecond}/s), ` +
        `${created.size} new counterexample(s), ${found.size} certified in all, ${duplicates} near-duplicate(s) not kept ` +
        `(same claim, subject shape and loss within ${DISTINCT_LOSS_RTOL} relative), ${uncertified.length} uncertified failure(s)`,
    );
    for (const w of summary.perWorker)
      io.out(
        `  worker ${w.worker}: ${w.steps} steps, ${w.runs} runs in ${w.busySeconds} s of steps (${w.runsPerSecond}/s)` +
          (w.startSeconds === null || w.endSeconds === null
            ? ''
            : `; first step at ${w.startSeconds} s, last one ended at ${w.endSeconds} s` +
              (w.pastDeadlineSeconds === null ? '' : ` (${w.pastDeadlineSeconds} s past the deadline)`)),
      );
    for (const f of summary.created) io.out(`  new: ${f}`);
    for (const f of summary.unwritten)
      io.out(`  not written (${options.write ? '--max-files reached' : '--no-write'}): ${f}`);
    for (const u of uncertified.slice(0, 5))
      io.out(`  uncertified (seed ${u.seed}, path ${u.path}): ${u.reason}\n    replay: ${u.replay}`);
  }
  return 0;
}
