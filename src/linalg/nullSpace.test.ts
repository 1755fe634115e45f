import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { NonFiniteError, UserError } from '../errors.js';
import { maxAbsDiff } from './close.js';
import { type DenseMatrix, dense, fromRows } from './matrix.js';
import { nullSpace } from './nullSpace.js';
import { numericalRank } from './numericalRank.js';
import { gram, identity, matmul, maxAbs } from './ops.js';
import { lowRankMatrix, scaledIntegerMatrix, withSingularValues } from './testing/matrices.js';
import { MACHINE_EPS, TEST_SPECTRUM_UNITS } from './tolerances.js';

const integerMatrix = (maxRows: number, maxCols: number) =>
  fc
    .record({ rows: fc.integer({ min: 1, max: maxRows }), cols: fc.integer({ min: 1, max: maxCols }) })
    .chain(({ rows, cols }) =>
      fc
        .array(fc.integer({ min: -3, max: 3 }), { minLength: rows * cols, maxLength: rows * cols })
        .map((ints) => scaledIntegerMatrix(rows, cols, ints, 4)),
    );

/** ‖A·N‖_max relative to σ_max, and ‖NᵀN − I‖_max. */
function check(a: DenseMatrix, n: DenseMatrix) {
  const sigmaMax = numericalRank(a).singularValues[0] ?? 0;
  const an = n.cols === 0 ? 0 : maxAbs(matmul(a, n));
  return {
    relResidual: sigmaMax === 0 ? an : an / sigmaMax,
    orth: maxAbsDiff(gram(n).data, identity(n.cols).data),
  };
}

const unit = (a: DenseMatrix) => TEST_SPECTRUM_UNITS * Math.max(a.rows, a.cols) * MACHINE_EPS;

describe('nullSpace', () => {
  test.prop([integerMatrix(9, 9)], { numRuns: 300 })(
    'A·N ≈ 0 (≤ 16·max(m,n)·ε·σ_max), NᵀN ≈ I, and N has cols − rank columns (small integer entries, often rank-deficient)',
    (a) => {
      const n = nullSpace(a);
      expect(n.rows).toBe(a.cols);
      expect(n.cols).toBe(a.cols - numericalRank(a).rank);
      const { relResidual, orth } = check(a, n);
      expect(relResidual).toBeLessThanOrEqual(unit(a));
      expect(orth).toBeLessThanOrEqual(unit(a));
    },
  );

  test.prop(
    [
      fc.integer({ min: 1, max: 30 }),
      fc.integer({ min: 1, max: 30 }),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 1e6 }),
    ],
    { numRuns: 150 },
  )(
    'of a rank-r product (m×r)(r×n), tall or wide, has n − min(r, m, n) orthonormal columns',
    (m, n, r, seed) => {
      const a = lowRankMatrix(m, n, r, seed);
      const basis = nullSpace(a);
      expect(basis.cols).toBe(n - Math.min(r, m, n));
      const { relResidual, orth } = check(a, basis);
      expect(relResidual).toBeLessThanOrEqual(unit(a));
      expect(orth).toBeLessThanOrEqual(unit(a));
    },
  );

  test('respects an explicit tol: vectors of singular values ≤ tol are included', () => {
    const a = withSingularValues(5, 7, [1, 1e-3, 1e-6, 1e-9, 0], 5);
    expect(nullSpace(a, 1e-4).cols).toBe(5);
    expect(nullSpace(a, 1e-7).cols).toBe(4);
    expect(nullSpace(a).cols).toBe(3);
  });

  test('of a wide rank-deficient matrix (rank below its row count) spans the null vectors of its LQ factor too', () => {
    for (const [m, n, sigma] of [
      [5, 7, [1, 1e-3, 0, 0, 0]],
      [3, 9, [2, 0, 0]],
      [6, 8, [1, 0.5, 0.25, 0.125, 0, 0]],
    ] as const) {
      const a = withSingularValues(m, n, sigma, m * n);
      const basis = nullSpace(a);
      expect(basis.cols).toBe(n - sigma.filter((x) => x > 0).length);
      const { relResidual, orth } = check(a, basis);
      expect(relResidual).toBeLessThanOrEqual(unit(a));
      expect(orth).toBeLessThanOrEqual(unit(a));
    }
  });

  test('of a full-column-rank matrix is n×0, of the zero matrix the identity', () => {
    const full = nullSpace(
      fromRows([
        [1, 2],
        [3, 4],
        [5, 7],
      ]),
    );
    expect([full.rows, full.cols]).toEqual([2, 0]);
    expect(Array.from(nullSpace(dense(2, 3)).data)).toEqual(Array.from(identity(3).data));
  });

  test('rejects NaN entries and a negative tol', () => {
    expect(() => nullSpace(fromRows([[Number.NaN, 1]]))).toThrow(NonFiniteError);
    expect(() => nullSpace(fromRows([[1, 1]]), -1)).toThrow(UserError);
    // Named by nullSpace itself, before the rank routine it calls could name itself.
    expect(() => nullSpace(fromRows([[1, 1]]), -1)).toThrow(
      'nullSpace: tolerance must be a finite number ≥ 0, got -1',
    );
    expect(() => nullSpace(fromRows([[1], [Number.NaN]]))).toThrow(
      'nullSpace: matrix has a non-finite entry (1, 0) (NaN)',
    );
  });
});
