import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { allClose, isClose, maxAbsDiff } from './close.js';

describe('closeness helpers', () => {
  test('NaN and ±Infinity never count as close, even to themselves', () => {
    const inf = Number.POSITIVE_INFINITY;
    expect(isClose(Number.NaN, Number.NaN, 1)).toBe(false);
    expect(isClose(inf, inf, 1)).toBe(false);
    expect(isClose(1, inf, 1)).toBe(false);
    expect(isClose(1, 1, Number.NaN)).toBe(false);
    expect(allClose([1, Number.NaN], [1, Number.NaN], 1)).toBe(false);
    expect(allClose([inf], [inf], 1)).toBe(false);
    expect(maxAbsDiff([1], [Number.NaN])).toBeNaN();
  });

  test('close within tol·scale, not beyond; lengths must match', () => {
    expect(isClose(1, 1.5, 0.1, 10)).toBe(true);
    expect(isClose(1, 1.5, 0.1, 1)).toBe(false);
    expect(allClose([1, 2], [1.01, 2], 0.02)).toBe(true);
    expect(allClose([1, 2], [1.03, 2], 0.02)).toBe(false);
    expect(allClose([1, 2], [1], 1)).toBe(false);
    expect(maxAbsDiff([1, 5], [2, 3])).toBe(2);
  });

  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
  const size = fc.double({ noNaN: true, min: 0, max: 10 });

  prop.prop([finite, finite, size, size])(
    'isClose(a, b, tol, scale) is |a − b| ≤ tol·scale for finite operands, the bound included',
    (a, b, tol, scale) => {
      expect(isClose(a, b, tol, scale)).toBe(Math.abs(a - b) <= tol * scale);
      expect(isClose(a, b, Math.abs(a - b))).toBe(true);
      expect(allClose([a, 0], [b, 0], tol, scale)).toBe(Math.abs(a - b) <= tol * scale);
      expect(allClose([0, a], [0, b], Math.abs(a - b))).toBe(true);
      expect(maxAbsDiff([a, 0, a], [b, 0, a])).toBe(Math.abs(a - b));
    },
  );

  test('a zero tolerance means equality; a negative one or a non-finite scale never passes', () => {
    expect(isClose(2, 2, 0)).toBe(true);
    expect(allClose([2, 3], [2, 3], 0)).toBe(true);
    expect(isClose(2, 2, -1)).toBe(false);
    expect(allClose([2], [2], -1)).toBe(false);
    expect(isClose(2, 2, 1, Number.POSITIVE_INFINITY)).toBe(false);
    expect(allClose([2], [2], 1, Number.POSITIVE_INFINITY)).toBe(false);
    expect(allClose([2], [2], Number.NaN)).toBe(false);
    expect(maxAbsDiff([Number.POSITIVE_INFINITY], [1])).toBeNaN();
    expect(maxAbsDiff([1, 2], [1])).toBeNaN();
    expect(maxAbsDiff([1], [1, 2])).toBeNaN();
    expect(allClose([1], [1, 2], 1)).toBe(false);
    expect(maxAbsDiff([], [])).toBe(0);
  });
});
