// Li, Ding, Sun (2022), "On the Benefit of Width for Neural Networks: Disappearance of Basins", SIAM J. Optim.
// 32:1728–1758 (arXiv 1812.11039): the positive side (no sub-optimal basin, hence no strict sub-optimal local
// minimum, when the last hidden width is ≥ N [REC numbering; v1 states width ≥ N]) and the negative side (strict
// sub-optimal minima below the threshold [SRC abstract]). The transition between the two sides is not shown in
// any anchor: this experiment measures it (experiments/lds-width-transition.ts), with every find certified by an
// interval proof (src/interval).
import {
  analyseTransition,
  CONTROL_PROTOCOL,
  FULL_PROTOCOL,
  INPUT_GRID,
  MAIN_JOB,
  runTransition,
  TARGET_DENOMINATOR,
  TEACHER_SCALE,
  TEACHER_WIDTH,
  TEST_PROTOCOL,
  TRANSITION_PROTOCOL_TEXT,
  type TransitionProtocol,
  transitionExperiment,
  WITNESS,
} from '../experiments/lds-width-transition.js';
import { defineClaim, trendCertify, trendOutcome } from '../src/claims/index.js';
import { type TransitionGenome, transitionGenomeArb } from '../src/generate/ldsWidthTransition.js';
import {
  CURVATURE_MARGIN,
  SPURIOUS_ABS_GAP,
  SPURIOUS_REL_GAP,
  STRICT_EIG_RTOL,
  STRICT_EXAM,
} from '../src/landscape/index.js';
import { normalCdf, Z95 } from '../src/stats/index.js';
import { sources } from './sources.js';

/** A protocol's numbers (its optional `widths` function is not one). */
const protocolNumbers = ({ nMin, nMax, datasets, starts, iterations }: TransitionProtocol) => ({
  nMin,
  nMax,
  datasets,
  starts,
  iterations,
});

export const ldsWidthTransition = defineClaim<TransitionGenome, { failed: readonly string[] }>({
  id: 'lds-width-transition',
  title:
    'Certified strict sub-optimal minima disappear at width N (the transition between Li–Ding–Sun’s two sides)',
  source: sources.liDingSun2022.at(
    'positive theorem (no sub-optimal basin for last hidden width ≥ N) [REC numbering] and the negative side [SRC abstract]; the transition is our experiment',
  ),
  statement: TRANSITION_PROTOCOL_TEXT,
  constants: {
    // the grid {lo/den, (lo+1)/den, …, hi/den} as the statement writes it: {−2, −15/8, …, 2}
    INPUT_GRID: [
      INPUT_GRID.lo / INPUT_GRID.denominator,
      INPUT_GRID.lo + 1,
      INPUT_GRID.denominator,
      INPUT_GRID.hi / INPUT_GRID.denominator,
    ],
    TEACHER_WIDTH,
    TEACHER_SCALE,
    TARGET_DENOMINATOR,
    FULL_PROTOCOL: protocolNumbers(FULL_PROTOCOL),
    STRICT_EIG_RTOL,
    PERTURBATION_RADII: STRICT_EXAM.radii,
    CURVATURE_MARGIN,
    SPURIOUS_ABS_GAP,
    SPURIOUS_REL_GAP,
    WILSON_PERCENT: Math.round(100 * (2 * normalCdf(Z95) - 1)),
    WITNESS,
    MAIN_JOB: Object.values(MAIN_JOB).map(Number),
    TEST_PROTOCOL: protocolNumbers(TEST_PROTOCOL),
  },
  literals: [
    '1 → m → 1',
    'N(0, 1)',
    'teacher 1 →',
    '→ 1 (parameters N(0, ',
    'rounded to 1/',
    'm = 1…N + 1',
    'gradient 0',
  ],
  kind: 'empirical',
  expect: 'holds',
  hypotheses: transitionGenomeArb(false),
  budget: { test: 1, check: 2 },
  check(h) {
    if (h.control) {
      const cells = runTransition(CONTROL_PROTOCOL, h.seed, undefined, false);
      return trendOutcome(analyseTransition(cells, CONTROL_PROTOCOL, () => 1).assertions.slice(0, 1));
    }
    const cells = runTransition(TEST_PROTOCOL, h.seed, undefined, false);
    // the narrow-side assertion needs the full budget: at the test budget only the positive side is asserted
    return trendOutcome(analyseTransition(cells, TEST_PROTOCOL).assertions.slice(0, 1));
  },
  certify: trendCertify,
  control: {
    description:
      'the "none at width ≥ N" assertion read at width ≥ 1 on N = 5, width 1, the datasets of seed 1 (a certified narrow find refutes it): the check can fail',
    hypotheses: transitionGenomeArb(true),
    expect: 'refuted',
    runs: 1,
  },
  experiment: transitionExperiment,
});
