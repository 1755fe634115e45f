/** Curvature tools on Hessian-vector products (PyHessian's trace, density and top eigenvalues, seeded, float64). */
export { densityMoment, lanczosDensity, type SpectralDensity, smoothedDensity } from './density.js';
export { hutchinsonTrace, type TraceEstimate } from './hutchinson.js';
export { type LanczosRun, lanczos, rademacher } from './lanczos.js';
export { denseOperator, type SymmetricOperator, subjectHessianOperator } from './operator.js';
export { type Interpolation, interpolationProfile, randomSurface, type Surface } from './slices.js';
export {
  DENSITY_KERNEL_REL_WIDTH,
  FULL_KRYLOV_MAX_DIM,
  LANCZOS_BREAKDOWN_RTOL,
  TOPK_RESIDUAL_RTOL,
} from './tolerances.js';
export { type TopEigenvalues, topEigenvalues } from './topEigenvalues.js';
