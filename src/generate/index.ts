/** Public face of src/generate: fast-check arbitraries for networks, datasets, points and seeds. */
export { type DatasetOptions, DEFAULT_SAMPLES, datasetArb, hasDistinctInputs, inputKey } from './datasets.js';
export {
  ALL_ACTIVATIONS,
  activationArb,
  DEFAULT_HIDDEN_LAYERS,
  DEFAULT_INPUT_DIM,
  DEFAULT_OUTPUT_DIM,
  DEFAULT_WIDTH,
  type NetworkOptions,
  networkArb,
  type WidthBound,
} from './networks.js';
export { DIRECTION_GRID, directionArb, pointArb, scalarNetworkPoint, thetaArb } from './points.js';
export { type SeededStream, seedArb, seededStream } from './seeds.js';
export {
  type GeneratedProblem,
  problemArb,
  problemWithDirectionArb,
  type SubjectOptions,
  subjectArb,
  teacherSubjectArb,
} from './subjects.js';
export {
  type Count,
  countArb,
  DATA_GRID,
  gridValue,
  gridVector,
  type Range,
  toRange,
  type ValueGrid,
  WEIGHT_GRID,
} from './values.js';
