/**
 * Public face of src/landscape/population: the Gaussian teacher–student population loss (closed form, exact
 * gradient and Hessian), the Safran–Shamir protocol on it, its recomputed published minima, and the negative-result
 * constructions of claims group III (the affine-segment point of any depth with its hinge escape, the single
 * logistic neuron's 1-D minima).
 */

export {
  type AffineSegment,
  affineSegmentPoint,
  affineSegments,
  type HingeEscape,
  hingeEscape,
  type Placement,
  type SegmentProof,
  segmentProof,
} from './affineSegment.js';
export { type CatalogPoint, catalogPoint, polishedCatalogPoint } from './catalogPoints.js';
export {
  matrixFromRows,
  populationHessian,
  populationLoss,
  populationNonDifferentiable,
  populationObjective,
  populationValueAndGradient,
  rowsOf,
  type TeacherStudent,
  teacherStudent,
  teacherStudentModel,
} from './model.js';
export { INV_TWO_PI, kernelShape, reluKernel, rowNorm, unitAngle } from './reluKernel.js';
export {
  classifyEndpoint,
  identityTeacher,
  polishEndpoint,
  SS18_GRAD_TOL,
  SS18_MAX_ITERATIONS,
  SS18_STEP_SCALE,
  type Ss18Endpoint,
  type Ss18Options,
  type Ss18Outcome,
  splitNeuron,
  ss18Problem,
  ss18Run,
  xavierStudent,
} from './safranShamir.js';
export {
  asinhGrid,
  blockDataset,
  type GridOptions,
  type SingleNeuronData,
  type SingleNeuronMinimum,
  singleNeuronDerivatives,
  singleNeuronLoss,
  singleNeuronMinima,
} from './singleNeuron.js';
export { ss18Endpoint, ss18SpuriousCertificate, ss18SubjectProblems } from './ss18Minimum.js';
export {
  embeddedSpectrum,
  nearSplitTeacherMinEigenvalue,
  type Spectrum,
  splitTeacher,
  splitTeacherSpectrum,
  teacherSpectrum,
} from './syss21.js';
export {
  NEURON_NEAR_ZERO_RTOL,
  NEURON_ZERO_RTOL,
  POLISH_MAX_MOVE,
  POPULATION_FD_RTOL,
  SINGLE_NEURON_CURVATURE_RTOL,
  SINGLE_NEURON_ROOT_RTOL,
  SS18_GLOBAL_F,
  SS18_SPURIOUS_F,
  SYSS21_ZERO_EIG_RTOL,
} from './tolerances.js';
