/**
 * Public face of src/landscape/quadratic: the positive results of Liang et al. (2018), Du–Lee (2018) and Soltanolkotabi et al. (2019). Quadratic-activation
 * networks with fixed output weights and weight decay, their convex lifting with a certified duality gap, and the
 * exponential-neuron objective of Liang–Sun–Lee–Srikant (2018).
 */
export {
  type ExponentialNeuronLayout,
  type ExponentialNeuronModel,
  type ExponentialNeuronProblem,
  exponentialNeuronLayout,
  exponentialNeuronModel,
} from './exponentialNeuron.js';
export {
  descendExponentialNeuron,
  NEURON_GRAD_TOL,
  NEURON_MAX_ITERATIONS,
  type OneNeuronEnd,
} from './exponentialNeuronDescent.js';
export { designConditioning, interpolatingMatrix, quadraticDesign } from './interpolation.js';
export {
  factorLifted,
  type LiftedProblem,
  type LiftedSolution,
  liftedDualBound,
  liftedObjective,
  solveLifted,
} from './lifted.js';
export { liftedMatrix, type QuadraticNetworkProblem, quadraticNetworkObjective } from './quadraticNetwork.js';
export {
  DIVERGENCE_FACTOR,
  EXPONENT_BOUND,
  KINK_RTOL,
  LIFTED_GAP_RTOL,
  LIFTED_RANK_RTOL,
  MARGIN_RTOL,
  NEURON_OFF_RTOL,
  OPTIMUM_RTOL,
  POLISH_GRAD_TOL,
  ZERO_LOSS_RTOL,
} from './tolerances.js';
export {
  descendToZeroLoss,
  ZERO_LOSS_GRAD_TOL,
  ZERO_LOSS_MAX_ITERATIONS,
  type ZeroLossDescent,
} from './zeroLossDescent.js';
