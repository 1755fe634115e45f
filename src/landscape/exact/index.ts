/** Public face of src/landscape/exact: analyses behind the exact-fact claims (docs/derivations.md). */
export { bestPoint, descendToCritical } from './descendToCritical.js';
export { addZeroUnit, duplicateUnit } from './embedding.js';
export { type JacobianCertificateCheck, jacobianCertificate } from './jacobianCertificate.js';
export {
  type ClosedFormFailure,
  closedFormFailure,
  type LinearCriticalPoint,
  layersToPoint,
  linearCriticalPoints,
  linearHypotheses,
  linearSpuriousMinimumCertificate,
  matchesCriticalValue,
  type OriginCurvature,
  originCurvature,
} from './linearCriticalPoints.js';
export { GENOME_ACTIVATIONS, genomeActivation, genomeSubject, type NetworkGenome } from './networkGenome.js';
export {
  type GramCheck,
  QUADRATIC_FIT_PIECES,
  type QuadraticFit,
  quadraticFit,
  type RegionInterval,
  regionGram,
  regionInterval,
} from './regionLinearity.js';
export {
  CLOSED_FORM_GRAD_RTOL,
  CRITICAL_VALUE_RTOL,
  EIGEN_GAP_RTOL,
  EMBED_LOSS_RTOL,
  EMBED_SOURCE_GRAD_RTOL,
  GRAM_RTOL,
  JACOBIAN_CERT_FLOOR_EPS,
  JACOBIAN_CERT_RTOL,
  ORIGIN_EIG_RTOL,
  ORIGIN_ZERO_RTOL,
  POLISH_ACCEPT_RTOL,
  QUADRATIC_FIT_RTOL,
  REGION_SAFETY,
  STALL_RTOL,
  singularValueErrorScale,
} from './tolerances.js';
