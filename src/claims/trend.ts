import type { CertifyResult, ExperimentResult, Outcome } from './claim.js';

/** What a failed trend reports: each refuted assertion as "name: detail". */
export interface TrendEvidence {
  readonly failed: readonly string[];
}

/**
 * The outcome of an empirical claim's small in-test run of its experiment: `fail` when an assertion is refuted,
 * `inconclusive` when one could not be decided (never folded into a pass), `pass` when all hold.
 */
export function trendOutcome(assertions: ExperimentResult['assertions']): Outcome<TrendEvidence> {
  const failed = assertions.filter((a) => a.verdict === 'refuted').map((a) => `${a.name}: ${a.detail}`);
  if (failed.length > 0) return { status: 'fail', evidence: { failed } };
  const open = assertions.filter((a) => a.verdict === 'inconclusive');
  if (open.length > 0)
    return { status: 'inconclusive', reason: `undecided: ${open.map((a) => a.name).join('; ')}` };
  return { status: 'pass' };
}

/**
 * A statistical trend that fails is reported (inconclusive, with its seed, path and replay command) and the claim's
 * test fails; nothing is archived until the claim builds a `trend-reversed` certificate (`trendReversed`, with the
 * two groups' counts and a subject) in its own `certify`.
 */
export function trendCertify(_h: unknown, evidence: TrendEvidence): CertifyResult {
  return {
    ok: false,
    reason: `an empirical trend failed (${evidence.failed.join(' | ')}): this claim does not yet build a trend-reversed certificate (src/claims/certificateKinds.ts); the seed replays the run`,
  };
}
