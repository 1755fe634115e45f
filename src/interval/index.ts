export * from './interval.js';
export {
  flattenPoint,
  MLP_COORDINATES,
  mlpIntervalProblem,
  UnprovableSubject,
  unflattenPoint,
} from './mlp.js';
export { POPULATION_COORDINATES, populationIntervalProblem } from './population.js';
export { type Enclosure, type IntervalProblem, jetProblem } from './problem.js';
export {
  ARITHMETIC,
  type IntervalProof,
  intervalCholesky,
  PROOF_RADII,
  type ProofOutcome,
  proveAt,
  proveStrictMinimum,
  refineCenter,
} from './prove.js';
export {
  betterCoordinates,
  GERSHGORIN_REPRODUCE_RTOL,
  intervalProblemOf,
  REPRODUCE_RTOL,
  REPRODUCE_ULPS,
  rigourOf,
  verifyRigour,
} from './verifyProof.js';
