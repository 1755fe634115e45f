import { describe, expect, test } from 'vitest';
import {
  binomialLessPValue,
  binomialPower,
  binomialTrialsFor,
  clopperPearson,
  fisherLessPValue,
  fisherPower,
  fisherTrialsFor,
} from './exact.js';

describe('exact tests for counts', () => {
  test('Fisher one-sided: 0/3 against 3/3 gives 1/20 = 0.05 (a z-test would say 7e-3)', () => {
    expect(fisherLessPValue(0, 3, 3, 3)).toBeCloseTo(0.05, 12);
  });

  test('Fisher one-sided: 1/10 against 6/10 gives 5291/184756 (hand-computed hypergeometric tail)', () => {
    expect(fisherLessPValue(1, 10, 6, 10)).toBeCloseTo(5291 / 184756, 12);
  });

  test('Fisher one-sided: no difference gives a p-value above 1/2; empty groups give 1', () => {
    expect(fisherLessPValue(5, 10, 5, 10)).toBeGreaterThan(0.5);
    expect(fisherLessPValue(0, 0, 3, 3)).toBe(1);
  });

  test('exact binomial one-sided: 2 of 10 against p0 = ½ gives 56/1024', () => {
    expect(binomialLessPValue(2, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
  });

  test('Clopper–Pearson 95%: 0/10 has upper bound 1 − 0.025^(1/10); 10/10 mirrors it', () => {
    const zero = clopperPearson(0, 10);
    expect(zero.lo).toBe(0);
    expect(zero.hi).toBeCloseTo(1 - 0.025 ** (1 / 10), 10);
    const all = clopperPearson(10, 10);
    expect(all.hi).toBe(1);
    expect(all.lo).toBeCloseTo(0.025 ** (1 / 10), 10);
  });

  test('Clopper–Pearson 95% of 5/10 is [0.1871, 0.8129] (R binom.test)', () => {
    const ci = clopperPearson(5, 10);
    expect(ci.lo).toBeCloseTo(0.187086, 5);
    expect(ci.hi).toBeCloseTo(0.812914, 5);
  });

  test('Fisher power: at no effect it is at most α (the test keeps its size); it grows with the effect and n', () => {
    expect(fisherPower(0.3, 0.3, 40, 40, 0.05)).toBeLessThanOrEqual(0.05);
    const small = fisherPower(0.2, 0.4, 40, 40, 0.05);
    expect(fisherPower(0.2, 0.6, 40, 40, 0.05)).toBeGreaterThan(small);
    expect(fisherPower(0.2, 0.4, 160, 160, 0.05)).toBeGreaterThan(small);
  });

  test('Fisher power equals the rejection rate computed by brute force over all tables (n = 6)', () => {
    const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n, k - 1) * (n - k + 1)) / k);
    const pmf = (k: number, n: number, p: number) => choose(n, k) * p ** k * (1 - p) ** (n - k);
    let brute = 0;
    for (let a = 0; a <= 6; a++)
      for (let b = 0; b <= 6; b++)
        if (fisherLessPValue(a, 6, b, 6) <= 0.05) brute += pmf(a, 6, 0.1) * pmf(b, 6, 0.7);
    expect(fisherPower(0.1, 0.7, 6, 6, 0.05)).toBeCloseTo(brute, 12);
  });

  test('trials needed reach the target power and about half as many do not', () => {
    const n = fisherTrialsFor(0.2, 0.4, 0.05, 0.8);
    expect(n).not.toBeNull();
    expect(fisherPower(0.2, 0.4, n!, n!, 0.05)).toBeGreaterThanOrEqual(0.8);
    expect(fisherPower(0.2, 0.4, Math.floor(n! / 2), Math.floor(n! / 2), 0.05)).toBeLessThan(0.8);
  });
});

describe('exact binomial power', () => {
  test('power equals the rejection rate by brute force over all counts (n = 12, p0 = 0.5, p1 = 0.8)', () => {
    const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n, k - 1) * (n - k + 1)) / k);
    const pmf = (k: number, n: number, p: number) => choose(n, k) * p ** k * (1 - p) ** (n - k);
    let brute = 0;
    for (let k = 0; k <= 12; k++) {
      // Upper tail P(X ≥ k | ½) via the lower tail of the complement.
      if (binomialLessPValue(12 - k, 12, 0.5) <= 0.05) brute += pmf(k, 12, 0.8);
    }
    expect(binomialPower(0.5, 0.8, 12, 0.05)).toBeCloseTo(brute, 12);
  });

  test('at p1 = p0 the power is at most α; the trials found reach the target and fewer do not', () => {
    expect(binomialPower(0.9, 0.9, 50, 0.05)).toBeLessThanOrEqual(0.05);
    const n = binomialTrialsFor(0.9, 0.99, 0.05, 0.8);
    expect(n).not.toBeNull();
    expect(binomialPower(0.9, 0.99, n!, 0.05)).toBeGreaterThanOrEqual(0.8);
    expect(binomialPower(0.9, 0.99, n! - 1, 0.05)).toBeLessThan(0.8);
  });
});
