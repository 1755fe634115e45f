import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import type { AnyClaim } from '../claims/index.js';
import { UserError } from '../errors.js';
import type { CheckedClaim, CheckOptions, CheckRow } from './check.js';
import type { Io } from './io.js';

/**
 * How `landscape check` spreads its claims: `jobs` worker threads (1: in this thread), each loading the claims
 * the same way this process did (the built-in claims, or the user's module named by `claimsModule`).
 */
export interface PoolOptions {
  readonly jobs: number;
  readonly claimsModule: { readonly file: string; readonly root: string } | null;
  /** The worker module (default: checkWorkerEntry(), the compiled one). */
  readonly worker?: WorkerEntry;
}

/** What a check worker starts with (checkWorker.ts). */
export interface CheckWorkerData {
  readonly options: CheckOptions;
  readonly claimsModule: PoolOptions['claimsModule'];
}

/** Main thread → worker: check the claim `id`, the `index`-th of the run. */
export interface CheckTask {
  readonly index: number;
  readonly id: string;
}

/** Worker → main thread: a claim's row and printed lines, or the error that stopped it. */
export type CheckReply =
  | {
      readonly type: 'done';
      readonly index: number;
      readonly row: CheckRow;
      /** JSON of the failing case's full value (only with --json, the only output that prints it). */
      readonly valueJson: string | null;
      readonly lines: readonly string[];
    }
  | {
      readonly type: 'failed';
      readonly index: number;
      readonly message: string;
      readonly stack: string;
      /** A UserError (bad input: exit 2 with its message), not an internal error. */
      readonly user: boolean;
    };

/** The start of the line that names a claim finished ahead of its turn (lines not in a serial run). */
export const HELD_BACK = '  … ';

/** A worker to start: a module file, or (eval) the code of a script that imports it. */
export interface WorkerEntry {
  readonly file: string;
  readonly eval: boolean;
}

/**
 * The compiled worker next to this module (dist/), or null when there is none (src/ run by vitest: in-process CLI
 * tests check in their own thread, as before).
 */
export function checkWorkerEntry(): WorkerEntry | null {
  const compiled = fileURLToPath(new URL('./checkWorker.js', import.meta.url));
  return existsSync(compiled) ? { file: compiled, eval: false } : null;
}

/** The worker's TypeScript source, loaded through tsx's hooks registered in the worker: the pool's own tests. */
export function sourceWorkerEntry(): WorkerEntry {
  // tsx's ESM entry (require.resolve finds its CommonJS twin, index.cjs, beside it).
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const source = new URL('./checkWorker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`;
  return { file: code, eval: true };
}

/**
 * Seconds each built-in claim took in the main job (`npm run check -- --seed 666787975`, 2 worker threads,
 * 2026-12-05, schk branch) on a 2-core machine at load ~10 (four mutation-testing runs beside it): about 4× a quiet
 * machine's times (km-phase-transition took 91 s on a quiet one the day before). Only their order matters: the pool
 * starts the long claims first, so that no core idles at the end while one long experiment finishes. Results never
 * depend on it.
 */
const MAIN_JOB_SECONDS: Readonly<Record<string, number>> = {
  'km-phase-transition': 402,
  'ss18-spurious-rate': 386,
  'cho15-network-minima-concentrate': 320,
  'cho15-minima-concentrate': 261,
  'ss16-initial-basin-quality': 176,
  'km-1d-regions': 166,
  'ss16-monotone-path': 105,
  'embedding-preserves-criticality': 58,
  'kaw16-deep-linear': 22,
  'bh89-linear-no-bad-min': 16,
  'lslsr18-one-neuron': 13,
  'km-most-regions-fullrank': 11,
  'region-linearity': 11,
  'lds-width-transition': 11,
  'dl18-quadratic': 10,
  'jacobian-certificate': 8,
  'ahw96-single-neuron': 8,
  'sc16-no-bad-dlm': 7,
  'ss18-spurious-minima-common': 7,
  'km-region-fullrank-implies-global': 5,
  'narrow-no-strict-bad-min': 3,
  'lds-no-suboptimal-basin': 3,
  'sjl19-quadratic': 1,
  'km-block-partition-fullrank': 1,
  'wide-relu-no-bad-local-min': 1,
  'ck22-affine-segment': 1,
  'km-region-gram-identity': 1,
  'dead-relu-plateau': 1,
  'ysj19-small-nonlinearity': 1,
  'km-d0-one-rank': 1,
  'single-relu-no-spurious-min': 1,
  'cho15-band-thresholds': 1,
  'km-independent-inputs-rank': 1,
};

/**
 * Claim indices in the order to hand them out, longest first: by MAIN_JOB_SECONDS, else by the claim's time in
 * the last check.json of the report folder (a user's claims), else unknown and first; ties in run order.
 * Only the schedule depends on it: every claim's result is the same whichever worker runs it and when.
 */
export function scheduleOrder(claims: readonly AnyClaim[], reportRoot: string | null): number[] {
  const previous = new Map<string, number>();
  if (reportRoot !== null) {
    try {
      const data = JSON.parse(readFileSync(join(reportRoot, 'data', 'check.json'), 'utf8')) as {
        results?: { id?: unknown; timeMs?: unknown }[];
      };
      for (const r of data.results ?? [])
        if (typeof r.id === 'string' && typeof r.timeMs === 'number') previous.set(r.id, r.timeMs / 1000);
    } catch {
      // no earlier run (or an unreadable one)
    }
  }
  const cost = (i: number) => {
    const id = claims[i]!.id;
    return MAIN_JOB_SECONDS[id] ?? previous.get(id) ?? Number.POSITIVE_INFINITY;
  };
  return claims.map((_, i) => i).sort((a, b) => cost(b) - cost(a) || a - b);
}

/**
 * Check `claims` on `jobs` worker threads. Each claim's lines are printed as one block, in run order, as soon as it
 * and every claim before it are done; the rows come back in run order. On a terminal a bar counts the claims done.
 * Ctrl-C stops the workers and exits 130 without writing check.json (every file a claim writes is atomic).
 */
export async function checkInPool(
  claims: readonly AnyClaim[],
  options: CheckOptions,
  io: Io,
  pool: PoolOptions,
  entry: WorkerEntry,
): Promise<CheckedClaim[]> {
  const jobs = Math.max(1, Math.min(pool.jobs, claims.length));
  const results: (CheckedClaim & { lines: readonly string[] })[] = [];
  const queue = scheduleOrder(claims, options.reportRoot);
  const running = new Set<string>();
  const interactive = !options.json && io.interactive;
  const bars = interactive
    ? new cliProgress.MultiBar(
        {
          format: 'check |{bar}| {value}/{total} claims  {running}',
          hideCursor: true,
          clearOnComplete: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const bar = bars?.create(claims.length, 0, { running: '' }) ?? null;
  const print = (line: string) => (bars === null ? io.err(line) : bars.log(`${line}\n`));
  let printed = 0;
  let done = 0;
  const flush = () => {
    for (let next = results[printed]; next !== undefined; next = results[++printed])
      for (const line of next.lines) print(line);
  };
  if (!options.json)
    io.err(
      `checking ${claims.length} claims on ${jobs} worker threads, longest first; each claim's lines in claim order…`,
    );
  const workers: Worker[] = [];
  const onSigint = () => {
    for (const w of workers) void w.terminate();
    bars?.stop();
    io.err('\ninterrupted: check.json not written (files already written are complete)');
    process.exit(130);
  };
  process.on('SIGINT', onSigint);
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      /** Workers stopped because nothing is left to give them (their exit is not a failure). */
      const retired = new Set<Worker>();
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        for (const w of workers) void w.terminate();
        reject(error);
      };
      const give = (worker: Worker) => {
        const index = queue.shift();
        if (index === undefined) {
          retired.add(worker);
          void worker.terminate();
          return;
        }
        running.add(claims[index]!.id);
        bar?.update(done, { running: [...running].join(', ') });
        worker.postMessage({ index, id: claims[index]!.id } satisfies CheckTask);
      };
      for (let w = 0; w < jobs; w++) {
        const data: CheckWorkerData = { options, claimsModule: pool.claimsModule };
        const worker = new Worker(entry.file, { workerData: data, eval: entry.eval });
        workers.push(worker);
        worker.on('message', (reply: CheckReply) => {
          if (reply.type === 'failed') {
            const error = reply.user ? new UserError(reply.message) : new Error(reply.message);
            if (!reply.user) error.stack = reply.stack;
            fail(error);
            return;
          }
          results[reply.index] = {
            row: reply.row,
            value: reply.valueJson === null ? undefined : JSON.parse(reply.valueJson),
            lines: reply.lines,
          };
          running.delete(reply.row.id);
          done++;
          bar?.update(done, { running: [...running].join(', ') });
          flush();
          // Off a terminal (no bar), a claim finished ahead of its turn is named at once; its lines come in order.
          if (bars === null && !options.json && printed <= reply.index)
            io.err(
              `${HELD_BACK}${done} of ${claims.length} claims done: ${reply.row.id} (${reply.row.verdict}; printed in its turn)`,
            );
          if (done === claims.length) resolve();
          else give(worker);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (!retired.has(worker) && done < claims.length)
            fail(new Error(`check worker ${w} exited (code ${code}) before the run ended`));
        });
        give(worker);
      }
    });
  } finally {
    process.off('SIGINT', onSigint);
    // The bar prints logged lines at its next redraw: draw once more, or the last blocks would be lost.
    bars?.update();
    bars?.stop();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.map(({ row, value }) => ({ row, value }));
}
