/**
 * landscape-check as a library: write a claim about a loss landscape in your own repository, check it with
 * fast-check (or `npx landscape check --claims ./my-claims.ts`) and keep its certified counterexamples.
 *
 * The public API, grouped as a claim uses it: {@link defineClaim} and the claim types; citations
 * ({@link paper}); the generators of hypotheses (fast-check arbitraries); the numeric core (loss, gradient,
 * Hessian, Jacobian and its numerical rank); point examination, certificate builders and the verifier; the
 * runner and the archive. Every name below is documented where it is declared. docs/writing-a-claim.md walks
 * through a worked example.
 *
 * @packageDocumentation
 */

/** The archive: content-named counterexample files, validated by schema on write and on load, never overwritten. */
export {
  ARCHIVE_DIR,
  counterexamplePath,
  listArchiveFiles,
  loadArchive,
  loadCounterexampleFile,
  saveCounterexample,
  subjectHash,
} from './archive/index.js';
/** Claims: the type a claim file fills in, its identity helper, citations, and the runner that decides a verdict. */
export {
  type AnyClaim,
  type Certified,
  type CertifyResult,
  type Claim,
  type ClaimKind,
  ClaimRegistry,
  type ClaimSource,
  type Control,
  defineClaim,
  type Outcome,
  type Paper,
  type PaperReference,
  paper,
  replayArchive,
  runClaim,
  sourceText,
  verifyCounterexample,
} from './claims/index.js';
/** Errors for bad user input (the CLI prints the message alone and exits 2), and the seeded random stream. */
export { NonFiniteError, ShapeError, UserError } from './errors.js';
/** Hypotheses: fast-check arbitraries of datasets, networks, points, seeds and whole subjects (shrinking included). */
export {
  activationArb,
  countArb,
  DATA_GRID,
  datasetArb,
  directionArb,
  type GeneratedProblem,
  hasDistinctInputs,
  networkArb,
  pointArb,
  seedArb,
  subjectArb,
  teacherSubjectArb,
  thetaArb,
  type ValueGrid,
  WEIGHT_GRID,
} from './generate/index.js';
/** Landscapes: models of subjects, optimisers, point examination, certificate builders and the verifier. */
export {
  descendAndExamine,
  examinePoint,
  GRAD_ZERO_TOL,
  type InspectReport,
  inspectSubject,
  isSpuriousGap,
  lbfgs,
  type MlpSubjectJson,
  type SubjectModel,
  saddleCertificate,
  spuriousMinimumCertificate,
  subjectModel,
  verifyCertificate,
} from './landscape/index.js';
/** Linear algebra the certificates rely on: the numerical rank (of a Jacobian, say) with its recorded tolerance. */
export {
  type DenseMatrix,
  numericalRank,
  type RankResult,
  rankIsDecidable,
  singularValues,
  symmetricEigenvalues,
} from './linalg/index.js';
/** The numeric core: a network problem, its loss, gradient, Hessian, Jacobian and activation patterns. */
export {
  activationPatterns,
  type DatasetJson,
  gradient,
  hessian,
  jacobian,
  loss,
  lossAndGradient,
  type MlpSubject,
  makeProblem,
  onKink,
  type Problem,
  pointToVector,
  subjectProblem,
  vectorToPoint,
} from './nn/index.js';
export { type Rng, seededRng } from './random.js';

// Names whose declarations carry no doc comment of their own, documented here for the package's users.
import type {
  CounterexampleJson as CounterexampleJsonOf,
  LoadedFile as LoadedFileOf,
  SaveResult as SaveResultOf,
} from './archive/index.js';
import { counterexampleSchema as counterexampleSchemaOf } from './archive/index.js';
import type {
  ClaimRunResult as ClaimRunResultOf,
  Expectation as ExpectationOf,
  FailureReport as FailureReportOf,
  ReplayResult as ReplayResultOf,
  RunOptions as RunOptionsOf,
  Verdict as VerdictOf,
} from './claims/index.js';
import type {
  DatasetOptions as DatasetOptionsOf,
  NetworkOptions as NetworkOptionsOf,
  SubjectOptions as SubjectOptionsOf,
} from './generate/index.js';
import { problemArb as problemArbOf, seededStream as seededStreamOf } from './generate/index.js';
import type {
  Certificate as CertificateOf,
  DescentExamination as DescentExaminationOf,
  ExamineOptions as ExamineOptionsOf,
  PointExamination as PointExaminationOf,
  Subject as SubjectOf,
} from './landscape/index.js';
import type { ActivationName as ActivationNameOf } from './nn/index.js';

/** A verdict: `holds` (no counterexample), `refuted` (a certified one), `inconclusive` (could not decide). */
export type Verdict = VerdictOf;
/** What a claim's verdict should be: `holds` for theorems and trends, `refuted` for constructions. */
export type Expectation = ExpectationOf;
/** Options of {@link runClaim}: seed, number of runs, replay path, archive folder (null: none), controls. */
export type RunOptions = RunOptionsOf;
/** The result of {@link runClaim}: the verdict, counts, timing, archived files and the failure, if any. */
export type ClaimRunResult = ClaimRunResultOf;
/** A failure found by the runner: the case, its seed and path, and the command that replays it. */
export type FailureReport = FailureReportOf;
/** One archived file re-verified by {@link replayArchive}: its path, claim, and the problems found (none: ok). */
export type ReplayResult = ReplayResultOf;
/** Options of {@link datasetArb}: sample count, input and output dimensions, value grids, distinct inputs. */
export type DatasetOptions = DatasetOptionsOf;
/** Options of {@link networkArb}: depth, widths, activations, bias. */
export type NetworkOptions = NetworkOptionsOf;
/** Options of {@link subjectArb}: a network's options plus its data and loss. */
export type SubjectOptions = SubjectOptionsOf;
/** Generated networks with data, compiled to a problem and its parameter vector θ. */
export const problemArb: typeof problemArbOf = problemArbOf;
/** A deterministic stream of random numbers from one integer seed (uniform, normal, integers), as generators use it. */
export const seededStream: typeof seededStreamOf = seededStreamOf;
/** What a counterexample proves, with its numbers (loss, gradient norm, Hessian eigenvalues, …): the archive's `certificate`. */
export type Certificate = CertificateOf;
/** What a claim is about: an `mlp` (network, data, loss, point), a Gaussian teacher–student pair, or a spin glass. */
export type Subject = SubjectOf;
/** Options of {@link examinePoint}: the random stream and the perturbation radii and trials. */
export type ExamineOptions = ExamineOptionsOf;
/** The classification of a point (critical, strict or non-strict minimum, saddle, …) with its evidence. */
export type PointExamination = PointExaminationOf;
/** The result of {@link descendAndExamine}: the optimiser's run and the examination of its endpoint. */
export type DescentExamination = DescentExaminationOf;
/** The activation functions a network may use ('relu', 'tanh', 'sigmoid', …). */
export type ActivationName = ActivationNameOf;
/** An archived counterexample file, as parsed by {@link counterexampleSchema}. */
export type CounterexampleJson = CounterexampleJsonOf;
/** The zod schema of an archived counterexample file (validated on write and on load). */
export const counterexampleSchema: typeof counterexampleSchemaOf = counterexampleSchemaOf;
/** A file read from the archive: its parsed content, or why it could not be loaded. */
export type LoadedFile = LoadedFileOf;
/** What {@link saveCounterexample} did: the path, and whether the file was created (false: archived before). */
export type SaveResult = SaveResultOf;
