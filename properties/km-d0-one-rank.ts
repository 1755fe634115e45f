// Karhadkar, Murray, Tseran, Montúfar (2023), "Mildly Overparameterized ReLU Networks Have a Favorable Loss
// Landscape", arXiv 2305.19510 (TMLR 2024); the exact sub-fact for one input dimension (docs/derivations.md#one-input-dimension)
// (km-most-regions-fullrank, "useful exact sub-facts"), DERIVED. See `statement`.
import fc from 'fast-check';
import { defineClaim } from '../src/claims/index.js';
import { exactRank, faceSplitMatrix, factoredJacobian } from '../src/landscape/regions/index.js';
import { numericalRank, rankIsDecidable } from '../src/linalg/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** A binary pattern (bits, used row by row), inputs and output weights from seeds; `bias`: the control. */
export interface D0OneGenome {
  readonly n: number;
  readonly d1: number;
  readonly bits: readonly number[];
  readonly dataSeed: number;
  readonly outputSeed: number;
  readonly bias: boolean;
}

const BITS = 96;

function genome(bias: boolean): fc.Arbitrary<D0OneGenome> {
  return fc.record({
    n: fc.integer({ min: 1, max: 12 }),
    d1: fc.integer({ min: 1, max: 8 }),
    bits: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: BITS, maxLength: BITS }),
    dataSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    outputSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    bias: fc.constant(bias),
  });
}

/** rank(A) (exact) and rank J_A (numericalRank, numpy's cut) for J_A = (A ∘ v) ⊙ x̃, x_i uniform on ±(0.1, 1). */
export function d0OneRanks(g: D0OneGenome): {
  patternRank: number;
  jacobianRank: number;
  decidable: boolean;
} {
  const { n, d1 } = g;
  const pattern = Array.from({ length: n }, (_, i) =>
    Array.from({ length: d1 }, (_, j) => g.bits[(i * d1 + j) % BITS]!),
  );
  const data = seededRng(g.dataSeed);
  const out = seededRng(g.outputSeed);
  const v = Array.from({ length: d1 }, () => (out.uniform() < 0.5 ? -1 : 1) * (0.5 + out.uniform()));
  const q = g.bias ? 2 : 1;
  const xt = new Float64Array(n * q);
  for (let i = 0; i < n; i++) {
    xt[i * q] = (data.uniform() < 0.5 ? -1 : 1) * (0.1 + 0.9 * data.uniform());
    if (g.bias) xt[i * q + 1] = 1;
  }
  const s = Float64Array.from(
    { length: n * d1 },
    (_, k) => pattern[Math.floor(k / d1)]![k % d1]! * v[k % d1]!,
  );
  const ranked = numericalRank(faceSplitMatrix(factoredJacobian(n, d1, q, s, xt)));
  return { patternRank: exactRank(pattern), jacobianRank: ranked.rank, decidable: rankIsDecidable(ranked) };
}

interface Evidence {
  readonly patternRank: number;
  readonly jacobianRank: number;
}

export const kmD0OneRank = defineClaim<D0OneGenome, Evidence>({
  id: 'km-d0-one-rank',
  title: 'One input, no bias: the region Jacobian has the rank of its activation pattern',
  source: sources.karhadkar2023.at(
    'counting full-rank regions, d0 = 1 (DERIVED sub-fact, docs/derivations.md#one-input-dimension) [REC section]',
  ),
  statement:
    'd0 = 1, no bias, inputs x_i ≠ 0, output weights v_j ≠ 0, any binary pattern A ∈ {0,1}^{d1×n}: the region Jacobian ' +
    'J_A (row i = (v_j·A_ji·x_i)_j = x_i·(A∘v)_{:,i}ᵀ) has rank J_A = rank(A). Check: A from generated bits (n ≤ 12, ' +
    'd1 ≤ 8), x_i = ±(0.1 … 1), v_j = ±(½ … 1½); rank(A) exactly (fraction-free elimination), rank J_A with ' +
    'numericalRank (numpy cut); undecidable ranks are discarded.',
  kind: 'theorem',
  expect: 'holds',
  hypotheses: genome(false),
  budget: { test: 40, check: 400 },
  check(g) {
    const r = d0OneRanks(g);
    if (!r.decidable) return { status: 'discard', reason: 'rank of J_A undecidable' };
    if (r.jacobianRank !== r.patternRank)
      return { status: 'fail', evidence: { patternRank: r.patternRank, jacobianRank: r.jacobianRank } };
    return { status: 'pass' };
  },
  certify: (_g, e) => ({
    ok: false,
    reason: `rank J_A = ${e.jacobianRank} ≠ rank A = ${e.patternRank}: an identity failure has no certificate kind; the seed and path replay it`,
  }),
  control: {
    description: 'with a bias (x̃ = (x, 1)): each active unit spans 2 directions, so rank J_A exceeds rank A',
    hypotheses: genome(true),
    expect: 'refuted',
    runs: 30,
  },
});
