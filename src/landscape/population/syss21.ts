import { symmetricEigen } from '../../linalg/index.js';
import type { Rng } from '../../random.js';
import { populationObjective } from './model.js';
import { identityTeacher, splitNeuron, ss18Problem } from './safranShamir.js';

/**
 * Exact second-order facts of Safran, Yehudai, Shamir (COLT 2021, arXiv 2006.01005;
 * syss21-mild-overparam) on the Safran–Shamir population loss with teacher V = I_k:
 *   (a) n = k: F is strongly convex around the global minimum W = V (λ_min(∇²F(V)) > 0);
 *   (b) n > k: at a global minimum embedded by splitting neurons, the Hessian is only PSD (a zero eigenvalue along
 *       the split ratio), and arbitrarily close to it there are points with a negative eigenvalue: F is not even
 *       locally convex there;
 *   (c) a spurious minimum of n = k embedded into n = k + 1 by splitting a neuron is a saddle.
 */

export interface Spectrum {
  readonly value: number;
  readonly gradientNorm: number;
  /** Ascending eigenvalues of the exact Hessian. */
  readonly eigenvalues: Float64Array;
}

function spectrumAt(k: number, n: number, w: Float64Array): Spectrum {
  const objective = populationObjective(ss18Problem(k, n));
  const { value, gradient } = objective.valueAndGradient(w);
  let s = 0;
  for (let i = 0; i < gradient.length; i++) s += gradient[i]! * gradient[i]!;
  return { value, gradientNorm: Math.sqrt(s), eigenvalues: symmetricEigen(objective.hessian(w)).values };
}

/** (a) The spectrum of ∇²F at W = V = I_k, n = k. */
export function teacherSpectrum(k: number): Spectrum {
  return spectrumAt(k, k, identityTeacher(k));
}

/**
 * V = I_k embedded into n = k + over neurons by splitting neurons 0, 1, …, over − 1 (each into α·v_j and
 * (1 − α)·v_j, the new neuron appended): a global minimum of the larger problem (F = 0).
 */
export function splitTeacher(k: number, over: number, alpha: number): Float64Array {
  let w = identityTeacher(k);
  for (let t = 0; t < over; t++) w = splitNeuron(w, k + t, k, t % k, alpha);
  return w;
}

/** (b) The spectrum of ∇²F at the split teacher. */
export function splitTeacherSpectrum(k: number, over: number, alpha: number): Spectrum {
  return spectrumAt(k, k + over, splitTeacher(k, over, alpha));
}

/**
 * (b) Local non-convexity: the smallest Hessian eigenvalue over `trials` points at distance `radius` (random
 * directions) from the split teacher. Negative values at every radius mean no neighbourhood is convex.
 */
export function nearSplitTeacherMinEigenvalue(
  k: number,
  over: number,
  alpha: number,
  radius: number,
  trials: number,
  rng: Rng,
): number {
  const objective = populationObjective(ss18Problem(k, k + over));
  const base = splitTeacher(k, over, alpha);
  let lowest = Number.POSITIVE_INFINITY;
  for (let t = 0; t < trials; t++) {
    const u = Float64Array.from(base, () => rng.normal());
    let s = 0;
    for (let i = 0; i < u.length; i++) s += u[i]! * u[i]!;
    const scale = radius / Math.sqrt(s);
    const w = Float64Array.from(base, (x, i) => x + scale * u[i]!);
    lowest = Math.min(lowest, symmetricEigen(objective.hessian(w)).values[0]!);
  }
  return lowest;
}

/** (c) A critical point of n = k (k×k rows) with neuron j split at ratio α: the spectrum at n = k + 1. */
export function embeddedSpectrum(k: number, student: Float64Array, j: number, alpha: number): Spectrum {
  return spectrumAt(k, k + 1, splitNeuron(student, k, k, j, alpha));
}
