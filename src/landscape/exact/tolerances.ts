/**
 * Tolerances of the exact-fact analyses (docs/derivations.md). Each is relative or scaled; each says why it
 * has its value. The claims record the ones their verdict depended on.
 */

/** ε of float64 (2^-52). */
const EPS = 2 ** -52;

/**
 * A critical value matches a closed-form value when |L − L_I| ≤ CRITICAL_VALUE_RTOL·(1 + |L_I|): the closed
 * form asserted with relative tolerance 1e-8 after convergence. After Newton
 * polishing the gradient is ≲ 1e-12·(1+L), so the value is off by ≲ ‖∇L‖²/λ ≪ 1e-8; the nearest other
 * critical value is a whole eigenvalue gap away (≥ EIGEN_GAP_RTOL·λ_1).
 */
export const CRITICAL_VALUE_RTOL = 1e-8;

/**
 * The eigenvalues of Σ = Σ_YX Σ_XX⁻¹ Σ_XY count as distinct (the theorems' hypothesis) when consecutive ones
 * differ by more than EIGEN_GAP_RTOL·max(1, λ_1). Closer pairs make the saddles' negative curvature (∝ the
 * gap) and the spurious-gap test (SPURIOUS_REL_GAP = 1e-4 of L) unresolvable, so those draws are discarded
 * as outside the hypotheses; 1e-3 keeps the smallest gap ten times above the spurious-gap threshold.
 */
export const EIGEN_GAP_RTOL = 1e-3;

/**
 * An index set's critical point is checked to be critical: ‖∇L‖ ≤ CLOSED_FORM_GRAD_RTOL·(1 + L + ‖Σ_YY‖). The
 * point is built from an eigendecomposition (backward error ~ d·ε·‖Σ‖) and Ŵ = Σ_YXΣ_XX⁻¹ (error ~ κ(Σ_XX)·ε),
 * so the gradient is rounding of size ≲ 1e-12 of that scale on our data; 1e-8 leaves room for κ(Σ_XX) ≤ 1e4.
 */
export const CLOSED_FORM_GRAD_RTOL = 1e-8;

/**
 * An L-BFGS chunk (descendToCritical) that lowers the loss by less than STALL_RTOL·(1 + |L|) has stalled: the
 * Armijo test then compares values that differ by rounding only (a gradient g lowers L by ~g²/λ, below ε·L once
 * g ≲ √(ε·L·λ)), and further iterations are wasted. 1e-12 is a few thousand ε of L: only rounding-level progress.
 */
export const STALL_RTOL = 1e-12;

/**
 * Newton polishing may move to a nearby critical point; its result is kept when its loss is not above the
 * optimiser's by more than POLISH_ACCEPT_RTOL·(1 + |L|) (the same slack as descendAndExamine: rounding of L,
 * not a climb to another critical value, which would be ≥ EIGEN_GAP_RTOL·λ_1 away on the linear claims).
 */
export const POLISH_ACCEPT_RTOL = 1e-12;

/**
 * Jacobian certificate (docs/derivations.md#jacobian-certificate): ‖r‖·σ_N(J)·2s ≤ ‖∇L‖·(1 + JACOBIAN_CERT_RTOL)
 * + floor, with the relative slack 1e-10 (the gradient comes from backpropagation, an independent code path from J, and agrees
 * with 2s·Jᵀr to ~1e-15 relative).
 */
export const JACOBIAN_CERT_RTOL = 1e-10;

/**
 * The floor of the Jacobian certificate: JACOBIAN_CERT_FLOOR_EPS·max(rows, cols)·ε·σ_1(J)·2s‖r‖. Computed
 * singular values carry an absolute error O(max(m, n)·ε·σ_1) (backward-stable bidiagonal SVD), so a σ_N near
 * 0 (rank-deficient J, critical points) can only be trusted to that level; 64 covers the constant.
 */
export const JACOBIAN_CERT_FLOOR_EPS = 64;

/** The floor above, as a number: the scaled ε of a backward-stable SVD of an m×n matrix. */
export function singularValueErrorScale(rows: number, cols: number): number {
  return JACOBIAN_CERT_FLOOR_EPS * Math.max(rows, cols) * EPS;
}

/**
 * Region linearity (docs/derivations.md#region-linearity): a quadratic through three losses on the segment predicts the others to
 * QUADRATIC_FIT_RTOL relative to s·max_t(‖f(t)‖ + ‖y‖)², the natural scale of every term of the loss. Measured
 * on 16 364 generated segments inside a region (region-linearity's genome): worst deviation 3.3e-15 of that
 * scale; on 14 595 segments running 3× past the first kink, every deviation is either ≤ 1e-13 (a crossing that
 * does not change the loss, e.g. v_j = 0) or ≥ 1.25e-6. 1e-9 sits in the empty gap, five decades above rounding.
 */
export const QUADRATIC_FIT_RTOL = 1e-9;

/**
 * Gram identity J Jᵀ = (Aᵀ diag(v²) A) ∘ (X Xᵀ) (docs/derivations.md#region-linearity) to 1e-12 relative to the entry scale
 * Σ_j |v_j² A_ji A_ji'|·Σ_k |x_ik x_i'k| (each side sums ≤ m·d products, rounding ≲ m·d·ε ≈ 1e-14).
 */
export const GRAM_RTOL = 1e-12;

/**
 * A segment counts as inside one activation region when every pre-activation keeps its sign with a margin:
 * the segment stops at REGION_SAFETY of the distance to the first kink crossing, so its far end is a finite
 * distance (≥ 10 % of the segment) from the kink and rounding cannot put it on the other side.
 */
export const REGION_SAFETY = 0.9;

/**
 * Embeddings (docs/derivations.md#embeddings): the starting critical point must be polished to ‖∇L‖ ≤ EMBED_SOURCE_GRAD_RTOL·(1 + L)
 * so that the embedded gradient, which is the old one with blocks scaled by λ, 1 − λ (|·| ≤ 2 for the genomes'
 * λ ∈ [−1, 2]), is still three decades inside GRAD_ZERO_TOL = 1e-9; Newton polishing reaches ~1e-14.
 */
export const EMBED_SOURCE_GRAD_RTOL = 1e-12;

/**
 * The embedded point's loss equals the original's to EMBED_LOSS_RTOL·(1 + L): the network function is the same
 * up to rounding (v·h is computed as λv·h + (1 − λ)v·h), an error of a few ε·|v·h| per output, ≲ 1e-14·(1 + L).
 */
export const EMBED_LOSS_RTOL = 1e-12;

/**
 * Depth-2 linear network at the origin: λ_min(∇²L(0)) = −2s·σ_1(Σ_YX) (DERIVED: the second-order term is the
 * bilinear form −2s·tr(Aᵀ Σ_YX Bᵀ), whose Hessian [[0, K], [Kᵀ, 0]] has eigenvalues ±σ_i(K)). Both sides carry
 * the absolute error O(p·ε·‖H‖) of a symmetric eigensolver; 1e-10 relative to 2s·σ_1 is far above it.
 */
export const ORIGIN_EIG_RTOL = 1e-10;

/**
 * Σ_YX "= 0" for targets made orthogonal to the input columns (Y − X·Ŵᵀ): its entries are rounding of size
 * ~κ(Σ_XX)·ε·‖X‖_F‖Y‖_F. ORIGIN_ZERO_RTOL = 1e-8 of 2s‖X‖_F‖Y‖_F bounds that for κ(Σ_XX) up to ~1e7, and is
 * far below the σ_1(Σ_YX) of generic data (≳ 1e-3 of the same scale).
 */
export const ORIGIN_ZERO_RTOL = 1e-8;
