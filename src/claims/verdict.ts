/**
 * The one place a verdict is decided. `check`, `run`, the vitest claim suite and the report's data all call these
 * functions and nothing else: none of them re-derives a verdict, and none reads fast-check's message text (only
 * the fields of its RunDetails and what the property itself recorded).
 *
 *   holds         no counterexample in N cases (property), or every sub-assertion holds (experiment);
 *   refuted       a certified counterexample (fresh, or archived and replayed now), or a sub-assertion refuted;
 *   inconclusive  anything else, with the reason and what would decide it.
 */
import type { Expectation, Verdict } from './claim.js';

/** One sub-assertion of an experiment (or of an empirical claim's in-test run), as decided by src/stats. */
export interface AssertionVerdict {
  readonly name: string;
  readonly verdict: Verdict;
  readonly detail: string;
}

/** A verdict with the one sentence that explains it. */
export interface Decided {
  readonly verdict: Verdict;
  readonly reason: string;
}

/**
 * The verdict of a set of sub-assertions: refuted when one is refuted (the evidence against the claim), else
 * inconclusive when one is undecided, else holds. No sub-assertions at all is inconclusive.
 */
export function assertionsVerdict(assertions: readonly AssertionVerdict[]): Decided {
  if (assertions.length === 0) return { verdict: 'inconclusive', reason: 'no sub-assertion was decided' };
  const refuted = assertions.filter((a) => a.verdict === 'refuted');
  if (refuted.length > 0)
    return { verdict: 'refuted', reason: refuted.map((a) => `${a.name}: ${a.detail}`).join(' | ') };
  const open = assertions.filter((a) => a.verdict === 'inconclusive');
  if (open.length > 0)
    return { verdict: 'inconclusive', reason: open.map((a) => `${a.name}: ${a.detail}`).join(' | ') };
  return { verdict: 'holds', reason: `all ${assertions.length} sub-assertions hold` };
}

/** What a property run observed, from fast-check's RunDetails fields and the property's own counters. */
export interface PropertyObservation {
  /** RunDetails.failed. */
  readonly failed: boolean;
  /** RunDetails.counterexample !== null. */
  readonly hasCounterexample: boolean;
  /** The predicate threw (recorded by the property itself, with the first line of the message). */
  readonly thrown: string | null;
  /** RunDetails.numSkips. */
  readonly numSkips: number;
  /** Cases checked (not discarded), inconclusive among them, and discarded. */
  readonly runs: number;
  readonly inconclusive: number;
  readonly discards: number;
  /** Largest tolerated undecided fraction. */
  readonly limit: number;
  /** The most frequent reasons for undecided cases, "reason (count)". */
  readonly reasons: readonly string[];
  /** For a failure: the certificate outcome (null: not certified; the string says why). */
  readonly certification:
    | { readonly kind: string; readonly archived: string }
    | { readonly why: string }
    | null;
}

/** The verdict of a property run (the fresh part of a claim's verdict). */
export function propertyVerdict(o: PropertyObservation): Decided {
  const why = o.reasons.length > 0 ? `: ${o.reasons.join('; ')}` : '';
  if (o.failed && o.thrown !== null)
    return { verdict: 'inconclusive', reason: `the predicate threw: ${o.thrown}` };
  if (o.failed && o.hasCounterexample) {
    const c = o.certification;
    if (c !== null && 'kind' in c)
      return { verdict: 'refuted', reason: `certified counterexample (${c.kind})${c.archived}` };
    return {
      verdict: 'inconclusive',
      reason: `a failure was found but not certified: ${c === null ? 'no certificate' : c.why}`,
    };
  }
  if (o.failed)
    return {
      verdict: 'inconclusive',
      reason: `too many discarded cases (${o.numSkips} skipped; fast-check gave up)${why}`,
    };
  const total = o.runs + o.discards;
  const undecided = o.inconclusive + o.discards;
  if (total === 0 || undecided / total > o.limit)
    return {
      verdict: 'inconclusive',
      reason: `${undecided} of ${total} cases undecided (limit ${Math.round(o.limit * 100)}%)${why}`,
    };
  const notes = [
    o.inconclusive > 0 ? `${o.inconclusive} inconclusive` : '',
    o.discards > 0 ? `${o.discards} discarded` : '',
  ].filter((s) => s !== '');
  return {
    verdict: 'holds',
    reason: `no counterexample in ${o.runs} runs${notes.length > 0 ? ` (${notes.join(', ')}; why: ${o.reasons.join('; ')})` : ''}`,
  };
}

/** A claim's verdict: the fresh run, the archive's replay, and (for `check --experiments`) its experiment. */
export interface ClaimVerdict extends Decided {
  /** The verdict agrees with the expectation, and no archived file fails to replay. */
  readonly asExpected: boolean;
}

export function claimVerdict(input: {
  readonly expect: Expectation;
  readonly fresh: Decided;
  /** Archived files of the claim that replay now, and those that do not. */
  readonly archivedOk: number;
  readonly archivedBroken: number;
  /** The experiment's decided sub-assertions, when it was run. */
  readonly experiment?: Decided;
}): ClaimVerdict {
  let { verdict, reason } = input.fresh;
  if (verdict !== 'refuted' && input.archivedOk > 0) {
    verdict = 'refuted';
    reason = `refuted by ${input.archivedOk} archived counterexample(s) that replay; this run: ${reason}`;
  }
  const e = input.experiment;
  if (e !== undefined && verdict === 'holds' && e.verdict !== 'holds') {
    verdict = e.verdict;
    reason = `experiment ${e.verdict}: ${e.reason}`;
  } else if (e !== undefined && e.verdict === 'refuted' && verdict !== 'refuted') {
    verdict = 'refuted';
    reason = `experiment refuted: ${e.reason}`;
  } else if (e !== undefined && e.verdict === 'holds') {
    reason = `${reason}; experiment: ${e.reason}`;
  }
  if (input.archivedBroken > 0) reason = `${input.archivedBroken} archived file(s) fail replay; ${reason}`;
  return { verdict, reason, asExpected: input.archivedBroken === 0 && verdict === input.expect };
}
