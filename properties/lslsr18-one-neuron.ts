// Liang, Sun, Lee, Srikant (2018), "Adding One Neuron Can Eliminate All Bad Local Minima", NeurIPS 2018
// (arXiv 1805.08671), Theorem 1 [REC numbering; form and hypotheses REC]. Hypotheses as
// stated there; see `statement`.
import { defineClaim } from '../src/claims/index.js';
import {
  ONE_NEURON_LAMBDAS,
  ONE_NEURON_POWER,
  type OneNeuronGenome,
  oneNeuronArb,
  oneNeuronInstance,
} from '../src/generate/exponentialNeuron.js';
import {
  DIVERGENCE_FACTOR,
  descendExponentialNeuron,
  EXPONENT_BOUND,
  MARGIN_RTOL,
  NEURON_GRAD_TOL,
  NEURON_OFF_RTOL,
} from '../src/landscape/quadratic/index.js';
import { sources } from './sources.js';

interface Evidence {
  readonly margin: number;
  readonly contribution: number;
  readonly classification: string;
}

export const lslsr18OneNeuron = defineClaim<OneNeuronGenome, Evidence>({
  id: 'lslsr18-one-neuron',
  title:
    'Adding one exponential neuron with a regulariser: at every local minimum it is off and every margin is met',
  source: sources.liangSunLeeSrikant2018.at(
    'Theorem 1 (skip-connected exponential neuron) [REC numbering, form and hypotheses]',
  ),
  statement:
    'Binary labels y_i = ±1, distinct inputs, any network f(x; θ) (here one hidden relu layer with bias and an output ' +
    'bias), F(x) = f(x; θ) + a·exp(wᵀx + b), L̃ = Σ_i ℓ(−y_i F(x_i)) + (λ/2)a², λ > 0 ' +
    `(here λ ∈ {${ONE_NEURON_LAMBDAS.join(', ')}}), ℓ(z) = max(z + 1, 0)^${ONE_NEURON_POWER} (convex, ` +
    'non-decreasing, twice differentiable, 0 for z ≤ −1). Claim [REC, unconfirmed against the paper: not CI-blocking ' +
    'beyond confirmed details]: at every local minimum of L̃, a = 0 and every margin y_i f(x_i) ≥ 1 (zero ' +
    'training loss); when no such point exists L̃ has no local minimum and descent follows a path to infinity. Check: ' +
    'labels from a relu teacher of the student’s width (so a zero-loss θ exists), hidden biases started low (dead units), ' +
    `L-BFGS to ‖∇L̃‖ ≤ ${NEURON_GRAD_TOL}·(1 + L̃). Pass: the network's own margins y_i f(x_i) ≥ 1 − ${MARGIN_RTOL} and ` +
    `|a| ≤ ${NEURON_OFF_RTOL}; or a saddle; or a path to infinity (‖θ‖ ≥ ${DIVERGENCE_FACTOR}(1 + ‖θ₀‖) or the exponent ` +
    `max_i wᵀx_i + b ≥ ${EXPONENT_BOUND}, converged or not: along it a → 0 and ∇L̃ → 0; expected, not a failure). ` +
    'Fail: a bounded critical point, off every kink, with no negative ' +
    'Hessian eigenvalue (on the complement of the relu rescalings) and no descending perturbation, where a margin is unmet ' +
    'or the neuron is on. Kinks and non-convergence are inconclusive.',
  constants: {
    ONE_NEURON_LAMBDAS,
    ONE_NEURON_POWER,
    NEURON_GRAD_TOL,
    MARGIN_RTOL,
    NEURON_OFF_RTOL,
    DIVERGENCE_FACTOR,
    EXPONENT_BOUND,
  },
  literals: [
    '±1',
    '(λ/2)',
    'λ > 0',
    'max(z + 1, 0)',
    '0 for z ≤ −1',
    'a = 0',
    '≥ 1 (zero',
    '(1 + L̃)',
    '≥ 1 − ',
    '(1 + ‖θ₀‖)',
    'a → 0',
    '∇L̃ → 0',
  ],
  kind: 'theorem',
  expect: 'holds',
  hypotheses: oneNeuronArb(true),
  budget: { test: 30, check: 300 },
  check(g) {
    const instance = oneNeuronInstance(g);
    if (typeof instance === 'string') return { status: 'discard', reason: instance };
    const end = descendExponentialNeuron(instance.model, instance.theta0, g.init + 1);
    switch (end.kind) {
      case 'global':
        return { status: 'pass', score: -1 };
      case 'diverged':
      case 'saddle':
        return { status: 'pass', score: -2 };
      case 'not-critical':
      case 'kink':
      case 'not-converged':
        return { status: 'inconclusive', reason: `${end.kind}` };
      case 'bad-minimum': {
        const { margin, contribution, classification } = end;
        return { status: 'fail', evidence: { margin, contribution, classification }, score: 1 - margin };
      }
    }
  },
  certify: (_g, e) => ({
    ok: false,
    reason:
      `a ${e.classification} point with network margin ${e.margin} and |a| = ${e.contribution}; the counterexample ` +
      'format has no subject for an exponential skip neuron with a polynomial-hinge loss (a new subject kind is needed to archive it)',
  }),
  control: {
    description:
      'without the exponential neuron (the plain relu network): dead-unit plateaus are bad local minima',
    hypotheses: oneNeuronArb(false),
    expect: 'refuted',
    // About one control case in six ends at a bad minimum: 60 runs miss them all with probability < 1e-4.
    // About 16.5% of runs fail here (first failing run over seeds 7000–7099): 60 runs missed with chance
    // ≈ 2e-5 a seed, a CI flake; 120 runs miss with ≈ 4e-10 (checked by `npm run test:seeds`).
    runs: 120,
  },
});
