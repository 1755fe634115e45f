// Karhadkar, Murray, Tseran, Montúfar (2023), "Mildly Overparameterized ReLU Networks Have a Favorable Loss
// Landscape", arXiv 2305.19510 (TMLR 2024), Theorems 10 and 12 of the ICLR-2024 version (numbering from reviews
// [SEC]; constants [REC]); sampler of jupyter_notebooks/sampling-activation-regions.ipynb and the v of
// generate-heatmaps.ipynb [SRC]. The protocol is in experiments/km-1d-regions.ts.
import {
  analyseOneD,
  CHECK_SHAPES,
  CHECK_TRIALS,
  oneDExperiment,
  RUN_WIDTH_RATIOS,
  runOneD,
} from '../experiments/km-1d-regions.js';
import { TESTS_CONSTANTS, TESTS_TEXT } from '../experiments/regionCounts.js';
import { defineClaim, type TrendEvidence, trendCertify, trendOutcome } from '../src/claims/index.js';
import { type OneDGenome, oneDGenomeArb } from '../src/generate/regions.js';
import { loadHighs } from '../src/landscape/solvers/index.js';
import { sources } from './sources.js';

export type { OneDGenome } from '../src/generate/regions.js';

const checkGrid = CHECK_SHAPES.map((s) => `n = ${s.n}, d1 ∈ {${s.d1s.join(', ')}}`).join('; ');

export const km1dRegions = defineClaim<OneDGenome, TrendEvidence>({
  id: 'km-1d-regions',
  title: 'One input with bias: most non-empty regions have full-rank Jacobians and contain global minima',
  source: sources.karhadkar2023.at(
    'Theorems 10 and 12 (ICLR-2024 numbering per reviews [SEC]; widths and constants [REC])',
  ),
  statement:
    'Two-layer relu net, one input with a bias, v fixed, distinct sorted samples x_1 < … < x_n. Each unit is active on ' +
    'a prefix or a suffix of the samples (a step vector), so there are ≤ (2n)^{d1} non-empty regions. Theorem 10: most ' +
    'non-empty regions have rank J = n (hence no bad differentiable local minima) once d1 ≳ n·polylog n [REC]. ' +
    'Theorem 12: if v has enough positive and negative entries, most non-empty regions contain an affine set of global minima ' +
    '(dimension 2·d1 − n) [REC]. Check: regions sampled uniformly as the authors do (position uniform in {0..n−1} and a ' +
    'fair flip per unit), x sorted U[0,1), v = (−1, …, −1, +1, …, +1), y ~ N(0,1) [REC]; rank with numpy’s cut; the ' +
    'region LP (HiGHS) looks for a zero-loss point strictly inside. Both fractions rise from the narrowest to the widest ' +
    `d1 and are above ½ at the widest, the full-rank one does not drop: ${TESTS_TEXT}. \`check\`: ${checkGrid}, ` +
    `${CHECK_TRIALS} regions a cell; \`landscape run\`: n from --n, d1 = round(c·n), c ∈ {${RUN_WIDTH_RATIOS.join(', ')}}.`,
  constants: { ...TESTS_CONSTANTS, CHECK_SHAPES, CHECK_TRIALS, RUN_WIDTH_RATIOS },
  literals: [
    '(2n)^{d1}',
    'Theorem 10',
    'Theorem 12',
    '2·d1 − n',
    '{0..n−1}',
    'U[0,1)',
    'v = (−1, …, −1, +1, …, +1)',
    'N(0,1)',
  ],
  kind: 'empirical',
  expect: 'holds',
  hypotheses: oneDGenomeArb(false),
  prepare: loadHighs,
  budget: { test: 2, check: 10 },
  check(h) {
    const result = analyseOneD(runOneD(CHECK_SHAPES, CHECK_TRIALS, h.seed, h.positive));
    return trendOutcome(result.assertions);
  },
  certify: trendCertify,
  control: {
    description:
      'all output weights +1 (not both signs): f ≥ 0, so no region fits targets with a negative entry',
    hypotheses: oneDGenomeArb(true),
    expect: 'refuted',
    runs: 1,
  },
  experiment: oneDExperiment,
});
