/**
 * Public face of src/landscape/basins: the analyses behind the width-and-basins claims — the Li–Ding–Sun
 * non-increasing path, the linear-regime and dead-unit minima with their exact local arguments and the flat
 * escape, Safran–Shamir 2016's last-layer rescaling and initial-basin program.
 */
export {
  type BasinInstance,
  type BasinMinimum,
  type BasinOptions,
  basinNetworkLoss,
  initialBasinMinimum,
  randomBasinInstance,
} from './basinProgram.js';
export { certifiedBasin } from './certifiedBasin.js';
export { type ColumnSelection, independence, outsideSpan, selectColumns } from './columnSelection.js';
export {
  AFFINE_FIT_RTOL,
  affinelyFittable,
  CONSTRUCTION_LOSS_RTOL,
  DESCENT_RECORD_RTOL,
  deadPlateauProblems,
  deadPlateauRecord,
  examineConstruction,
  flatEscapeDetails,
  flatEscapeProblems,
  LINEAR_REGIME_ARGUMENT,
  linearRegimeExact,
  linearRegimeProblems,
  MARGIN_RECORD_RTOL,
  marginProblems,
  plateauLoss,
} from './constructionCertificates.js';
export { distinctInputs, integerTargets } from './integerData.js';
export {
  type Continuation,
  gradientContinuation,
  type LastLayerScaling,
  lastLayerScaling,
  type ScalingFacts,
  scaleLastLayer,
  scalingFacts,
} from './lastLayerScaling.js';
export {
  type LdsPath,
  ldsPath,
  type PathSegment,
  quadraticMonomialRank,
  SEGMENT_SAMPLES,
} from './ldsPath.js';
export { affineFit, type FlatEscape, flatEscape, linearRegimePoint } from './linearRegime.js';
export {
  along,
  featureMatrix,
  type LastLayers,
  lastFeatures,
  lastLayers,
  outputWeightOf,
  withIncoming,
  withOutputLayer,
} from './networkParts.js';
export {
  BASIN_EPS_RTOL,
  BASIN_FEASIBILITY_RTOL,
  BASIN_PROX_RIDGE,
  BASIN_PROX_STEPS,
  BASIN_STALL_RTOL,
  DISTINCT_RTOL,
  ESCAPE_DECREASE_RTOL,
  FEATURE_RCOND_MIN,
  FLAT_RTOL,
  INDEPENDENCE_RTOL,
  PATH_END_RTOL,
  PATH_ROUNDING_RTOL,
  SCALING_RTOL,
} from './tolerances.js';
export {
  allActiveProof,
  deadUnitsProof,
  type UniformPatternProof,
  uniformPatternProof,
} from './uniformPattern.js';
