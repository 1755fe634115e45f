import { describe, expect, test } from 'vitest';
import { seededRng } from '../random.js';
import {
  bootstrapInterval,
  mean,
  nonDecreasingWithinIntervals,
  normalCdf,
  proportionLessPValue,
  spearman,
  standardDeviation,
  wilsonInterval,
} from './descriptive.js';

describe('statistics', () => {
  test('Wilson 95% interval matches the textbook values', () => {
    // 8 of 10: (0.4902, 0.9433) per Wilson (1927) / Newcombe (1998), to 4 decimals.
    const w = wilsonInterval(8, 10);
    expect(w.lo).toBeCloseTo(0.4902, 4);
    expect(w.hi).toBeCloseTo(0.9433, 4);
    expect(wilsonInterval(0, 20).lo).toBe(0);
    expect(wilsonInterval(20, 20).hi).toBe(1);
  });

  test('normal CDF and the one-sided two-proportion test', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(proportionLessPValue(10, 100, 40, 100)).toBeLessThan(1e-6);
    expect(proportionLessPValue(40, 100, 10, 100)).toBeGreaterThan(0.999);
  });

  test('Spearman is 1 for monotone data and −1 for reversed data; ties get mean ranks', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 25, 100])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 2], [1, 1, 2])).toBeCloseTo(1, 12);
  });

  test('mean, standard deviation and a seeded bootstrap interval', () => {
    expect(mean([1, 2, 3])).toBe(2);
    expect(standardDeviation([1, 2, 3])).toBeCloseTo(1, 12);
    const values = Array.from({ length: 200 }, (_, i) => i % 10);
    const a = bootstrapInterval(values, mean, seededRng(1));
    const b = bootstrapInterval(values, mean, seededRng(1));
    expect(a).toEqual(b);
    expect(a.lo).toBeLessThan(4.5);
    expect(a.hi).toBeGreaterThan(4.5);
  });

  test('monotone within intervals fails only on a significant drop', () => {
    expect(
      nonDecreasingWithinIntervals([
        { lo: 0, hi: 0.2 },
        { lo: 0.1, hi: 0.3 },
        { lo: 0.05, hi: 0.25 },
      ]),
    ).toBe(true);
    expect(
      nonDecreasingWithinIntervals([
        { lo: 0.5, hi: 0.7 },
        { lo: 0.1, hi: 0.3 },
      ]),
    ).toBe(false);
  });
});
