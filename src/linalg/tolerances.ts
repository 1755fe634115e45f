/**
 * Every tolerance and iteration budget used by src/linalg (and by its tests), each with the reason
 * for its value. Tolerances are relative or scaled by a norm, never bare absolute numbers.
 */

/** Machine epsilon of float64, 2^-52: the unit in numpy's default rank tolerance σ_max · max(m, n) · ε. */
export const MACHINE_EPS = 2 ** -52;

/**
 * docs/derivations.md#numeric-conventions: a rank is undecidable when σ_r < RANK_UNDECIDABLE_RTOL · σ_max (the last kept value
 * is already tiny) and the gap σ_r / σ_{r+1} < RANK_UNDECIDABLE_GAP (nothing separates it from the
 * dropped ones).
 */
export const RANK_UNDECIDABLE_RTOL = 1e-8;

/** docs/derivations.md#numeric-conventions: a gap σ_r / σ_{r+1} of at least 1e3 separates kept from dropped singular values. */
export const RANK_UNDECIDABLE_GAP = 1e3;

/**
 * QR sweeps allowed per singular value / eigenvalue before the iteration is declared non-convergent.
 * Implicit-shift QR converges cubically (eigenvalues) or quadratically (bidiagonal) and needs 2–3 sweeps
 * per value in practice; LAPACK allows 30 (dsteqr) and 6·n per value (dbdsqr), so 60 is generous.
 */
export const QR_MAX_SWEEPS_PER_VALUE = 60;

// ---------------------------------------------------------------------------------------------------------
// Test tolerances (used by *.test.ts beside the code).

/**
 * Agreement of two backward-stable SVD / eigenvalue routines (or of one with a prescribed spectrum):
 * each errs by O(max(m, n) · ε · ‖A‖₂) in absolute terms (Householder reduction), so tests require
 * |a − b| ≤ TEST_SPECTRUM_UNITS · max(m, n) · ε · ‖A‖₂. Measured worst case over the test generators
 * (300 random small cases per routine, plus 320×320 and 64×321 against ml-matrix): 1.9 units; 16 leaves
 * an 8-fold margin and still fails on any algorithmic error, which shows up at ≥ √ε relative size.
 */
export const TEST_SPECTRUM_UNITS = 16;

/**
 * Identities that hold up to rounding over O(size) terms (Σσ² = ‖A‖_F², Σλ = trace, AN ≈ 0, NᵀN = I,
 * normal equations), relative to the natural scale of each side. Rounding gives ~size·ε ≈ 1e-14 for the
 * sizes tested; 1e-10 leaves four orders of margin.
 */
export const TEST_IDENTITY_RTOL = 1e-10;
