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
import type { HuntWorkerData } from './huntWorker.js';
import type { Io } from './io.js';
import { cacheRoot, projectRoot } from './paths.js';

export interface HuntOptions {
  readonly ids: readonly string[];
  readonly ms: number;
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
  const deadline = started + options.ms;
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
    runs: 0,
    busyMs: 0,
    firstMs: null as number | null,
    lastMs: null as number | null,
  }));

  if (!options.json) {
    io.err(
      `hunting ${claims.map((c) => c.id).join(', ')} for ${Math.round(options.ms / 1000)} s on ${workers} worker(s), ` +
        `seed ${options.seed}, shard ${options.shard.index}/${options.shard.count}; Ctrl-C stops cleanly`,
    );
  }
  const bar =
    !options.json && io.interactive
      ? new cliProgress.SingleBar(
          {
            format:
              'hunt |{bar}| {elapsed}s/{total}s  {runs} runs ({rate}/s)  found {found}  best score {best}',
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(Math.round(options.ms / 1000), 0, { runs: 0, rate: '0', found: 0, best: '-', elapsed: 0 });
  let lastLine = Date.now();
  const onProgress = (p: HuntProgress) => {
    runs += p.runs;
    const mine = perWorker[p.worker];
    if (mine !== undefined) {
      mine.runs += p.runs;
      mine.busyMs += p.stepMs;
      const now = Date.now() - started;
      mine.firstMs ??= now - p.stepMs;
      mine.lastMs = now;
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
    bar?.update(Math.min(Math.round(elapsed), Math.round(options.ms / 1000)), payload);
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
        workers,
        archive: options.archive,
        deadline,
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
      workers: threads + 1,
      archive: options.archive,
      deadline,
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
    seconds: Math.round(seconds),
    runs,
    runsPerSecond: Number((runs / Math.max(seconds, 1e-3)).toFixed(2)),
    interrupted,
    created: [...created].map((f) => relative(root, f)),
    found: [...found].map((f) => relative(root, f)),
    uncertified,
    bestScore,
    perWorker: perWorker.map((w, i) => ({
      worker: i,
      runs: w.runs,
      busySeconds: Number((w.busyMs / 1000).toFixed(2)),
      runsPerSecond: Number((w.runs / Math.max(w.busyMs / 1000, 1e-3)).toFixed(2)),
      /** Seconds from the start to its first step, and from the deadline to the end of its last (null: no step). */
      startSeconds: w.firstMs === null ? null : Number((w.firstMs / 1000).toFixed(2)),
      pastDeadlineSeconds: w.lastMs === null ? null : Number(((w.lastMs - options.ms) / 1000).toFixed(2)),
    })),
    duplicates,
    unwritten: [...unwritten].map((f) => relative(root, f)),
  };
  if (options.json) {
    io.out(JSON.stringify(summary, null, 2));
  } else {
    io.out(
      `${interrupted ? 'interrupted' : 'done'} after ${summary.seconds} s: ${runs} runs (${summary.runsPerSecond}/s), ` +
        `${created.size} new counterexample(s), ${found.size} certified in all, ${duplicates} near-duplicate(s) not kept ` +
        `(same claim, subject shape and loss within ${DISTINCT_LOSS_RTOL} relative), ${uncertified.length} uncertified failure(s)`,
    );
    for (const w of summary.perWorker)
      io.out(
        `  worker ${w.worker}: ${w.runs} runs in ${w.busySeconds} s of steps (${w.runsPerSecond}/s)` +
          (w.startSeconds === null || w.pastDeadlineSeconds === null
            ? ''
            : `; first step at ${w.startSeconds} s, last one ended ${w.pastDeadlineSeconds} s past the deadline`),
      );
    for (const f of summary.created) io.out(`  new: ${f}`);
    for (const f of summary.unwritten)
      io.out(`  not written (${options.write ? '--max-files reached' : '--no-write'}): ${f}`);
    for (const u of uncertified.slice(0, 5))
      io.out(`  uncertified (seed ${u.seed}, path ${u.path}): ${u.reason}\n    replay: ${u.replay}`);
  }
  return 0;
}
