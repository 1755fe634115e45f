import {
  type CounterexampleJson,
  counterexamplePath,
  loadArchive,
  saveCounterexample,
} from '../archive/index.js';
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

/** The step index of pass j in shard i of n (1-based): k = (i−1) + n·j, so shards never share a k. */
export function shardStep(shard: { index: number; count: number }, pass: number): number {
  return shard.index - 1 + shard.count * pass;
}

/**
 * Two finds of one claim are near-duplicates when their subjects have the same shape and their losses agree to
 * DISTINCT_LOSS_RTOL relative: 1e-6 is the replay tolerance of a loss (REPLAY_RTOL), so two files closer than
 * that could not be told apart by replay either. Such a find counts once and is written once.
 */
export const DISTINCT_LOSS_RTOL = 1e-6;

/** The shape of a subject: its kind and sizes (mlp: layers, activation, bias, samples), never its numbers. */
export function subjectShape(subject: CounterexampleJson['subject']): string {
  switch (subject.kind) {
    case 'mlp':
      return `mlp ${subject.network.layerSizes.join('-')} ${subject.network.activation.name}${subject.network.bias ? '' : ' no-bias'} n=${subject.data.inputs.length}`;
    case 'gaussian-teacher-student':
      return `teacher-student ${subject.student.length}/${subject.teacher.length}×${subject.teacher[0]?.length ?? 0}`;
    default:
      return `${subject.kind} ${JSON.stringify(subject).length}`;
  }
}

/** The distinct finds of a hunt: the archive's files at the start, then each new find (see DISTINCT_LOSS_RTOL). */
export class DistinctFinds {
  private readonly byKey = new Map<string, number[]>();

  constructor(existing: readonly CounterexampleJson[] = []) {
    for (const file of existing) this.add(file);
  }

  /** The archive's files of these claims, loaded once. */
  static fromArchive(root: string, claims: readonly string[]): DistinctFinds {
    const files = claims.flatMap((id) => loadArchive(root, id)).flatMap((f) => (f.ok ? [f.value] : []));
    return new DistinctFinds(files);
  }

  private key(file: CounterexampleJson): string {
    return `${file.claim}|${subjectShape(file.subject)}`;
  }

  isNew(file: CounterexampleJson): boolean {
    const losses = this.byKey.get(this.key(file)) ?? [];
    const loss = file.certificate.loss;
    return !losses.some(
      (l) => Math.abs(l - loss) <= DISTINCT_LOSS_RTOL * Math.max(1, Math.abs(l), Math.abs(loss)),
    );
  }

  add(file: CounterexampleJson): void {
    const key = this.key(file);
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), file.certificate.loss]);
  }
}

/** How a hunt keeps its finds: only distinct ones, written when allowed and while the file budget lasts. */
export interface KeepPolicy {
  readonly distinct: DistinctFinds;
  /** False with `hunt --no-write`: finds are reported, nothing is written. */
  readonly write: boolean;
  /** Claims one file of the `--max-files` budget; false when it is spent. */
  readonly takeFile: () => boolean;
}

export interface HuntStepResult {
  readonly runs: number;
  readonly found: readonly string[];
  readonly created: readonly string[];
  readonly bestScore: number | null;
  readonly failures: readonly FailureReport[];
  /** Certified finds that were near-duplicates of an earlier one (not written). */
  readonly duplicates: number;
  /** Distinct finds not written (--no-write, or the --max-files budget spent). */
  readonly unwritten: readonly string[];
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
  keep: KeepPolicy = { distinct: new DistinctFinds(), write: true, takeFile: () => true },
): HuntStepResult {
  const found: string[] = [];
  const created: string[] = [];
  const unwritten: string[] = [];
  const failures: FailureReport[] = [];
  let duplicates = 0;
  let runs = 0;
  /** Keep a certified find once: near-duplicates are counted, distinct ones written while allowed. */
  const keepFind = (file: CounterexampleJson | null) => {
    if (file === null) return;
    if (!keep.distinct.isNew(file)) {
      duplicates++;
      return;
    }
    keep.distinct.add(file);
    if (keep.write && keep.takeFile()) {
      const saved = saveCounterexample(archiveRoot, file);
      found.push(saved.path);
      if (saved.created) created.push(saved.path);
    } else {
      unwritten.push(counterexamplePath(archiveRoot, file));
    }
  };
  const random = runClaim(claim, {
    seed,
    runs: RANDOM_BATCH,
    archiveRoot: null,
    onCase: (_status, score, h) => {
      if (score !== undefined) insert(pool, { h, score });
    },
  });
  runs += random.runs;
  keepFind(random.certified);
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
        const result = runClaim(claim, { seed, runs: 1, archiveRoot: null, examples: [child] });
        keepFind(result.certified);
        if (result.failure !== null && result.verdict !== 'refuted') failures.push(result.failure);
      }
    }
  }
  return { runs, found, created, bestScore: pool[0]?.score ?? null, failures, duplicates, unwritten };
}
