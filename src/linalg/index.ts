/** Public face of src/linalg: dense matrices, small ops, and the decompositions the numeric core needs. */
export { allClose, isClose, maxAbsDiff } from './close.js';
export { type LeastSquaresResult, leastSquares } from './leastSquares.js';
export { type DenseMatrix, dense, fromRows, toRows } from './matrix.js';
export { nullSpace } from './nullSpace.js';
export { defaultRankTolerance, numericalRank, type RankResult, rankIsDecidable } from './numericalRank.js';
export {
  dot,
  frobenius,
  gram,
  identity,
  isFiniteArray,
  matmul,
  matvec,
  maxAbs,
  norm2,
  outerGram,
  transpose,
} from './ops.js';
export { decideRank, type RankDecision } from './rankDecision.js';
export { singularValues } from './singularValues.js';
export { type SymmetricEigen, symmetricEigen } from './symmetricEigen.js';
export { symmetricEigenvalues } from './symmetricEigenvalues.js';
export {
  MACHINE_EPS,
  QR_MAX_SWEEPS_PER_VALUE,
  RANK_UNDECIDABLE_GAP,
  RANK_UNDECIDABLE_RTOL,
} from './tolerances.js';
