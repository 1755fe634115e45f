// Karhadkar, Murray, Tseran, Montúfar (2023), "Mildly Overparameterized ReLU Networks Have a Favorable Loss
// Landscape", arXiv 2305.19510 (TMLR 2024), the region argument behind Theorem 5 [REC numbering] and the
// dimension statement for global minima; docs/derivations.md#jacobian-certificate and #region-linearity. Hypotheses
// as stated there; see `statement`.
import {
  certifyBadCriticalPoint,
  checkRegion,
  defineClaim,
  type RegionEvidence,
  regionHypotheses,
  SPURIOUS_MINIMUM_KINDS,
  verifyRegionDetails,
} from '../src/claims/index.js';
import { type RegionGenome, type RegionShape, regionGenome } from '../src/generate/regions.js';
import { REGION_MARGIN_RTOL, TARGET_NOISE_STEP, ZERO_LOSS_RTOL } from '../src/landscape/regions/index.js';
import { loadHighs } from '../src/landscape/solvers/index.js';
import { sources } from './sources.js';

/** The theorem's cases: relu, the rank hypothesis assumed (regions of rank J_A < n are discarded). */
const THEOREM: RegionShape = { n: [2, 6], d0: [1, 3], d1: [4, 7], slope: [0, 0], assume: 'full-rank' };
/** The control: n = 5…8 samples, one input, 1–2 units, so rank J_A < n; the rank hypothesis dropped. */
const CONTROL: RegionShape = { n: [5, 8], d0: [1, 1], d1: [1, 2], slope: [0, 0], assume: 'any' };

export const kmRegionFullrankImpliesGlobal = defineClaim<RegionGenome, RegionEvidence>({
  id: 'km-region-fullrank-implies-global',
  title:
    'In an activation region whose Jacobian has rank n, every differentiable critical point is a global minimum',
  source: sources.karhadkar2023.at(
    'the region argument of Theorem 5 and the dimension of the set of global minima [REC numbering]',
  ),
  statement:
    'F(W; x) = Σ_j v_j relu(w_j·x + b_j), output weights v fixed with every v_j ≠ 0, first layer (W, b) trained (the bias ' +
    'folded into x̃ = (x, 1)), squared loss L = ½Σ_i (F(x_i) − y_i)², n distinct samples. For an activation pattern A, ' +
    'the region S_A = {W : (2A_ij − 1)·w̃_j·x̃_i > 0} and J_A = S ⊙ X̃ (row i: (v_j·A_ij·x̃_i)_j). Claim: if rank J_A = n, ' +
    'every differentiable critical point of L in S_A is a global minimum with L = 0, and if S_A contains a zero-loss ' +
    'point, the zero-loss set in S_A is an affine set of dimension d1·(d0+1) − n intersected with S_A. ' +
    `Check (data uniform on (−1,1)^d0, weights N(0,1), targets = the network plus noise k/${TARGET_NOISE_STEP}, ` +
    `n ≤ ${THEOREM.n[1]}, d0 ≤ ${THEOREM.d0[1]}, ${THEOREM.d1[0]} ≤ d1 ≤ ${THEOREM.d1[1]}): the region LP ` +
    '(HiGHS) looks for a minimiser of the region quadratic ½‖J_A·w̃ − y‖² strictly inside S_A ' +
    `(margin > ${REGION_MARGIN_RTOL}, relative) — these are exactly the differentiable critical points in S_A; one ` +
    `found must have L ≤ ${ZERO_LOSS_RTOL}·(1 + ½‖y‖²) on the real ` +
    'network, and the zero-loss set there must have dimension d1·(d0+1) − n (the null space of J_A, stepped along on ' +
    'the real network). Also ‖r‖·σ_n(J_A) ≤ ‖∇L‖ at sampled points of S_A (docs/derivations.md#jacobian-certificate) and the network equals the ' +
    'region model there. Regions with rank J_A < n (numericalRank, numpy cut) or an undecidable rank are discarded.',
  constants: { THEOREM: { ...THEOREM }, REGION_MARGIN_RTOL, ZERO_LOSS_RTOL, TARGET_NOISE_STEP },
  literals: ['≠ 0', '(x, 1)', '(2A_ij − 1)', '> 0}', 'L = 0', 'd1·(d0+1) − n', '(−1,1)^d0', 'N(0,1)'],
  kind: 'theorem',
  expect: 'holds',
  hypotheses: regionGenome(THEOREM),
  prepare: loadHighs,
  budget: { test: 30, check: 300 },
  refutedBy: { kinds: SPURIOUS_MINIMUM_KINDS, subject: regionHypotheses('relu') },
  check: checkRegion,
  certify: certifyBadCriticalPoint,
  verifyDetails: verifyRegionDetails,
  control: {
    description: `rank hypothesis dropped (n = ${CONTROL.n.join('…')} samples, one input, ${CONTROL.d1.join('–')} units: rank J_A < n): an interior minimiser of a region has positive loss`,
    hypotheses: regionGenome(CONTROL),
    expect: 'refuted',
    runs: 30,
  },
});
