import type { Subject } from '../landscape/index.js';
import { subjectModel } from '../landscape/index.js';
import { fisherLessPValue } from '../stats/index.js';
import { trendReversed } from './certificateKinds.js';
import type { CertifyResult, ExperimentResult, Outcome } from './claim.js';

/** One group of a two-group comparison: its label and its count of successes in trials. */
export interface TrendGroup {
  readonly label: string;
  readonly successes: number;
  readonly trials: number;
}

/**
 * The data of a trend shown reversed: the claim says group 0's rate is below group 1's, and the one-sided Fisher
 * exact test of the reverse (group 1 below group 0) reached p ≤ alpha. A refuted assertion that carries one can be
 * archived as a `trend-reversed` certificate (src/claims/certificateKinds.ts).
 */
export interface TrendReversal {
  readonly trend: string;
  readonly groups: readonly [TrendGroup, TrendGroup];
  readonly alpha: number;
}

/**
 * The reversal of "the rate rises from `a` to `b`" when the data show it (one-sided Fisher exact, b below a, at
 * `alpha`), else undefined: what a refuted assertion attaches so that its refutation can be archived.
 */
export function reversalOf(
  trend: string,
  a: TrendGroup,
  b: TrendGroup,
  alpha: number,
): TrendReversal | undefined {
  const p = fisherLessPValue(b.successes, b.trials, a.successes, a.trials);
  return p <= alpha ? { trend, groups: [{ ...a }, { ...b }], alpha } : undefined;
}

/** What a failed trend reports: each refuted assertion as "name: detail", and the reversals shown. */
export interface TrendEvidence {
  readonly failed: readonly string[];
  /** The refuted assertions' reversals (those refuted by a shown reversal, not by an excluded effect). */
  readonly reversals?: readonly TrendReversal[];
  /** The setting the archived file names (e.g. the smallest cell's network at its global minimum). */
  readonly subject?: Subject;
  /** The small run's data table, kept in the certificate. */
  readonly table?: {
    readonly columns: readonly string[];
    readonly rows: readonly (readonly (string | number)[])[];
  };
}

/**
 * The outcome of an empirical claim's small in-test run of its experiment: `fail` when an assertion is refuted,
 * `inconclusive` when one could not be decided (never folded into a pass), `pass` when all hold. With `context`,
 * a failure carries what `trendCertify` needs to archive it (the subject, the table).
 */
export function trendOutcome(
  assertions: ExperimentResult['assertions'],
  context: Pick<TrendEvidence, 'subject' | 'table'> = {},
): Outcome<TrendEvidence> {
  const refuted = assertions.filter((a) => a.verdict === 'refuted');
  if (refuted.length > 0) {
    const failed = refuted.map((a) => `${a.name}: ${a.detail}`);
    const reversals = refuted.flatMap((a) => (a.reversal === undefined ? [] : [a.reversal]));
    return { status: 'fail', evidence: { failed, reversals, ...context } };
  }
  const open = assertions.filter((a) => a.verdict === 'inconclusive');
  if (open.length > 0)
    return { status: 'inconclusive', reason: `undecided: ${open.map((a) => a.name).join('; ')}` };
  return { status: 'pass' };
}

/**
 * The certificate of a failed trend: a `trend-reversed` file for the first refuted assertion whose reversal the data
 * show (two groups' counts, the one-sided Fisher exact p-value, α, the table). `seed` and `replay` are left for the
 * runner, which knows the fast-check seed and path (src/claims/runner.ts fills them before verifying). A trend
 * refuted otherwise (an effect excluded by a confidence bound), or by a claim that names no subject, is reported
 * (inconclusive, with its seed, path and replay command) and not archived.
 */
export function trendCertify(_h: unknown, evidence: TrendEvidence): CertifyResult {
  const reversal = evidence.reversals?.[0];
  if (reversal === undefined || evidence.subject === undefined) {
    const why =
      reversal === undefined
        ? 'no refuted assertion shows a reversal by a one-sided Fisher exact test'
        : 'this claim names no subject for a trend-reversed file';
    return {
      ok: false,
      reason: `an empirical trend failed (${evidence.failed.join(' | ')}): ${why}; the seed replays the run`,
    };
  }
  const model = subjectModel(evidence.subject);
  const certificate = trendReversed({
    trend: reversal.trend,
    groups: reversal.groups,
    alpha: reversal.alpha,
    seed: 0,
    replay: '',
    loss: model.objective.value(model.theta),
    table:
      evidence.table === undefined
        ? undefined
        : { columns: [...evidence.table.columns], rows: evidence.table.rows.map((r) => [...r]) },
  });
  return { ok: true, value: { subject: evidence.subject, certificate } };
}
