/** Public face of src/landscape: objectives, optimisers, point examination and certificate verification. */

export { saddleCertificate, spuriousMinimumCertificate } from './certificates.js';
export {
  densityMoment,
  hutchinsonTrace,
  type Interpolation,
  interpolationProfile,
  lanczosDensity,
  randomSurface,
  type SpectralDensity,
  type Surface,
  type SymmetricOperator,
  smoothedDensity,
  subjectHessianOperator,
  type TopEigenvalues,
  type TraceEstimate,
  topEigenvalues,
} from './curvature/index.js';
export { DESCENT_GRAD_TOL, type DescentExamination, descendAndExamine, NEWTON_MAX_DIM } from './descend.js';
export {
  type ExamineOptions,
  examinePoint,
  type Perturbation,
  type PointClass,
  type PointExamination,
  restrictHessian,
} from './examinePoint.js';
export { type InspectReport, inspectSubject } from './inspect.js';
export { type LinearClosedForm, linearClosedForm } from './linearNetworks.js';
export { type MlpModel, mlpModel, mlpSubjectAt, symmetryDirectionsFull } from './mlpModel.js';
export { moveBy, type Objective } from './objective.js';
export {
  DIVERGENCE_FACTOR,
  gradientDescent,
  lbfgs,
  newtonPolish,
  type OptimizeOptions,
  type OptimizeResult,
} from './optimize.js';
export { type ProofAttempt, withIntervalProof } from './proofCertificate.js';
export { bestOfRestarts } from './restarts.js';
export {
  bestPoint,
  CERTIFY_TRIALS,
  CURVATURE_MARGIN,
  certifyStrictSpurious,
  clearlyStrict,
  GRID_HALF_WIDTH,
  gridMinima,
  narrowStrictProblems,
  STRICT_EXAM,
  type StrictSpuriousSearch,
  searchStrictSpurious,
} from './strictMinima.js';
export { type SubjectModel, subjectModel } from './subjectModel.js';
export type {
  AnyPoint,
  Certificate,
  GaussianTeacherStudentJson,
  MlpSubjectJson,
  PerturbationJson,
  SphericalSpinGlassJson,
  Subject,
} from './subjectTypes.js';
export { complementBasis, orthonormalize, removeComponents } from './subspace.js';
export {
  EPS,
  GRAD_ZERO_TOL,
  LOSS_ROUNDING_RTOL,
  PERTURBATION_RADII,
  PERTURBATION_TRIALS,
  PSD_EIG_RTOL,
  REPLAY_RTOL,
  SPURIOUS_ABS_GAP,
  SPURIOUS_REL_GAP,
  STRICT_EIG_RTOL,
} from './tolerances.js';
export {
  DEFAULT_VERIFY_STRENGTH,
  isSpuriousGap,
  type VerifyStrength,
  verifyCertificate,
} from './verifyCertificate.js';
