import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { powerOfTwoScale } from './scaling.js';

/** 2^-1023: below it the exact scale 2^(−e) would pass 2^1023, the largest power of two a double holds. */
const SMALLEST_EXACTLY_SCALED = 2 ** -1023;

/**
 * How far under 0.5 s·x may fall: Math.log2 near ±1074 has an ulp of 2^-42 and rounds up to the next integer just
 * under a power of two (x = 2^k·(1 − δ), δ up to ~2^-42), so floor(log2 x) + 1 is then one too large.
 */
const LOG2_ROUNDING = 2 ** -40;

/** Is s an exact power of two (a finite double with a zero mantissa)? */
const isPowerOfTwo = (s: number) => Number.isFinite(s) && s > 0 && 2 ** Math.log2(s) === s;

describe('powerOfTwoScale', () => {
  test.prop([fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true })], {
    numRuns: 1000,
  })('is a power of two that brings max |a| into [0.5, 1), capped at 2^1023 for subnormal inputs', (x) => {
    const s = powerOfTwoScale(x);
    expect(isPowerOfTwo(s)).toBe(true);
    expect(s).toBeLessThanOrEqual(2 ** 1023);
    if (x >= SMALLEST_EXACTLY_SCALED) {
      expect(s * x).toBeGreaterThanOrEqual(0.5 * (1 - LOG2_ROUNDING));
      expect(s * x).toBeLessThan(1);
    } else {
      expect(s).toBe(2 ** 1023);
      // Every subnormal lands in the normal range (≥ 2^-1074 · 2^1023 = 2^-51).
      expect(s * x).toBeGreaterThanOrEqual(2 ** -51);
    }
  });

  test('exact values at the ends and at powers of two', () => {
    expect(powerOfTwoScale(0)).toBe(1);
    expect(powerOfTwoScale(1)).toBe(0.5);
    expect(powerOfTwoScale(0.5)).toBe(1);
    expect(powerOfTwoScale(0.75)).toBe(1);
    expect(powerOfTwoScale(3)).toBe(0.25);
    expect(powerOfTwoScale(2 ** 1000)).toBe(2 ** -1001);
    expect(powerOfTwoScale(2 ** -1022)).toBe(2 ** 1021);
    expect(powerOfTwoScale(2 ** -1023)).toBe(2 ** 1022);
    expect(powerOfTwoScale(2 ** -1024)).toBe(2 ** 1023);
    expect(powerOfTwoScale(Number.MIN_VALUE)).toBe(2 ** 1023);
  });
});
