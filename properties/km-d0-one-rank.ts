// Karhadkar, Murray, Tseran, Montúfar (2023), arXiv 2305.19510 (TMLR 2024): the exact sub-fact for one input
// dimension behind counting full-rank regions, DERIVED in docs/derivations.md#one-input-dimension.
import { defineClaim } from '../src/claims/index.js';
import { D0_ONE, type D0OneGenome, d0OneArb, d0OneRegion } from '../src/generate/regions.js';
import { exactRank } from '../src/landscape/regions/index.js';
import { numericalRank, rankIsDecidable } from '../src/linalg/index.js';
import { sources } from './sources.js';

interface Evidence {
  readonly patternRank: number;
  readonly jacobianRank: number;
}

/** rank(A) exactly (fraction-free elimination) and rank J_A by numericalRank (numpy's cut). */
export function d0OneRanks(g: D0OneGenome): Evidence & { decidable: boolean } {
  const { pattern, jacobian } = d0OneRegion(g);
  const ranked = numericalRank(jacobian);
  return { patternRank: exactRank(pattern), jacobianRank: ranked.rank, decidable: rankIsDecidable(ranked) };
}

export const kmD0OneRank = defineClaim<D0OneGenome, Evidence>({
  id: 'km-d0-one-rank',
  title: 'One input, no bias: the region Jacobian has the rank of its activation pattern',
  source: sources.karhadkar2023.at(
    'counting full-rank regions, d0 = 1 (DERIVED sub-fact, docs/derivations.md#one-input-dimension) [REC section]',
  ),
  statement:
    'd0 = 1, no bias, inputs x_i ≠ 0, output weights v_j ≠ 0, any binary pattern A ∈ {0,1}^{d1×n}: the region Jacobian ' +
    'J_A (row i = (v_j·A_ji·x_i)_j = x_i·(A∘v)_{:,i}ᵀ) has rank J_A = rank(A). Check: A from generated bits ' +
    `(n ≤ ${D0_ONE.maxSamples}, d1 ≤ ${D0_ONE.maxUnits}), x_i = ±(${D0_ONE.minInput} … ${D0_ONE.maxInput}), ` +
    'v_j = ±(½ … 1½); rank(A) exactly (fraction-free elimination), rank J_A with numericalRank (numpy cut); ' +
    'undecidable ranks are discarded.',
  constants: { D0_ONE },
  literals: ['d0 = 1', '≠ 0', '{0,1}', '1½'],
  kind: 'theorem',
  expect: 'holds',
  hypotheses: d0OneArb(false),
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
    hypotheses: d0OneArb(true),
    expect: 'refuted',
    runs: 30,
  },
});
