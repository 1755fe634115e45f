import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { NonFiniteError, ShapeError } from '../errors.js';
import { leastSquares } from './leastSquares.js';
import { type DenseMatrix, dense, fromRows } from './matrix.js';
import { nullSpace } from './nullSpace.js';
import { numericalRank } from './numericalRank.js';
import { matvec, maxAbs, norm2, transpose } from './ops.js';
import { gaussianStream, lowRankMatrix, scaledIntegerMatrix } from './testing/matrices.js';
import { TEST_IDENTITY_RTOL } from './tolerances.js';

const integerSystem = (maxRows: number, maxCols: number) =>
  fc
    .record({ rows: fc.integer({ min: 1, max: maxRows }), cols: fc.integer({ min: 1, max: maxCols }) })
    .chain(({ rows, cols }) =>
      fc.record({
        a: fc
          .array(fc.integer({ min: -3, max: 3 }), { minLength: rows * cols, maxLength: rows * cols })
          .map((ints) => scaledIntegerMatrix(rows, cols, ints, 4)),
        b: fc
          .array(fc.integer({ min: -40, max: 40 }), { minLength: rows, maxLength: rows })
          .map((ints) => Float64Array.from(ints, (k) => k / 8)),
      }),
    );

/** Scale for the normal-equation residual: ‖A‖_max² · ‖b‖ · size (how large Aᵀ(Ax − b) terms are). */
function normalScale(a: DenseMatrix, b: Float64Array): number {
  return maxAbs(a) ** 2 * Math.max(norm2(b), 1) * Math.max(a.rows, a.cols);
}

describe('leastSquares', () => {
  test.prop([integerSystem(8, 8)], { numRuns: 300 })(
    'satisfies the normal equations Aᵀ(Ax − b) ≈ 0 (rel. 1e-10), tall, wide or rank-deficient',
    ({ a, b }) => {
      const { x, residualNorm, rank } = leastSquares(a, b);
      const r = matvec(a, x).map((v, i) => v - b[i]!);
      expect(maxAbs(matvec(transpose(a), r))).toBeLessThanOrEqual(TEST_IDENTITY_RTOL * normalScale(a, b));
      expect(residualNorm).toBeCloseTo(norm2(r), 12);
      expect(rank).toBe(numericalRank(a).rank);
    },
  );

  test.prop([integerSystem(8, 8)], { numRuns: 300 })(
    'returns the minimum-norm solution: x is orthogonal to the null space of A',
    ({ a, b }) => {
      const { x } = leastSquares(a, b);
      const n = nullSpace(a);
      if (n.cols === 0) return;
      const proj = matvec(transpose(n), x);
      expect(maxAbs(proj)).toBeLessThanOrEqual(TEST_IDENTITY_RTOL * Math.max(norm2(x), 1));
    },
  );

  test.prop(
    [
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: 0, max: 1e6 }),
    ],
    { numRuns: 150 },
  )('is exact on consistent systems A·x₀ = b: A·x = b (rel. 1e-10)', (m, n, r, seed) => {
    const a = lowRankMatrix(m, n, r, seed);
    const next = gaussianStream(seed + 3);
    const x0 = Float64Array.from({ length: n }, next);
    const b = matvec(a, x0);
    const { x, residualNorm } = leastSquares(a, b);
    expect(residualNorm).toBeLessThanOrEqual(TEST_IDENTITY_RTOL * Math.max(norm2(b), 1));
    expect(norm2(x)).toBeLessThanOrEqual(norm2(x0) * (1 + TEST_IDENTITY_RTOL));
  });

  test('solves a matrix right-hand side column by column', () => {
    const a = lowRankMatrix(9, 5, 3, 42);
    const next = gaussianStream(43);
    const b = dense(9, 2, Float64Array.from({ length: 18 }, next));
    const both = leastSquares(a, b);
    expect([both.x.rows, both.x.cols]).toEqual([5, 2]);
    let sumSq = 0;
    for (let j = 0; j < 2; j++) {
      const col = Float64Array.from({ length: 9 }, (_, i) => b.data[i * 2 + j]!);
      const one = leastSquares(a, col);
      for (let i = 0; i < 5; i++) expect(both.x.data[i * 2 + j]).toBeCloseTo(one.x[i]!, 12);
      sumSq += one.residualNorm ** 2;
    }
    expect(both.residualNorm).toBeCloseTo(Math.sqrt(sumSq), 12);
  });

  test('survives matrix entries near the ends of float64 range (exact power-of-two scaling)', () => {
    for (const scale of [1e-200, 1e200]) {
      const a = fromRows([
        [scale, 0],
        [0, 2 * scale],
        [0, 0],
      ]);
      const { x, rank } = leastSquares(a, Float64Array.from([3, 4, 5]));
      expect(rank).toBe(2);
      expect(x[0]! * scale).toBeCloseTo(3, 12);
      expect(x[1]! * scale).toBeCloseTo(2, 12);
    }
  });

  test('throws ShapeError naming both shapes, NonFiniteError on NaN', () => {
    const a = fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(() => leastSquares(a, new Float64Array(2))).toThrow(ShapeError);
    expect(() => leastSquares(a, new Float64Array(2))).toThrow(
      'matrix is 3×2, right-hand side has 2 entries',
    );
    expect(() => leastSquares(a, dense(4, 1))).toThrow('matrix is 3×2, right-hand side is 4×1');
    expect(() => leastSquares(a, Float64Array.from([1, Number.NaN, 0]))).toThrow(NonFiniteError);
    expect(() => leastSquares(a, Float64Array.from([1, Number.NaN, 0]))).toThrow(
      'leastSquares: right-hand side has a non-finite entry 1 (NaN)',
    );
    expect(() => leastSquares(a, Float64Array.from([1, 2, 3]), Number.NaN)).toThrow(
      'leastSquares: tolerance must be a finite number ≥ 0, got NaN',
    );
    // A matrix right-hand side is checked too, and the matrix is named as such.
    const i2 = fromRows([
      [1, 0],
      [0, 1],
    ]);
    const nanRhs = fromRows([
      [1, Number.NaN],
      [0, 0],
    ]);
    expect(() => leastSquares(i2, nanRhs)).toThrow(
      'leastSquares: right-hand side has a non-finite entry (0, 1) (NaN)',
    );
    const nanA = fromRows([
      [1, Number.NaN],
      [0, 1],
    ]);
    expect(() => leastSquares(nanA, Float64Array.from([1, 2]))).toThrow(
      'leastSquares: matrix has a non-finite entry (0, 1) (NaN)',
    );
  });

  test('an empty system: x = 0 of its width, the residual is |b|, rank 0', () => {
    const wide = leastSquares(dense(0, 3), new Float64Array(0));
    expect(Array.from(wide.x)).toEqual([0, 0, 0]);
    expect(wide.residualNorm).toBe(0);
    expect(wide.rank).toBe(0);
    const tall = leastSquares(dense(3, 0), Float64Array.from([1, 2, 2]));
    expect(Array.from(tall.x)).toEqual([]);
    expect(tall.residualNorm).toBe(3);
    expect(tall.rank).toBe(0);
  });
});
