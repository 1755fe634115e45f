import { NEWTON_MAX_DIM } from '../descend.js';
import type { Objective } from '../objective.js';
import { lbfgs, newtonPolish, type OptimizeResult } from '../optimize.js';
import { ZERO_LOSS_RTOL } from './tolerances.js';

/** L-BFGS budget: the zero-loss manifold is reached in tens to hundreds of iterations on sjl19's sizes. */
export const ZERO_LOSS_MAX_ITERATIONS = 5000;
/**
 * L-BFGS gradient tolerance, relative to 1 + L: near the zero-loss set L ≈ ‖∇L‖²/(4·curvature), so stopping at the
 * default 1e-9 would leave L ≈ 1e-18, above the zero-loss target; 1e-14 lets the value target decide.
 */
export const ZERO_LOSS_GRAD_TOL = 1e-14;

/** Where a descent toward zero loss ended: the optimiser's result, the loss scale s and the target ZERO_LOSS_RTOL·s. */
export interface ZeroLossDescent {
  readonly result: OptimizeResult;
  readonly scale: number;
  readonly target: number;
  /** log10(L/s) at the end (the claim's score: lower is closer to zero loss). */
  readonly score: number;
}

/**
 * Descend a quadratic network's loss from W_0 toward zero loss: L-BFGS with the value target ZERO_LOSS_RTOL·s, s the
 * loss at W = 0 (½Σy_i²) or at W_0 when every target is 0; then, when it stopped above the target on a small
 * problem, Newton with a pseudo-inverse (ill-conditioned zero-loss sets make L-BFGS crawl).
 */
export function descendToZeroLoss(
  objective: Objective,
  W0: Float64Array,
  targets: readonly number[],
): ZeroLossDescent {
  const scale = Math.max(0.5 * targets.reduce((a, y) => a + y * y, 0), objective.value(W0));
  const target = ZERO_LOSS_RTOL * scale;
  let result = lbfgs(objective, W0, {
    maxIterations: ZERO_LOSS_MAX_ITERATIONS,
    valueTarget: target,
    gradTol: ZERO_LOSS_GRAD_TOL,
  });
  if (result.value > target && objective.dim <= NEWTON_MAX_DIM) {
    const polished = newtonPolish(objective, result.theta, { gradTol: ZERO_LOSS_GRAD_TOL });
    if (polished.value < result.value)
      result = { ...polished, converged: polished.converged || polished.value <= target };
  }
  const score = Math.log10(Math.max(result.value, Number.MIN_VALUE) / Math.max(scale, Number.MIN_VALUE));
  return { result, scale, target, score };
}
