/**
 * The verdict of a statistical sub-assertion, decided by one rule (`decideDirection`) whatever the test:
 *   holds         the one-sided test of the claimed direction gives p ≤ α;
 *   refuted       the opposite direction shown at α (or, for a claim that states its effect, the effect excluded);
 *   inconclusive  neither, or the sample is below the test's validity minimum; the reason states the power at the
 *                 stated effect and the trials that would reach TARGET_POWER.
 * Tests: "a proportion rises" (decideRise, one-sided Fisher exact), "a proportion is at least a threshold"
 * (decideAtLeast, exact binomial / Clopper–Pearson), "no proportion drops along a series" (decideNoDrop, Fisher
 * exact, Bonferroni), "a spread shrinks" (decideSpreadShrink, Brown–Forsythe) and "a correlation falls"
 * (decideCorrelationFall, Fisher z). The rise is decided from its counts by an exact test with a stated level,
 * effect and power:
 *   holds         one-sided Fisher exact p ≤ α for the claimed direction;
 *   refuted       the opposite direction shown at α, or the claimed effect excluded by Clopper–Pearson bounds;
 *   inconclusive  neither; the reason says the achieved power at the stated effect and the trials that would
 *                 reach the target power ("underpowered: power 0.12 at effect 0.2; run with --trials ≥ 140").
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { correlationGreaterPValue, spreadGreaterPValue } from './continuous.js';
import {
  binomialLessPValue,
  binomialPower,
  binomialTrialsFor,
  clopperPearson,
  fisherLessPValue,
  fisherPower,
  fisherTrialsFor,
  MAX_SUGGESTED_TRIALS,
} from './exact.js';

export type StatVerdict = 'holds' | 'refuted' | 'inconclusive';

/** Power a design must reach before a non-significant result may be read as anything but "underpowered". */
export const TARGET_POWER = 0.8;

export interface Group {
  /** How the report names the group, e.g. 'k = 7'. */
  readonly label: string;
  readonly successes: number;
  readonly trials: number;
}

export interface RiseDesign {
  /** The sub-assertion, e.g. 'P(spurious) rises from k = 7 to k = 13'. */
  readonly name: string;
  readonly alpha: number;
  /** The rise p_B − p_A the claim is powered for (absolute, in proportion). */
  readonly effect: number;
  /** The rate of group A assumed for the power computation (stated in the output). */
  readonly baseline: number;
  /** The option that sets the trials per group, for the "run with --trials ≥ M" advice. */
  readonly trialsFlag: string;
  /** Whether a result that excludes the effect refutes the claim (a claim that states its effect). Default false. */
  readonly effectIsClaimed?: boolean;
}

/** A decided statistical sub-assertion with everything a reader needs to cite it. */
export interface StatAssertion {
  readonly name: string;
  readonly verdict: StatVerdict;
  /** One sentence: the test, α, the statistic, the p-value, the power at the stated effect. */
  readonly detail: string;
  readonly test: string;
  readonly alpha: number;
  readonly effect: number;
  readonly power: number;
  readonly pValue: number;
  /** Trials per group that would reach TARGET_POWER (null: more than the search covers). */
  readonly trialsNeeded: number | null;
}

export const fmt = (x: number): string =>
  !Number.isFinite(x) ? 'undefined' : x === 0 ? '0' : x < 1e-3 ? x.toExponential(1) : x.toPrecision(2);

/** A level as a reader writes it: 0.05, 0.025, 0.001, or 1.1e-4 below 0.001 (two significant digits). */
export const fmtLevel = (x: number): string =>
  x < 1e-3 ? x.toExponential(1) : String(Number(x.toPrecision(2)));

/** The evidence of one directional test, whatever the test: what `decideDirection` needs. */
export interface DirectionalEvidence {
  readonly name: string;
  /** The test's name, e.g. 'one-sided Fisher exact test'. */
  readonly test: string;
  readonly alpha: number;
  /** The effect the power is computed at (a number in the design's own unit). */
  readonly effect: number;
  /** "power 0.52 at a rise of 0.3 (from 0.2)": the power at the stated effect, in words. */
  readonly powerText: string;
  readonly power: number;
  /** The data, e.g. 'k = 7: 3/40, k = 13: 20/40'. */
  readonly data: string;
  /** p-value of the claimed direction and of the opposite (NaN: undefined, never a finding). */
  readonly pValue: number;
  readonly pOpposite: number;
  /** Trials per group that reach TARGET_POWER (null: more than the search covers). */
  readonly trialsNeeded: number | null;
  readonly trialsFlag: string;
  /** Not null: the sample is below the test's validity minimum (the reason); never a finding either way. */
  readonly invalid?: string | null;
  /** The claimed effect is excluded (for a claim that states its effect): the reason. */
  readonly excluded?: string | null;
}

/** The one rule that turns a directional test into holds / refuted / inconclusive (see the file's comment). */
export function decideDirection(e: DirectionalEvidence): StatAssertion {
  const base = {
    name: e.name,
    test: e.test,
    alpha: e.alpha,
    effect: e.effect,
    power: e.power,
    pValue: e.pValue,
  };
  const stated = `${e.test}, α = ${fmtLevel(e.alpha)}; ${e.data}`;
  const more = e.trialsNeeded ?? `more than ${MAX_SUGGESTED_TRIALS}`;
  const underpowered = `underpowered: ${e.powerText}; run with --${e.trialsFlag} ≥ ${more}`;
  if (e.invalid != null) {
    return {
      ...base,
      verdict: 'inconclusive',
      trialsNeeded: e.trialsNeeded,
      detail: `${stated}: ${e.invalid}, so the test decides nothing; ${underpowered}`,
    };
  }
  if (!Number.isFinite(e.pValue) || !Number.isFinite(e.pOpposite)) {
    return {
      ...base,
      verdict: 'inconclusive',
      trialsNeeded: e.trialsNeeded,
      detail: `${stated}: the statistic is undefined (a degenerate sample, no finding); ${e.powerText}`,
    };
  }
  if (e.pValue <= e.alpha)
    return {
      ...base,
      verdict: 'holds',
      trialsNeeded: null,
      detail: `${stated}: p = ${fmt(e.pValue)} ≤ α (${e.powerText})`,
    };
  if (e.pOpposite <= e.alpha) {
    return {
      ...base,
      verdict: 'refuted',
      trialsNeeded: null,
      detail: `${stated}: the opposite is shown, p = ${fmt(e.pOpposite)} ≤ α (${e.powerText})`,
    };
  }
  if (e.excluded != null && e.power >= TARGET_POWER) {
    return {
      ...base,
      verdict: 'refuted',
      trialsNeeded: null,
      detail: `${stated}: p = ${fmt(e.pValue)}; ${e.excluded} (${e.powerText})`,
    };
  }
  const advice =
    e.power >= TARGET_POWER
      ? `not shown although ${e.powerText}: the effect, if any, may be smaller than ${e.effect}`
      : underpowered;
  return {
    ...base,
    verdict: 'inconclusive',
    trialsNeeded: e.power >= TARGET_POWER ? null : e.trialsNeeded,
    detail: `${stated}: p = ${fmt(e.pValue)} > α; ${advice}`,
  };
}

/** "The proportion rises from a to b", by one-sided Fisher exact tests in both directions. */
export function decideRise(design: RiseDesign, a: Group, b: Group): StatAssertion {
  const target = Math.min(1, design.baseline + design.effect);
  const power = fisherPower(design.baseline, target, a.trials, b.trials, design.alpha);
  // Bonferroni over the two one-sided bounds: the rise is below hiB − loA with confidence ≥ 1 − α.
  const upper =
    clopperPearson(b.successes, b.trials, 1 - design.alpha).hi -
    clopperPearson(a.successes, a.trials, 1 - design.alpha).lo;
  return decideDirection({
    name: design.name,
    test: 'one-sided Fisher exact test',
    alpha: design.alpha,
    effect: design.effect,
    power,
    powerText: `power ${fmt(power)} at effect ${design.effect} (from ${design.baseline})`,
    data: `${a.label}: ${a.successes}/${a.trials}, ${b.label}: ${b.successes}/${b.trials}`,
    pValue: fisherLessPValue(a.successes, a.trials, b.successes, b.trials),
    pOpposite: fisherLessPValue(b.successes, b.trials, a.successes, a.trials),
    trialsNeeded:
      power >= TARGET_POWER ? null : fisherTrialsFor(design.baseline, target, design.alpha, TARGET_POWER),
    trialsFlag: design.trialsFlag,
    excluded:
      design.effectIsClaimed === true && upper < design.effect
        ? `the rise is below ${fmt(upper)} < ${design.effect} at confidence ${1 - design.alpha}`
        : null,
  });
}

export interface AtLeastDesign {
  /** The sub-assertion, e.g. 'P(full rank) ≥ 0.9 at the widest d1'. */
  readonly name: string;
  readonly alpha: number;
  /** The threshold p0 of "p > p0". */
  readonly threshold: number;
  /** The true rate the power is computed at (> threshold). */
  readonly powerAt: number;
  readonly trialsFlag: string;
}

/**
 * "The proportion exceeds a threshold": one-sided exact binomial tests of p > p0 (holds: P(X ≥ k | p0) ≤ α, i.e. the
 * Clopper–Pearson lower bound at 1 − 2α is above p0) and of p < p0 (refuted), power at `powerAt`.
 */
export function decideAtLeast(design: AtLeastDesign, g: Group): StatAssertion {
  const power = binomialPower(design.threshold, design.powerAt, g.trials, design.alpha);
  return decideDirection({
    name: design.name,
    test: `one-sided exact binomial test against p0 = ${design.threshold}`,
    alpha: design.alpha,
    effect: design.powerAt,
    power,
    powerText: `power ${fmt(power)} at a true rate of ${design.powerAt}`,
    data: `${g.label}: ${g.successes}/${g.trials}`,
    // P(X ≥ k | p0) = P(n − X ≤ n − k | 1 − p0).
    pValue: binomialLessPValue(g.trials - g.successes, g.trials, 1 - design.threshold),
    pOpposite: binomialLessPValue(g.successes, g.trials, design.threshold),
    trialsNeeded:
      power >= TARGET_POWER
        ? null
        : binomialTrialsFor(design.threshold, design.powerAt, design.alpha, TARGET_POWER),
    trialsFlag: design.trialsFlag,
  });
}

export interface NoDropDesign {
  /** The sub-assertion, e.g. 'P(full rank) is non-decreasing in d1 (n = 10)'. */
  readonly name: string;
  /** Family level over all pairs (Bonferroni). */
  readonly familyAlpha: number;
  /** The drop p_i − p_j the power is computed at, and the rate it falls from. */
  readonly effect: number;
  readonly from: number;
  readonly trialsFlag: string;
}

/**
 * "No proportion drops along the series": one-sided Fisher exact tests for a drop between every two groups i < j,
 * Bonferroni at `familyAlpha`. Refuted when a drop is shown; holds when none is and the tests had power ≥
 * TARGET_POWER for a drop of `effect` (at the smallest group); otherwise inconclusive (underpowered).
 */
export function decideNoDrop(design: NoDropDesign, groups: readonly Group[]): StatAssertion {
  const pairs = Math.max(1, (groups.length * (groups.length - 1)) / 2);
  const level = design.familyAlpha / pairs;
  const drops: string[] = [];
  let pMin = 1;
  for (let i = 0; i < groups.length; i++)
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i]!;
      const b = groups[j]!;
      const p = fisherLessPValue(b.successes, b.trials, a.successes, a.trials);
      pMin = Math.min(pMin, p);
      if (p <= level) drops.push(`${a.label} → ${b.label}: p = ${fmt(p)}`);
    }
  const n = Math.min(...groups.map((g) => g.trials));
  const to = Math.max(0, design.from - design.effect);
  const power = fisherPower(to, design.from, n, n, level);
  const powerText = `power ${fmt(power)} per pair for a drop of ${design.effect} (from ${design.from}) at ${n} trials`;
  const test = `one-sided Fisher exact tests for a drop between every two of ${groups.length} groups, family α = ${fmtLevel(design.familyAlpha)} over ${pairs} pairs (Bonferroni)`;
  const data = groups.map((g) => `${g.label}: ${g.successes}/${g.trials}`).join(', ');
  const base = {
    name: design.name,
    test,
    alpha: design.familyAlpha,
    effect: design.effect,
    power,
    pValue: pMin,
  };
  if (drops.length > 0)
    return {
      ...base,
      verdict: 'refuted',
      trialsNeeded: null,
      detail: `${test}; ${data}: drops shown: ${drops.join('; ')} (${powerText})`,
    };
  if (power >= TARGET_POWER)
    return {
      ...base,
      verdict: 'holds',
      trialsNeeded: null,
      detail: `${test}; ${data}: no drop shown, smallest p = ${fmt(pMin)} (${powerText})`,
    };
  const needed = fisherTrialsFor(to, design.from, level, TARGET_POWER);
  return {
    ...base,
    verdict: 'inconclusive',
    trialsNeeded: needed,
    detail: `${test}; ${data}: no drop shown, but underpowered: ${powerText}; run with --${design.trialsFlag} ≥ ${needed ?? `more than ${MAX_SUGGESTED_TRIALS}`}`,
  };
}

/**
 * Smallest sample a normal-approximation test (Brown–Forsythe's Welch t, Fisher's z) is used on: below it the
 * approximation is not trusted and the test decides nothing (inconclusive, never refuted). 10 is the usual rule of
 * thumb for Fisher's z (its bias is ρ/(2(n − 1)), its variance 1/(n − 3)).
 */
export const MIN_NORMAL_APPROX_SAMPLE = 10;

/** Standard normal quantile and CDF (stdlib-js). */
const zq = (p: number): number => normalQuantile(p, 0, 1);
const phi = (x: number): number => normalCdf(x, 0, 1);

/** Equal-group size (≥ MIN_NORMAL_APPROX_SAMPLE) at which a normal-approximation power reaches TARGET_POWER. */
function normalTrialsFor(power: (n: number) => number): number | null {
  for (let n = MIN_NORMAL_APPROX_SAMPLE; n <= MAX_SUGGESTED_TRIALS; n++)
    if (power(n) >= TARGET_POWER) return n;
  return null;
}

/** The spread of |X − median| under normal samples: mean σ√(2/π), variance σ²(1 − 2/π) (half-normal). */
const HALF_NORMAL_MEAN = Math.sqrt(2 / Math.PI);
const HALF_NORMAL_VAR = 1 - 2 / Math.PI;

/**
 * Approximate power of the one-sided Brown–Forsythe test (Welch z on absolute deviations from the median) for
 * sd₁ = ratio·sd₂, under normal samples: 1 − Φ(z_{1−α} − δ/SE), δ = √(2/π)(ratio − 1), SE² = (1 − 2/π)(ratio²/n₁ +
 * 1/n₂) in units of sd₂. A design figure (states what the test can see), not part of the test.
 */
export function spreadShrinkPower(ratio: number, n1: number, n2: number, alpha: number): number {
  if (n1 < 2 || n2 < 2) return 0;
  const se = Math.sqrt(HALF_NORMAL_VAR * (ratio ** 2 / n1 + 1 / n2));
  return 1 - phi(zq(1 - alpha) - (HALF_NORMAL_MEAN * (ratio - 1)) / se);
}

export interface SpreadDesign {
  readonly name: string;
  readonly alpha: number;
  /** The ratio sd(first) / sd(last) the power is computed at. */
  readonly ratio: number;
  readonly trialsFlag: string;
}

/** "The spread shrinks from the first sample to the last": one-sided Brown–Forsythe tests both ways. */
export function decideSpreadShrink(
  design: SpreadDesign,
  first: { label: string; values: readonly number[] },
  last: { label: string; values: readonly number[] },
): StatAssertion {
  const n1 = first.values.length;
  const n2 = last.values.length;
  const power = spreadShrinkPower(design.ratio, n1, n2, design.alpha);
  const small = Math.min(n1, n2) < MIN_NORMAL_APPROX_SAMPLE;
  return decideDirection({
    name: design.name,
    test: 'one-sided Brown–Forsythe test (Welch t on absolute deviations from the median)',
    alpha: design.alpha,
    effect: design.ratio,
    power,
    powerText: `power ${fmt(power)} for a ${design.ratio}-fold spread (normal approximation)`,
    data: `${first.label}: ${n1} runs, ${last.label}: ${n2} runs`,
    pValue: spreadGreaterPValue(first.values, last.values).p,
    pOpposite: spreadGreaterPValue(last.values, first.values).p,
    trialsNeeded:
      power >= TARGET_POWER
        ? null
        : normalTrialsFor((n) => spreadShrinkPower(design.ratio, n, n, design.alpha)),
    trialsFlag: design.trialsFlag,
    invalid: small ? `fewer than ${MIN_NORMAL_APPROX_SAMPLE} runs in a group` : null,
  });
}

/** Power of the one-sided Fisher-z test of ρ₁ > ρ₂ (independent samples): 1 − Φ(z_{1−α} − Δz/SE). */
export function correlationFallPower(
  rho1: number,
  rho2: number,
  n1: number,
  n2: number,
  alpha: number,
): number {
  if (n1 < 4 || n2 < 4) return 0;
  const se = Math.sqrt(1 / (n1 - 3) + 1 / (n2 - 3));
  return 1 - phi(zq(1 - alpha) - (Math.atanh(rho1) - Math.atanh(rho2)) / se);
}

export interface CorrelationDesign {
  readonly name: string;
  readonly alpha: number;
  /** The fall ρ₁ → ρ₂ the power is computed at. */
  readonly from: number;
  readonly to: number;
  readonly trialsFlag: string;
}

/** "The correlation falls from the first sample to the last": one-sided Fisher-z tests both ways. */
export function decideCorrelationFall(
  design: CorrelationDesign,
  first: { label: string; r: number; n: number },
  last: { label: string; r: number; n: number },
): StatAssertion {
  const power = correlationFallPower(design.from, design.to, first.n, last.n, design.alpha);
  const small = Math.min(first.n, last.n) < MIN_NORMAL_APPROX_SAMPLE;
  return decideDirection({
    name: design.name,
    test: 'one-sided Fisher-z test of independent correlations',
    alpha: design.alpha,
    effect: design.from - design.to,
    power,
    powerText: `power ${fmt(power)} for a fall of ρ from ${design.from} to ${design.to}`,
    data: `${first.label}: ρ = ${fmt(first.r)} (${first.n} runs), ${last.label}: ρ = ${fmt(last.r)} (${last.n} runs)`,
    pValue: correlationGreaterPValue(first.r, first.n, last.r, last.n),
    pOpposite: correlationGreaterPValue(last.r, last.n, first.r, first.n),
    trialsNeeded:
      power >= TARGET_POWER
        ? null
        : normalTrialsFor((n) => correlationFallPower(design.from, design.to, n, n, design.alpha)),
    trialsFlag: design.trialsFlag,
    invalid: small ? `fewer than ${MIN_NORMAL_APPROX_SAMPLE} runs in a group` : null,
  });
}
