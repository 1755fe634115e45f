import { singularValues } from '../../linalg/index.js';
import { jacobian, lossAndGradient, lossWeight, type Problem, residuals } from '../../nn/index.js';
import { JACOBIAN_CERT_RTOL, singularValueErrorScale } from './tolerances.js';

/** Both sides of the Jacobian certificate at one point, and whether it holds. */
export interface JacobianCertificateCheck {
  /** N = n·d_L (rows of J) and P (parameters, columns of J). */
  readonly rows: number;
  readonly cols: number;
  /** ‖r‖ with r = f(X) − Y. */
  readonly residualNorm: number;
  /** The singular value used: σ_k(J) for the requested k (0 when k > min(N, P)). */
  readonly sigma: number;
  readonly k: number;
  /** σ_1(J) (the rounding scale of every singular value). */
  readonly sigmaMax: number;
  /** ‖∇L‖ by backpropagation (an independent code path from J). */
  readonly gradientNorm: number;
  /** 2s·‖r‖·σ_k(J): the lower bound the certificate claims for ‖∇L‖ (∇L = 2s·Jᵀr). */
  readonly lowerBound: number;
  /** ‖∇L‖·(1 + JACOBIAN_CERT_RTOL) + floor: what the lower bound must not exceed. */
  readonly allowed: number;
  readonly holds: boolean;
}

/**
 * The Jacobian certificate of docs/derivations.md#jacobian-certificate for L = s·‖r‖² (so ∇L = 2s·Jᵀr): for every θ,
 *
 *     2s · ‖r‖ · σ_N(J) ≤ ‖∇L‖,      N = n·d_L (the number of rows of J),
 *
 * since ‖Jᵀr‖ ≥ σ_min(Jᵀ)·‖r‖ and σ_min(Jᵀ) = σ_N(J) when P ≥ N (σ_N := 0 when P < N). Checked with slack
 * ‖∇L‖·JACOBIAN_CERT_RTOL + singularValueErrorScale(N, P)·σ_1·2s‖r‖ (the SVD's absolute error).
 * `k` replaces N by another index (k = 1, or k = min(N, P) for a narrow J) to show the bound is sharp: those
 * are false statements, and the check reports them as not holding on generic points.
 */
export function jacobianCertificate(
  problem: Problem,
  theta: Float64Array,
  k?: number,
): JacobianCertificateCheck {
  const J = jacobian(problem, theta);
  const r = residuals(problem, theta);
  const { gradient } = lossAndGradient(problem, theta);
  const sv = singularValues(J);
  const index = k ?? J.rows;
  const sigma = index >= 1 && index <= sv.length ? sv[index - 1]! : 0;
  const sigmaMax = sv[0] ?? 0;
  let rr = 0;
  for (let i = 0; i < r.length; i++) rr += r[i]! * r[i]!;
  let gg = 0;
  for (let i = 0; i < gradient.length; i++) gg += gradient[i]! * gradient[i]!;
  const residualNorm = Math.sqrt(rr);
  const gradientNorm = Math.sqrt(gg);
  const twoS = 2 * lossWeight(problem);
  const lowerBound = twoS * residualNorm * sigma;
  const floor = singularValueErrorScale(J.rows, J.cols) * sigmaMax * twoS * residualNorm;
  const allowed = gradientNorm * (1 + JACOBIAN_CERT_RTOL) + floor;
  const holds = Number.isFinite(lowerBound) && Number.isFinite(allowed) && lowerBound <= allowed;
  return {
    rows: J.rows,
    cols: J.cols,
    residualNorm,
    sigma,
    k: index,
    sigmaMax,
    gradientNorm,
    lowerBound,
    allowed,
    holds,
  };
}
