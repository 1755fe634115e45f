/** Public face of src/nn: networks, parameter layout, loss, gradient, Jacobian, Hessian, activation patterns. */
export {
  ACTIVATION_NAMES,
  type Activation,
  activation,
  activationSpecFromText,
  validateActivationSpec,
} from './activations.js';
export { backward, gradient, lossAndGradient } from './backprop.js';
export {
  centralDifference,
  centralDifferenceRaw,
  centralDifferenceVector,
  stepAlong,
} from './finiteDifferences.js';
export {
  affine,
  type ForwardPass,
  forward,
  loss,
  lossOfResiduals,
  lossWeight,
  outputs,
  residuals,
  residualsOf,
} from './forward.js';
export { gaussNewton } from './gaussNewton.js';
export { curvatureTerm, type HessianOptions, hessian } from './hessian.js';
export { hessianVectorProduct } from './hessianVectorProduct.js';
export { jacobian, jacobianVectorProduct, vectorJacobianProduct } from './jacobian.js';
export {
  biasIndex,
  type LayerLayout,
  layerIndices,
  layerRange,
  type ParameterName,
  type ParamLayout,
  parameterName,
  paramLayout,
  weightIndex,
} from './layout.js';
export {
  activationPatterns,
  kinkMargin,
  onKink,
  type PatternSummary,
  patternSummary,
  sameActivationPattern,
  smoothAlong,
} from './patterns.js';
export { pointToVector, vectorToPoint } from './point.js';
export { makeProblem, type Problem, requireTheta, subjectProblem } from './problem.js';
export {
  type ActivationName,
  type ActivationSpec,
  type DatasetJson,
  DEFAULT_LOSS,
  type LayerJson,
  type LossSpec,
  type MlpSubject,
  type NetworkSpec,
  type PointJson,
} from './spec.js';
export {
  ACTIVATION_FD_TOL,
  FD_STEP,
  GRAD_FD_TOL,
  HVP_FD_TOL,
  IDENTITY_RTOL,
  JVP_FD_TOL,
  KINK_FD_CLEARANCE,
  KINK_TOL,
} from './tolerances.js';
export { validateDataset, validateLoss, validateNetwork } from './validate.js';
