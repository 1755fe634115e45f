/**
 * Every tolerance and step size used by src/nn (and by its tests), each with the reason for its value.
 * Relative or scaled, never a bare absolute ε. The measured numbers quoted here come from the property
 * suites beside the code (`*.test.ts`; the step-size sweep runs with `NN_MEASURE=1`), over the generated
 * networks of src/generate (depth 1–3, widths 1–8, every activation, ‖v‖∞ ≤ 1).
 */

/**
 * A hidden pre-activation z is "on a kink" when min_κ |z − κ| / max(1, Σ_j |W_uj h_j| + |b_u|) ≤ KINK_TOL
 * (see kinkMargin). The rounding error of z is at most (d + 1)·ε times that term scale (≈ 1e-13 for any width
 * here), so 1e-8 is five orders above what rounding can produce, and it is the pre-activation margin
 * docs/derivations.md#numeric-conventions asks of ReLU critical points: inside it, a perturbation search (radii ≥ 1e-6) or an
 * optimiser step crosses the kink, so the local quadratic model does not describe the loss.
 */
export const KINK_TOL = 1e-8;

/**
 * Step of the finite differences (finiteDifferences.ts: Richardson-extrapolated central differences, error
 * O(h⁴·φ⁽⁵⁾) + ≈ 3ε|φ|/h). Measured over 1000 generated subjects per activation family (depth 1–3, widths
 * 1–8, weights in [−2, 2], ‖v‖∞ ≤ 1; `NN_MEASURE=1 npx vitest run src/nn/backprop.test.ts`), worst
 * |∇L·v − FD|/(1+|L|) for h = 1e-3, 3e-4, 1e-4, 3e-5, 1e-5: tanh 5.2e-9, 4.4e-11, 1.0e-11, 6.7e-11, 1.2e-10;
 * quadratic/polynomial (losses of degree up to 14 in θ) 6.1e-8, 5.0e-10, 1.6e-10, 2.2e-9, 3.6e-9; the others lie
 * below. 1e-4 gives the smallest worst case over all families for ∇L·v, H·v and J·v together. (Plain central
 * differences at style.md's 6e-6 ≈ ε^⅓ reached 1.2e-5 on the polynomial family, above GRAD_FD_TOL: the
 * h²·φ‴ term of degree-14 polynomials is too large, which is why we extrapolate.)
 */
export const FD_STEP = 1e-4;

/**
 * Finite differences are taken only where every hidden pre-activation is more than KINK_FD_CLEARANCE·FD_STEP
 * from a kink (kinkMargin) and θ ± FD_STEP·v keep θ's activation pattern, so for piecewise-linear σ all
 * probes stay in the region where the loss is one polynomial (style.md's "10·FD_STEP from a kink").
 */
export const KINK_FD_CLEARANCE = 10;

/**
 * |∇L·v − FD| ≤ GRAD_FD_TOL·(1 + |L|) for ‖v‖∞ ≤ 1 (style.md's form). Measured worst case at FD_STEP:
 * 1.6e-10 (quadratic/polynomial), ≤ 5e-11 for every other activation. 1e-7 leaves a margin of 600×, so it holds
 * beyond the generator's ranges (larger weights and widths, as in landscape certificates), and is still far
 * tighter than JAX's float64 check_grads default (1e-5); a planted 1 % error in σ' is caught (backprop.test.ts).
 */
export const GRAD_FD_TOL = 1e-7;

/**
 * |H·v − FD of ∇L|∞ ≤ HVP_FD_TOL·(1 + ‖∇L‖∞ + ‖H·v‖∞). Measured worst case at FD_STEP: 2.8e-11; 1e-7 as for
 * the gradient (margin over 3000×).
 */
export const HVP_FD_TOL = 1e-7;

/** |J·v − FD of f|∞ ≤ JVP_FD_TOL·(1 + ‖f‖∞). Measured worst case at FD_STEP: 7.8e-11; 1e-7 as for the gradient. */
export const JVP_FD_TOL = 1e-7;

/**
 * Identities that hold up to rounding only (uᵀ(Jv) = (Jᵀu)·v, 2s·Jᵀr = ∇L, raw Hessian symmetry, H = GN +
 * curvature, H·e_j = the R-operator along e_j), relative to the natural scale of the two sides (a sum of
 * |terms| or a norm). Each side sums at most a few thousand products, so rounding gives ≲ 1e-13 relative;
 * 1e-10 leaves three orders.
 */
export const IDENTITY_RTOL = 1e-10;

/**
 * σ'(z), σ''(z) against Richardson-extrapolated central differences of σ and σ' (step FD_STEP), relative to
 * 1 + |σ(z)| (resp. 1 + |σ'(z)|), at least KINK_FD_CLEARANCE·FD_STEP from a kink. One variable, |z| ≤ 8,
 * polynomials of degree ≤ 3 (whose extrapolated difference is exact up to rounding): error ≲ 3ε|σ|/h ≈ 1e-11.
 */
export const ACTIVATION_FD_TOL = 1e-8;
