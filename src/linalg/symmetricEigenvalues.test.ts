import { fc, test } from '@fast-check/vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect } from 'vitest';
import { NonFiniteError, ShapeError } from '../errors.js';
import { maxAbsDiff } from './close.js';
import { type DenseMatrix, dense, fromRows } from './matrix.js';
import { frobenius, matmul, maxAbs, transpose } from './ops.js';
import { symmetricEigenvalues } from './symmetricEigenvalues.js';
import {
  gaussianMatrix,
  randomOrthogonal,
  scaledIntegerMatrix,
  withEigenvalues,
} from './testing/matrices.js';
import { mostlyZeroSquare } from './testing/sparse.js';
import { MACHINE_EPS, TEST_IDENTITY_RTOL, TEST_SPECTRUM_UNITS } from './tolerances.js';

/** Square matrices with entries k/8, k ∈ [−40, 40], 1…maxN wide (not symmetric: the routine symmetrises). */
const squareIntegerMatrix = (maxN: number) =>
  fc
    .integer({ min: 1, max: maxN })
    .chain((n) =>
      fc
        .array(fc.integer({ min: -40, max: 40 }), { minLength: n * n, maxLength: n * n })
        .map((ints) => scaledIntegerMatrix(n, n, ints, 8)),
    );

function symmetricPart(a: DenseMatrix): DenseMatrix {
  const n = a.rows;
  const s = dense(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) s.data[i * n + j] = 0.5 * (a.data[i * n + j]! + a.data[j * n + i]!);
  return s;
}

function oracle(a: DenseMatrix): Float64Array {
  const s = symmetricPart(a);
  const evd = new EigenvalueDecomposition(Matrix.from1DArray(s.rows, s.cols, s.data), {
    assumeSymmetric: true,
  });
  return Float64Array.from(evd.realEigenvalues).sort();
}

/** TEST_SPECTRUM_UNITS · n · ε · ‖S‖₂, bounding ‖S‖₂ by the largest |λ| of the oracle. */
const spectrumTol = (n: number, values: Float64Array) =>
  TEST_SPECTRUM_UNITS * n * MACHINE_EPS * maxAbs(values);

describe('symmetricEigenvalues', () => {
  test.prop([squareIntegerMatrix(10)], { numRuns: 300 })(
    'agree with ml-matrix EVD of (A+Aᵀ)/2 (|Δλ| ≤ 16·n·ε·‖A‖₂)',
    (a) => {
      const o = oracle(a);
      expect(maxAbsDiff(symmetricEigenvalues(a), o)).toBeLessThanOrEqual(spectrumTol(a.rows, o));
    },
  );

  test.prop([squareIntegerMatrix(10)], { numRuns: 300 })(
    'are ascending and sum to the trace (rel. 1e-10)',
    (a) => {
      const ev = symmetricEigenvalues(a);
      for (let i = 1; i < ev.length; i++) expect(ev[i]).toBeGreaterThanOrEqual(ev[i - 1]!);
      let trace = 0;
      for (let i = 0; i < a.rows; i++) trace += a.data[i * a.rows + i]!;
      const sum = ev.reduce((s, x) => s + x, 0);
      expect(Math.abs(sum - trace)).toBeLessThanOrEqual(
        TEST_IDENTITY_RTOL * a.rows * Math.max(maxAbs(ev), 1),
      );
    },
  );

  test.prop([squareIntegerMatrix(10)], { numRuns: 200 })('Σλ² equals ‖(A+Aᵀ)/2‖_F² (rel. 1e-10)', (a) => {
    const ev = symmetricEigenvalues(a);
    const sumSq = ev.reduce((s, x) => s + x * x, 0);
    const f2 = frobenius(symmetricPart(a)) ** 2;
    expect(Math.abs(sumSq - f2)).toBeLessThanOrEqual(TEST_IDENTITY_RTOL * Math.max(f2, Number.MIN_VALUE));
  });

  test.prop([squareIntegerMatrix(8), fc.integer({ min: 0, max: 1_000_000 })], { numRuns: 150 })(
    'are invariant under orthogonal similarity Q·S·Qᵀ',
    (a, seed) => {
      const s = symmetricPart(a);
      const q = randomOrthogonal(a.rows, seed);
      const ev = symmetricEigenvalues(s);
      const rotated = symmetricEigenvalues(matmul(matmul(q, s), transpose(q)));
      expect(maxAbsDiff(ev, rotated)).toBeLessThanOrEqual(spectrumTol(a.rows, ev));
    },
  );

  test.prop([squareIntegerMatrix(10)], { numRuns: 100 })(
    'depend only on the symmetric part: A, Aᵀ, (A+Aᵀ)/2',
    (a) => {
      const ev = symmetricEigenvalues(a);
      const tol = spectrumTol(a.rows, ev);
      expect(maxAbsDiff(ev, symmetricEigenvalues(transpose(a)))).toBeLessThanOrEqual(tol);
      expect(maxAbsDiff(ev, symmetricEigenvalues(symmetricPart(a)))).toBeLessThanOrEqual(tol);
    },
  );

  test.prop(
    [
      fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 1, maxLength: 30 }),
      fc.integer({ min: 0, max: 1e6 }),
    ],
    {
      numRuns: 60,
    },
  )('recover prescribed (possibly repeated) eigenvalues of Q·diag(λ)·Qᵀ', (ints, seed) => {
    const lambda = Float64Array.from(ints, (k) => k / 8).sort();
    const ev = symmetricEigenvalues(withEigenvalues(lambda, seed));
    expect(maxAbsDiff(ev, lambda)).toBeLessThanOrEqual(spectrumTol(lambda.length, lambda) + Number.MIN_VALUE);
  });

  test('agree with ml-matrix on a 320×320 Gaussian matrix (the benchmark size)', () => {
    const a = gaussianMatrix(320, 320, 320);
    const o = oracle(a);
    expect(maxAbsDiff(symmetricEigenvalues(a), o)).toBeLessThanOrEqual(spectrumTol(320, o));
  });

  test('return a diagonal matrix’s diagonal, sorted, exactly', () => {
    const diag = [3, -1.5, 0, 7.25, -1.5];
    const a = dense(5, 5);
    diag.forEach((x, i) => {
      a.data[i * 5 + i] = x;
    });
    expect(Array.from(symmetricEigenvalues(a))).toEqual([...diag].sort((x, y) => x - y));
  });

  test('agree with ml-matrix on Wilkinson’s W21⁺ (pairs of eigenvalues equal to 1e-14 relative)', () => {
    const n = 21;
    const a = dense(n, n);
    for (let i = 0; i < n; i++) {
      a.data[i * n + i] = Math.abs(10 - i);
      if (i + 1 < n) {
        a.data[i * n + i + 1] = 1;
        a.data[(i + 1) * n + i] = 1;
      }
    }
    const o = oracle(a);
    expect(maxAbsDiff(symmetricEigenvalues(a), o)).toBeLessThanOrEqual(spectrumTol(n, o));
  });

  test('handle 0×0, 1×1, zero and huge-scale matrices', () => {
    expect(symmetricEigenvalues(dense(0, 0)).length).toBe(0);
    expect(Array.from(symmetricEigenvalues(fromRows([[-2.5]])))).toEqual([-2.5]);
    expect(Array.from(symmetricEigenvalues(dense(3, 3)))).toEqual([0, 0, 0]);
    const big = symmetricEigenvalues(
      fromRows([
        [0, 3e300],
        [3e300, 0],
      ]),
    );
    expect(big[0]! / 3e300).toBeCloseTo(-1, 12);
    expect(big[1]! / 3e300).toBeCloseTo(1, 12);
  });

  test('reject non-square input with ShapeError naming the shape, and NaN with NonFiniteError', () => {
    expect(() => symmetricEigenvalues(dense(2, 3))).toThrow(ShapeError);
    expect(() => symmetricEigenvalues(dense(2, 3))).toThrow(/2×3/);
    expect(() =>
      symmetricEigenvalues(
        fromRows([
          [1, 0],
          [0, Number.NaN],
        ]),
      ),
    ).toThrow(NonFiniteError);
    // The whole message: the routine's name and what is wrong, as a user reads it.
    expect(() => symmetricEigenvalues(dense(2, 3))).toThrow(
      new ShapeError('symmetricEigenvalues: matrix is 2×3, expected a square matrix'),
    );
    expect(() =>
      symmetricEigenvalues(
        fromRows([
          [1, 0],
          [0, Number.POSITIVE_INFINITY],
        ]),
      ),
    ).toThrow(new NonFiniteError('symmetricEigenvalues: matrix has a non-finite entry (1, 1) (Infinity)'));
  });

  test.prop([mostlyZeroSquare(12)], { numRuns: 200 })(
    'of mostly-zero matrices agree with ml-matrix EVD of (A+Aᵀ)/2',
    (a) => {
      const o = oracle(a);
      expect(maxAbsDiff(symmetricEigenvalues(a), o)).toBeLessThanOrEqual(spectrumTol(a.rows, o));
    },
  );
});
