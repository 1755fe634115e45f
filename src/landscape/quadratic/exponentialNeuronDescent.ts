import { seededRng } from '../../random.js';
import { examinePoint } from '../examinePoint.js';
import { lbfgs } from '../optimize.js';
import type { ExponentialNeuronModel } from './exponentialNeuron.js';
import { DIVERGENCE_FACTOR, EXPONENT_BOUND, MARGIN_RTOL, NEURON_OFF_RTOL } from './tolerances.js';

/** L-BFGS iterations of the descent: the small instances converge, or run away, well within this. */
export const NEURON_MAX_ITERATIONS = 3000;
/** Gradient tolerance of the descent, relative to 1 + L̃ (docs/derivations.md#numeric-conventions: a critical point at 1e-9; three decades inside). */
export const NEURON_GRAD_TOL = 1e-12;
/** Sampled examination of a bounded endpoint (radii, perturbations). */
const NEURON_EXAM = { radii: [1e-3, 1e-5], trials: 40 };

/** What the descent of lslsr18-one-neuron ended at. */
export type OneNeuronEnd =
  /** `margin`: min_i y_i f(x_i) of the network alone; `contribution`: |a|. */
  | { readonly kind: 'global'; readonly margin: number; readonly contribution: number }
  | { readonly kind: 'diverged'; readonly exponent: number; readonly growth: number }
  | { readonly kind: 'saddle' | 'not-critical' | 'kink' | 'not-converged'; readonly detail: string }
  | {
      readonly kind: 'bad-minimum';
      readonly margin: number;
      readonly contribution: number;
      readonly classification: string;
      readonly theta: number[];
    };

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/**
 * Descend L̃ from θ_0 with L-BFGS and say what the endpoint is: the global set (|a| small and every margin of the
 * network f alone met), a path to infinity (parameters or the neuron's exponent ran away, whether or not the
 * gradient test stopped it: along the path a → 0 and L̃ → inf, so the gradient vanishes there too), a saddle, or a
 * bounded second-order stationary point that is not global (a bad minimum, which the theorem rules out).
 */
export function descendExponentialNeuron(
  model: ExponentialNeuronModel,
  theta0: Float64Array,
  rngSeed: number,
): OneNeuronEnd {
  const result = lbfgs(model.objective, theta0, {
    maxIterations: NEURON_MAX_ITERATIONS,
    gradTol: NEURON_GRAD_TOL,
  });
  const theta = result.theta;
  const margin = model.networkMargin(theta);
  const a = model.layout.a < 0 ? 0 : Math.abs(theta[model.layout.a]!);
  if (margin >= 1 - MARGIN_RTOL && a <= NEURON_OFF_RTOL) return { kind: 'global', margin, contribution: a };
  const exponent = model.maxExponent(theta);
  const growth = norm(theta) / (1 + norm(theta0));
  if (exponent >= EXPONENT_BOUND || growth >= DIVERGENCE_FACTOR)
    return { kind: 'diverged', exponent, growth };
  if (!result.converged) {
    const detail = `${result.reason} at ‖θ‖/(1+‖θ₀‖) = ${growth.toFixed(2)}, exponent ${exponent.toFixed(1)}`;
    return { kind: 'not-converged', detail };
  }
  const kink = model.objective.nonDifferentiable(theta);
  if (kink !== null) return { kind: 'kink', detail: kink };
  const exam = examinePoint(model.objective, theta, { rng: seededRng(rngSeed), ...NEURON_EXAM });
  const c = exam.classification;
  if (c === 'saddle' || c === 'not-critical') return { kind: c, detail: `L̃ = ${exam.value}` };
  return { kind: 'bad-minimum', margin, contribution: a, classification: c, theta: Array.from(theta) };
}
