import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { NonFiniteError, ShapeError } from '../errors.js';
import { maxAbsDiff } from './close.js';
import { type DenseMatrix, dense, fromRows } from './matrix.js';
import { gram, identity, matmul, maxAbs } from './ops.js';
import { symmetricEigen } from './symmetricEigen.js';
import { symmetricEigenvalues } from './symmetricEigenvalues.js';
import { gaussianMatrix, scaledIntegerMatrix, withEigenvalues } from './testing/matrices.js';
import { mostlyZeroSquare } from './testing/sparse.js';
import { MACHINE_EPS, TEST_SPECTRUM_UNITS } from './tolerances.js';

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

/** ‖S·V − V·Λ‖_max and ‖VᵀV − I‖_max for a decomposition of the symmetric S. */
function residuals(s: DenseMatrix, values: Float64Array, vectors: DenseMatrix): { eq: number; orth: number } {
  const n = s.rows;
  const sv = matmul(s, vectors);
  let eq = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      eq = Math.max(eq, Math.abs(sv.data[i * n + j]! - vectors.data[i * n + j]! * values[j]!));
  }
  return { eq, orth: maxAbsDiff(gram(vectors).data, identity(n).data) };
}

/** Backward error bound: TEST_SPECTRUM_UNITS · n · ε, times ‖S‖₂ for the eigen-equation. */
const unit = (n: number) => TEST_SPECTRUM_UNITS * n * MACHINE_EPS;

describe('symmetricEigen', () => {
  test.prop([squareIntegerMatrix(10)], { numRuns: 300 })(
    'S·V = V·Λ and VᵀV = I for S = (A+Aᵀ)/2 (≤ 16·n·ε, times ‖S‖₂ for the first)',
    (a) => {
      const { values, vectors } = symmetricEigen(a);
      const { eq, orth } = residuals(symmetricPart(a), values, vectors);
      expect(eq).toBeLessThanOrEqual(unit(a.rows) * maxAbs(values));
      expect(orth).toBeLessThanOrEqual(unit(a.rows));
    },
  );

  test.prop([squareIntegerMatrix(10)], { numRuns: 200 })(
    'values are ascending and equal symmetricEigenvalues',
    (a) => {
      const { values } = symmetricEigen(a);
      for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
      expect(maxAbsDiff(values, symmetricEigenvalues(a))).toBeLessThanOrEqual(unit(a.rows) * maxAbs(values));
    },
  );

  test.prop(
    [
      fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 24 }),
      fc.integer({ min: 0, max: 1e6 }),
    ],
    { numRuns: 80 },
  )('vectors stay orthonormal for heavily repeated eigenvalues', (ints, seed) => {
    const lambda = Float64Array.from(ints).sort();
    const s = withEigenvalues(lambda, seed);
    const { values, vectors } = symmetricEigen(s);
    const { eq, orth } = residuals(s, values, vectors);
    const scale = Math.max(maxAbs(lambda), 1);
    expect(eq).toBeLessThanOrEqual(unit(s.rows) * scale);
    expect(orth).toBeLessThanOrEqual(unit(s.rows));
  });

  test('decomposes a 200×200 Gaussian symmetric part accurately', () => {
    const a = gaussianMatrix(200, 200, 200);
    const { values, vectors } = symmetricEigen(a);
    const { eq, orth } = residuals(symmetricPart(a), values, vectors);
    expect(eq).toBeLessThanOrEqual(unit(200) * maxAbs(values));
    expect(orth).toBeLessThanOrEqual(unit(200));
  });

  test('handles 0×0, 1×1 and zero matrices', () => {
    expect(symmetricEigen(dense(0, 0)).vectors.rows).toBe(0);
    const one = symmetricEigen(fromRows([[4]]));
    expect(Array.from(one.values)).toEqual([4]);
    expect(Array.from(one.vectors.data)).toEqual([1]);
    const zero = symmetricEigen(dense(3, 3));
    expect(Array.from(zero.values)).toEqual([0, 0, 0]);
    expect(Array.from(zero.vectors.data)).toEqual(Array.from(identity(3).data));
  });

  test('rejects non-square input with ShapeError and NaN with NonFiniteError', () => {
    expect(() => symmetricEigen(dense(3, 2))).toThrow(ShapeError);
    expect(() => symmetricEigen(fromRows([[Number.NaN]]))).toThrow(NonFiniteError);
    // The whole message: the routine's name and what is wrong, as a user reads it.
    expect(() => symmetricEigen(dense(3, 2))).toThrow(
      new ShapeError('symmetricEigen: matrix is 3×2, expected a square matrix'),
    );
    expect(() => symmetricEigen(fromRows([[Number.NaN]]))).toThrow(
      new NonFiniteError('symmetricEigen: matrix has a non-finite entry (0, 0) (NaN)'),
    );
  });

  test.prop([mostlyZeroSquare(12)], { numRuns: 200 })(
    'of mostly-zero matrices: S·V = V·Λ and VᵀV = I, Λ ascending as symmetricEigenvalues',
    (a) => {
      const s = symmetricPart(a);
      const { values, vectors } = symmetricEigen(a);
      const { eq, orth } = residuals(s, values, vectors);
      const scale = Math.max(maxAbs(values), Number.MIN_VALUE);
      expect(eq).toBeLessThanOrEqual(unit(a.rows) * scale);
      expect(orth).toBeLessThanOrEqual(unit(a.rows));
      for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
      expect(maxAbsDiff(values, symmetricEigenvalues(a))).toBeLessThanOrEqual(unit(a.rows) * scale);
    },
  );
});
