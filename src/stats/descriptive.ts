/**
 * Descriptive statistics and display intervals of the empirical claims: Wilson score intervals for proportions
 * (display; verdicts use the exact tests of exact.ts), Spearman's rank correlation, and seeded bootstrap intervals.
 * Every function says its level or its test; claims record both with their sample sizes and seed. Distributions
 * come from stdlib-js, never a hand-written CDF.
 */
import normalCdfStdlib from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { Rng } from '../random.js';
import { fisherLessPValue } from './exact.js';

/** z for a two-sided 95% interval (the level every interval of the report uses unless stated). */
export const Z95 = normalQuantile(0.975, 0, 1);

/** Wilson score interval for k successes in n trials at the z given (default two-sided 95%). */
export function wilsonInterval(k: number, n: number, z = Z95): { p: number; lo: number; hi: number } {
  if (n === 0) return { p: Number.NaN, lo: 0, hi: 1 };
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At k = 0 (k = n) the bound is 0 (1) exactly; rounding of centre − half must not move it.
  return { p, lo: k === 0 ? 0 : Math.max(0, centre - half), hi: k === n ? 1 : Math.min(1, centre + half) };
}

/** Standard normal CDF (stdlib-js). */
export function normalCdf(x: number): number {
  return normalCdfStdlib(x, 0, 1);
}

/**
 * One-sided test of H0: p1 ≥ p2 against H1: p1 < p2 from k1/n1 and k2/n2: Fisher's exact test (src/stats), valid
 * for small counts where the two-proportion z-test is not (0/3 against 3/3: 0.05, not the z-test's 7e-3). Small
 * values support p1 < p2.
 */
export function proportionLessPValue(k1: number, n1: number, k2: number, n2: number): number {
  return fisherLessPValue(k1, n1, k2, n2);
}

/** Ranks (1-based, ties get the mean rank). */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Pearson correlation (NaN when a side is constant). */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(ranks(x), ranks(y));
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample standard deviation (n − 1). */
export function standardDeviation(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / Math.max(1, values.length - 1));
}

/** Percentile bootstrap interval of a statistic at the given level (default 95%), resampling with the rng. */
export function bootstrapInterval(
  values: readonly number[],
  statistic: (sample: readonly number[]) => number,
  rng: Rng,
  resamples = 1000,
  level = 0.95,
): { estimate: number; lo: number; hi: number } {
  const stats: number[] = [];
  const sample = new Array<number>(values.length);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < values.length; i++) sample[i] = values[rng.int(0, values.length - 1)]!;
    stats.push(statistic(sample));
  }
  stats.sort((a, b) => a - b);
  const lo = stats[Math.floor(((1 - level) / 2) * resamples)]!;
  const hi = stats[Math.min(resamples - 1, Math.ceil(((1 + level) / 2) * resamples) - 1)]!;
  return { estimate: statistic(values), lo, hi };
}

/**
 * "Non-decreasing within the intervals": no later proportion's upper bound is below an earlier one's lower
 * bound. The honest reading of a monotone trend from finite samples: a violation means a significant drop.
 */
export function nonDecreasingWithinIntervals(intervals: readonly { lo: number; hi: number }[]): boolean {
  for (let i = 0; i < intervals.length; i++) {
    for (let j = i + 1; j < intervals.length; j++) if (intervals[j]!.hi < intervals[i]!.lo) return false;
  }
  return true;
}
