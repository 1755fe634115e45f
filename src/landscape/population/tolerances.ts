/**
 * Tolerances of the Gaussian teacher–student population loss and of the analyses built on it (Safran–Shamir
 * 2018, Safran–Yehudai–Shamir 2021, the linear-regime and single-neuron constructions). Each is relative or
 * scaled, each says why it has its value.
 */

/**
 * A student row with |w| ≤ NEURON_ZERO_RTOL·scale (scale = max(1, largest teacher row norm)) is treated as the
 * zero neuron: F's Hessian block grows like |v|/|w|, and below 1e-150 the products |v|·sinθ/|w| with the 2π
 * factors come within a few decades of float64 overflow (1.8e308). At the zero neuron F is not differentiable;
 * the gradient and Hessian there are conventions (θ := π/2), finite, and `nonDifferentiable` says so.
 */
export const NEURON_ZERO_RTOL = 1e-150;

/**
 * A student row with |w| ≤ NEURON_NEAR_ZERO_RTOL·scale is "at the kink" w = 0 of F (F is C² only for w ≠ 0):
 * the quadratic model is valid only within radius ~|w|, so below 1e-8 a perturbation search (radii ≥ 1e-4) or
 * a finite-difference probe crosses w = 0. The same margin as the MLP's KINK_TOL (docs/derivations.md#numeric-conventions).
 */
export const NEURON_NEAR_ZERO_RTOL = 1e-8;

/**
 * Closed form against finite differences (Richardson-extrapolated central differences at the core's FD_STEP):
 * |∇F·u − FD| ≤ POPULATION_FD_RTOL·(1 + |F| + ‖∇F‖) for unit u, and |H·u − FD of ∇F|∞ ≤ POPULATION_FD_RTOL·max|H_ij|.
 * Measured over 3000 random cases (d, n, k ≤ 4, row norms log-uniform in [0.1, 10], generic angles): worst 8.4e-11
 * for the gradient and 3.8e-11 for the Hessian. 1e-8 leaves a margin of 100× and is still 100× tighter than the
 * 1e-6 of the kernel's check recipe; a planted 1 % error in one Hessian term fails it.
 */
export const POPULATION_FD_RTOL = 1e-8;

/**
 * Safran–Shamir protocol (docs/derivations.md#numeric-conventions): n > k runs also stop when F < SS18_GLOBAL_F (convergence to the
 * non-isolated global set is sublinear, so the gradient test alone would run to the iteration cap). 1e-10 is
 * the protocol's value (docs/derivations.md#numeric-conventions), eight decades below the smallest spurious value seen (≈ 0.0158 at k = 12).
 */
export const SS18_GLOBAL_F = 1e-10;

/**
 * A GD endpoint is a spurious candidate when F ≥ SS18_SPURIOUS_F, and counts as global below it: the
 * absolute spurious gap (docs/derivations.md#numeric-conventions, SPURIOUS_ABS_GAP = 1e-6) against the global value 0. Every spurious value we have
 * seen is ≥ 0.014, and runs converging to the global set are below 1e-8 when they stop, so nothing is near it.
 */
export const SS18_SPURIOUS_F = 1e-6;

/**
 * Newton polishing of a protocol endpoint (‖∇F‖ ≤ 1e-9, λ_min ≥ 2e-3 at every minimum seen) moves it by about
 * ‖∇F‖/λ_min ≲ 1e-6; a move beyond POLISH_MAX_MOVE (max-abs) means Newton went to another critical point, and the
 * endpoint is kept unpolished.
 */
export const POLISH_MAX_MOVE = 1e-4;

/**
 * The Safran–Yehudai–Shamir facts: at the embedded global minimum (n = k + 1, one neuron split) the Hessian has
 * an exact zero eigenvalue (the split ratio is a flat direction). |λ_min| ≤ SYSS21_ZERO_EIG_RTOL·λ_max counts as
 * 0: an exact Hessian assembled from O(n²d²) terms of size ≤ λ_max carries ~n·d·ε relative rounding (≈ 1e-13 at
 * k = 20), so 1e-9 is four decades above rounding and ~7 below the smallest genuine eigenvalue there (≈ 0.01).
 */
export const SYSS21_ZERO_EIG_RTOL = 1e-9;

/**
 * Single-neuron 1-D minima: a root w* of L′ is a strict local minimum when L″(w*)·(1 + w*²) >
 * SINGLE_NEURON_CURVATURE_RTOL·(1 + L). The loss of a logistic neuron varies on the relative scale of w (a valley
 * at w* has width ~|w*|), so L″·w*² is the curvature per relative unit; it is ≥ 1e-3·(1 + L) for every valley the
 * block construction creates (e.g. 0.049 at w* = 138.6, x = 0.01), and its rounding (a sum of ≤ 10 terms) is
 * ~1e-15 relative, so 1e-8 separates a genuine valley from a flat or inflection root by decades on both sides.
 */
export const SINGLE_NEURON_CURVATURE_RTOL = 1e-8;

/**
 * A root of L′ is accepted when |L′(w*)|·(1 + |w*|) ≤ SINGLE_NEURON_ROOT_RTOL·(1 + |L|): bisection on the sign of
 * L′ followed by Newton steps reaches ~ε relative in w, i.e. |L′|·|w| ≈ L″w²·ε ≲ 1e-13·(1 + L) for our data;
 * 1e-10 leaves a margin and stays below GRAD_ZERO_TOL (1e-9), so the certificate's critical-point test passes.
 */
export const SINGLE_NEURON_ROOT_RTOL = 1e-10;
