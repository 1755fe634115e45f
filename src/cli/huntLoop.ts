import {
  type AnyClaim,
  DistinctFinds,
  huntStep,
  type KeepPolicy,
  type NearMiss,
  shardStep,
  stepSeed,
} from '../claims/index.js';
import type { HuntSchedule } from './huntSchedule.js';

/** What a hunt loop reports after each step (from a worker thread or from the main thread). */
export interface HuntProgress {
  readonly type: 'progress';
  readonly worker: number;
  readonly claim: string;
  readonly runs: number;
  readonly created: readonly string[];
  readonly found: readonly string[];
  readonly bestScore: number | null;
  /** Wall time of this step (ms), so each worker's own rate excludes its start-up and idle time. */
  readonly stepMs: number;
  /** Date.now() when the step started and ended: the main thread reads a thread's messages only between its own
   *  steps, so the time a message arrives says nothing about when the step ran. */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly failures: readonly { seed: number; path: string; replay: string; reason: string }[];
  readonly duplicates: number;
  readonly unwritten: readonly string[];
}

export interface HuntLoopOptions {
  readonly claims: readonly AnyClaim[];
  readonly seed: number;
  readonly shard: { readonly index: number; readonly count: number };
  readonly worker: number;
  readonly archive: string;
  /** Date.now() after which no step starts (Infinity: none). */
  readonly deadline: number;
  /** Which step comes next, shared by all workers (and the step limit). */
  readonly schedule: HuntSchedule;
  readonly pools: Map<string, NearMiss[]>;
  /** Set to non-zero (index 0) to stop after the current step. */
  readonly stop: Int32Array;
  readonly report: (progress: HuntProgress) => void;
  /** Write distinct finds (false: --no-write). */
  readonly write: boolean;
  /** Files written so far by all workers (index 0) and the --max-files budget (null: no limit). */
  readonly files: Int32Array;
  readonly maxFiles: number | null;
  /** Yield to the event loop between steps (main-thread mode, so Ctrl-C is seen). */
  readonly yieldBetweenSteps?: () => Promise<void>;
}

/**
 * Takes the schedule's steps until the deadline, its step limit or a stop; every find is archived as it happens.
 * Step (claim c, pass p) draws its random cases from pass p's seed, so a hunt of n steps draws the same random cases
 * for any number of workers (the guided phase mutates each worker's own near-misses, which can differ).
 */
export async function huntLoop(options: HuntLoopOptions): Promise<void> {
  // Distinct per worker, against the archive as it was at the start (see DISTINCT_LOSS_RTOL).
  const keep: KeepPolicy = {
    distinct: DistinctFinds.fromArchive(
      options.archive,
      options.claims.map((c) => c.id),
    ),
    write: options.write,
    takeFile: () => options.maxFiles === null || Atomics.add(options.files, 0, 1) < options.maxFiles,
  };
  while (Date.now() < options.deadline && Atomics.load(options.stop, 0) === 0) {
    const step = options.schedule.take();
    if (step === null) break;
    const claim = options.claims[step.claim]!;
    const seed = stepSeed(options.seed, shardStep(options.shard, step.pass));
    let pool = options.pools.get(claim.id);
    if (pool === undefined) {
      pool = [];
      options.pools.set(claim.id, pool);
    }
    const startedAt = Date.now();
    const t0 = performance.now();
    const result = huntStep(claim, seed, pool, options.archive, keep);
    const stepMs = performance.now() - t0;
    const endedAt = Date.now();
    options.schedule.finish(step.claim, stepMs);
    options.report({
      type: 'progress',
      worker: options.worker,
      claim: claim.id,
      runs: result.runs,
      created: result.created,
      found: result.found,
      bestScore: result.bestScore,
      stepMs,
      startedAt,
      endedAt,
      duplicates: result.duplicates,
      unwritten: result.unwritten,
      failures: result.failures.map((f) => ({
        seed: f.seed,
        path: f.path,
        replay: f.replay,
        reason: f.uncertified ?? f.error ?? '',
      })),
    });
    if (options.yieldBetweenSteps !== undefined) await options.yieldBetweenSteps();
  }
}
