/**
 * Tolerances of the curvature tools (Lanczos on Hessian-vector products).
 */

/**
 * A Lanczos residual ‖r_j‖ at or below this multiple of the operator-norm estimate means the Krylov space is
 * invariant to working precision (full reorthogonalisation keeps the basis orthogonal to ~1e-15, so residuals
 * below ~1e-10·‖H‖ are rounding): the sequence stops (density) or restarts from a fresh random vector (top-k).
 */
export const LANCZOS_BREAKDOWN_RTOL = 1e-10;

/**
 * Up to this dimension `topEigenvalues` runs Lanczos (with restarts) until the Krylov basis spans the whole
 * space, so every eigenvalue, repeated ones included, is found to rounding (the tests ask for 1e-8). Above it,
 * it stops once the top-k Ritz residuals are below TOPK_RESIDUAL_RTOL·‖H‖; a repeated eigenvalue may then be
 * reported once (the known Lanczos limitation; `converged` and the residuals say what was reached).
 */
export const FULL_KRYLOV_MAX_DIM = 400;

/** Ritz residual bound |β_m·s_{m,i}| ≤ this × ‖H‖ counts as converged (an eigenvalue of H lies that close). */
export const TOPK_RESIDUAL_RTOL = 1e-10;

/**
 * Width of the Gaussian kernel that smooths the SLQ quadrature into a density, as a fraction of the spectrum's
 * span (PyHessian's default σ² = 1e-5 on a range normalised to [0, 1] gives σ ≈ 0.003; we draw on 200-point
 * grids where that would be narrower than a grid cell, so 0.01).
 */
export const DENSITY_KERNEL_REL_WIDTH = 0.01;
