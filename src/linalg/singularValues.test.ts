import { fc, test } from '@fast-check/vitest';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect } from 'vitest';
import { NonFiniteError } from '../errors.js';
import { maxAbsDiff } from './close.js';
import { type DenseMatrix, dense, fromRows } from './matrix.js';
import { frobenius, matmul, transpose } from './ops.js';
import { singularValues } from './singularValues.js';
import {
  gaussianMatrix,
  randomOrthogonal,
  scaledIntegerMatrix,
  withSingularValues,
} from './testing/matrices.js';
import { MACHINE_EPS, TEST_IDENTITY_RTOL, TEST_SPECTRUM_UNITS } from './tolerances.js';

/** Matrices with entries k/8, k ∈ [−40, 40] (exact in float64), 1…maxRows × 1…maxCols. */
const integerMatrix = (maxRows: number, maxCols: number) =>
  fc
    .record({ rows: fc.integer({ min: 1, max: maxRows }), cols: fc.integer({ min: 1, max: maxCols }) })
    .chain(({ rows, cols }) =>
      fc
        .array(fc.integer({ min: -40, max: 40 }), { minLength: rows * cols, maxLength: rows * cols })
        .map((ints) => scaledIntegerMatrix(rows, cols, ints, 8)),
    );

/** The backward-error bound both SVDs meet: TEST_SPECTRUM_UNITS · max(m, n) · ε · σ_max. */
const spectrumTol = (a: DenseMatrix, sigmaMax: number) =>
  TEST_SPECTRUM_UNITS * Math.max(a.rows, a.cols) * MACHINE_EPS * sigmaMax;

function oracle(a: DenseMatrix): Float64Array {
  const svd = new SingularValueDecomposition(Matrix.from1DArray(a.rows, a.cols, a.data), {
    autoTranspose: true,
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  });
  return Float64Array.from(svd.diagonal);
}

describe('singularValues', () => {
  test.prop([integerMatrix(9, 9)], { numRuns: 300 })(
    'agrees with ml-matrix SVD (|Δσ| ≤ 16·max(m,n)·ε·σ_max)',
    (a) => {
      const s = singularValues(a);
      const o = oracle(a);
      expect(s.length).toBe(Math.min(a.rows, a.cols));
      expect(maxAbsDiff(s, o)).toBeLessThanOrEqual(spectrumTol(a, o[0]!));
    },
  );

  test.prop([integerMatrix(9, 9)], { numRuns: 300 })('are non-negative and descending', (a) => {
    const s = singularValues(a);
    for (let i = 0; i < s.length; i++) {
      expect(s[i]).toBeGreaterThanOrEqual(0);
      if (i > 0) expect(s[i]).toBeLessThanOrEqual(s[i - 1]!);
    }
  });

  test.prop([integerMatrix(9, 9)], { numRuns: 300 })('Σσ² equals ‖A‖_F² (rel. err ≤ 1e-10)', (a) => {
    const s = singularValues(a);
    const sumSq = s.reduce((acc, x) => acc + x * x, 0);
    const f2 = frobenius(a) ** 2;
    expect(Math.abs(sumSq - f2)).toBeLessThanOrEqual(TEST_IDENTITY_RTOL * Math.max(f2, Number.MIN_VALUE));
  });

  test.prop([integerMatrix(9, 9)], { numRuns: 200 })('are invariant under transposition', (a) => {
    const s = singularValues(a);
    expect(maxAbsDiff(s, singularValues(transpose(a)))).toBeLessThanOrEqual(spectrumTol(a, s[0]!));
  });

  test.prop([integerMatrix(8, 8), fc.integer({ min: 0, max: 1_000_000 })], { numRuns: 150 })(
    'are invariant under orthogonal transformations U·A·Vᵀ',
    (a, seed) => {
      const u = randomOrthogonal(a.rows, seed);
      const v = randomOrthogonal(a.cols, seed + 1);
      const s = singularValues(a);
      const t = singularValues(matmul(matmul(u, a), transpose(v)));
      expect(maxAbsDiff(s, t)).toBeLessThanOrEqual(spectrumTol(a, s[0]!));
    },
  );

  test.prop(
    [
      fc.integer({ min: 2, max: 40 }),
      fc.integer({ min: 2, max: 40 }),
      fc.integer({ min: 0, max: 1_000_000 }),
    ],
    { numRuns: 60 },
  )('recover prescribed singular values graded from 1 down to 1e-16 (|Δσ| ≤ 16·max(m,n)·ε)', (m, n, seed) => {
    const k = Math.min(m, n);
    const sigma = Float64Array.from({ length: k }, (_, i) => 10 ** ((-16 * i) / Math.max(k - 1, 1)));
    const a = withSingularValues(m, n, sigma, seed);
    expect(maxAbsDiff(singularValues(a), sigma)).toBeLessThanOrEqual(spectrumTol(a, 1));
  });

  test.each([
    [64, 321],
    [321, 64],
    [100, 100],
    [17, 200],
  ])('agree with ml-matrix on a %i×%i Gaussian matrix', (m, n) => {
    const a = gaussianMatrix(m, n, m * 1000 + n);
    const s = singularValues(a);
    const o = oracle(a);
    expect(maxAbsDiff(s, o)).toBeLessThanOrEqual(spectrumTol(a, o[0]!));
  });

  test('resolve a singular value at 1e-13·σ_max to 1% (rank decisions depend on it)', () => {
    const sigma = [1, 0.5, 0.25, 1e-13, 0];
    const a = withSingularValues(40, 60, sigma, 7);
    const s = singularValues(a);
    expect(Math.abs(s[3]! - 1e-13)).toBeLessThanOrEqual(1e-15);
    expect(s[4]!).toBeLessThanOrEqual(spectrumTol(a, 1));
  });

  test('survive entries near the ends of float64 range (exact power-of-two scaling)', () => {
    for (const scale of [1e-300, 1e300]) {
      const a = fromRows([
        [3 * scale, 0],
        [0, 4 * scale],
        [0, 0],
      ]);
      const s = singularValues(a);
      expect(s[0]! / scale).toBeCloseTo(4, 12);
      expect(s[1]! / scale).toBeCloseTo(3, 12);
    }
  });

  test.prop(
    [
      integerMatrix(6, 6),
      fc.array(fc.constantFrom(5e-324, 1e-320, 1e-310, 2e-308, 1), { minLength: 36, maxLength: 36 }),
    ],
    { numRuns: 200 },
  )('converge with subnormal entries, matching ml-matrix within the backward-error bound', (a, scales) => {
    // Regression (issue 16): a Jacobian with subnormal weights made the QR iteration give up.
    // The oracle sees the same matrix scaled by 2^600 (exact: every entry becomes normal), then scaled back.
    const mixed = { ...a, data: a.data.map((x, i) => x * scales[i]!) };
    const s = singularValues(mixed);
    const up = 2 ** 600;
    const reference = oracle({ ...mixed, data: mixed.data.map((x) => x * up) }).map((x) => x / up);
    const sigmaMax = Math.max(reference[0] ?? 0, s[0] ?? 0);
    expect(s.every(Number.isFinite)).toBe(true);
    expect(maxAbsDiff(s, reference)).toBeLessThanOrEqual(spectrumTol(mixed, sigmaMax) + 2 ** -1022);
  });

  test('of empty and zero matrices are empty and zero', () => {
    expect(singularValues(dense(0, 5)).length).toBe(0);
    expect(singularValues(dense(3, 0)).length).toBe(0);
    expect(Array.from(singularValues(dense(3, 2)))).toEqual([0, 0]);
  });

  test('reject NaN and Infinity with NonFiniteError', () => {
    expect(() => singularValues(fromRows([[1, Number.NaN]]))).toThrow(NonFiniteError);
    expect(() => singularValues(fromRows([[1], [Number.POSITIVE_INFINITY]]))).toThrow(/entry \(1, 0\)/);
    expect(() => singularValues(fromRows([[1, Number.NaN]]))).toThrow(
      new NonFiniteError('singularValues: matrix has a non-finite entry (0, 1) (NaN)'),
    );
  });

  /**
   * Mostly-zero matrices (three in four entries exactly 0, the rest k/8): columns and rows that are already
   * reduced, split blocks and zero diagonals, which send the reductions and the QR iterations down their
   * early-exit and deflation branches.
   */
  const sparseEntry = fc.oneof(
    { arbitrary: fc.constant(0), weight: 3 },
    { arbitrary: fc.integer({ min: -40, max: 40 }).map((k) => k / 8), weight: 1 },
  );

  test.prop(
    [
      fc
        .record({ rows: fc.integer({ min: 1, max: 12 }), cols: fc.integer({ min: 1, max: 12 }) })
        .chain(({ rows, cols }) =>
          fc
            .array(sparseEntry, { minLength: rows * cols, maxLength: rows * cols })
            .map((xs) => dense(rows, cols, Float64Array.from(xs))),
        ),
    ],
    { numRuns: 200 },
  )('of mostly-zero matrices agree with ml-matrix and Σσ² = ‖A‖_F²', (a) => {
    const s = singularValues(a);
    const o = oracle(a);
    expect(maxAbsDiff(s, o)).toBeLessThanOrEqual(spectrumTol(a, o[0] ?? 0));
    const f2 = frobenius(a) ** 2;
    const sumSq = s.reduce((acc, x) => acc + x * x, 0);
    expect(Math.abs(sumSq - f2)).toBeLessThanOrEqual(TEST_IDENTITY_RTOL * Math.max(f2, Number.MIN_VALUE));
  });
});
