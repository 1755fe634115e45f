// Safran & Shamir (2016), "On the Quality of the Initial Basin in Overspecified Neural Networks", ICML 2016
// (arXiv 1511.04210), result (i) of the abstract: a monotonically decreasing path to a global minimum from
// initialisations with L(W0) > L(0) [SRC abstract; mechanism SEC; statement details and probability bound REC].
// The exact part is the property; the continuation is an experiment (experiments/ss16-monotone-path.ts).
import {
  BOUND_ALPHA,
  CONTINUATION_TARGET,
  ss16MonotonePathExperiment,
} from '../experiments/ss16-monotone-path.js';
import { defineClaim } from '../src/claims/index.js';
import {
  SCALING_DEPTHS,
  type ScalingGenome,
  scalingGenomeArb,
  scalingProblem,
} from '../src/generate/scaling.js';
import {
  lastLayerScaling,
  SCALING_RTOL,
  scaleLastLayer,
  scalingFacts,
} from '../src/landscape/basins/index.js';
import { sources } from './sources.js';

interface Evidence {
  readonly failed: readonly string[];
  readonly cStar: number;
}

export const ss16MonotonePath = defineClaim<ScalingGenome, Evidence>({
  id: 'ss16-monotone-path',
  title: 'If L(W0) > L(0), rescaling the last layer is a convex decreasing path to c* < ½ with g(c*) ≤ L(0)',
  source: sources.safranShamir2016.at(
    'result (i): monotonically decreasing path from the initialisation [REC theorem numbering and exact wording]',
  ),
  statement:
    'Hypotheses: a fully connected network with relu hidden layers (depth 1 or 2, with or without biases) and a linear ' +
    'last layer, loss L(W) = (1/m)Σ_t ‖N_W(x_t) − y_t‖² over m samples (convex in the prediction), and L(W0) > L(0), ' +
    'L(0) = (1/m)Σ_t‖y_t‖² being the zero predictor’s loss. Exact part (the property): scaling the last layer (weights ' +
    'and bias) by c gives g(c) = L(c·W_last) = (1/m)‖c·f − y‖², a convex quadratic (second differences ≥ 0) equal to ' +
    'the network’s loss at every sample, with minimiser c* = ⟨f, y⟩/‖f‖² < ½; g decreases from c = 1 to c* (no sampled ' +
    `step goes up, total drop (1/m)‖f‖²(1 − c*)²) and g(c*) ≤ L(0); all up to ${SCALING_RTOL} relative rounding. Inits are ` +
    'N(0, s²) from the genome; of an init and its sign twin (output layer negated) one satisfies the hypothesis, and ' +
    'that one is checked. The continuation to a global minimum along a monotone path (the paper’s claim) is not ' +
    'exact: `landscape run ss16-monotone-path` runs gradient descent from c*·W_last, fixed-step (the rate of monotone runs ' +
    `that reach (1/m)‖r‖² ≤ ${CONTINUATION_TARGET}·L(0); relu kinks make fixed steps zig-zag upward now and then) and with Armijo ` +
    'backtracking (monotone by construction; the rate that reaches the target), with Wilson intervals; the paper’s probability bound for ' +
    `L(W0) > L(0) is [REC] and not asserted; the DERIVED bound P ≥ ½ for sign-symmetric inits is (one-sided exact binomial test, refuted below α = ${BOUND_ALPHA}).`,
  constants: { SCALING_DEPTHS, SCALING_RTOL, CONTINUATION_TARGET, BOUND_ALPHA },
  literals: ['(1/m)', 'L(0)', '≥ 0)', 'c = 1', '(1 − c*)', 'N(0, s²)'],
  kind: 'theorem',
  expect: 'holds',
  hypotheses: scalingGenomeArb('enforced'),
  budget: { test: 40, check: 400 },
  check(g) {
    const { problem, theta: drawn } = scalingProblem(g);
    const raw = lastLayerScaling(problem, drawn);
    if (!(raw.ff > 0))
      return { status: 'discard', reason: 'f = 0 at the init (every unit dead): L(W0) = L(0)' };
    const theta =
      g.hypothesis === 'enforced' && !(raw.initialLoss > raw.zeroLoss)
        ? scaleLastLayer(problem, drawn, -1)
        : drawn;
    const facts = scalingFacts(problem, theta);
    if (g.hypothesis === 'enforced' && !facts.hypothesis)
      return { status: 'discard', reason: 'L(W0) = L(0) up to rounding' };
    const failed = [
      facts.cStarBelowHalf ? null : `c* = ${facts.cStar} ≥ ½`,
      facts.decreasing ? null : 'g does not decrease from 1 to c*',
      facts.minimumBelowZeroLoss
        ? null
        : `g(c*) = ${facts.profile[facts.profile.length - 1]} > L(0) = ${facts.zeroLoss}`,
      facts.closedFormAgrees
        ? null
        : `network and closed form disagree by ${facts.maxDisagreement.toExponential(2)}`,
      facts.convex ? null : 'g is not convex on [0, 1]',
    ].filter((x): x is string => x !== null);
    const score = facts.cStar - 0.5;
    if (failed.length === 0) return { status: 'pass', score };
    return { status: 'fail', evidence: { failed, cStar: facts.cStar }, score };
  },
  certify(_g, evidence) {
    // The exact part is algebra: a failure is a bug in the core or a broken hypothesis, not a counterexample of
    // the paper's kind; there is no certificate to archive (the run is reported as inconclusive with its seed).
    return {
      ok: false,
      reason: `exact part failed (${evidence.failed.join('; ')}): a bug or a broken hypothesis, nothing to archive`,
    };
  },
  control: {
    description:
      'hypothesis L(W0) > L(0) dropped: c* < ½ is asserted anyway and fails on inits with L(W0) ≤ L(0)',
    hypotheses: scalingGenomeArb('dropped'),
    expect: 'refuted',
    // About 13.5% of runs fail here (a drawn init outside the hypothesis): 40 runs missed on 8 of seeds 1–3000 and
    // on CI seed 590153245, a CI flake; 200 runs miss with ≈ 3e-13 (checked by `npm run test:seeds`).
    runs: 200,
  },
  experiment: ss16MonotonePathExperiment,
});
