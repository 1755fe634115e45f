// Statistical assertions shared by Karhadkar et al.'s three activation-region experiments (km-most-regions-fullrank,
// km-1d-regions, km-phase-transition): each measures a fraction per cell along rows of growing width d1 and asserts
// that it does not drop, that it rises, or that it is "most" (above ½) at the widest width. Every test is exact
// (Fisher, binomial; src/stats) and states its α, the effect it is powered for and the power at the trials run.
import type { ExperimentResult } from '../src/claims/index.js';
import {
  decideAtLeast,
  decideNoDrop,
  decideRise,
  type Group,
  type StatAssertion,
} from '../src/stats/index.js';

/**
 * Family level of each claim's sub-assertion over all its rows (Bonferroni: each row gets FAMILY_ALPHA / rows),
 * so a claim that is true gets a wrong refutation on at most one seed in a thousand.
 */
export const FAMILY_ALPHA = 1e-3;

/**
 * The drop the monotonicity tests are powered for: from DROP_FROM to DROP_FROM − DROP_EFFECT, i.e. most of a
 * 0-to-1 transition undone [REC: our design; the paper states monotonicity qualitatively].
 */
export const DROP_FROM = 0.8;
export const DROP_EFFECT = 0.6;

/** The rise from the narrowest to the widest width the rise tests are powered for [REC: our design]. */
export const RISE_BASELINE = 0.1;
export const RISE_EFFECT = 0.5;

/** "Most" regions: a fraction above MOST = ½ (the word's meaning); powered for a true fraction of MOST_POWER_AT. */
export const MOST = 0.5;
export const MOST_POWER_AT = 0.9;

/** The sentence a statement quotes for these tests, built from the constants above. */
export const TESTS_TEXT =
  `exact tests at family level α = ${FAMILY_ALPHA} over rows (Bonferroni): no drop between any two widths of a row ` +
  `(one-sided Fisher, powered for a drop of ${DROP_EFFECT} from ${DROP_FROM}), a rise from the narrowest to the widest ` +
  `width (one-sided Fisher, powered for ${RISE_EFFECT} from ${RISE_BASELINE}), "most" = above ${MOST} at the widest ` +
  `width (one-sided exact binomial, powered at ${MOST_POWER_AT}); power below 0.8 at the trials run is inconclusive ` +
  '(underpowered), never refuted';

/** One row of a region experiment: its label and its cells' counts, narrowest width first. */
export interface CountRow {
  readonly label: string;
  readonly groups: readonly Group[];
}

type Assertion = ExperimentResult['assertions'][number];

/** Several rows' decisions as one sub-assertion: refuted if any is, else inconclusive if any is, else holds. */
export function allRows(name: string, parts: readonly { row: string; a: StatAssertion }[]): Assertion {
  const verdict = parts.some((p) => p.a.verdict === 'refuted')
    ? 'refuted'
    : parts.some((p) => p.a.verdict === 'inconclusive')
      ? 'inconclusive'
      : 'holds';
  return { name, verdict, detail: parts.map((p) => `${p.row}: ${p.a.detail}`).join(' | ') };
}

/** "The fraction is non-decreasing in d1" on every row. */
export function noDropAssertion(name: string, rows: readonly CountRow[]): Assertion {
  const familyAlpha = FAMILY_ALPHA / Math.max(1, rows.length);
  return allRows(
    name,
    rows.map((r) => ({
      row: r.label,
      a: decideNoDrop(
        { name, familyAlpha, effect: DROP_EFFECT, from: DROP_FROM, trialsFlag: 'trials' },
        r.groups,
      ),
    })),
  );
}

/** "The fraction rises from the narrowest to the widest d1" on every row. */
export function riseAssertion(name: string, rows: readonly CountRow[]): Assertion {
  const alpha = FAMILY_ALPHA / Math.max(1, rows.length);
  return allRows(
    name,
    rows.map((r) => ({
      row: r.label,
      a: decideRise(
        { name, alpha, effect: RISE_EFFECT, baseline: RISE_BASELINE, trialsFlag: 'trials' },
        r.groups[0]!,
        r.groups.at(-1)!,
      ),
    })),
  );
}

/** "Most (above ½) at the widest d1" on every row. */
export function mostAssertion(name: string, rows: readonly CountRow[]): Assertion {
  const alpha = FAMILY_ALPHA / Math.max(1, rows.length);
  return allRows(
    name,
    rows.map((r) => ({
      row: r.label,
      a: decideAtLeast(
        { name, alpha, threshold: MOST, powerAt: MOST_POWER_AT, trialsFlag: 'trials' },
        r.groups.at(-1)!,
      ),
    })),
  );
}
