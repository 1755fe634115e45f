import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UserError } from '../errors.js';
import { countArb, gridValue, gridVector, toRange } from './values.js';

const grid = { maxAbs: 2, denominator: 8 };

describe('grid values', () => {
  test.prop([gridValue(grid)], { numRuns: 200 })(
    'every value is k/denominator with |value| ≤ maxAbs',
    (x) => {
      expect(Number.isInteger(x * grid.denominator)).toBe(true);
      expect(Math.abs(x)).toBeLessThanOrEqual(grid.maxAbs);
      expect(Object.is(x, -0)).toBe(false);
    },
  );

  test('same seed, same values', () => {
    expect(fc.sample(gridVector(grid, 5), { seed: 11, numRuns: 20 })).toEqual(
      fc.sample(gridVector(grid, 5), { seed: 11, numRuns: 20 }),
    );
  });

  test('shrinks towards 0: the smallest counterexample to "|x| < 1" is ±1', () => {
    const result = fc.check(
      fc.property(gridValue(grid), (x) => Math.abs(x) < 1),
      { seed: 4, numRuns: 200 },
    );
    expect(result.failed).toBe(true);
    expect(Math.abs(result.counterexample![0])).toBe(1);
  });

  test('ranges and counts are validated', () => {
    expect(toRange('n', 3, 1)).toEqual({ min: 3, max: 3 });
    expect(() => toRange('n', { min: 2, max: 1 }, 1)).toThrow(UserError);
    expect(() => toRange('n', 0, 1)).toThrow(/n must be integers with 1 ≤ min ≤ max/);
    expect(
      fc.sample(countArb({ min: 2, max: 4 }), { seed: 1, numRuns: 50 }).every((k) => k >= 2 && k <= 4),
    ).toBe(true);
    expect(() => gridValue({ maxAbs: 1, denominator: 0 })).toThrow(UserError);
  });
});
