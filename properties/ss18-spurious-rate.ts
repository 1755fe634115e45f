// Safran & Shamir (2018), "Spurious Local Minima are Common in Two-Layer ReLU Neural Networks", ICML 2018,
// arXiv 1712.08968, §4 and Table 1 (rates of GD runs ending at spurious minima, 6 ≤ k ≤ 20, n ≥ k) [REC
// numbering; the table's values are UNCONFIRMED and not used]; with Safran, Yehudai, Shamir (2021), "The Effects
// of Mild Over-parameterization on the Optimization Landscape of Shallow ReLU Neural Networks", COLT 2021,
// arXiv 2006.01005 (strong convexity at n = k, none after over-parameterisation; minima become saddles) [SEC].
// An empirical trend with exact tests; the protocol is in experiments/ss18-spurious-rate.ts.
import {
  ALPHA,
  MAX_UNDECIDED_FRACTION,
  NEAR_POINTS_MAX,
  OPPOSITE_FAMILY_ALPHA,
  OVER_DESIGN,
  RISE_DESIGN,
  SMALL_KS,
  SMALL_RUNS,
  smallRateRun,
  ss18RateExperiment,
} from '../experiments/ss18-spurious-rate.js';
import { defineClaim, type TrendEvidence, trendCertify } from '../src/claims/index.js';
import { type RateGenome, rateGenomeArb } from '../src/generate/ss18.js';
import { PSD_EIG_RTOL } from '../src/landscape/index.js';
import {
  SS18_GLOBAL_F,
  SS18_GRAD_TOL,
  SS18_MAX_ITERATIONS,
  SS18_SPURIOUS_F,
  SS18_STEP_SCALE,
} from '../src/landscape/population/index.js';
import { sources } from './sources.js';

const rise = `${RISE_DESIGN.baseline} → ${RISE_DESIGN.baseline + RISE_DESIGN.effect}`;
const fall = `${OVER_DESIGN.baseline + OVER_DESIGN.effect} → ${OVER_DESIGN.baseline}`;
/** The full protocol's `--k a..b` and `--over` lists: the experiment's option defaults. */
const fullProtocol = ss18RateExperiment.options
  .filter((o) => o.flag === 'k' || o.flag === 'over')
  .map((o) => o.defaultValue.split(/\.\.|,/).map(Number));

export const ss18SpuriousRate = defineClaim<RateGenome, TrendEvidence>({
  id: 'ss18-spurious-rate',
  title: 'Spurious minima reached by GD become more common as k grows and rarer with one extra neuron',
  source: sources.safranShamir2018.at(
    '§4, Table 1 [REC numbering; table values UNCONFIRMED, not used]; with Safran, Yehudai, Shamir, The Effects of Mild Over-parameterization… (COLT 2021, arXiv 2006.01005), main results [SEC]',
  ),
  statement:
    'Population loss F(W) = ½E[(Σ_{i≤n} relu(w_i·x) − Σ_{j≤k} relu(v_j·x))²], x ~ N(0, I_k), teacher V = I_k, unit output ' +
    `weights; GD with step 5/k from W_ij ~ N(0, 1/k), stopped at ‖∇F‖ ≤ ${SS18_GRAD_TOL} (n > k: also at F < ${SS18_GLOBAL_F}; ` +
    `cap ${SS18_MAX_ITERATIONS}). A run ends at a spurious minimum when F ≥ ${SS18_SPURIOUS_F} and the exact Hessian is ` +
    'positive definite. Claims: (1) for n = k the spurious fraction rises with k (no drop between two k shown by a ' +
    `one-sided Fisher exact test at family level ${OPPOSITE_FAMILY_ALPHA}; one-sided Fisher exact test smallest k < ` +
    `largest k at α = ${ALPHA}, powered for ${rise}); (2) with n = k + 1 it is lower (pooled one-sided Fisher exact test ` +
    `at α = ${ALPHA}, powered for ${fall}; no k significantly higher at family level ${OPPOSITE_FAMILY_ALPHA}); fewer ` +
    'runs than the power needs are inconclusive (underpowered), never refuted; (3, exact, Safran–Yehudai–Shamir 2021) ' +
    'λ_min(∇²F(V)) > 0 for n = k, but for n > k the Hessian at V with a split neuron has a zero eigenvalue and points ' +
    `arbitrarily close have negative curvature (random points at each radius sampled until one has λ_min < ` +
    `−${PSD_EIG_RTOL}·λ_max, at most ${NEAR_POINTS_MAX}), and a spurious minimum of n = k embedded into n = k + 1 by ` +
    `splitting a neuron is a saddle. The test runs k ∈ {${SMALL_KS.join(', ')}} with ${SMALL_RUNS} runs per cell ` +
    `(inconclusive when more than ${MAX_UNDECIDED_FRACTION} of the runs end undecided); a shown reversal is archived ` +
    'as a trend-reversed file. `landscape run ss18-spurious-rate --k 6..20 --over 0,1 --runs N` runs the full protocol.',
  constants: {
    SS18_STEP_SCALE,
    SS18_GRAD_TOL,
    SS18_GLOBAL_F,
    SS18_MAX_ITERATIONS,
    SS18_SPURIOUS_F,
    OPPOSITE_FAMILY_ALPHA,
    ALPHA,
    RISE: [RISE_DESIGN.baseline, RISE_DESIGN.baseline + RISE_DESIGN.effect],
    FALL: [OVER_DESIGN.baseline + OVER_DESIGN.effect, OVER_DESIGN.baseline],
    NEGATIVE_CURVATURE_BELOW: -PSD_EIG_RTOL,
    NEAR_POINTS_MAX,
    SMALL_KS,
    SMALL_RUNS,
    MAX_UNDECIDED_FRACTION,
    FULL_PROTOCOL: fullProtocol,
  },
  literals: [
    'N(0, I_k)',
    'N(0, 1/k)',
    '(1)',
    '(2)',
    '(3, exact, Safran–Yehudai–Shamir 2021)',
    '> 0',
    'n = k + 1',
  ],
  kind: 'empirical',
  expect: 'holds',
  // A trend is refuted by its data: a trend-reversed file's groups, test and p-value are recomputed on replay.
  refutedBy: { kinds: ['trend-reversed'], subject: () => [] },
  hypotheses: rateGenomeArb(1),
  budget: { test: 1, check: 5 },
  check: smallRateRun,
  certify: trendCertify,
  experiment: ss18RateExperiment,
  control: {
    description:
      'roles swapped (over = −1: n = k + 1 as the baseline): "lower with more neurons" is false there, the property must fail',
    hypotheses: rateGenomeArb(-1),
    expect: 'refuted',
    runs: 1,
  },
});
