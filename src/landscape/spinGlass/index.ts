/** Public face of src/landscape/spinGlass: the spherical H-spin glass of Choromanska et al. (2015). */
export { brentRoot, type RootResult } from './brent.js';
export { mixSeed, type SpinGlassEndpoint, spinGlassEndpoints } from './endpoints.js';
export {
  forEachMonomial,
  monomialCount,
  orderings,
  randomCouplings,
  randomSpinGlass,
  type SpinGlass,
  spinGlassEnergy,
  spinGlassEnergyAndGradient,
  spinGlassEnergyNaive,
  spinGlassEuclideanHessian,
  spinGlassFromCouplings,
  spinGlassScale,
} from './hamiltonian.js';
export {
  type CriticalIndex,
  criticalIndex,
  fromTangentCoordinates,
  minimizeOnSphere,
  newtonOnSphere,
  randomSpherePoint,
  type SphereMinimum,
  type TangentFrame,
  tangentFrame,
  tangentHessian,
  toTangentCoordinates,
} from './minimize.js';
export { spherePoint, spinGlassModel } from './model.js';
export {
  projectToTangent,
  riemannianGradient,
  riemannianHessian,
  sphereObjective,
  toSphere,
} from './sphere.js';
export {
  bandThreshold,
  checkBandLayer,
  complexityTheta,
  eInfinity,
  iOne,
  isThetaRoot,
  type LayerCheck,
  SIGN_CHANGE_STEP,
  type ThresholdResult,
} from './thresholds.js';
export {
  BRENT_XTOL,
  DESCENT_STAGE_TOL,
  INDEX_EIG_RTOL,
  NEWTON_PINV_RTOL,
  SPHERE_GRAD_TOL,
  SPHERE_RTOL,
  SPIN_FD_RTOL,
  SPIN_FD_STEP,
  SPIN_FD2_RTOL,
  SPIN_FD2_STEP,
  THETA_ROOT_RTOL,
} from './tolerances.js';
