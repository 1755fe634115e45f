// Karhadkar, Murray, Tseran, Montúfar (2023), "Mildly Overparameterized ReLU Networks Have a Favorable Loss
// Landscape", arXiv 2305.19510 (TMLR 2024), the case d0 ≥ n behind Corollary 8 [REC numbering]; the exact
// sub-fact, DERIVED in docs/derivations.md#independent-inputs. See `statement`.
import fc from 'fast-check';
import { defineClaim } from '../src/claims/index.js';
import { faceSplitMatrix, factoredJacobian } from '../src/landscape/regions/index.js';
import { numericalRank, rankIsDecidable } from '../src/linalg/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** d0 = max(1, n − 1 + d0Shift): d0Shift ≥ 0 keeps the augmented inputs independent (d0 + 1 ≥ n); < 0 is the control. */
export interface IndependentGenome {
  readonly n: number;
  readonly d0Shift: number;
  readonly d1: number;
  readonly bits: readonly number[];
  readonly dataSeed: number;
  readonly outputSeed: number;
}

const BITS = 64;

function genome(n: [number, number], shift: [number, number]): fc.Arbitrary<IndependentGenome> {
  return fc.record({
    n: fc.integer({ min: n[0], max: n[1] }),
    d0Shift: fc.integer({ min: shift[0], max: shift[1] }),
    d1: fc.integer({ min: 1, max: 6 }),
    bits: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: BITS, maxLength: BITS }),
    dataSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    outputSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
}

/** rank J_A (numericalRank) and the number of samples with an active unit, for Gaussian inputs with a bias. */
export function independentRanks(g: IndependentGenome): {
  jacobianRank: number;
  activeSamples: number;
  decidable: boolean;
} {
  const { n, d1 } = g;
  const d0 = Math.max(1, n - 1 + g.d0Shift);
  const q = d0 + 1;
  const data = seededRng(g.dataSeed);
  const out = seededRng(g.outputSeed);
  const v = Array.from({ length: d1 }, () => (out.uniform() < 0.5 ? -1 : 1) * (0.5 + out.uniform()));
  const xt = Float64Array.from({ length: n * q }, (_, k) => (k % q === d0 ? 1 : data.normal()));
  const s = new Float64Array(n * d1);
  let activeSamples = 0;
  for (let i = 0; i < n; i++) {
    let active = false;
    for (let j = 0; j < d1; j++) {
      if (g.bits[(i * d1 + j) % BITS] === 1) {
        s[i * d1 + j] = v[j]!;
        active = true;
      }
    }
    if (active) activeSamples++;
  }
  const ranked = numericalRank(faceSplitMatrix(factoredJacobian(n, d1, q, s, xt)));
  return { jacobianRank: ranked.rank, activeSamples, decidable: rankIsDecidable(ranked) };
}

interface Evidence {
  readonly jacobianRank: number;
  readonly activeSamples: number;
}

export const kmIndependentInputsRank = defineClaim<IndependentGenome, Evidence>({
  id: 'km-independent-inputs-rank',
  title:
    'With linearly independent augmented inputs, rank J_A is the number of samples that activate some unit',
  source: sources.karhadkar2023.at(
    'the case d0 ≥ n of Corollary 8 [REC numbering] (exact sub-fact, docs/derivations.md#independent-inputs)',
  ),
  statement:
    'Two-layer relu net with bias, v_j ≠ 0, augmented inputs x̃_i = (x_i, 1) linearly independent (d0 + 1 ≥ n, generic ' +
    'x), any binary pattern A: rank J_A = #{i : A_ji = 1 for some j}. (J_A·Jᵀ_A = (Aᵀ diag(v²) A) ∘ (X̃X̃ᵀ) and X̃ has full ' +
    'row rank, so the only null directions are samples with no active unit.) Check: A from generated bits, x ~ N(0, I), ' +
    'n ≤ 7, d0 = n − 1 … n + 2; rank J_A by numericalRank (numpy cut), undecidable ranks discarded.',
  kind: 'theorem',
  expect: 'holds',
  hypotheses: genome([1, 7], [0, 3]),
  budget: { test: 40, check: 400 },
  check(g) {
    const r = independentRanks(g);
    if (!r.decidable) return { status: 'discard', reason: 'rank of J_A undecidable' };
    if (r.jacobianRank !== r.activeSamples)
      return { status: 'fail', evidence: { jacobianRank: r.jacobianRank, activeSamples: r.activeSamples } };
    return { status: 'pass' };
  },
  certify: (_g, e) => ({
    ok: false,
    reason: `rank J_A = ${e.jacobianRank} ≠ ${e.activeSamples} active samples: an identity failure has no certificate kind; the seed and path replay it`,
  }),
  control: {
    description:
      'dependent inputs (d0 + 1 < n: n = 5…9, d0 ≤ n − 4): samples sharing a pattern span at most d0 + 1 dimensions',
    hypotheses: genome([5, 9], [-8, -3]),
    expect: 'refuted',
    runs: 30,
  },
});
