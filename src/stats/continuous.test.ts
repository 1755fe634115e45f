import { expect, test } from 'vitest';
import {
  correlationGreaterPValue,
  fisherInterval,
  meanInterval,
  pearsonR,
  sdInterval,
  spreadGreaterPValue,
} from './continuous.js';

test('Fisher-z interval: r = 0.5, n = 28 gives tanh(atanh 0.5 ± 1.96/5) = [0.1560, 0.7359]; |r| = 1 has none', () => {
  const i = fisherInterval(0.5, 28);
  expect(Math.abs(i.lo - Math.tanh(Math.atanh(0.5) - 1.959963984540054 / 5))).toBeLessThanOrEqual(1e-9);
  expect(Math.abs(i.hi - Math.tanh(Math.atanh(0.5) + 1.959963984540054 / 5))).toBeLessThanOrEqual(1e-9);
  expect(i.lo).toBeCloseTo(0.156, 3);
  expect(i.hi).toBeCloseTo(0.7359, 3);
  expect(Number.isNaN(fisherInterval(1, 28).lo) && Number.isNaN(fisherInterval(-1, 28).hi)).toBe(true);
  expect(Number.isNaN(correlationGreaterPValue(1, 30, 0.5, 30))).toBe(true);
  // Equal correlations: p = ½; a large difference: p tiny.
  expect(correlationGreaterPValue(0.5, 30, 0.5, 30)).toBeCloseTo(0.5, 12);
  expect(correlationGreaterPValue(0.9, 100, 0.2, 100)).toBeLessThan(1e-6);
});

test('pearsonR is NaN for a zero-variance sample (never a finding) and ±1 only on exact lines', () => {
  expect(Number.isNaN(pearsonR([1, 2, 3], [4, 4, 4]))).toBe(true);
  expect(pearsonR([1, 2, 3], [2, 4, 6])).toBe(1);
  expect(Math.abs(pearsonR([1, 2, 3, 4], [1, 3, 2, 4]) - 0.8)).toBeLessThanOrEqual(1e-12);
});

test('t interval of the mean and χ² interval of the sd at 95% (n = 10: t = 2.2622, χ² quantiles 2.700 and 19.023)', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const m = meanInterval(x);
  const sd = Math.sqrt(55 / 6);
  expect(m.mean).toBe(5.5);
  expect(Math.abs(m.hi - 5.5 - (2.262157163 * sd) / Math.sqrt(10))).toBeLessThanOrEqual(1e-6);
  const s = sdInterval(x);
  expect(Math.abs(s.lo - Math.sqrt((9 * sd * sd) / 19.0227678))).toBeLessThanOrEqual(1e-5);
  expect(Math.abs(s.hi - Math.sqrt((9 * sd * sd) / 2.7003895))).toBeLessThanOrEqual(1e-5);
});

test('Brown–Forsythe: a tenfold spread is significant one way and not the other; equal samples give p = ½', () => {
  const narrow = Array.from({ length: 30 }, (_, i) => Math.sin(i));
  const wide = narrow.map((x) => 10 * x);
  expect(spreadGreaterPValue(wide, narrow).p).toBeLessThan(1e-6);
  expect(spreadGreaterPValue(narrow, wide).p).toBeGreaterThan(0.99);
  expect(spreadGreaterPValue(narrow, narrow).p).toBeCloseTo(0.5, 6); // stdlib's t CDF at t = 0 is ½ to rounding
  expect(Number.isNaN(spreadGreaterPValue([1, 1, 1], [2, 2, 2]).p)).toBe(true);
});
