/**
 * Tolerances of the activation-region analyses (Karhadkar et al. 2023, Soudry–Carmon 2016). Each is relative
 * or scaled by the size of the quantity it guards, and each says why it has its value.
 */

/** ε of float64 (2^-52), the unit of every rounding bound below. */
export const EPS = 2 ** -52;

/**
 * Rounding-bound factor of the certified full-rank test: γ_m = m·ε/(1 − m·ε) ≤ GAMMA_FACTOR·m·ε whenever
 * m·ε ≤ 0.009 (m ≤ 4·10¹³), which holds for every size we build.
 */
export const GAMMA_FACTOR = 1.01;

/**
 * The certified Cholesky test accepts "rank J = n" only when its lower bound on σ_n(J) exceeds numpy's rank cut
 * σ_max·max(n, p)·ε by this factor: the SVD that numpy (or our numericalRank) would run errs by a small multiple
 * of max(n, p)·ε·σ_max, so a margin of 10³ makes the two decisions agree with room to spare. In practice the
 * bound is √(n·ε) ≈ 10⁻⁷ relative, five decades above the cut, and this factor never binds.
 */
export const CERTIFY_OVER_CUT = 1e3;

/**
 * Region LP: a minimiser is "strictly inside" the activation region when every pre-activation has the region's
 * sign with margin at least REGION_MARGIN_RTOL·(1 + max_j ‖w̃_j‖)·‖x̃_i‖ — two decades above HiGHS's primal
 * feasibility tolerance (1e-7 absolute) on unit-scale data, so an interior point the LP reports is interior
 * in exact arithmetic too (it is also re-checked after projecting onto the minimisers).
 */
export const REGION_MARGIN_RTOL = 1e-5;

/**
 * The region LP caps the margin variable t at 1 (it is scale-free otherwise: a zero-loss point can be moved
 * along the null space only a bounded distance, but the margin is bounded by the data scale anyway).
 */
export const REGION_MARGIN_CAP = 1;

/**
 * A loss is "zero" when ½‖r‖² ≤ ZERO_LOSS_RTOL·(1 + ½‖y‖²). Points are projected onto the minimisers by a
 * least-squares step, after which a zero residual is at the rounding level (½‖r‖² ~ 1e-28 on unit-scale data),
 * while the targets' noise k/4 makes any positive minimum ≥ ~1e-3: 1e-10 separates the two by decades.
 */
export const ZERO_LOSS_RTOL = 1e-10;

/**
 * Catalog §1.2: ‖r‖·σ_n(J) ≤ ‖Jᵀr‖·(1 + CERT_RTOL) + CERT_ATOL_UNITS·ε·σ_1(J)·‖r‖. The singular values and the
 * product Jᵀr carry relative errors of a few max(n, p)·ε; 1e-10 relative leaves a factor > 10³ for p ≤ 10⁴.
 */
export const CERT_RTOL = 1e-10;

/**
 * The absolute part of the certificate inequality is measured in units of ε·σ_1(J)·‖r‖ (the rounding floor of
 * Jᵀr), times max(n, p) — the same shape as numpy's rank cut.
 */
export const CERT_ATOL_UNITS = 10;

/**
 * Gram identity J Jᵀ = (Aᵀ diag(v²) A) ∘ (X Xᵀ): both sides are sums of ≤ p products of entries of size
 * ≤ ‖x‖·|v|, so they agree to ~p·ε relative to ‖J‖_F²; 1e-12 (docs/derivations.md#region-linearity leaves a factor ≥ 20 for p ≤ 10³.
 */
export const GRAM_IDENTITY_RTOL = 1e-12;

/**
 * Pre-activations closer to 0 than KINK_RTOL (relative to the magnitude of the terms they are summed from)
 * make the activation pattern ambiguous: such samples are discarded by the claims (docs/derivations.md#numeric-conventions uses 1e-8).
 */
export const KINK_RTOL = 1e-8;

/**
 * The certified full-rank test first tries a sub-Gram built from a subset of units and input columns with
 * |units|·|columns| ≈ SUBSET_SLACK·n (J·Jᵀ dominates it, so its certificate is valid for J): three times the
 * n columns a full-rank sub-Jacobian needs is enough that it almost always is full rank and well conditioned
 * when J is, at a fraction of the cost when d1·q ≫ n. If it fails the full Gram is tried. Not a tolerance of
 * any decision: it only trades time.
 */
export const SUBSET_SLACK = 3;
