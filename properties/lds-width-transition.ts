// Li, Ding, Sun (2022), "On the Benefit of Width for Neural Networks: Disappearance of Basins", SIAM J. Optim.
// 32:1728–1758 (arXiv 1812.11039): the positive side (no sub-optimal basin, hence no strict sub-optimal local
// minimum, when the last hidden width is ≥ N [REC numbering; v1 states width ≥ N]) and the negative side (strict
// sub-optimal minima below the threshold [SRC abstract]). The transition between the two sides is not shown in
// any anchor: this experiment measures it (experiments/lds-width-transition.ts), with every find certified by an
// interval proof (src/interval).
import {
  analyseTransition,
  CONTROL_PROTOCOL,
  runTransition,
  TEST_PROTOCOL,
  TRANSITION_PROTOCOL_TEXT,
  transitionExperiment,
} from '../experiments/lds-width-transition.js';
import { defineClaim, trendCertify, trendOutcome } from '../src/claims/index.js';
import { type TransitionGenome, transitionGenomeArb } from '../src/generate/ldsWidthTransition.js';
import { sources } from './sources.js';

export const ldsWidthTransition = defineClaim<TransitionGenome, { failed: readonly string[] }>({
  id: 'lds-width-transition',
  title:
    'Certified strict sub-optimal minima disappear at width N (the transition between Li–Ding–Sun’s two sides)',
  source: sources.liDingSun2022.at(
    'positive theorem (no sub-optimal basin for last hidden width ≥ N) [REC numbering] and the negative side [SRC abstract]; the transition is our experiment',
  ),
  statement: TRANSITION_PROTOCOL_TEXT,
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
