/**
 * Tolerances of the basin and path analyses (Li–Ding–Sun paths, the linear-regime and dead-unit minima,
 * Safran–Shamir 2016 scaling and basin programs). Each is relative or scaled; each says why it has its value.
 */

/**
 * A path's loss profile "never increases" when every step L(t_{k+1}) − L(t_k) ≤ PATH_ROUNDING_RTOL·(1 + L_start).
 * The output-layer segments end at least-squares solutions; two near-optimal solutions differ in loss by
 * ‖F·δθ‖², second order in the solves' fit error ε·cond·‖Y‖, i.e. ≤ ~1e-12 relative even for cond ~1e10
 * (ranks that are undecidable in float64 are refused before that). A broken construction raises the loss by
 * the order of the loss itself, so 1e-9 separates the two by decades on both sides.
 */
export const PATH_ROUNDING_RTOL = 1e-9;

/**
 * The path "reaches the global minimum" when its end loss is ≤ PATH_END_RTOL·(1 + L_zero), L_zero being the
 * loss of the zero predictor (s·‖Y‖²): interpolating least squares on features whose columns pass
 * INDEPENDENCE_RTOL leaves residuals of ~cond·ε·‖Y‖ (measured ≤ 1e-20 relative on the generated instances),
 * so 1e-10 is ten decades above rounding and still far below any sub-optimal loss value.
 */
export const PATH_END_RTOL = 1e-10;

/**
 * The path needs the kept last-hidden features to be resolvable: σ_r/σ_1 ≥ FEATURE_RCOND_MIN for the kept
 * rank r. Least-squares outputs are sums of terms of size ‖Y‖/σ_r, so their rounding is ~ε·‖Y‖/rcond; at
 * rcond = 1e-8 (the rank-undecidability level) the loss noise is ~(ε/rcond)²·‖Y‖² ≈ 1e-15 relative,
 * far below PATH_ROUNDING_RTOL; saturated points that optimisation reaches can have rcond ~1e-13, where the
 * sampled profile wiggles at 1e-7 and the check would measure float64, not the landscape.
 */
export const FEATURE_RCOND_MIN = 1e-8;

/**
 * A new feature (step 3) counts as independent when its part outside the current span has norm
 * ≥ INDEPENDENCE_RTOL·(largest column norm): six decades above the rank cut of the final least squares
 * (max(n, m)·ε ≈ 1e-15 relative), so every accepted column survives that cut and the interpolating solve
 * stays accurate (the pivoting takes the most independent candidate first).
 */
export const INDEPENDENCE_RTOL = 1e-6;

/**
 * Projections of the samples on a direction are "distinct" when the smallest gap between sorted projections
 * exceeds DISTINCT_RTOL·(spread): below it a hinge between two samples cannot be placed reliably in float64
 * (rounding of the projections is ~1e-16·spread).
 */
export const DISTINCT_RTOL = 1e-9;

/**
 * A flat move keeps the loss "constant" when it changes by at most FLAT_RTOL·(1 + L): the moves used here
 * change only parameters whose downstream weight is exactly 0, so the loss is bit-identical in practice;
 * the tolerance only absorbs −0/+0 and summation-order effects.
 */
export const FLAT_RTOL = 1e-14;

/**
 * An escape (descent step after a flat move) is genuine when it lowers the loss by more than
 * ESCAPE_DECREASE_RTOL·(1 + L): a million times LOSS_ROUNDING_RTOL, so rounding cannot fake it.
 */
export const ESCAPE_DECREASE_RTOL = 1e-7;

/**
 * Safran–Shamir's exact facts are identities of a quadratic in c; they are checked to SCALING_RTOL·(1 + L)
 * relative: the loss computed through the network and through the closed form (1/m)‖c·f − y‖² differ by
 * summation order only (~n·ε).
 */
export const SCALING_RTOL = 1e-10;

/**
 * A basin program's minimum counts as "≤ ε" with ε = BASIN_EPS_RTOL·L_zero (L_zero = loss of the zero
 * predictor). HiGHS's QP solver stops at relative optimality/feasibility tolerances ~1e-7, so a basin whose
 * infimum is 0 comes back at ≤ ~1e-7·L_zero; 1e-4 separates "zero up to the solver" from a positive floor
 * (measured floors of non-interpolating basins are ≥ 1e-2·L_zero).
 */
export const BASIN_EPS_RTOL = 1e-4;

/**
 * The solution of a basin program is re-checked through the network: its pattern constraints may be
 * violated by at most BASIN_FEASIBILITY_RTOL·max(max_j‖u_j‖, max_j‖u_j⁰‖)·‖x_t‖, u⁰ the initialisation (HiGHS's
 * primal feasibility tolerance is 1e-7, absolute).
 */
export const BASIN_FEASIBILITY_RTOL = 1e-6;

/**
 * Proximal weight of the basin program, δ = BASIN_PROX_RIDGE·2·max|x|²/n (relative to the data's curvature
 * scale): large enough that every step is a well-conditioned strictly convex QP (the program is divided by δ,
 * so the residual block of the Hessian is ~1/BASIN_PROX_RIDGE = 1e5 times the u block), small enough that
 * each step moves far (most basins are decided in ≤ 5 steps).
 */
export const BASIN_PROX_RIDGE = 1e-5;

/**
 * At most this many proximal steps per basin (each one QP solve). Measured on 300 Gaussian instances (n = 8,
 * d ∈ {2, 3}): most basins stop after ≤ 5 steps; the slowest that reach ε needed 53; at 40 two of them were
 * cut short (decided "not small" wrongly), at 100 none, against a run with stall 1e-8 and 300 steps.
 */
export const BASIN_PROX_STEPS = 100;

/**
 * The proximal iteration stops when a step lowers the loss by ≤ BASIN_STALL_RTOL relative: the remaining
 * decrease is then a small fraction of the loss, far above ε = BASIN_EPS_RTOL·L_zero for the basins that stop
 * this way (their losses are ≥ 1e-2·L_zero); basins with infimum 0 keep gaining a constant fraction per step.
 */
export const BASIN_STALL_RTOL = 1e-3;
