import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ShapeError } from '../errors.js';
import {
  centralDifference,
  centralDifferenceRaw,
  centralDifferenceVector,
  stepAlong,
} from './finiteDifferences.js';
import { FD_STEP } from './tolerances.js';

// The reference every derivative check rests on, checked on polynomials whose derivative is known exactly:
// the plain central difference is exact (up to rounding) for degree ≤ 2, the Richardson extrapolation for
// degree ≤ 4 (its error term is h⁴·φ⁽⁵⁾), and the extrapolation is what removes the h² error of a cubic.

/** Rounding allowance: a few ε·|φ|/h with |φ| ≤ 100 at h = FD_STEP, well below every FD tolerance (1e-7·(1+|L|)). */
const ROUNDING = 1e-9;

const coef = fc.integer({ min: -4, max: 4 });
const point = fc.integer({ min: -8, max: 8 }).map((k) => k / 4);
const dir = fc.integer({ min: -4, max: 4 }).map((k) => k / 4);

describe('finite differences along a direction', () => {
  test.prop([fc.tuple(coef, coef, coef, coef, coef), point, point, dir, dir], { numRuns: 200 })(
    'the extrapolated difference is the exact derivative of a quartic along v; the plain one misses by h²·φ‴/6',
    (c, x, y, vx, vy) => {
      // φ(θ) = quartic in t along θ + t·v, with θ = (x, y) and the polynomial in u = θ_0 + 2θ_1
      const poly = (u: number) => c[0] + c[1] * u + c[2] * u ** 2 + c[3] * u ** 3 + c[4] * u ** 4;
      const phi = (t: Float64Array) => poly(t[0]! + 2 * t[1]!);
      const u = x + 2 * y;
      const du = vx + 2 * vy;
      const d1 = (c[1] + 2 * c[2] * u + 3 * c[3] * u ** 2 + 4 * c[4] * u ** 3) * du;
      const d3 = (6 * c[3] + 24 * c[4] * u) * du ** 3;
      const theta = Float64Array.from([x, y]);
      const v = Float64Array.from([vx, vy]);
      expect(Math.abs(centralDifference(phi, theta, v) - d1)).toBeLessThan(ROUNDING * (1 + Math.abs(d1)));
      const raw = centralDifferenceRaw(phi, theta, v, FD_STEP);
      const expectedRaw = d1 + (FD_STEP ** 2 * d3) / 6 + (FD_STEP ** 4 * 24 * c[4] * du ** 5) / 120;
      expect(Math.abs(raw - expectedRaw)).toBeLessThan(ROUNDING * (1 + Math.abs(d1)));
      const vector = centralDifferenceVector((t) => Float64Array.from([phi(t), -2 * phi(t)]), theta, v);
      expect(vector).toHaveLength(2);
      expect(Math.abs(vector[0]! - d1)).toBeLessThan(ROUNDING * (1 + Math.abs(d1)));
      expect(Math.abs(vector[1]! + 2 * d1)).toBeLessThan(2 * ROUNDING * (1 + Math.abs(d1)));
    },
  );

  test('a cubic: the plain difference is off by h²·φ‴/6, the extrapolated one is not; the step is honoured', () => {
    const phi = (t: Float64Array) => t[0]! ** 3;
    const theta = Float64Array.from([0]);
    const v = Float64Array.from([1]);
    // φ'(0) = 0, φ‴ = 6: D(h) = h²
    expect(centralDifferenceRaw(phi, theta, v, 0.5)).toBeCloseTo(0.25, 14);
    expect(centralDifference(phi, theta, v, 0.5)).toBeCloseTo(0, 14);
    expect(centralDifferenceVector((t) => Float64Array.from([phi(t)]), theta, v, 0.5)[0]).toBeCloseTo(0, 14);
    // a quintic is where the extrapolation stops being exact: t⁵ at 0 has D(h) = h⁴, so R(h) = (4·h⁴/16 − h⁴)/3 = −h⁴/4
    const quintic = (t: Float64Array) => t[0]! ** 5;
    expect(centralDifference(quintic, theta, v, 0.5)).toBeCloseTo(-(0.5 ** 4) / 4, 14);
  });

  test('stepAlong is θ + t·v in a fresh array; a direction of the wrong length is a ShapeError', () => {
    const theta = Float64Array.from([1, 2, 3]);
    const moved = stepAlong(theta, Float64Array.from([1, -1, 0.5]), 2);
    expect(Array.from(moved)).toEqual([3, 0, 4]);
    expect(Array.from(theta)).toEqual([1, 2, 3]);
    expect(() => stepAlong(theta, new Float64Array(2), 1)).toThrow(ShapeError);
    expect(() => centralDifference((t) => t[0]!, theta, new Float64Array(4))).toThrow(
      'direction v has 4 entries, expected 3',
    );
  });
});
