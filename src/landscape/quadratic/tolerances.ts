/**
 * Tolerances of the quadratic-activation and exponential-neuron analyses (Liang et al. 2018; Du–Lee 2018; Soltanolkotabi et al. 2019). Each is relative
 * or scaled and says why it has its value.
 */

/**
 * The lifted convex problem is solved when its certified duality gap P(M) − D(u) ≤ LIFTED_GAP_RTOL·(1 + P(M)).
 * The claims compare the network's value to the lifted optimum at 1e-6 relative; a gap 1e-9 is
 * three decades inside that, and FISTA with restarts reaches it in ≤ 10⁴ iterations on the d ≤ 4 instances.
 */
export const LIFTED_GAP_RTOL = 1e-9;

/**
 * Gradient tolerance of the lifted problem's factorised polish, relative to 1 + |value|: near the optimum the gap
 * is ~‖∇‖²/curvature, so 1e-13 leaves the certified gap at rounding level (~1e-15 relative).
 */
export const POLISH_GRAD_TOL = 1e-13;

/**
 * The proximal step's eigenvalue floor: an eigenvalue of M within LIFTED_RANK_RTOL·max|μ| of 0 counts as 0 when
 * reporting rank(M) (the soft-threshold sets most to exactly 0; this only absorbs rounding).
 */
export const LIFTED_RANK_RTOL = 1e-9;

/**
 * A network value reaches the lifted optimum when it is ≤ D + OPTIMUM_RTOL·(1 + |D|), D the certified lower bound
 * (relative tolerance 1e-6). L-BFGS endpoints sit at ~1e-12 relative above the optimum.
 */
export const OPTIMUM_RTOL = 1e-6;

/**
 * Zero loss for SJL (final loss ≤ 1e-20·scale): L ≤ ZERO_LOSS_RTOL·½Σy_i², the loss at W = 0.
 * L-BFGS on the zero-loss manifold converges superlinearly in the normal directions, so 1e-20 is reachable;
 * a spurious minimum sits at ≥ 1e-6 relative (SPURIOUS_REL_GAP), fourteen decades above.
 */
export const ZERO_LOSS_RTOL = 1e-20;

/**
 * The exponential neuron is "off" at a minimum when |a| ≤ NEURON_OFF_RTOL, a read in units of the loss margin 1
 * (|a| ≤ 1e-8). At a critical point with every margin met, ∂L̃/∂a = λa, so a descent to
 * ‖∇L̃‖ ≤ 1e-12·(1 + L̃) leaves |a| ≤ 1e-12/λ ≤ 4e-12 for the λ ≥ 1/4 the claim draws: four decades inside.
 */
export const NEURON_OFF_RTOL = 1e-8;

/**
 * Margins are met when min_i y_i·F(x_i) ≥ 1 − MARGIN_RTOL: each hinge term (1 − y F)₊^p is then ≤ 1e-15 (p = 3),
 * zero training loss to rounding. A descent that converges onto the edge of the zero-loss region from outside stops
 * at ‖∇‖ ≈ p·t^{p−1}·‖∇F‖ ≤ 1e-12 with t = 1 − yF ≈ 1e-6 (measured: 8e-8 … 6e-7), so 1e-5 clears it.
 */
export const MARGIN_RTOL = 1e-5;

/**
 * Divergence to infinity (a path to infinity is expected, not a failure): the descent stops without
 * converging and either ‖θ‖ ≥ DIVERGENCE_FACTOR·(1 + ‖θ_0‖) or the exponential neuron's exponent max_i (wᵀx_i + b)
 * reaches EXPONENT_BOUND. Along the path a → 0 while e^{wᵀx+b} grows so that a·e^{wᵀx+b} stays O(1); a bounded
 * local minimum has a = 0, where w and b feel no gradient, so their exponent stays where it started (|·| ≲ 5 here).
 * e^10 ≈ 2·10⁴ is far beyond any starting value.
 */
export const DIVERGENCE_FACTOR = 5;
export const EXPONENT_BOUND = 10;

/**
 * A relu pre-activation u_jᵀx_i + c_j is on its kink when |u_jᵀx_i + c_j| ≤ KINK_RTOL·max(|u_j|_∞, |c_j|): the
 * nn core's KINK_TOL (1e-8) read relative to the unit's scale, so rescaling a unit does not move the verdict.
 */
export const KINK_RTOL = 1e-8;
