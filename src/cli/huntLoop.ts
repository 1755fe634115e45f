import { type AnyClaim, huntStep, type NearMiss, shardStep, stepSeed } from '../claims/index.js';

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
  readonly failures: readonly { seed: number; path: string; replay: string; reason: string }[];
}

export interface HuntLoopOptions {
  readonly claims: readonly AnyClaim[];
  readonly seed: number;
  readonly shard: { readonly index: number; readonly count: number };
  readonly worker: number;
  readonly workers: number;
  readonly archive: string;
  readonly deadline: number;
  readonly pools: Map<string, NearMiss[]>;
  /** Set to non-zero (index 0) to stop after the current step. */
  readonly stop: Int32Array;
  readonly report: (progress: HuntProgress) => void;
  /** Yield to the event loop between steps (main-thread mode, so Ctrl-C is seen). */
  readonly yieldBetweenSteps?: () => Promise<void>;
}

/** Steps over the claims round-robin until the deadline or a stop; every find is archived as it happens. */
export async function huntLoop(options: HuntLoopOptions): Promise<void> {
  for (let j = 0; Date.now() < options.deadline && Atomics.load(options.stop, 0) === 0; j++) {
    const claim = options.claims[j % options.claims.length]!;
    const k = shardStep(
      options.shard,
      options.worker,
      options.workers,
      Math.floor(j / options.claims.length),
    );
    const seed = stepSeed(options.seed, k);
    let pool = options.pools.get(claim.id);
    if (pool === undefined) {
      pool = [];
      options.pools.set(claim.id, pool);
    }
    const t0 = performance.now();
    const result = huntStep(claim, seed, pool, options.archive);
    const stepMs = performance.now() - t0;
    options.report({
      type: 'progress',
      worker: options.worker,
      claim: claim.id,
      runs: result.runs,
      created: result.created,
      found: result.found,
      bestScore: result.bestScore,
      stepMs,
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
