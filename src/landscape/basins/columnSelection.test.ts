import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { independence, outsideSpan, selectColumns } from './columnSelection.js';

const vector = (n: number) =>
  fc
    .array(fc.integer({ min: -8, max: 8 }), { minLength: n, maxLength: n })
    .map((v) => Float64Array.from(v, (x) => x / 4));

describe('selectColumns (column-pivoted Gram–Schmidt)', () => {
  test('every column lies in the span of the chosen ones (residual ≤ 1e-12 relative), and the basis is orthonormal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.array(vector(n), { minLength: 1, maxLength: 8 })),
        (columns) => {
          const selection = selectColumns(columns, { absTol: 1e-12 });
          for (const c of columns) {
            const r = outsideSpan(selection.basis, c);
            const size = Math.hypot(...c);
            expect(Math.hypot(...r)).toBeLessThanOrEqual(1e-12 * (1 + size));
          }
          selection.basis.forEach((q, a) => {
            selection.basis.forEach((p, b) => {
              const dot = q.reduce((s, x, i) => s + x * p[i]!, 0);
              expect(Math.abs(dot - (a === b ? 1 : 0))).toBeLessThan(1e-12);
            });
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  test('pivoting is absolute: a column of rounding-level entries is never chosen, though it is "independent" in ratio', () => {
    const columns = [Float64Array.of(1, 1, 1), Float64Array.of(1e-40, 0, 3e-41), Float64Array.of(1, 0, 1)];
    const selection = selectColumns(columns, { absTol: 1e-15 });
    expect(selection.selected).toEqual([0, 2]);
    expect(independence([], columns[1]!)).toBe(1);
  });

  test('limit and a starting basis are honoured', () => {
    const e1 = Float64Array.of(1, 0, 0);
    const columns = [Float64Array.of(2, 0, 0), Float64Array.of(0, 3, 0), Float64Array.of(0, 0, 1)];
    const selection = selectColumns(columns, { absTol: 0, basis: [e1], limit: 1 });
    expect(selection.selected).toEqual([1]);
    expect(selection.basis.length).toBe(1);
  });
});
