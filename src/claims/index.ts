/** Public face of src/claims: the Claim type, the registry, the runner and archive replay. */

export {
  identityViolated,
  isStatementKind,
  largestGap,
  P_VALUE_RTOL,
  trendReversed,
  verifyStatementCertificate,
} from './certificateKinds.js';
export {
  type AnyClaim,
  type Certified,
  type CertifyResult,
  type Claim,
  type ClaimKind,
  type ClaimSource,
  type Control,
  defineClaim,
  type Expectation,
  type Experiment,
  type ExperimentContext,
  type ExperimentOption,
  type ExperimentResult,
  type Outcome,
  type Plot,
  type Refutation,
  type StatementConstant,
  type StatementConstants,
  sourceText,
  type Verdict,
} from './claim.js';
export { defineExperiment, type ExperimentSpec, type OptionValues, type TypedOption } from './experiment.js';
export {
  DISTINCT_LOSS_RTOL,
  DistinctFinds,
  GUIDED_BATCH,
  type HuntStepResult,
  huntStep,
  type KeepPolicy,
  type NearMiss,
  POOL_SIZE,
  RANDOM_BATCH,
  shardStep,
  stepSeed,
  subjectShape,
} from './hunt.js';
export {
  choiceOption,
  countListOption,
  countOption,
  numberOption,
  optionHelp,
  optionNumber,
  optionNumbers,
  parseExperimentArgs,
  rangeListOption,
  validateExperimentOptions,
} from './options.js';
export { type Paper, type PaperReference, paper } from './reference.js';
export {
  distinctInputsProblem,
  type MlpShape,
  mlpHypotheses,
  oneHiddenReluHypotheses,
  reluLikeHypotheses,
  SPURIOUS_MINIMUM_KINDS,
} from './refutation.js';
export {
  certifyBadCriticalPoint,
  checkRegion,
  type RegionEvidence,
  regionHypotheses,
  regionTheoremOutcome,
  verifyRegionDetails,
} from './regionTheorem.js';
export { ClaimRegistry } from './registry.js';
export { type ReplayResult, replayArchive, replayLoaded } from './replay.js';
export {
  CASE_SHORT_CHARS,
  type ClaimRunResult,
  counterexampleFile,
  type FailureReport,
  type RunOptions,
  replayCommand,
  runClaim,
  shortCase,
  verifyCounterexample,
} from './runner.js';
export { statementNumberProblems } from './statementNumbers.js';
export {
  reversalOf,
  type TrendEvidence,
  type TrendGroup,
  type TrendReversal,
  trendCertify,
  trendOutcome,
} from './trend.js';
export {
  type AssertionVerdict,
  assertionsVerdict,
  type ClaimVerdict,
  claimVerdict,
  type Decided,
  type PropertyObservation,
  propertyVerdict,
} from './verdict.js';
export { refutationProblems } from './verify.js';
export { toolName, toolVersion } from './version.js';
