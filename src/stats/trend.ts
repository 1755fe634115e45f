/**
 * The verdict of one statistical sub-assertion "the proportion rises from group A to group B", decided from its
 * counts by an exact test with a stated level, effect and power:
 *   holds         one-sided Fisher exact p ≤ α for the claimed direction;
 *   refuted       the opposite direction shown at α, or the claimed effect excluded by Clopper–Pearson bounds;
 *   inconclusive  neither; the reason says the achieved power at the stated effect and the trials that would
 *                 reach the target power ("underpowered: power 0.12 at effect 0.2; run with --trials ≥ 140").
 */
import {
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

const fmt = (x: number): string => (x === 0 ? '0' : x < 1e-3 ? x.toExponential(1) : x.toPrecision(2));

/** "The proportion rises from a to b", by one-sided Fisher exact tests in both directions. */
export function decideRise(design: RiseDesign, a: Group, b: Group): StatAssertion {
  const test = 'one-sided Fisher exact test';
  const pValue = fisherLessPValue(a.successes, a.trials, b.successes, b.trials);
  const pOpposite = fisherLessPValue(b.successes, b.trials, a.successes, a.trials);
  const target = Math.min(1, design.baseline + design.effect);
  const power = fisherPower(design.baseline, target, a.trials, b.trials, design.alpha);
  const counts = `${a.label}: ${a.successes}/${a.trials}, ${b.label}: ${b.successes}/${b.trials}`;
  const powerText = `power ${fmt(power)} at effect ${design.effect} (from ${design.baseline})`;
  const base = { name: design.name, test, alpha: design.alpha, effect: design.effect, power, pValue };
  const stated = `${test}, α = ${design.alpha}; ${counts}`;
  if (pValue <= design.alpha) {
    return {
      ...base,
      verdict: 'holds',
      trialsNeeded: null,
      detail: `${stated}: p = ${fmt(pValue)} ≤ α (${powerText})`,
    };
  }
  if (pOpposite <= design.alpha) {
    return {
      ...base,
      verdict: 'refuted',
      trialsNeeded: null,
      detail: `${stated}: the opposite is shown, p = ${fmt(pOpposite)} ≤ α for a fall (${powerText})`,
    };
  }
  // Bonferroni over the two one-sided bounds: the rise is below hiB − loA with confidence ≥ 1 − α.
  const upper =
    clopperPearson(b.successes, b.trials, 1 - design.alpha).hi -
    clopperPearson(a.successes, a.trials, 1 - design.alpha).lo;
  if (design.effectIsClaimed === true && power >= TARGET_POWER && upper < design.effect) {
    return {
      ...base,
      verdict: 'refuted',
      trialsNeeded: null,
      detail: `${stated}: p = ${fmt(pValue)}; the rise is below ${fmt(upper)} < ${design.effect} at confidence ${1 - design.alpha} (${powerText})`,
    };
  }
  const trialsNeeded =
    power >= TARGET_POWER ? null : fisherTrialsFor(design.baseline, target, design.alpha, TARGET_POWER);
  const advice =
    power >= TARGET_POWER
      ? `not shown although ${powerText}: the rise, if any, may be smaller than ${design.effect}`
      : `underpowered: ${powerText}; run with --${design.trialsFlag} ≥ ${trialsNeeded ?? `more than ${MAX_SUGGESTED_TRIALS}`}`;
  return {
    ...base,
    verdict: 'inconclusive',
    trialsNeeded,
    detail: `${stated}: p = ${fmt(pValue)} > α; ${advice}`,
  };
}
