import type { Rng } from '../../random.js';
import { lanczos } from './lanczos.js';
import type { SymmetricOperator } from './operator.js';
import { FULL_KRYLOV_MAX_DIM, TOPK_RESIDUAL_RTOL } from './tolerances.js';
import { tridiagonalEigenpairs } from './tridiagonal.js';

export interface TopEigenvalues {
  /** The k largest Ritz values, descending. */
  readonly values: readonly number[];
  /** Residual bounds |β_m·s_{m,i}|: an eigenvalue of H lies within each of its Ritz value. */
  readonly residuals: readonly number[];
  /** Lanczos steps (Hessian-vector products) used. */
  readonly steps: number;
  /** Every residual ≤ TOPK_RESIDUAL_RTOL·‖H‖, or the Krylov basis spans the whole space. */
  readonly converged: boolean;
}

/**
 * The k largest eigenvalues of H by Lanczos on Hessian-vector products (the full Hessian is never formed), from
 * a Gaussian start vector drawn from `rng`. Up to FULL_KRYLOV_MAX_DIM coordinates the run continues (restarting
 * after each breakdown) until the basis spans R^dim, so repeated eigenvalues are found once per copy and the
 * values are exact to rounding; above it, in blocks of 20 steps until the top-k residuals are converged or
 * `maxSteps` is reached.
 */
export function topEigenvalues(op: SymmetricOperator, k: number, rng: Rng, maxSteps = 600): TopEigenvalues {
  const dim = op.dim;
  if (!Number.isInteger(k) || k < 1) throw new RangeError('topEigenvalues: k must be an integer ≥ 1');
  const want = Math.min(k, dim);
  const start = new Float64Array(dim);
  for (let i = 0; i < dim; i++) start[i] = rng.normal();
  const full = dim <= FULL_KRYLOV_MAX_DIM;
  let steps = full ? dim : Math.min(dim, maxSteps, Math.max(2 * want + 20, 40));
  for (;;) {
    const run = lanczos(op, start, steps, rng);
    const m = run.alpha.length;
    const { values, vectors } = tridiagonalEigenpairs(run.alpha, run.beta);
    const norm = Math.max(...Array.from(values, Math.abs), Number.MIN_VALUE);
    const top: number[] = [];
    const residuals: number[] = [];
    for (let i = m - 1; i >= Math.max(0, m - want); i--) {
      top.push(values[i]!);
      residuals.push(m === dim ? 0 : Math.abs(run.lastResidual * vectors.data[(m - 1) * m + i]!));
    }
    const converged = m === dim || residuals.every((r) => r <= TOPK_RESIDUAL_RTOL * norm);
    if (converged || full || steps >= Math.min(dim, maxSteps))
      return { values: top, residuals, steps: m, converged };
    steps = Math.min(dim, maxSteps, steps + 20);
  }
}
