import type { Rng } from '../random.js';
import { examinePoint, type PointExamination } from './examinePoint.js';
import type { Objective } from './objective.js';
import { lbfgs, newtonPolish, type OptimizeResult } from './optimize.js';

/** Gradient tolerance of the descent before examination: three decades inside GRAD_ZERO_TOL, so the examined
 *  point is unambiguously critical when the optimiser converged. */
export const DESCENT_GRAD_TOL = 1e-12;

/** Newton polishing is used only up to this many parameters (the Hessian eigendecomposition is O(p³)). */
export const NEWTON_MAX_DIM = 400;

/** The result of {@link descendAndExamine}: the optimiser's run and the examination of its endpoint. */
export interface DescentExamination {
  readonly optimized: OptimizeResult;
  readonly theta: Float64Array;
  /** Null when the optimiser did not converge (then the point is not examined). */
  readonly exam: PointExamination | null;
}

/**
 * Descend from theta0 with L-BFGS to a critical point, polish it with Newton where the loss is smooth there,
 * and examine it (gradient, reduced Hessian, perturbations). The rng drives the perturbation search only.
 */
export function descendAndExamine(
  objective: Objective,
  theta0: Float64Array,
  rng: Rng,
  options: { maxIterations?: number; radii?: readonly number[]; trials?: number } = {},
): DescentExamination {
  let optimized = lbfgs(objective, theta0, {
    maxIterations: options.maxIterations ?? 5000,
    gradTol: DESCENT_GRAD_TOL,
  });
  if (
    !optimized.converged &&
    objective.retract === undefined &&
    objective.dim <= NEWTON_MAX_DIM &&
    objective.nonDifferentiable(optimized.theta) === null
  ) {
    const polished = newtonPolish(objective, optimized.theta, { gradTol: DESCENT_GRAD_TOL });
    if (polished.converged && polished.value <= optimized.value + 1e-12 * (1 + Math.abs(optimized.value)))
      optimized = polished;
  }
  if (!optimized.converged) return { optimized, theta: optimized.theta, exam: null };
  const exam = examinePoint(objective, optimized.theta, {
    rng,
    ...(options.radii === undefined ? {} : { radii: options.radii }),
    ...(options.trials === undefined ? {} : { trials: options.trials }),
  });
  return { optimized, theta: optimized.theta, exam };
}
