/** Activation regions of two-layer networks: factored Jacobians, certified rank decisions, the phase-transition
 *  protocol of Karhadkar et al. (2023), region programs and 1-D step-vector regions. */

export { bMatchingCoversAll, exactRank, findBlockPartition } from './blockPartition.js';
export { choleskyInPlace } from './cholesky.js';
export {
  decideFullRowRank,
  type FullRowRankDecision,
  mergeConstantColumns,
  patternRankBound,
  type RankMethod,
  svdDecision,
  termRank,
} from './fullRowRank.js';
export { rowGram } from './gram.js';
export { gramIdentityError } from './gramIdentity.js';
export {
  cellStream,
  emptyMethodCounts,
  FIXED_PANELS,
  FLOAT32_EPS,
  float32Jacobian,
  float32TrialFullRank,
  type PhaseCell,
  type PhaseGridName,
  type PhasePanel,
  PROPORTIONAL_PANELS,
  phasePanels,
  type RankDtype,
  runPhaseCell,
  runPhaseGrid,
} from './phaseTransition.js';
export {
  normals,
  type ProtocolTrial,
  type ProtocolVariant,
  protocolTrialFullRank,
  type RankMode,
  sampleProtocolTrial,
  trialJacobian,
  type UniformSource,
} from './protocol.js';
export {
  examineStepRegion,
  randomPatternFullRank,
  sampleStepRegion,
  sampleStepVector,
} from './randomRegions.js';
export {
  augmentInputs,
  type FactoredJacobian,
  faceSplitMatrix,
  factoredJacobian,
  patternOf,
  preActivations,
  slopesOf,
} from './regionJacobian.js';
export {
  interiorMinimizers,
  maxUnitNorm,
  projectToMinimizers,
  type RegionLpResult,
  type RegionProblem,
  regionJacobian,
  regionLoss,
  regionProblem,
  regionSlack,
} from './regionProgram.js';
export {
  type ExamineRegionOptions,
  examineRegion,
  REGION_LINEARITY_RTOL,
  type RegionExamination,
} from './regionTheorem.js';
export {
  CERT_ATOL_UNITS,
  CERT_RTOL,
  CERTIFY_OVER_CUT,
  GRAM_IDENTITY_RTOL,
  KINK_RTOL,
  REGION_MARGIN_CAP,
  REGION_MARGIN_RTOL,
  SUBSET_SLACK,
  ZERO_LOSS_RTOL,
} from './tolerances.js';
export {
  caseInputs,
  caseParameters,
  caseRegion,
  caseShape,
  fromTheta,
  type SeededCaseSpec,
  seededTwoLayerCase,
  type TwoLayerCase,
  toTheta,
  twoLayerSubject,
  withParameters,
} from './twoLayer.js';
