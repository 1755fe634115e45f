// Safran & Shamir (2016), "On the Quality of the Initial Basin in Overspecified Neural Networks", ICML 2016
// (arXiv 1511.04210), result (ii) of the abstract: a high probability of initialising in a basin with a small
// minimal objective, more likely for larger (overspecified) networks [SRC abstract; quantitative form and
// theorem numbering REC]. An empirical trend with a statistical test; the protocol is in
// experiments/ss16-initial-basin-quality.ts.

import {
  basinQualityExperiment,
  basinRates,
  DROP_FAMILY_ALPHA,
  GROWTH,
  trendAssertions,
  WIDTH_MULTIPLIERS,
  widthsFor,
} from '../experiments/ss16-initial-basin-quality.js';
import { defineClaim, type TrendEvidence, trendCertify, trendOutcome } from '../src/claims/index.js';
import {
  BASIN_TREND_DIMS,
  BASIN_TREND_SAMPLES,
  type BasinTrendGenome,
  basinTrendArb,
} from '../src/generate/basins.js';
import { BASIN_EPS_RTOL } from '../src/landscape/basins/index.js';
import { loadHighs } from '../src/landscape/solvers/index.js';
import { sources } from './sources.js';

/** Initialisations per width in the small version run by `check`. */
const CHECK_TRIALS = 16;
/** More than this fraction of undecided basin programs makes a case inconclusive (the rates would be biased). */
const MAX_UNDECIDED_FRACTION = 0.1;

export const ss16InitialBasinQuality = defineClaim<BasinTrendGenome, TrendEvidence>({
  id: 'ss16-initial-basin-quality',
  title: 'The probability that the initial basin contains a point of loss ≤ ε grows with the width',
  source: sources.safranShamir2016.at(
    'result (ii): initial basins with small minimal objective, more likely for overspecified networks [quantitative form REC]',
  ),
  statement:
    'Setting: N(x) = Σ_j v_j relu(⟨w_j, x⟩), no bias, n samples x_t ~ N(0, I_d), targets y_t ~ N(0, 1), loss ' +
    'L = (1/n)Σ_t (N(x_t) − y_t)², initialisation w_j ~ N(0, I/d), v_j ~ N(0, 1/m) (sign-symmetric). With u_j = |v_j|w_j ' +
    'and s_j = sign(v_j) the initial basin is the polyhedral cone of u with the initial activation pattern and signs; ' +
    'L is convex there and its minimum over the closure is a convex QP, solved by proximal steps (each strictly ' +
    'convex) from the initialisation. Claim (trend; the paper’s bound is [REC] and not asserted): ' +
    `P[min over the initial basin ≤ ε], ε = ${BASIN_EPS_RTOL}·L(0), is non-decreasing in m = k·n, ` +
    `k ∈ {${WIDTH_MULTIPLIERS.join(', ')}}: no width shows a drop by a one-sided Fisher exact test (family level ` +
    `${DROP_FAMILY_ALPHA}, Bonferroni), and P(widest) > P(narrowest) by a one-sided Fisher exact test at ` +
    `α = ${GROWTH.alpha}, powered for a rise of ${GROWTH.effect} from ${GROWTH.baseline} (fewer trials than that ` +
    `power needs are inconclusive: underpowered, never refuted). \`check\` runs this with ${CHECK_TRIALS} inits per ` +
    `width (n ∈ {${BASIN_TREND_SAMPLES.join(', ')}}, d ∈ {${BASIN_TREND_DIMS.join(', ')}}); \`landscape run ` +
    'ss16-initial-basin-quality` runs the full protocol (`--clusters k` adds the clustered-data series, where the ' +
    'effect is said to be amplified [SEC]).',
  kind: 'empirical',
  expect: 'holds',
  hypotheses: basinTrendArb('increasing'),
  budget: { test: 2, check: 10 },
  prepare: loadHighs,
  check(g) {
    const widths = widthsFor(g.n);
    const ordered = g.order === 'increasing' ? widths : [...widths].reverse();
    const rates = basinRates({ n: g.n, d: g.d, trials: CHECK_TRIALS, seed: g.seed, widths: ordered });
    const undecided = rates.reduce((s, r) => s + r.undecided, 0);
    if (undecided > rates.length * CHECK_TRIALS * MAX_UNDECIDED_FRACTION)
      return { status: 'inconclusive', reason: `${undecided} basin programs undecided` };
    const score = rates[0]!.p - rates[rates.length - 1]!.p;
    const outcome = trendOutcome(trendAssertions(rates, 'gaussian data'));
    return outcome.status === 'pass' ? { status: 'pass', score } : { ...outcome, score };
  },
  certify: trendCertify,
  control: {
    description: 'widths in decreasing order (widest first): the growth test must fail',
    hypotheses: basinTrendArb('decreasing'),
    expect: 'refuted',
    runs: 2,
  },
  experiment: basinQualityExperiment,
});
