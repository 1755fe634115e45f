import fc from 'fast-check';
import {
  COUNTEREXAMPLE_FORMAT,
  COUNTEREXAMPLE_VERSION,
  type CounterexampleJson,
  saveCounterexample,
} from '../archive/index.js';
import { type AnyClaim, type Certified, sourceText, type Verdict } from './claim.js';
import { propertyVerdict } from './verdict.js';
import { verifyCounterexample } from './verify.js';
import { toolName } from './version.js';

/** Options of {@link runClaim}: seed, number of runs, replay path, archive folder (null: none), controls. */
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

/** A failure found by the runner: the case, its seed and path, and the command that replays it. */
export interface FailureReport {
  readonly seed: number;
  readonly path: string;
  readonly numShrinks: number;
  /** The shell command that replays this failure exactly. */
  readonly replay: string;
  /** Why the failure is not a certified counterexample (then the verdict is inconclusive). */
  readonly uncertified?: string;
  readonly error?: string;
  /** The shrunk failing case, short form (fast-check's stringify, cut at CASE_SHORT_CHARS). */
  readonly case: string;
  /** The shrunk failing case itself (JSON output carries it in full). */
  readonly value: unknown;
}

/** Characters of a failing case shown on the terminal; `--json` carries the whole value. */
export const CASE_SHORT_CHARS = 240;

/** A failing case in a line: fast-check's own rendering, cut with an ellipsis. */
export function shortCase(value: unknown): string {
  const text = fc.stringify(value).replace(/\s+/g, ' ');
  return text.length <= CASE_SHORT_CHARS ? text : `${text.slice(0, CASE_SHORT_CHARS - 1)}…`;
}

/** The result of {@link runClaim}: the verdict, counts, timing, archived files and the failure, if any. */
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

/** A file name as one shell word: as is when it is plain, else single-quoted. */
function shellWord(word: string): string {
  return /^[\w./@%+:,-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/**
 * The shell command that replays `claim` at `seed` (and `path`); a user's claim loaded from a module
 * (`claimsFile`, see {@link Claim.loadedFrom}) is named with `--claims FILE`, without which the CLI would not know it.
 */
export function replayCommand(id: string, seed: number, path?: string, claimsFile?: string): string {
  const claims = claimsFile === undefined ? '' : ` --claims ${shellWord(claimsFile)}`;
  return `npx landscape check ${id}${claims} --seed ${seed}${path === undefined ? '' : ` --path ${path}`}`;
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

type Certification = {
  kind: string;
  archived: string;
  file: CounterexampleJson;
  saved: string[];
  created: boolean;
};

/**
 * Run a claim's property with fast-check: count passes, discards and inconclusive cases (with their reasons); on
 * a failure let fast-check shrink it, then build and re-verify the certificate before anything is archived. The
 * verdict comes from `propertyVerdict` (src/claims/verdict.ts), fed with RunDetails fields and what the property
 * recorded itself (a throw is caught inside the property, so no message text is parsed). A failure whose
 * certificate does not verify makes the verdict inconclusive (with its seed and path); it is never archived.
 */
export function runClaim(claim: AnyClaim, options: RunOptions): ClaimRunResult {
  const started = performance.now();
  let runs = 0;
  let discards = 0;
  let inconclusive = 0;
  const reasons: Tally = new Map();
  let failing = false;
  let thrown: string | null = null;
  const property = fc.property(options.hypotheses ?? claim.hypotheses, (h) => {
    let outcome: ReturnType<AnyClaim['check']>;
    try {
      outcome = claim.check(h);
    } catch (error) {
      thrown = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      failing = true;
      return false;
    }
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
  let certification: Certification | { why: string } | null = null;
  let failure: FailureReport | null = null;
  const h: unknown = details.counterexample?.[0];
  if (details.failed && details.counterexample !== null) {
    const path = details.counterexamplePath ?? '';
    failure = {
      seed: options.seed,
      path,
      numShrinks: details.numShrinks,
      replay: replayCommand(claim.id, options.seed, path, claim.loadedFrom),
      case: shortCase(h),
      value: h,
      ...(thrown === null ? {} : { error: thrown }),
    };
    if (thrown === null) {
      certification = certifyFailure(claim, h, options, {
        seed: options.seed,
        path,
        numRuns: details.numRuns,
        numShrinks: details.numShrinks,
      });
      if ('why' in certification) failure = { ...failure, uncertified: certification.why };
    }
  }
  const limit = claim.maxInconclusiveFraction ?? 0.5;
  const top = topReasons(reasons);
  const decided = propertyVerdict({
    failed: details.failed,
    hasCounterexample: details.counterexample !== null,
    thrown,
    numSkips: details.numSkips,
    runs,
    inconclusive,
    discards,
    limit,
    reasons: top.map((r) => `${r.reason} (${r.count})`),
    certification,
  });
  const certified = certification !== null && 'file' in certification ? certification : null;
  return {
    id: claim.id,
    verdict: decided.verdict,
    runs,
    discards,
    inconclusive,
    reasons: top,
    seed: options.seed,
    ms: Math.round(performance.now() - started),
    counterexamples: certified?.saved ?? [],
    created: certified?.created ?? false,
    failure,
    summary: decided.reason,
    certified: certified?.file ?? null,
  };
}

/**
 * A `trend-reversed` certificate names the run that produced its counts: the builder cannot know the fast-check
 * seed and path, so the runner fills `seed` and `replay` (the command that reruns exactly that case).
 */
function withReplay(id: string, certified: Certified, found: { seed: number; path: string }): Certified {
  const c = certified.certificate;
  if (c.kind !== 'trend-reversed') return certified;
  return {
    ...certified,
    certificate: { ...c, seed: found.seed, replay: replayCommand(id, found.seed, found.path) },
  };
}

/** Re-run the shrunk case, build its certificate, verify it, archive it: a certification, or why there is none. */
function certifyFailure(
  claim: AnyClaim,
  h: unknown,
  options: RunOptions,
  found: { seed: number; path: string; numRuns: number; numShrinks: number },
): Certification | { why: string } {
  let outcome: ReturnType<AnyClaim['check']>;
  try {
    outcome = claim.check(h);
  } catch (error) {
    return { why: `the predicate threw on the shrunk case: ${(error as Error).message}` };
  }
  if (outcome.status !== 'fail')
    return {
      why: `the shrunk case did not fail again (${outcome.status}): the predicate is not deterministic`,
    };
  let built: ReturnType<AnyClaim['certify']>;
  try {
    built = claim.certify(h, outcome.evidence);
  } catch (error) {
    return { why: `certificate builder threw: ${(error as Error).message}` };
  }
  if (!built.ok) return { why: `no certificate: ${built.reason}` };
  const file = counterexampleFile(claim, withReplay(claim.id, built.value, found), {
    ...found,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
  });
  const problems = verifyCounterexample(claim, file);
  if (problems.length > 0) return { why: `certificate does not verify: ${problems.join('; ')}` };
  let saved: { path: string; created: boolean } | null = null;
  if (options.archiveRoot !== null) saved = saveCounterexample(options.archiveRoot, file);
  return {
    kind: file.certificate.kind,
    archived:
      saved === null
        ? ''
        : saved.created
          ? `, archived as ${saved.path}`
          : `, already archived as ${saved.path}`,
    file,
    saved: saved === null ? [] : [saved.path],
    created: saved?.created ?? false,
  };
}
