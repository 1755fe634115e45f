/**
 * Tolerances of the landscape analyses. Each is relative or scaled; each says why it has its value.
 * Certificates record the ones their verdict depended on.
 */

/** ε of float64 (2^-52). */
export const EPS = 2 ** -52;

/**
 * A point is critical when ‖∇L‖ ≤ GRAD_ZERO_TOL·(1 + |L|). The docs/derivations.md#numeric-conventions uses 1e-9·(1+L); Newton polishing
 * reaches ~1e-13 on the archived instances, so 1e-9 separates "critical" from "still descending" by 4 decades.
 */
export const GRAD_ZERO_TOL = 1e-9;

/**
 * Strictness: λ_min of the (symmetry-reduced) Hessian must exceed STRICT_EIG_RTOL·λ_max (docs/derivations.md#numeric-conventions). Below it
 * the smallest eigenvalue is within ~1e-7 relative of the rounding floor of an exact Hessian assembled from
 * O(n·p) terms, so we cannot tell it from 0.
 */
export const STRICT_EIG_RTOL = 1e-7;

/**
 * A Hessian is "positive semidefinite" for a non-strict local minimum when λ_min ≥ −PSD_EIG_RTOL·λ_max: the
 * same rounding argument as STRICT_EIG_RTOL, allowing eigenvalues that are 0 up to rounding.
 */
export const PSD_EIG_RTOL = 1e-7;

/**
 * Loss differences smaller than LOSS_ROUNDING_RTOL·(1 + |L|) are rounding, not signal: a loss summed over ≤ 10⁴
 * terms in float64 carries a relative error of at most ~n·ε ≈ 2e-12 in the worst case and ~√n·ε typically;
 * 1e-13 is between the typical error and a genuine increase of a strict minimum at radius 1e-4 (≈ λ·1e-8/2).
 */
export const LOSS_ROUNDING_RTOL = 1e-13;

/**
 * A minimum is spurious when L(θ*) − L_better ≥ max(SPURIOUS_ABS_GAP, SPURIOUS_REL_GAP·L_better) (docs/derivations.md#numeric-conventions):
 * large enough that no optimiser tolerance or rounding can produce it.
 */
export const SPURIOUS_ABS_GAP = 1e-6;
export const SPURIOUS_REL_GAP = 1e-4;

/** Perturbation radii of the local-minimum test: three decades, so both curvature and kinks are probed. */
export const PERTURBATION_RADII: readonly number[] = [1e-2, 1e-3, 1e-4];

/** Random directions per radius: enough to hit a descent cone of half-angle ~20° in p ≤ 50 dims with high odds. */
export const PERTURBATION_TRIALS = 400;

/** A recorded number is reproduced when it agrees to REPLAY_RTOL relative (plus the same absolute floor at 0). */
export const REPLAY_RTOL = 1e-6;

/**
 * A recorded gradient norm is reproduced when it agrees with the recomputed one to GRADIENT_REPLAY_TOL·(1 + |L|):
 * two decades below GRAD_ZERO_TOL (so a file cannot pass a non-critical point off as critical), far above the
 * ~1e-15 rounding of a norm of sums recomputed by the same core.
 */
export const GRADIENT_REPLAY_TOL = 1e-11;

/**
 * Recorded perturbation radii must lie in [MIN_RECORDED_RADIUS, MAX_RECORDED_RADIUS]: at r < 1e-6 a quadratic
 * increase λr²/2 (λ ≤ 1) is below the LOSS_ROUNDING_RTOL floor, so the search tests nothing; r > 1 is not local.
 */
export const MIN_RECORDED_RADIUS = 1e-6;
export const MAX_RECORDED_RADIUS = 1;

/** Steps along a saddle's descent direction that replay tries (the file's own step is not trusted). */
export const SADDLE_REPLAY_STEPS: readonly number[] = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6];

/** Recorded singular values must agree to SINGULAR_REPLAY_RTOL·max(1, σ_max): Golub–Kahan is backward stable to ~1e-15. */
export const SINGULAR_REPLAY_RTOL = 1e-8;
