/**
 * Tests and intervals for continuous samples (means, spreads, correlations), on stdlib-js's distributions (never a
 * hand-written CDF): t interval of a mean, χ² interval of a standard deviation, Fisher-z interval and test of
 * correlations, the one-sided Brown–Forsythe test of spreads.
 */
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { pearson } from './descriptive.js';

/** Mean and the two-sided t interval of the mean (level `level`); NaN bounds for n < 2. */
export function meanInterval(
  values: readonly number[],
  level = 0.95,
): { mean: number; lo: number; hi: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, lo: Number.NaN, hi: Number.NaN };
  const sd = sampleSd(values);
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { mean, lo: mean - half, hi: mean + half };
}

/** The sample standard deviation (n − 1 in the denominator); NaN for n < 2. */
export function sampleSd(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  let s = 0;
  for (const v of values) s += (v - mean) ** 2;
  return Math.sqrt(s / (n - 1));
}

/**
 * The χ² interval of a standard deviation, √((n−1)s²/χ²_{1−α/2}) … √((n−1)s²/χ²_{α/2}) (exact under normality;
 * only indicative otherwise: the verdict uses the Brown–Forsythe test, which does not assume it).
 */
export function sdInterval(values: readonly number[], level = 0.95): { sd: number; lo: number; hi: number } {
  const n = values.length;
  const sd = sampleSd(values);
  if (n < 2) return { sd, lo: Number.NaN, hi: Number.NaN };
  const a = (1 - level) / 2;
  const ss = (n - 1) * sd * sd;
  return {
    sd,
    lo: Math.sqrt(ss / chisquareQuantile(1 - a, n - 1)),
    hi: Math.sqrt(ss / chisquareQuantile(a, n - 1)),
  };
}

/** Pearson's r; NaN when a sample has zero variance or fewer than 3 pairs (never a finding). */
export function pearsonR(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length || x.length < 3) return Number.NaN;
  // pearson is 0/0 = NaN when a side is constant; the clamp absorbs a rounding past ±1.
  const r = pearson(x, y);
  return Number.isNaN(r) ? Number.NaN : Math.max(-1, Math.min(1, r));
}

/**
 * The Fisher-z interval of a correlation: tanh(atanh r ± z_{1−α/2}/√(n − 3)). Approximate (exact for bivariate
 * normal pairs as n grows). Undefined (NaN bounds) when |r| = 1, r is NaN or n < 4: such a sample is no finding.
 */
export function fisherInterval(r: number, n: number, level = 0.95): { lo: number; hi: number } {
  if (!(Math.abs(r) < 1) || n < 4) return { lo: Number.NaN, hi: Number.NaN };
  const z = Math.atanh(r);
  const half = normalQuantile(1 - (1 - level) / 2, 0, 1) / Math.sqrt(n - 3);
  return { lo: Math.tanh(z - half), hi: Math.tanh(z + half) };
}

/**
 * One-sided test of H1: ρ₁ > ρ₂ for correlations from independent samples (Fisher z): Z = (atanh r₁ − atanh r₂) /
 * √(1/(n₁−3) + 1/(n₂−3)), p = 1 − Φ(Z). NaN when either correlation is undefined or ±1.
 */
export function correlationGreaterPValue(r1: number, n1: number, r2: number, n2: number): number {
  if (!(Math.abs(r1) < 1 && Math.abs(r2) < 1) || n1 < 4 || n2 < 4) return Number.NaN;
  const z = (Math.atanh(r1) - Math.atanh(r2)) / Math.sqrt(1 / (n1 - 3) + 1 / (n2 - 3));
  return 1 - normalCdf(z, 0, 1);
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/**
 * One-sided Brown–Forsythe test of H1: spread(a) > spread(b): Welch's t-test on the absolute deviations from each
 * sample's median (robust to non-normal samples, unlike the F-test of variances). Returns the p-value and the
 * statistic; NaN when a sample has fewer than 2 values or both deviations have zero variance.
 */
export function spreadGreaterPValue(
  a: readonly number[],
  b: readonly number[],
): { p: number; t: number; df: number } {
  if (a.length < 2 || b.length < 2) return { p: Number.NaN, t: Number.NaN, df: Number.NaN };
  const medianA = median(a);
  const medianB = median(b);
  const da = a.map((x) => Math.abs(x - medianA));
  const db = b.map((x) => Math.abs(x - medianB));
  const va = sampleSd(da) ** 2 / da.length;
  const vb = sampleSd(db) ** 2 / db.length;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) return { p: Number.NaN, t: Number.NaN, df: Number.NaN };
  const ma = da.reduce((s, x) => s + x, 0) / da.length;
  const mb = db.reduce((s, x) => s + x, 0) / db.length;
  const t = (ma - mb) / se;
  const df = (va + vb) ** 2 / (va ** 2 / (da.length - 1) + vb ** 2 / (db.length - 1));
  return { p: 1 - tCdf(t, df), t, df };
}
