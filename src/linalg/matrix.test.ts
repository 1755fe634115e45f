import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ShapeError } from '../errors.js';
import { dense, fromRows, toRows } from './matrix.js';

const rowsOf = (m: number, n: number) =>
  fc.array(fc.array(fc.double({ noNaN: true }), { minLength: n, maxLength: n }), {
    minLength: m,
    maxLength: m,
  });
const shaped = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 }))
  .chain(([m, n]) => rowsOf(m, n));

describe('dense, fromRows, toRows', () => {
  test.prop([shaped])('fromRows and toRows are inverse; entry (i, j) sits at data[i·cols + j]', (rows) => {
    const a = fromRows(rows);
    expect(a.rows).toBe(rows.length);
    expect(a.cols).toBe(rows[0]!.length);
    for (let i = 0; i < a.rows; i++)
      for (let j = 0; j < a.cols; j++) expect(a.data[i * a.cols + j]).toBe(rows[i]![j]);
    expect(toRows(a)).toEqual(rows);
  });

  test('dense is zero-filled, or wraps data of length rows·cols', () => {
    const z = dense(2, 3);
    expect(z.rows).toBe(2);
    expect(z.cols).toBe(3);
    expect(Array.from(z.data)).toEqual([0, 0, 0, 0, 0, 0]);
    const data = Float64Array.from([1, 2, 3, 4]);
    expect(dense(2, 2, data).data).toBe(data);
    expect(dense(0, 0).data.length).toBe(0);
    expect(fromRows([])).toEqual({ rows: 0, cols: 0, data: new Float64Array(0) });
    expect(toRows(dense(0, 3))).toEqual([]);
  });

  test('a bad shape is a ShapeError naming it', () => {
    for (const [m, n] of [
      [-1, 2],
      [2, -1],
      [1.5, 2],
      [2, 0.5],
      [Number.NaN, 1],
      [1, Number.POSITIVE_INFINITY],
    ] as const) {
      expect(() => dense(m, n)).toThrow(
        new ShapeError(`matrix shape must be two non-negative integers, got ${m}×${n}`),
      );
    }
    expect(() => dense(2, 2, new Float64Array(3))).toThrow(
      new ShapeError('matrix data has 3 entries, expected 4 for 2×2'),
    );
    expect(() => fromRows([[1, 2], [3]])).toThrow(new ShapeError('row 1 has 1 entries, expected 2'));
  });
});
