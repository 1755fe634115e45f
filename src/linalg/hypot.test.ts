import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { hypot } from './hypot.js';
import { MACHINE_EPS } from './tolerances.js';

/**
 * √(a² + b²) is correctly rounded to within an ulp by either branch (the fast sum of squares, or Math.hypot
 * outside its safe range), so two ulps of the reference bound both; a branch taken out of its range gives 0
 * (underflow) or Infinity (overflow) instead, nowhere near.
 */
const HYPOT_RTOL = 2 * MACHINE_EPS;

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

describe('hypot', () => {
  test.prop([finite, finite], { numRuns: 500 })(
    'equals Math.hypot to two ulps over the whole float64 range',
    (a, b) => {
      const ref = Math.hypot(a, b);
      const h = hypot(a, b);
      if (ref === Number.POSITIVE_INFINITY) expect(h).toBe(ref);
      else expect(Math.abs(h - ref)).toBeLessThanOrEqual(HYPOT_RTOL * ref);
    },
  );

  test.prop([fc.integer({ min: -1000, max: 1000 })], { numRuns: 200 })(
    'scales exactly with a power of two: hypot(3·2^k, 4·2^k) = 5·2^k',
    (k) => {
      expect(hypot(3 * 2 ** k, 4 * 2 ** k)).toBe(5 * 2 ** k);
    },
  );

  test('neither overflows nor underflows where a² + b² would', () => {
    expect(hypot(3e200, 4e200)).toBeCloseTo(5e200, -186);
    expect(hypot(3e-200, 4e-200) / 1e-200).toBeCloseTo(5, 13);
    expect(hypot(0, 0)).toBe(0);
  });
});
