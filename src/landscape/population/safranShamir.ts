import { symmetricEigen } from '../../linalg/index.js';
import type { Rng } from '../../random.js';
import { seededRng } from '../../random.js';
import type { Objective } from '../objective.js';
import { gradientDescent, newtonPolish, type OptimizeResult } from '../optimize.js';
import { GRAD_ZERO_TOL, PSD_EIG_RTOL, STRICT_EIG_RTOL } from '../tolerances.js';
import { populationObjective, type TeacherStudent, teacherStudent } from './model.js';
import { POLISH_MAX_MOVE, SS18_GLOBAL_F, SS18_SPURIOUS_F } from './tolerances.js';

/**
 * The Safran–Shamir (2018) experiment on the population loss (docs/derivations.md#numeric-conventions): teacher V = I_k
 * (d = k, orthonormal teacher neurons), student n ≥ k neurons, unit output weights; GD with the fixed step 5/k
 * from W_ij ~ N(0, 1/k) (the authors' `find_minima` initialisation), stopped at ‖∇F‖ < 1e-9, or for n > k
 * also at F < 1e-10, capped at SS18_MAX_ITERATIONS. Each endpoint is then classified by its exact Hessian.
 */

/** Iteration cap of the protocol (docs/derivations.md#numeric-conventions: 6·10⁴; convergence to the non-isolated global set of n > k is sublinear). */
export const SS18_MAX_ITERATIONS = 60_000;

/** The protocol's gradient tolerance (‖∇F‖ ≤ 1e-9). */
export const SS18_GRAD_TOL = 1e-9;

/** The protocol's fixed GD step is SS18_STEP_SCALE/k (the authors' step 5/k; unstable for k < 4). */
export const SS18_STEP_SCALE = 5;

/** The teacher I_k as a k×k row-major matrix. */
export function identityTeacher(k: number): Float64Array {
  const v = new Float64Array(k * k);
  for (let j = 0; j < k; j++) v[j * k + j] = 1;
  return v;
}

/** The problem of the protocol: teacher I_k in R^k, n student neurons. */
export function ss18Problem(k: number, n: number): TeacherStudent {
  return teacherStudent(identityTeacher(k), k, k, n);
}

/** W_ij ~ N(0, 1/k), n×d row-major (the authors' initialisation). */
export function xavierStudent(n: number, d: number, k: number, rng: Rng): Float64Array {
  const w = new Float64Array(n * d);
  const sd = 1 / Math.sqrt(k);
  for (let i = 0; i < w.length; i++) w[i] = sd * rng.normal();
  return w;
}

/** What a GD endpoint turned out to be. */
export type Ss18Outcome =
  /** F < SS18_SPURIOUS_F: at (or converging to) the global minimum 0; not spurious by the protocol's threshold. */
  | 'global'
  /** F ≥ SS18_SPURIOUS_F, ‖∇F‖ ≤ GRAD_ZERO_TOL·(1 + F), Hessian positive definite (λ_min > STRICT_EIG_RTOL·λ_max). */
  | 'spurious-min'
  /** F ≥ SS18_SPURIOUS_F, critical, a negative Hessian eigenvalue (GD stopped near a saddle). */
  | 'saddle'
  /** F ≥ SS18_SPURIOUS_F, critical, Hessian singular up to rounding: second order cannot decide. */
  | 'degenerate'
  /** F ≥ SS18_SPURIOUS_F and a student neuron collapsed to (near) 0, where F is not differentiable. */
  | 'zero-neuron'
  /** F ≥ SS18_SPURIOUS_F when the iteration cap was reached. */
  | 'not-converged'
  /** F grew above its starting value (the fixed step 5/k is unstable for very small k). */
  | 'diverged';

export interface Ss18Endpoint {
  readonly k: number;
  readonly n: number;
  readonly seed: number;
  readonly student: Float64Array;
  readonly value: number;
  readonly gradientNorm: number;
  readonly iterations: number;
  readonly stop: OptimizeResult['reason'];
  readonly outcome: Ss18Outcome;
  /** Extreme Hessian eigenvalues where the Hessian was examined (critical, above the global threshold). */
  readonly lambdaMin: number | null;
  readonly lambdaMax: number | null;
}

export interface Ss18Options {
  readonly maxIterations?: number;
}

function extremeEigenvalues(objective: Objective, w: Float64Array): { min: number; max: number } {
  const values = symmetricEigen(objective.hessian(w)).values;
  return { min: values[0]!, max: values[values.length - 1]! };
}

/** Classify a stopped run: by F against SS18_SPURIOUS_F, then by the exact Hessian at critical points. */
export function classifyEndpoint(
  objective: Objective,
  result: OptimizeResult,
  startValue: number,
): { outcome: Ss18Outcome; lambdaMin: number | null; lambdaMax: number | null } {
  const none = { lambdaMin: null, lambdaMax: null };
  if (!Number.isFinite(result.value) || result.value > startValue) return { outcome: 'diverged', ...none };
  if (result.value < SS18_SPURIOUS_F) return { outcome: 'global', ...none };
  if (objective.nonDifferentiable(result.theta) !== null) return { outcome: 'zero-neuron', ...none };
  if (!(result.gradientNorm <= GRAD_ZERO_TOL * (1 + Math.abs(result.value))))
    return { outcome: 'not-converged', ...none };
  const { min, max } = extremeEigenvalues(objective, result.theta);
  const scale = Math.max(Math.abs(min), Math.abs(max));
  if (min < -PSD_EIG_RTOL * scale) return { outcome: 'saddle', lambdaMin: min, lambdaMax: max };
  if (min > STRICT_EIG_RTOL * scale) return { outcome: 'spurious-min', lambdaMin: min, lambdaMax: max };
  return { outcome: 'degenerate', lambdaMin: min, lambdaMax: max };
}

/** One run of the protocol from the seeded initialisation. */
export function ss18Run(k: number, n: number, seed: number, options: Ss18Options = {}): Ss18Endpoint {
  const problem = ss18Problem(k, n);
  const objective = populationObjective(problem);
  const start = xavierStudent(n, k, k, seededRng(seed));
  const result = gradientDescent(objective, start, SS18_STEP_SCALE / k, {
    maxIterations: options.maxIterations ?? SS18_MAX_ITERATIONS,
    gradTol: SS18_GRAD_TOL,
    ...(n > k ? { valueTarget: SS18_GLOBAL_F } : {}),
  });
  const { outcome, lambdaMin, lambdaMax } = classifyEndpoint(objective, result, objective.value(start));
  return {
    k,
    n,
    seed,
    student: result.theta,
    value: result.value,
    gradientNorm: result.gradientNorm,
    iterations: result.iterations,
    stop: result.reason,
    outcome,
    lambdaMin,
    lambdaMax,
  };
}

/**
 * Split student neuron j into (α·w_j, (1 − α)·w_j): n → n + 1 neurons, the same function (relu is positively
 * homogeneous and the output weights are 1), hence the same F and a critical point again (docs/derivations.md#embeddings).
 */
export function splitNeuron(w: Float64Array, n: number, d: number, j: number, alpha: number): Float64Array {
  const out = new Float64Array((n + 1) * d);
  out.set(w);
  for (let c = 0; c < d; c++) {
    out[j * d + c] = alpha * w[j * d + c]!;
    out[n * d + c] = (1 - alpha) * w[j * d + c]!;
  }
  return out;
}

/**
 * A protocol endpoint (‖∇F‖ ≲ 1e-9) Newton-polished to ‖∇F‖ ~ 1e-15 on the (k, n) problem, or the endpoint
 * itself when Newton fails or moves farther than POLISH_MAX_MOVE.
 */
export function polishEndpoint(k: number, n: number, w: Float64Array): Float64Array {
  const polished = newtonPolish(populationObjective(ss18Problem(k, n)), w, { gradTol: 1e-13 });
  let move = 0;
  for (let i = 0; i < w.length; i++) move = Math.max(move, Math.abs(polished.theta[i]! - w[i]!));
  return polished.converged && move <= POLISH_MAX_MOVE ? polished.theta : w;
}
