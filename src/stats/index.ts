/** Public face of src/stats: exact tests for counts, their power, and the decision of a statistical sub-assertion. */
export {
  binomialLessPValue,
  clopperPearson,
  fisherLessPValue,
  fisherPower,
  fisherTrialsFor,
  MAX_SUGGESTED_TRIALS,
} from './exact.js';
export {
  decideRise,
  type Group,
  type RiseDesign,
  type StatAssertion,
  type StatVerdict,
  TARGET_POWER,
} from './trend.js';
