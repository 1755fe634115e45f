/**
 * Tolerances of the spherical spin glass (Choromanska et al. 2015). Each is relative or
 * scaled and says why it has its value.
 */

/**
 * A point is on the sphere |w|² = N when ||w|² − N| ≤ SPHERE_RTOL·N: a retraction renormalises to ~1e-16
 * relative, and a JSON round trip of N numbers (17 significant digits) keeps ~N·1e-17; 1e-9 leaves six decades
 * for points written by other tools while still rejecting any point that is visibly off the sphere.
 */
export const SPHERE_RTOL = 1e-9;

/**
 * Endpoints of the sphere minimiser are critical when ‖grad_S L‖ ≤ SPHERE_GRAD_TOL·(1 + |L|): the same scale as
 * the core's GRAD_ZERO_TOL (1e-9·(1+L)), three decades tighter so an endpoint is unambiguously critical.
 */
export const SPHERE_GRAD_TOL = 1e-12;

/**
 * Hessian index: a tangent eigenvalue counts as negative when λ < −INDEX_EIG_RTOL·max|λ|, and as zero (the point
 * is degenerate) when |λ| ≤ INDEX_EIG_RTOL·max|λ|. The Riemannian Hessian is assembled from ~N^H/H! terms of
 * size O(max|λ|), so its rounding is ~1e-13 relative at N = 200; 1e-8 is five decades above that and far below
 * the smallest curvature (~1e-2 relative) of the minima the experiment finds.
 */
export const INDEX_EIG_RTOL = 1e-8;

/**
 * Brent's method stops when the bracket is narrower than 4ε|x| + BRENT_XTOL·max(1, |x|): at the thresholds E_k
 * (|x| ≈ 1.6, |Θ′| ≈ 0.05–1) that puts |Θ(−E_k)| at ~1e-16, four decades inside the 1e-12 asked for.
 */
export const BRENT_XTOL = 1e-15;

/** Θ_{k,H}(−E_k) = 0 "to 1e-12", scaled by the size ½log(H−1) of Θ's constant term. */
export const THETA_ROOT_RTOL = 1e-12;

/**
 * Central-difference step for the derivative tests of the Hamiltonian, relative to |w|/√N = 1 (a coordinate's
 * typical size): ≈ ε^(1/3), the step that balances truncation (h²·|L‴|) against rounding (ε·|L|/h).
 */
export const SPIN_FD_STEP = 6e-6;

/**
 * Derivative tests pass when |∇L·v − CD| ≤ SPIN_FD_RTOL·(1 + |L|) for a unit v (Hessian·v: scaled by 1 + ‖∇L‖):
 * the measured worst errors on 300 random H ∈ {2,…,5}, N ≤ 12 cases are 2.9e-9 (gradient) and 8.1e-10
 * (Hessian·v) relative, so 1e-7 (the nn core's GRAD_FD_TOL) leaves a margin of 30.
 */
export const SPIN_FD_RTOL = 1e-7;

/**
 * The descent stage of the sphere minimiser stops at ‖grad_S L‖ ≤ DESCENT_STAGE_TOL·(1 + |L|): near there the
 * Armijo test compares values that differ by less than ε·|L|, so the line search stalls; 1e-7 is reached
 * reliably and puts Newton within its quadratic basin (two or three steps to SPHERE_GRAD_TOL).
 */
export const DESCENT_STAGE_TOL = 1e-7;

/** Newton pseudo-inverse: tangent eigenvalues with |λ| ≤ NEWTON_PINV_RTOL·max|λ| are left alone (as in newtonPolish). */
export const NEWTON_PINV_RTOL = 1e-10;

/**
 * Second derivative along a retraction curve t ↦ L(R_w(tξ)) by the Richardson-extrapolated second difference
 * (4·D₂(h/2) − D₂(h))/3 with h = SPIN_FD2_STEP: truncation O(h⁴) ≈ 1e-12, rounding ≈ 16ε|L|/h² ≈ 4e-9·|L|.
 */
export const SPIN_FD2_STEP = 1e-3;

/** Tolerance of that second difference against ⟨ξ, Hess ξ⟩, relative to 1 + |L| (unit ξ): 100× the rounding. */
export const SPIN_FD2_RTOL = 1e-6;
