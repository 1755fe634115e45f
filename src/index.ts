/**
 * landscape-check as a library: write a claim about a loss landscape in your own repository, check it with
 * fast-check (or `npx landscape check --claims ./my-claims.ts`) and keep its certified counterexamples.
 *
 * The public API, grouped as a claim uses it: {@link defineClaim} and the claim types; citations
 * ({@link paper}); the generators of hypotheses (fast-check arbitraries); the numeric core (loss, gradient,
 * Hessian, Jacobian and its numerical rank); point examination, certificate builders and the verifier; the
 * runner and the archive. Every name below is documented where it is declared and re-exported here by name.
 * docs/writing-a-claim.md walks through a worked example.
 *
 * @packageDocumentation
 */

/** The archive: content-named counterexample files, validated by schema on write and on load, never overwritten. */
export {
  ARCHIVE_DIR,
  type CounterexampleJson,
  counterexamplePath,
  counterexampleSchema,
  type LoadedFile,
  listArchiveFiles,
  loadArchive,
  loadCounterexampleFile,
  type SaveResult,
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
  type ClaimRunResult,
  type ClaimSource,
  type Control,
  defineClaim,
  type Expectation,
  type FailureReport,
  type Outcome,
  type Paper,
  type PaperReference,
  paper,
  type ReplayResult,
  type RunOptions,
  replayArchive,
  runClaim,
  sourceText,
  type Verdict,
  verifyCounterexample,
} from './claims/index.js';
/** Errors for bad user input (the CLI prints the message alone and exits 2), and the seeded random stream. */
export { NonFiniteError, ShapeError, UserError } from './errors.js';
/** Hypotheses: fast-check arbitraries of datasets, networks, points, seeds and whole subjects (shrinking included). */
export {
  activationArb,
  countArb,
  DATA_GRID,
  type DatasetOptions,
  datasetArb,
  directionArb,
  type GeneratedProblem,
  hasDistinctInputs,
  type NetworkOptions,
  networkArb,
  pointArb,
  problemArb,
  type SubjectOptions,
  seedArb,
  seededStream,
  subjectArb,
  teacherSubjectArb,
  thetaArb,
  type ValueGrid,
  WEIGHT_GRID,
} from './generate/index.js';
/** Landscapes: models of subjects, optimisers, point examination, certificate builders and the verifier. */
export {
  type Certificate,
  type DescentExamination,
  descendAndExamine,
  type ExamineOptions,
  examinePoint,
  GRAD_ZERO_TOL,
  type InspectReport,
  inspectSubject,
  isSpuriousGap,
  lbfgs,
  type MlpSubjectJson,
  type PointExamination,
  type Subject,
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
  type ActivationName,
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
