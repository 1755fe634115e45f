// Karhadkar, Murray, Tseran, Montúfar (2023), "Mildly Overparameterized ReLU Networks Have a Favorable Loss
// Landscape", arXiv 2305.19510 (TMLR 2024), Theorem 5 (ICLR-2024 numbering, from reviews [SEC]; constants [REC]):
// most activation patterns give full-rank Jacobians. An empirical proxy of a counting theorem; the protocol is in
// experiments/km-most-regions-fullrank.ts.
import {
  analyseCounting,
  CHECK_D0S,
  CHECK_MULTIPLIERS,
  CHECK_N,
  CHECK_SHAPES,
  CHECK_TRIALS,
  countingExperiment,
  RUN_D0S,
  RUN_MULTIPLIERS,
  runCounting,
} from '../experiments/km-most-regions-fullrank.js';
import { TESTS_CONSTANTS, TESTS_TEXT } from '../experiments/regionCounts.js';
import { defineClaim, type TrendEvidence, trendCertify, trendOutcome } from '../src/claims/index.js';
import { type CountingGenome, countingGenomeArb } from '../src/generate/regions.js';
import { sources } from './sources.js';

export type { CountingGenome } from '../src/generate/regions.js';

export const kmMostRegionsFullrank = defineClaim<CountingGenome, TrendEvidence>({
  id: 'km-most-regions-fullrank',
  title: 'Most activation patterns give a full-rank Jacobian once the width passes n/d0',
  source: sources.karhadkar2023.at(
    'Theorem 5 (ICLR-2024 numbering per reviews [SEC]; width condition and constants [REC], unconfirmed)',
  ),
  statement:
    'Two-layer relu net with fixed output weights (v_j ≠ 0), generic inputs X ∈ R^{n×d0}. Counting over all 2^{d1·n} ' +
    'activation patterns (A with i.i.d. Bernoulli(½) entries), the fraction with rank J_A = n tends to 1 once d1 grows ' +
    'past the n/d0 scale; the paper states ≥ 1 − ε for d1 ≳ C·(n/d0)·log(n/ε) with C and the log term UNCONFIRMED [REC], ' +
    'so no constant is asserted: the run reports a calibrated C. Check: X ~ N(0, I) without bias, rank J_A with numpy’s ' +
    'cut (certified shortcuts, numericalRank otherwise); per (n, d0) row, P(full rank) does not drop as d1 grows, rises ' +
    `from the narrowest to the widest d1, and is above ½ at the widest: ${TESTS_TEXT}. \`check\`: n = ${CHECK_N}, ` +
    `d0 ∈ {${CHECK_D0S.join(', ')}}, d1 = ⌈c·n/d0⌉ for c ∈ {${CHECK_MULTIPLIERS.join(', ')}}, ${CHECK_TRIALS} patterns a ` +
    `cell; \`landscape run\`: n from --n, d0 ∈ {${RUN_D0S.join(', ')}}, c ∈ {${RUN_MULTIPLIERS.join(', ')}}.`,
  constants: {
    ...TESTS_CONSTANTS,
    CHECK_N,
    CHECK_D0S,
    CHECK_MULTIPLIERS,
    CHECK_TRIALS,
    RUN_D0S,
    RUN_MULTIPLIERS,
  },
  literals: ['(v_j ≠ 0)', '2^{d1·n}', 'tends to 1', '≥ 1 − ε', 'N(0, I)'],
  kind: 'empirical',
  expect: 'holds',
  hypotheses: countingGenomeArb(false),
  budget: { test: 3, check: 20 },
  check(h) {
    const result = analyseCounting(runCounting(CHECK_SHAPES, CHECK_TRIALS, h.seed, h.shared));
    return trendOutcome(result.assertions);
  },
  certify: trendCertify,
  control: {
    description:
      'all units share one activation column (not a Bernoulli pattern): rank J_A ≤ d0 < n, P stays 0',
    hypotheses: countingGenomeArb(true),
    expect: 'refuted',
    runs: 1,
  },
  experiment: countingExperiment,
});
