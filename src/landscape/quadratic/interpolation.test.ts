import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { seededRng } from '../../random.js';
import { designConditioning, interpolatingMatrix, quadraticDesign } from './interpolation.js';

describe('the quadratic design M ↦ (x_iᵀMx_i)_i', () => {
  test.prop([fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 60 })(
    'Φ·vec(M) = (x_iᵀMx_i) and, for n ≤ d(d+1)/2 Gaussian points, the interpolating M fits every target',
    (d, seed) => {
      const rng = seededRng(seed);
      const n = 1 + rng.int(0, (d * (d + 1)) / 2 - 1);
      const inputs = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
      const targets = Array.from({ length: n }, () => rng.normal());
      expect(designConditioning(inputs)).toBeGreaterThan(0);
      const M = interpolatingMatrix(inputs, targets);
      const { phi } = quadraticDesign(inputs);
      expect(phi.cols).toBe((d * (d + 1)) / 2);
      inputs.forEach((x, i) => {
        let f = 0;
        for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) f += x[a]! * M[a * d + b]! * x[b]!;
        expect(Math.abs(f - targets[i]!)).toBeLessThanOrEqual(
          (1e-9 * (1 + Math.abs(targets[i]!))) / Math.max(designConditioning(inputs), 1e-6),
        );
        expect(M[0 * d + (d - 1)]).toBe(M[(d - 1) * d + 0]);
      });
    },
  );

  test('conditioning is 0 for too many points or a repeated point, positive for generic ones', () => {
    expect(
      designConditioning([
        [1, 0],
        [0, 1],
        [1, 1],
        [2, 3],
      ]),
    ).toBe(0);
    expect(
      designConditioning([
        [1, 2],
        [1, 2],
      ]),
    ).toBeLessThan(1e-12);
    expect(
      designConditioning([
        [1, 0],
        [0, 1],
        [1, 1],
      ]),
    ).toBeGreaterThan(0.1);
  });
});
