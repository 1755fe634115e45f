import { seededRng } from '../random.js';
import type { AnyClaim } from './claim.js';
import { type FailureReport, runClaim } from './runner.js';

/** Near-misses kept per claim for hill-climbing (the best by score). */
export const POOL_SIZE = 24;
/** Random cases per hunt step before the guided phase. */
export const RANDOM_BATCH = 8;
/** Mutations per hunt step (guided phase), for claims that can mutate their hypotheses. */
export const GUIDED_BATCH = 8;

export interface NearMiss {
  readonly h: unknown;
  readonly score: number;
}

/** A 32-bit mix of (base, k) → a fast-check seed in [0, 2^31): seeds of different steps and shards never collide
 *  by construction of k, and neighbouring k give unrelated seeds. */
export function stepSeed(base: number, k: number): number {
  let h = (base ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (k >>> 0), 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h ^ Math.floor(k / 2 ** 32), 0x27d4eb2f) >>> 0;
  return (h ^ (h >>> 15)) & 0x7fffffff;
}

/** The step indices of shard i of n (1-based), for worker w of W: k = (i−1) + n·(w + W·j), j = 0, 1, 2, … */
export function shardStep(
  shard: { index: number; count: number },
  worker: number,
  workers: number,
  j: number,
): number {
  return shard.index - 1 + shard.count * (worker + workers * j);
}

export interface HuntStepResult {
  readonly runs: number;
  readonly found: readonly string[];
  readonly created: readonly string[];
  readonly bestScore: number | null;
  readonly failures: readonly FailureReport[];
}

function insert(pool: NearMiss[], entry: NearMiss): void {
  if (!Number.isFinite(entry.score)) return;
  pool.push(entry);
  pool.sort((a, b) => b.score - a.score);
  if (pool.length > POOL_SIZE) pool.length = POOL_SIZE;
}

/**
 * One hunt step on one claim: a batch of fresh fast-check cases at `seed` (archiving what it certifies), then,
 * for claims with `mutate`, a guided batch that hill-climbs from the best near-misses of `pool` (updated in
 * place). A guided case that fails is handed back to fast-check as an example, so it is shrunk where the
 * arbitrary allows, then certified and archived like any other.
 */
export function huntStep(
  claim: AnyClaim,
  seed: number,
  pool: NearMiss[],
  archiveRoot: string,
): HuntStepResult {
  const found: string[] = [];
  const created: string[] = [];
  const failures: FailureReport[] = [];
  let runs = 0;
  const random = runClaim(claim, {
    seed,
    runs: RANDOM_BATCH,
    archiveRoot,
    onCase: (_status, score, h) => {
      if (score !== undefined) insert(pool, { h, score });
    },
  });
  runs += random.runs;
  found.push(...random.counterexamples);
  if (random.created) created.push(...random.counterexamples);
  if (random.failure !== null && random.verdict !== 'refuted') failures.push(random.failure);
  if (claim.mutate !== undefined && pool.length > 0) {
    const rng = seededRng(seed);
    for (let m = 0; m < GUIDED_BATCH; m++) {
      const parent = rng.uniform() < 0.5 ? pool[0]! : pool[rng.int(0, pool.length - 1)]!;
      const child = claim.mutate(parent.h, rng);
      const outcome = claim.check(child);
      runs++;
      if ('score' in outcome && outcome.score !== undefined) insert(pool, { h: child, score: outcome.score });
      if (outcome.status === 'fail') {
        const result = runClaim(claim, { seed, runs: 1, archiveRoot, examples: [child] });
        found.push(...result.counterexamples);
        if (result.created) created.push(...result.counterexamples);
        if (result.failure !== null && result.verdict !== 'refuted') failures.push(result.failure);
      }
    }
  }
  return { runs, found, created, bestScore: pool[0]?.score ?? null, failures };
}
