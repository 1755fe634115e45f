import type { Arbitrary } from 'fast-check';
import type { CounterexampleJson } from '../archive/index.js';
import type { Certificate, Subject, VerifyStrength } from '../landscape/index.js';
import type { Rng } from '../random.js';

/** `theorem`: expected to hold; `construction`: a published counterexample we must find and certify;
 *  `empirical`: a measured trend with a statistical test. */
export type ClaimKind = 'theorem' | 'construction' | 'empirical';
/** What a claim's verdict should be: `holds` for theorems and trends, `refuted` for constructions. */
export type Expectation = 'holds' | 'refuted';
/** A verdict: `holds` (no counterexample), `refuted` (a certified one), `inconclusive` (could not decide). */
export type Verdict = 'holds' | 'refuted' | 'inconclusive';

/** Where a claim comes from: enough for a reader to find the theorem. */
export interface ClaimSource {
  readonly authors: string;
  readonly year: number;
  readonly title: string;
  /** arXiv identifier, e.g. '1812.11039'. */
  readonly arxiv?: string;
  /** Journal or conference, e.g. 'SIAM J. Optim. 32 (2022)'. */
  readonly venue?: string;
  /** The theorem or section, e.g. 'Theorem 1' or '§3, Figure 2'. Mark unconfirmed numbering with [REC]. */
  readonly where: string;
}

/** "Li, Ding, Sun 2022, Theorem 1 (arXiv 1812.11039)": the `source` line of archived files. */
export function sourceText(source: ClaimSource): string {
  const arxiv = source.arxiv === undefined ? '' : ` (arXiv ${source.arxiv})`;
  return `${source.authors} ${source.year}, ${source.where}${arxiv}`;
}

/** What the predicate says about one generated case. `score` (optional) feeds the guided hunt: higher is
 *  closer to a counterexample (e.g. a Hessian eigenvalue margin or a loss gap). */
export type Outcome<E> =
  | { readonly status: 'pass'; readonly score?: number }
  | { readonly status: 'fail'; readonly evidence: E; readonly score?: number }
  | { readonly status: 'inconclusive'; readonly reason: string; readonly score?: number }
  | { readonly status: 'discard'; readonly reason: string };

/** A certified counterexample, ready for the archive (the engine adds `found` and the header). */
export interface Certified {
  readonly subject: Subject;
  readonly certificate: Certificate;
}

/** The certificate builder's answer: a certificate, or why none could be built. */
export type CertifyResult =
  | { readonly ok: true; readonly value: Certified }
  | { readonly ok: false; readonly reason: string };

/** A hypothesis on which the claim is false (or true, for a construction): the run must come out as `expect`. */
export interface Control<H> {
  readonly description: string;
  readonly hypotheses: Arbitrary<H>;
  /** `refuted`: the property must find a failure here (shows it can fail); `holds`: it must not. */
  readonly expect: 'refuted' | 'holds';
  readonly runs?: number;
}

/** An empirical claim's experiment: `landscape run <id>` and the report use it. */
export interface Experiment {
  /** Options of `landscape run <id>`, e.g. `--trials N`. */
  readonly options: readonly ExperimentOption[];
  /**
   * Options for the main job (`npm run check`, i.e. `landscape check --experiments`): a reduced protocol that
   * still shows the trend in a few minutes at most. Absent: the defaults.
   */
  readonly mainJob?: Readonly<Record<string, string>>;
  run(options: Readonly<Record<string, string>>, context: ExperimentContext): ExperimentResult;
}

export interface ExperimentOption {
  readonly flag: string;
  readonly description: string;
  readonly defaultValue: string;
  /** What the value must be, for help and messages, e.g. "integer in [1, 100000]" (see src/claims/options.ts). */
  readonly constraint?: string;
  /** The value's schema (a string in, validated before any computation); absent: the experiment parses it. */
  readonly schema?: import('zod').ZodType<unknown>;
}

export interface ExperimentContext {
  readonly seed: number;
  readonly log: (line: string) => void;
  /** Progress in the experiment's own unit (e.g. 12 of 40 'cells'); the CLI draws a bar on a terminal only. */
  readonly progress?: (done: number, total: number, unit: string) => void;
}

/** A plot the report draws (plain data; src/report renders SVG). */
export type Plot =
  | {
      readonly type: 'heatmap';
      readonly title: string;
      readonly xLabel: string;
      readonly yLabel: string;
      readonly x: readonly number[];
      readonly y: readonly number[];
      /** values[yIndex][xIndex] in [0, 1] (NaN: not computed). */
      readonly values: readonly (readonly number[])[];
    }
  | {
      readonly type: 'lines';
      readonly title: string;
      readonly xLabel: string;
      readonly yLabel: string;
      readonly series: readonly {
        readonly name: string;
        readonly x: readonly number[];
        readonly y: readonly number[];
        readonly lo?: readonly number[];
        readonly hi?: readonly number[];
      }[];
      readonly band?: { readonly lo: number; readonly hi: number; readonly label: string };
    }
  | {
      readonly type: 'histogram';
      readonly title: string;
      readonly xLabel: string;
      readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
      readonly band?: { readonly lo: number; readonly hi: number; readonly label: string };
    };

export interface ExperimentResult {
  /** Table header and rows, printed by `landscape run` and shown in the report. */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  readonly plots: readonly Plot[];
  /** The statistical assertions, each with its verdict; the claim's verdict is their conjunction. */
  readonly assertions: readonly {
    readonly name: string;
    readonly verdict: Verdict;
    readonly detail: string;
    /** For a trend refuted by a shown reversal: its data, archivable as a `trend-reversed` file (trend.ts). */
    readonly reversal?: import('./trend.js').TrendReversal | undefined;
  }[];
  /** Raw data for the report's JSON (JSON-able). */
  readonly data?: unknown;
  /** Small JSON-able fields that `landscape run --json` prints beside the table (e.g. per-width statistics). */
  readonly json?: Readonly<Record<string, unknown>>;
}

/**
 * What refutes a claim: the certificate kinds that contradict it, and its hypotheses checked on a loaded subject.
 * An archived file in the claim's folder whose kind is not listed, or whose subject does not meet the hypotheses,
 * is refused with the reason; a claim that declares no refutation is refuted by no file.
 */
export interface Refutation {
  readonly kinds: readonly Certificate['kind'][];
  /** The claim's hypotheses on the subject: the problems found (empty: the subject is one the claim speaks of). */
  subject(subject: Subject): string[];
  /** Replay strength for this claim (default: `DEFAULT_VERIFY_STRENGTH`). Fixed here, never taken from a file. */
  readonly strength?: VerifyStrength;
}

/** A constant a statement quotes: a number, or a list or record of them (other values are ignored). */
export type StatementConstant =
  | number
  | string
  | boolean
  | readonly StatementConstant[]
  | { readonly [name: string]: StatementConstant };
/** The constants a statement quotes, by name. */
export type StatementConstants = { readonly [name: string]: StatementConstant };

/** A published claim as a property. H: generated hypotheses; E: the predicate's evidence of a failure. */
export interface Claim<H = unknown, E = unknown> {
  readonly id: string;
  readonly title: string;
  readonly source: ClaimSource;
  /** The hypotheses in full, in words and symbols; unconfirmed constants are marked [REC]. */
  readonly statement: string;
  /**
   * The numbers the statement quotes, by the name of the constant the check uses (a number, or a list or record of
   * numbers); properties/statements.test.ts checks that every number in the statement is one of these or sits in
   * one of `literals`, so statement and code cannot drift.
   */
  readonly constants?: StatementConstants;
  /** Phrases of the statement whose numbers are mathematics or citation, not settings (e.g. 'N(0, 1)', 'λ_1'). */
  readonly literals?: readonly string[];
  readonly kind: ClaimKind;
  readonly expect: Expectation;
  /** The fast-check arbitrary of the hypotheses. */
  readonly hypotheses: Arbitrary<H>;
  /** Asynchronous set-up before any check (e.g. loading a WebAssembly solver); runners await it once. */
  prepare?(): Promise<void>;
  /** The predicate: deterministic in h (randomness comes from seeds inside h). */
  check(h: H): Outcome<E>;
  /** The certificate builder for a failure (run after shrinking); must be deterministic in (h, evidence). */
  certify(h: H, evidence: E): CertifyResult;
  /** Extra, claim-specific checks of an archived file's `details`; returns the problems found (empty: fine). */
  verifyDetails?(file: CounterexampleJson, rng: Rng): string[];
  /** Which certificates refute the claim (absent: none does; every archived file for it is refused). */
  readonly refutedBy?: Refutation;
  /** Runs at `npm test` (default budget) and at `landscape check` (larger budget). */
  readonly budget: { readonly test: number; readonly check: number };
  /** Largest tolerated fraction of inconclusive + discarded cases before the verdict is inconclusive (0.5). */
  readonly maxInconclusiveFraction?: number;
  /** Shows the property can fail (or, for constructions, can pass). */
  readonly control?: Control<H>;
  /** Guided hunting: a small random change of a hypothesis (JSON-able H only). */
  mutate?(h: H, rng: Rng): H;
  readonly experiment?: Experiment;
  /** The module a user's claim was loaded from (`--claims FILE`, or a config's `claims`; set by the CLI), so a
   * failure's replay command names it. Absent for the built-in claims. */
  readonly loadedFrom?: string;
}

/** Identity helper that fixes the type parameters; the claim file reads like a theorem. */
export function defineClaim<H, E>(claim: Claim<H, E>): Claim<H, E> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(claim.id)) throw new Error(`claim id '${claim.id}' is not kebab-case`);
  return claim;
}

/** A claim with its type parameters erased, as the registry holds it. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds claims of every hypothesis type.
export type AnyClaim = Claim<any, any>;
