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
});
