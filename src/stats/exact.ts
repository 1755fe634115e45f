/**
 * Exact tests and intervals for counts, on stdlib-js's distributions (no hand-written CDF): Fisher's exact test
 * for two proportions (one-sided), its exact power, the trials it needs, and Clopper–Pearson intervals.
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';
import hypergeometricCdf from '@stdlib/stats-base-dists-hypergeometric-cdf';

/**
 * One-sided Fisher exact test of H0: p1 ≥ p2 against H1: p1 < p2, from k1 of n1 and k2 of n2 successes.
 * Conditional on the k1 + k2 successes, k1 is hypergeometric; the p-value is P(X ≤ k1). 0/3 against 3/3 gives 0.05.
 */
export function fisherLessPValue(k1: number, n1: number, k2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return 1;
  return Math.min(1, hypergeometricCdf(k1, n1 + n2, k1 + k2, n1));
}

/** One-sided exact binomial test of H0: p ≥ p0 against H1: p < p0 from k successes in n trials: P(X ≤ k). */
export function binomialLessPValue(k: number, n: number, p0: number): number {
  if (n === 0) return 1;
  return Math.min(1, binomialCdf(k, n, p0));
}

/**
 * Clopper–Pearson ("exact") interval for k successes in n trials at the given two-sided level: Beta quantiles,
 * never below the nominal coverage.
 */
export function clopperPearson(k: number, n: number, level = 0.95): { p: number; lo: number; hi: number } {
  if (n === 0) return { p: Number.NaN, lo: 0, hi: 1 };
  const tail = (1 - level) / 2;
  return {
    p: k / n,
    lo: k === 0 ? 0 : betaQuantile(tail, k, n - k + 1),
    hi: k === n ? 1 : betaQuantile(1 - tail, k + 1, n - k),
  };
}

/** The binomial probabilities P(K = k), k = 0..n. */
function binomialPmfs(n: number, p: number): Float64Array {
  return Float64Array.from({ length: n + 1 }, (_, k) => binomialPmf(k, n, p));
}

/**
 * Exact power of the one-sided Fisher test at level alpha when the true proportions are p1 < p2 with n1 and n2
 * trials: Σ P(k1) P(k2) over the rejection region. For each total t = k1 + k2 the region is k1 ≤ c(t), the largest
 * k1 whose conditional p-value is ≤ alpha, so the sum costs O(n1·n2) products.
 */
export function fisherPower(p1: number, p2: number, n1: number, n2: number, alpha: number): number {
  const f1 = binomialPmfs(n1, p1);
  const f2 = binomialPmfs(n2, p2);
  let power = 0;
  for (let t = 0; t <= n1 + n2; t++) {
    const lowest = Math.max(0, t - n2);
    const highest = Math.min(n1, t);
    for (let k1 = lowest; k1 <= highest; k1++) {
      if (fisherLessPValue(k1, n1, t - k1, n2) > alpha) break;
      power += f1[k1]! * f2[t - k1]!;
    }
  }
  return Math.min(1, power);
}

/** Largest trial count per group `fisherTrialsFor` searches (beyond it the answer is "more than this"). */
export const MAX_SUGGESTED_TRIALS = 4000;

/**
 * Trials per group (equal groups) at which the one-sided Fisher test at level alpha reaches `power` for p1 < p2:
 * doubling, then bisection (exact power is not strictly monotone in n; the answer is a sufficient n found by the
 * search, good enough for "run with --trials ≥ M"). Returns null above MAX_SUGGESTED_TRIALS.
 */
export function fisherTrialsFor(p1: number, p2: number, alpha: number, power: number): number | null {
  let hi = 2;
  while (fisherPower(p1, p2, hi, hi, alpha) < power) {
    if (hi >= MAX_SUGGESTED_TRIALS) return null;
    hi = Math.min(MAX_SUGGESTED_TRIALS, hi * 2);
  }
  let lo = Math.max(1, Math.floor(hi / 2));
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fisherPower(p1, p2, mid, mid, alpha) >= power) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Exact power of the one-sided binomial test of H1: p > p0 at level alpha when the true rate is p1 with n trials:
 * P(X ≥ k* | p1), k* the smallest count whose upper-tail p-value P(X ≥ k* | p0) is ≤ alpha (0 if none is).
 */
export function binomialPower(p0: number, p1: number, n: number, alpha: number): number {
  if (n === 0) return 0;
  let critical = n + 1;
  for (let k = n; k >= 0; k--) {
    const upperTail = k === 0 ? 1 : 1 - binomialCdf(k - 1, n, p0);
    if (upperTail > alpha) break;
    critical = k;
  }
  if (critical > n) return 0;
  return critical === 0 ? 1 : Math.min(1, Math.max(0, 1 - binomialCdf(critical - 1, n, p1)));
}

/** Trials at which `binomialPower(p0, p1, n, alpha)` first reaches `power` (linear search; null above MAX_SUGGESTED_TRIALS). */
export function binomialTrialsFor(p0: number, p1: number, alpha: number, power: number): number | null {
  for (let n = 1; n <= MAX_SUGGESTED_TRIALS; n++) if (binomialPower(p0, p1, n, alpha) >= power) return n;
  return null;
}
