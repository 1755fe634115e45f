// Soudry & Carmon (2016), "No bad local minima: Data independent training error guarantees for multilayer
// neural networks", arXiv 1605.08361, the one-hidden-layer theorem [REC numbering; hypotheses recalled].
// Checked here by the same activation-region argument as Karhadkar et al.
import {
  certifyBadCriticalPoint,
  checkRegion,
  defineClaim,
  type RegionEvidence,
  regionHypotheses,
  SPURIOUS_MINIMUM_KINDS,
  verifyRegionDetails,
} from '../src/claims/index.js';
import {
  REGION_SLOPE_STEPS,
  type RegionGenome,
  type RegionShape,
  regionGenome,
} from '../src/generate/regions.js';
import { ZERO_LOSS_RTOL } from '../src/landscape/regions/index.js';
import { loadHighs } from '../src/landscape/solvers/index.js';
import { sources } from './sources.js';

/** The theorem's cases: leaky relu of slope k/REGION_SLOPE_STEPS for k in `slope`, the rank hypothesis assumed. */
const THEOREM: RegionShape = { n: [2, 6], d0: [1, 3], d1: [3, 6], slope: [1, 6], assume: 'full-rank' };
/** The leaky slopes α the theorem's cases range over (smallest, largest). */
const LEAKY_SLOPES = THEOREM.slope.map((k) => k / REGION_SLOPE_STEPS);

export const sc16NoBadDlm = defineClaim<RegionGenome, RegionEvidence>({
  id: 'sc16-no-bad-dlm',
  title:
    'Leaky-relu networks: a differentiable local minimum in a region of full-rank Jacobian has zero training error',
  source: sources.soudryCarmon2016.at(
    'main theorem for one hidden layer [REC numbering and exact hypotheses]',
  ),
  statement:
    `F(W; x) = Σ_j v_j σ(w_j·x + b_j) with σ(z) = max(z, αz), α ∈ {${LEAKY_SLOPES.join(', …, ')}} (leaky relu), v fixed with v_j ≠ 0, ` +
    'first layer trained (bias folded into x̃ = (x, 1)), squared loss, n ≤ d1·(d0+1) samples [the paper states ' +
    'N ≤ d0·d1 and adds a dropout-like random perturbation of the slopes, which makes the region Jacobian generic; REC]. ' +
    'Claim (the region form of the argument): in every activation region S_A whose Jacobian J_A (rows ' +
    '(v_j·σ′_ij·x̃_i)_j, σ′ ∈ {1, α}) has rank n, every differentiable local minimum has zero training error. ' +
    'Check: as km-region-fullrank-implies-global — the region LP (HiGHS) finds the interior minimisers of the region ' +
    'quadratic (exactly the differentiable critical points in S_A), whose loss on the real leaky-relu network must be ' +
    `≤ ${ZERO_LOSS_RTOL}·(1 + ½‖y‖²); ‖r‖·σ_n(J_A) ≤ ‖∇L‖ at sampled points; the zero-loss set has dimension d1·(d0+1) − n. ` +
    'Regions with rank J_A < n or undecidable rank are discarded. Unlike relu, no sample can have an all-zero row.',
  constants: { LEAKY_SLOPES, ZERO_LOSS_RTOL },
  literals: ['≠ 0', '(x, 1)', 'n ≤ d1·(d0+1)', '{1, α}', '(1 + ½‖y‖²)', 'd1·(d0+1) − n'],
  kind: 'theorem',
  expect: 'holds',
  hypotheses: regionGenome(THEOREM),
  prepare: loadHighs,
  budget: { test: 30, check: 300 },
  refutedBy: { kinds: SPURIOUS_MINIMUM_KINDS, subject: regionHypotheses('leaky-relu') },
  check(g) {
    if (g.assume === 'full-rank' && g.n > g.d1 * (g.d0 + 1))
      return { status: 'discard', reason: 'n > d1·(d0+1) (outside the hypothesis)' };
    return checkRegion(g);
  },
  certify: certifyBadCriticalPoint,
  verifyDetails: verifyRegionDetails,
  control: {
    description:
      'width hypothesis dropped (n = 5…8 > d1·(d0+1) with one input and 1–2 units): a region minimiser has positive loss',
    hypotheses: regionGenome({ n: [5, 8], d0: [1, 1], d1: [1, 2], slope: [1, 6], assume: 'any' }),
    expect: 'refuted',
    runs: 30,
  },
});
