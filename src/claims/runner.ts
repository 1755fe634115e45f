import fc from 'fast-check';
import {
  COUNTEREXAMPLE_FORMAT,
  COUNTEREXAMPLE_VERSION,
  type CounterexampleJson,
  saveCounterexample,
} from '../archive/index.js';
import { type AnyClaim, type Certified, sourceText, type Verdict } from './claim.js';
import { verifyCounterexample } from './verify.js';
import { toolName } from './version.js';

export interface RunOptions {
  readonly seed: number;
  readonly runs: number;
  /** fast-check replay path (with the seed that produced it). */
  readonly path?: string;
  /** Where to archive certified counterexamples; null: archive nothing (tests use a temporary folder). */
  readonly archiveRoot: string | null;
  /** Cases to try first (e.g. a guided hunt's find); fast-check shrinks them when their arbitrary allows. */
  readonly examples?: readonly unknown[];
  /** Replace the claim's hypotheses (negative controls). */
  readonly hypotheses?: AnyClaim['hypotheses'];
  /** Called after each case of the main run (not during shrinking). */
  readonly onCase?: (
    status: 'pass' | 'fail' | 'inconclusive' | 'discard',
    score: number | undefined,
    h: unknown,
  ) => void;
  /** Fix `found.createdAt` (tests of byte-identical archives). */
  readonly now?: () => Date;
}

export interface FailureReport {
  readonly seed: number;
  readonly path: string;
  readonly numShrinks: number;
  /** The shell command that replays this failure exactly. */
  readonly replay: string;
  /** Why the failure is not a certified counterexample (then the verdict is inconclusive). */
  readonly uncertified?: string;
  readonly error?: string;
}

export interface ClaimRunResult {
  readonly id: string;
  readonly verdict: Verdict;
  readonly runs: number;
  readonly discards: number;
  readonly inconclusive: number;
  /** The most frequent reasons for inconclusive or discarded cases, with counts. */
  readonly reasons: readonly { readonly reason: string; readonly count: number }[];
  readonly seed: number;
  readonly ms: number;
  /** Archive paths of the counterexamples this run certified (written now or found already archived). */
  readonly counterexamples: readonly string[];
  readonly created: boolean;
  readonly failure: FailureReport | null;
  /** One line a person reads: why this verdict. */
  readonly summary: string;
  /** The certified counterexample itself (also when not archived). */
  readonly certified: CounterexampleJson | null;
}

/** The shell command that replays `claim` at `seed` (and `path`). */
export function replayCommand(id: string, seed: number, path?: string): string {
  return `npx landscape check ${id} --seed ${seed}${path === undefined ? '' : ` --path ${path}`}`;
}

/** A counterexample file's content, before validation. */
export function counterexampleFile(
  claim: AnyClaim,
  certified: Certified,
  found: { seed: number; path: string; numRuns: number; numShrinks: number; createdAt: string },
): CounterexampleJson {
  return {
    format: COUNTEREXAMPLE_FORMAT,
    version: COUNTEREXAMPLE_VERSION,
    claim: claim.id,
    title: claim.title,
    source: sourceText(claim.source),
    found: { ...found, tool: toolName() },
    subject: certified.subject,
    certificate: certified.certificate,
  } as unknown as CounterexampleJson;
}

/** Re-verify a counterexample with today's core at the claim's strength (moved to verify.ts, shared with replay). */
export { verifyCounterexample } from './verify.js';

type Tally = Map<string, number>;

function topReasons(tally: Tally): { reason: string; count: number }[] {
  return [...tally.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1))
    .slice(0, 5);
}

/**
 * Run a claim's property with fast-check: count passes, discards and inconclusive cases; on a failure let
 * fast-check shrink it, then build and re-verify the certificate before anything is archived. A failure whose
 * certificate does not verify makes the verdict inconclusive (with its seed and path); it is never archived.
 */
export function runClaim(claim: AnyClaim, options: RunOptions): ClaimRunResult {
  const started = performance.now();
  let runs = 0;
  let discards = 0;
  let inconclusive = 0;
  const reasons: Tally = new Map();
  let failing = false;
  const property = fc.property(options.hypotheses ?? claim.hypotheses, (h) => {
    const outcome = claim.check(h);
    if (!failing) {
      if (outcome.status === 'discard') {
        discards++;
        reasons.set(`discarded: ${outcome.reason}`, (reasons.get(`discarded: ${outcome.reason}`) ?? 0) + 1);
      } else {
        runs++;
        if (outcome.status === 'inconclusive') {
          inconclusive++;
          reasons.set(outcome.reason, (reasons.get(outcome.reason) ?? 0) + 1);
        }
      }
      options.onCase?.(outcome.status, 'score' in outcome ? outcome.score : undefined, h);
    }
    if (outcome.status === 'discard') fc.pre(false);
    if (outcome.status === 'fail') {
      failing = true;
      return false;
    }
    return true;
  });
  const details = fc.check(property, {
    seed: options.seed,
    numRuns: options.runs,
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.examples === undefined ? {} : { examples: options.examples.map((e) => [e] as [unknown]) }),
    maxSkipsPerRun: 10,
    endOnFailure: false,
  });
  const ms = Math.round(performance.now() - started);
  const base = {
    id: claim.id,
    runs,
    discards,
    inconclusive,
    reasons: topReasons(reasons),
    seed: options.seed,
    ms,
  };
  if (details.failed && details.counterexample !== null) {
    const path = details.counterexamplePath ?? '';
    const replay = replayCommand(claim.id, options.seed, path);
    const failureBase = { seed: options.seed, path, numShrinks: details.numShrinks, replay };
    const h = details.counterexample[0];
    const thrown: unknown = details.errorInstance;
    if (thrown instanceof Error && !/Property failed by returning false/.test(thrown.message)) {
      const message = thrown.message.split('\n')[0] ?? '';
      return {
        ...base,
        verdict: 'inconclusive',
        counterexamples: [],
        created: false,
        failure: { ...failureBase, error: message },
        summary: `the predicate threw: ${message}`,
        certified: null,
      };
    }
    let outcome: ReturnType<AnyClaim['check']>;
    try {
      outcome = claim.check(h);
    } catch (error) {
      return uncertified(
        base,
        failureBase,
        `the predicate threw on the shrunk case: ${(error as Error).message}`,
      );
    }
    if (outcome.status !== 'fail') {
      const reason = `the shrunk case did not fail again (${outcome.status}): the predicate is not deterministic`;
      return uncertified(base, failureBase, reason);
    }
    let built: ReturnType<AnyClaim['certify']>;
    try {
      built = claim.certify(h, outcome.evidence);
    } catch (error) {
      return uncertified(base, failureBase, `certificate builder threw: ${(error as Error).message}`);
    }
    if (!built.ok) return uncertified(base, failureBase, `no certificate: ${built.reason}`);
    const file = counterexampleFile(claim, built.value, {
      seed: options.seed,
      path,
      numRuns: details.numRuns,
      numShrinks: details.numShrinks,
      createdAt: (options.now?.() ?? new Date()).toISOString(),
    });
    const problems = verifyCounterexample(claim, file);
    if (problems.length > 0)
      return uncertified(base, failureBase, `certificate does not verify: ${problems.join('; ')}`);
    let saved: { path: string; created: boolean } | null = null;
    if (options.archiveRoot !== null) saved = saveCounterexample(options.archiveRoot, file);
    return {
      ...base,
      verdict: 'refuted',
      counterexamples: saved === null ? [] : [saved.path],
      created: saved?.created ?? false,
      failure: failureBase,
      summary: `certified counterexample (${file.certificate.kind})${saved === null ? '' : saved.created ? `, archived as ${saved.path}` : `, already archived as ${saved.path}`}`,
      certified: file,
    };
  }
  if (details.failed) {
    // fast-check gave up (too many discards) or the predicate threw.
    const thrown: unknown = details.errorInstance;
    const error =
      thrown instanceof Error
        ? thrown.message
        : thrown === null || thrown === undefined
          ? ''
          : String(thrown);
    const tooManySkips = details.numSkips > 0 && details.counterexample === null && error === '';
    const reason = tooManySkips
      ? `too many discarded cases (${details.numSkips})`
      : `the property threw: ${error.split('\n')[0]}`;
    return {
      ...base,
      verdict: 'inconclusive',
      counterexamples: [],
      created: false,
      failure: tooManySkips
        ? null
        : {
            seed: options.seed,
            path: details.counterexamplePath ?? '',
            numShrinks: details.numShrinks,
            replay: replayCommand(claim.id, options.seed, details.counterexamplePath ?? undefined),
            error,
          },
      summary: reason,
      certified: null,
    };
  }
  const total = runs + discards;
  const undecided = inconclusive + discards;
  const limit = claim.maxInconclusiveFraction ?? 0.5;
  if (total === 0 || undecided / total > limit) {
    const why = topReasons(reasons)
      .map((r) => `${r.reason} (${r.count})`)
      .join('; ');
    return {
      ...base,
      verdict: 'inconclusive',
      counterexamples: [],
      created: false,
      failure: null,
      summary: `${undecided} of ${total} cases undecided (limit ${Math.round(limit * 100)}%): ${why}`,
      certified: null,
    };
  }
  return {
    ...base,
    verdict: 'holds',
    counterexamples: [],
    created: false,
    failure: null,
    summary: `no counterexample in ${runs} runs${inconclusive > 0 ? ` (${inconclusive} inconclusive)` : ''}`,
    certified: null,
  };
}

function uncertified(
  base: Omit<ClaimRunResult, 'verdict' | 'counterexamples' | 'created' | 'failure' | 'summary' | 'certified'>,
  failure: Omit<FailureReport, 'uncertified'>,
  reason: string,
): ClaimRunResult {
  return {
    ...base,
    verdict: 'inconclusive',
    counterexamples: [],
    created: false,
    failure: { ...failure, uncertified: reason },
    summary: `a failure was found but not certified: ${reason}`,
    certified: null,
  };
}
