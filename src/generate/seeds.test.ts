import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UserError } from '../errors.js';
import { seedArb, seededStream } from './seeds.js';

describe('seeded streams', () => {
  test.prop([seedArb()], { numRuns: 50 })(
    'same seed, same sequence (uniform, normal and int interleaved)',
    (seed) => {
      const draw = () => {
        const s = seededStream(seed);
        return Array.from({ length: 20 }, (_, k) =>
          k % 3 === 0 ? s.uniform() : k % 3 === 1 ? s.normal() : s.int(-3, 7),
        );
      };
      expect(draw()).toEqual(draw());
    },
  );

  test.prop([seedArb()], { numRuns: 50 })('uniform ∈ [0, 1), int(a, b) ∈ [a, b], normal finite', (seed) => {
    const s = seededStream(seed);
    for (let k = 0; k < 200; k++) {
      const u = s.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      const i = s.int(-2, 2);
      expect(Number.isInteger(i) && i >= -2 && i <= 2).toBe(true);
      expect(Number.isFinite(s.normal())).toBe(true);
    }
  });

  test('different seeds give different streams', () => {
    expect(seededStream(1).uniform()).not.toBe(seededStream(2).uniform());
  });

  test('normal() has mean 0 and variance 1 (20 000 draws, within 5 standard errors)', () => {
    const s = seededStream(12345);
    const N = 20000;
    let sum = 0;
    let sq = 0;
    for (let k = 0; k < N; k++) {
      const x = s.normal();
      sum += x;
      sq += x * x;
    }
    const mean = sum / N;
    const variance = sq / N - mean * mean;
    // standard error of the mean is 1/√N; of the variance √(2/N) for a normal sample
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
  });

  test('int(a, b) hits every value of a small range', () => {
    const s = seededStream(7);
    const seen = new Set<number>();
    for (let k = 0; k < 200; k++) seen.add(s.int(0, 4));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  test('bad arguments are UserErrors', () => {
    expect(() => seededStream(1.5)).toThrow(UserError);
    expect(() => seededStream(1).int(3, 2)).toThrow(UserError);
  });
});
