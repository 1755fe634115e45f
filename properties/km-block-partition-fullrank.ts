// docs/derivations.md#block-partition (DERIVED): a sufficient condition for a full-rank region Jacobian, used to count
// full-rank activation regions as in Karhadkar, Murray, Tseran, Montúfar (2023), arXiv 2305.19510 (TMLR 2024),
// Theorem 5 [REC numbering]. See `statement`.
import fc from 'fast-check';
import { defineClaim } from '../src/claims/index.js';
import {
  bMatchingCoversAll,
  faceSplitMatrix,
  factoredJacobian,
  findBlockPartition,
} from '../src/landscape/regions/index.js';
import { numericalRank, rankIsDecidable } from '../src/linalg/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/**
 * A pattern drawn with density k/8 from a seed, Gaussian inputs (no bias) and output weights from seeds, and the
 * criterion under test: the block partition (the claim) or the Hall / b-matching bound (the control).
 */
export interface BlockGenome {
  readonly n: number;
  readonly d0: number;
  readonly d1: number;
  readonly density: number;
  readonly patternSeed: number;
  readonly dataSeed: number;
  readonly searchSeed: number;
  readonly criterion: 'block-partition' | 'b-matching';
}

function genome(criterion: BlockGenome['criterion']): fc.Arbitrary<BlockGenome> {
  const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
  return fc.record({
    n: fc.integer({ min: 2, max: 12 }),
    d0: fc.integer({ min: 1, max: 3 }),
    d1: fc.integer({ min: 1, max: 6 }),
    density: fc.integer({ min: 1, max: 8 }),
    patternSeed: seed,
    dataSeed: seed,
    searchSeed: seed,
    criterion: fc.constant(criterion),
  });
}

export interface BlockOutcome {
  readonly says: boolean;
  readonly rank: number;
  readonly decidable: boolean;
  readonly partition: number[][] | null;
}

/** What the criterion says about the generated pattern, and the numerical rank of J_A = (A ∘ v) ⊙ X. */
export function blockOutcome(g: BlockGenome): BlockOutcome {
  const { n, d0, d1 } = g;
  const rng = seededRng(g.patternSeed);
  const pattern = Uint8Array.from({ length: n * d1 }, () => (rng.uniform() < g.density / 8 ? 1 : 0));
  const v = Array.from({ length: d1 }, () => (rng.uniform() < 0.5 ? -1 : 1) * (0.5 + rng.uniform()));
  const data = seededRng(g.dataSeed);
  const x = Float64Array.from({ length: n * d0 }, () => data.normal());
  const s = Float64Array.from(pattern, (a, k) => a * v[k % d1]!);
  const ranked = numericalRank(faceSplitMatrix(factoredJacobian(n, d1, d0, s, x)));
  const partition =
    g.criterion === 'block-partition'
      ? findBlockPartition(pattern, n, d1, d0, seededRng(g.searchSeed))
      : null;
  const says =
    g.criterion === 'block-partition' ? partition !== null : bMatchingCoversAll(pattern, n, d1, d0);
  return { says, rank: ranked.rank, decidable: rankIsDecidable(ranked), partition };
}

interface Evidence {
  readonly rank: number;
  readonly partition: number[][] | null;
}

export const kmBlockPartitionFullrank = defineClaim<BlockGenome, Evidence>({
  id: 'km-block-partition-fullrank',
  title: 'The block-partition condition never reports a full-rank region Jacobian where the rank is not full',
  source: sources.karhadkar2023.at(
    'counting full-rank regions (Theorem 5) [REC numbering]; the condition is DERIVED in docs/derivations.md#block-partition',
  ),
  statement:
    'Two-layer relu net without bias (fold a bias into x), generic inputs X ∈ R^{n×d0}, output weights v_j ≠ 0, binary ' +
    'pattern A ∈ {0,1}^{d1×n}. Claim: if [n] splits into at most d0 groups G_1…G_{d0} such that every A[:, G_k] has ' +
    'full column rank, then rank J_A = n (J_A = (A∘v)ᵀ ⊙ X). Proof sketch: x_i = e_{k(i)} makes J_A block diagonal with ' +
    'blocks diag(v)·A[:, G_k]; the generic rank is at least the rank at a specialisation. Check: patterns of density ' +
    'k/8 (n ≤ 12, d0 ≤ 3, d1 ≤ 6), X ~ N(0, I); the partition is searched greedily over 50 random orders with exact ' +
    'ranks; whenever one is found, numericalRank(J_A) (numpy cut) must be n. Undecidable ranks are discarded. The ' +
    'Hall-type b-matching bound is NOT such a condition (docs/derivations.md#block-partition) and is the control.',
  kind: 'theorem',
  expect: 'holds',
  hypotheses: genome('block-partition'),
  budget: { test: 40, check: 400 },
  check(g) {
    const o = blockOutcome(g);
    if (!o.says) return { status: 'pass', score: 0 };
    if (!o.decidable) return { status: 'discard', reason: 'rank of J_A undecidable' };
    if (o.rank < g.n) return { status: 'fail', evidence: { rank: o.rank, partition: o.partition }, score: 1 };
    return { status: 'pass', score: 0 };
  },
  certify: (g, e) => ({
    ok: false,
    reason: `the criterion reported full rank but rank J_A = ${e.rank} < n = ${g.n}: a rank certificate needs a network point, this is a pattern fact; the seed and path replay it`,
  }),
  control: {
    description:
      'the Hall / b-matching bound as the criterion (wrong, e.g. A all ones with d0 = 1 has rank 1)',
    hypotheses: genome('b-matching'),
    expect: 'refuted',
    runs: 60,
  },
});
