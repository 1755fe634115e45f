/**
 * Public face of src/stats, the one statistics module (on stdlib-js's distributions): exact tests for counts and
 * their power, tests and intervals for continuous samples, descriptive statistics and display intervals, and the
 * one rule that decides a statistical sub-assertion (holds | refuted | inconclusive, with its power).
 */
export {
  correlationGreaterPValue,
  fisherInterval,
  meanInterval,
  pearsonR,
  sampleSd,
  sdInterval,
  spreadGreaterPValue,
} from './continuous.js';
export {
  bootstrapInterval,
  mean,
  nonDecreasingWithinIntervals,
  normalCdf,
  pearson,
  proportionLessPValue,
  ranks,
  spearman,
  standardDeviation,
  wilsonInterval,
  Z95,
} from './descriptive.js';
export {
  binomialLessPValue,
  binomialPower,
  binomialTrialsFor,
  clopperPearson,
  fisherLessPValue,
  fisherPower,
  fisherTrialsFor,
  MAX_SUGGESTED_TRIALS,
} from './exact.js';
export {
  type AtLeastDesign,
  type CorrelationDesign,
  correlationFallPower,
  type DirectionalEvidence,
  decideAtLeast,
  decideCorrelationFall,
  decideDirection,
  decideNoDrop,
  decideRise,
  decideSpreadShrink,
  type Group,
  MIN_NORMAL_APPROX_SAMPLE,
  type NoDropDesign,
  type RiseDesign,
  type SpreadDesign,
  type StatAssertion,
  type StatVerdict,
  spreadShrinkPower,
  TARGET_POWER,
} from './trend.js';
