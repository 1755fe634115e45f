import { describe } from 'vitest';
import { basinTrendArb, basinTrendLaw } from './basins.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('basinTrendArb', () => {
  testHypothesisLaws('increasing', basinTrendArb('increasing'), basinTrendLaw('increasing'));
  testHypothesisLaws('decreasing', basinTrendArb('decreasing'), basinTrendLaw('decreasing'));
});
