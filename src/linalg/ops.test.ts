import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { NonFiniteError, ShapeError } from '../errors.js';
import { type DenseMatrix, dense, fromRows, toRows } from './matrix.js';
import {
  dot,
  frobenius,
  gram,
  identity,
  isFiniteArray,
  matmul,
  matvec,
  maxAbs,
  norm2,
  outerGram,
  transpose,
} from './ops.js';
import { scaledIntegerMatrix } from './testing/matrices.js';

const entries = (count: number) =>
  fc.array(fc.integer({ min: -40, max: 40 }), { minLength: count, maxLength: count });
const integerMatrix = (rows: number, cols: number) =>
  entries(rows * cols).map((ints) => scaledIntegerMatrix(rows, cols, ints, 8));
const dimsArb = fc.integer({ min: 0, max: 6 });

/** Textbook triple loop, the reference for products (entries k/8 keep every sum exact). */
function naiveMatmul(a: DenseMatrix, b: DenseMatrix): DenseMatrix {
  const c = dense(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let l = 0; l < a.cols; l++) s += a.data[i * a.cols + l]! * b.data[l * b.cols + j]!;
      c.data[i * b.cols + j] = s;
    }
  }
  return c;
}

const triple = fc
  .tuple(dimsArb, dimsArb, dimsArb)
  .chain(([m, k, n]) => fc.tuple(integerMatrix(m, k), integerMatrix(k, n)));

describe('ops', () => {
  test.prop([triple], { numRuns: 200 })(
    'matmul equals the textbook triple loop exactly (scaled-integer entries)',
    ([a, b]) => {
      expect(Array.from(matmul(a, b).data)).toEqual(Array.from(naiveMatmul(a, b).data));
    },
  );

  test.prop([triple], { numRuns: 200 })('(AB)ᵀ = BᵀAᵀ, and transpose is an involution', ([a, b]) => {
    expect(toRows(transpose(matmul(a, b)))).toEqual(toRows(matmul(transpose(b), transpose(a))));
    expect(toRows(transpose(transpose(a)))).toEqual(toRows(a));
  });

  test.prop([dimsArb.chain((m) => dimsArb.chain((n) => integerMatrix(m, n)))], { numRuns: 200 })(
    'gram = AᵀA, outerGram = AAᵀ, matvec = A·x, all exact on scaled integers',
    (a) => {
      expect(toRows(gram(a))).toEqual(toRows(naiveMatmul(transpose(a), a)));
      expect(toRows(outerGram(a))).toEqual(toRows(naiveMatmul(a, transpose(a))));
      const x = Float64Array.from({ length: a.cols }, (_, i) => (i % 3) - 1);
      const col = dense(a.cols, 1, x.slice());
      expect(Array.from(matvec(a, x))).toEqual(Array.from(naiveMatmul(a, col).data));
    },
  );

  test.prop([entries(7).map((k) => Float64Array.from(k, (v) => v / 8))], { numRuns: 100 })(
    'norm2² = dot(x, x) and frobenius = norm2 of the entries',
    (x) => {
      expect(norm2(x) ** 2).toBeCloseTo(dot(x, x), 10);
      expect(frobenius(dense(1, 7, x))).toBe(norm2(x));
    },
  );

  test('norm2 neither overflows nor underflows', () => {
    expect(norm2(Float64Array.from([3e200, 4e200]))).toBeCloseTo(5e200, -188);
    expect(norm2(Float64Array.from([3e-200, 4e-200])) / 1e-200).toBeCloseTo(5, 12);
    expect(norm2(new Float64Array(3))).toBe(0);
  });

  test('identity, maxAbs and isFiniteArray', () => {
    expect(toRows(identity(2))).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(maxAbs(Float64Array.from([1, -3, 2]))).toBe(3);
    expect(maxAbs(fromRows([[1, -5]]))).toBe(5);
    expect(maxAbs(Float64Array.from([1, Number.NaN, 2]))).toBeNaN();
    expect(isFiniteArray(Float64Array.from([1, 2]))).toBe(true);
    expect(isFiniteArray(Float64Array.from([1, Number.NEGATIVE_INFINITY]))).toBe(false);
    expect(isFiniteArray([Number.NaN])).toBe(false);
  });

  test('shape errors name both shapes', () => {
    expect(() => matmul(dense(3, 4), dense(5, 2))).toThrow(
      new ShapeError('matmul: left is 3×4, right is 5×2'),
    );
    expect(() => matvec(dense(3, 4), new Float64Array(5))).toThrow(
      'matvec: matrix is 3×4, vector has 5 entries',
    );
    expect(() => dot([1, 2], [1])).toThrow('dot: left has 2 entries, right has 1');
  });

  test('products reject NaN and Infinity with NonFiniteError', () => {
    const bad = fromRows([[1, Number.NaN]]);
    expect(() => matmul(bad, dense(2, 1))).toThrow(NonFiniteError);
    expect(() => matmul(dense(1, 1), fromRows([[Number.POSITIVE_INFINITY, 0]]))).toThrow(
      /right has a non-finite/,
    );
    expect(() => matvec(dense(1, 1), Float64Array.from([Number.NaN]))).toThrow(NonFiniteError);
    expect(() => gram(bad)).toThrow(NonFiniteError);
    expect(() => outerGram(bad)).toThrow(NonFiniteError);
    // The whole messages: the routine, which operand, and where.
    expect(() => matmul(bad, dense(2, 1))).toThrow('matmul: left has a non-finite entry (0, 1) (NaN)');
    expect(() => matmul(dense(1, 1), fromRows([[Number.POSITIVE_INFINITY, 0]]))).toThrow(
      'matmul: right has a non-finite entry (0, 0) (Infinity)',
    );
    expect(() => matvec(fromRows([[Number.NaN]]), Float64Array.from([1]))).toThrow(
      'matvec: matrix has a non-finite entry (0, 0) (NaN)',
    );
    expect(() => matvec(dense(1, 1), Float64Array.from([Number.NaN]))).toThrow(
      'matvec: vector has a non-finite entry 0 (NaN)',
    );
    expect(() => gram(bad)).toThrow('gram: matrix has a non-finite entry (0, 1) (NaN)');
    expect(() => outerGram(bad)).toThrow('outerGram: matrix has a non-finite entry (0, 1) (NaN)');
  });

  test('the norms of empty vectors and matrices are 0', () => {
    expect(norm2(new Float64Array(0))).toBe(0);
    expect(frobenius(dense(0, 3))).toBe(0);
  });

  test.prop(
    [
      fc.array(
        fc.integer({ min: -40, max: 40 }).map((k) => k / 8),
        { minLength: 1, maxLength: 8 },
      ),
      fc.integer({ min: -1070, max: 1020 }),
    ],
    { numRuns: 300 },
  )('norm2 scales exactly with a power of two 2^k, from subnormal to huge entries (rel. 4ε)', (xs, k) => {
    // Multiplying by 2^k is exact unless it pushes an entry into the subnormal range, which loses bits: keep
    // the property to entries that stay normal (or zero) after scaling.
    const scaled = xs.map((x) => x * 2 ** k);
    fc.pre(scaled.every((y, i) => y / 2 ** k === xs[i]));
    const base = norm2(Float64Array.from(xs));
    const reference = base * 2 ** k;
    fc.pre(Number.isFinite(reference) && (reference === 0 || reference >= 2 ** -1000));
    const got = norm2(Float64Array.from(scaled));
    expect(Math.abs(got - reference)).toBeLessThanOrEqual(4 * 2 ** -52 * reference);
  });

  test('norm2 of an infinite entry is Infinity, of a NaN entry NaN; maxAbs is NaN wherever the NaN sits', () => {
    expect(norm2(Float64Array.from([1, Number.POSITIVE_INFINITY]))).toBe(Number.POSITIVE_INFINITY);
    expect(norm2(Float64Array.from([Number.NEGATIVE_INFINITY, 1e-300]))).toBe(Number.POSITIVE_INFINITY);
    expect(norm2(Float64Array.from([Number.NaN, 1]))).toBeNaN();
    expect(norm2(Float64Array.from([1e300, Number.NaN]))).toBeNaN();
    expect(norm2(Float64Array.from([1e-300, Number.NaN]))).toBeNaN();
    expect(maxAbs(Float64Array.from([5, Number.NaN]))).toBeNaN();
    expect(maxAbs(Float64Array.from([Number.NaN, 5]))).toBeNaN();
    expect(maxAbs([])).toBe(0);
  });

  test('identity(0) and transposes of empty and 1×n matrices keep their shapes', () => {
    expect(identity(0).rows).toBe(0);
    const t = transpose(fromRows([[1, 2, 3]]));
    expect([t.rows, t.cols]).toEqual([3, 1]);
    expect(Array.from(t.data)).toEqual([1, 2, 3]);
    const e = transpose(dense(0, 4));
    expect([e.rows, e.cols]).toEqual([4, 0]);
  });

  test('gram and outerGram of a matrix with zero entries and negative zero are exact', () => {
    const a = fromRows([
      [0, -0, 2],
      [3, 0, -1],
    ]);
    expect(toRows(gram(a))).toEqual(toRows(naiveMatmul(transpose(a), a)));
    expect(toRows(outerGram(a))).toEqual(toRows(naiveMatmul(a, transpose(a))));
  });
});
