import { describe } from 'vitest';
import { blockArb, blockLaw, d0OneArb, d0OneLaw, independentArb, independentLaw } from './regions.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('region-Jacobian hypotheses', () => {
  testHypothesisLaws('d0 = 1', d0OneArb(false), d0OneLaw(false));
  testHypothesisLaws('d0 = 1 with bias (control)', d0OneArb(true), d0OneLaw(true));
  testHypothesisLaws('independent inputs', independentArb([1, 7], [0, 3]), independentLaw([1, 7], [0, 3]));
  testHypothesisLaws(
    'dependent inputs (control)',
    independentArb([5, 9], [-8, -3]),
    independentLaw([5, 9], [-8, -3]),
  );
  testHypothesisLaws('block partition', blockArb('block-partition'), blockLaw('block-partition'));
  testHypothesisLaws('b-matching (control)', blockArb('b-matching'), blockLaw('b-matching'));
});
