import { describe } from 'vitest';
import { deepLinearArb, deepLinearLaw, linearProblemArb, linearProblemLaw } from './linearNetworks.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('linear-network hypotheses', () => {
  testHypothesisLaws('one hidden layer', linearProblemArb('identity'), linearProblemLaw('identity'));
  testHypothesisLaws('one hidden layer, relu (control)', linearProblemArb('relu'), linearProblemLaw('relu'));
  testHypothesisLaws('deep', deepLinearArb('identity'), deepLinearLaw('identity'));
  testHypothesisLaws('deep, relu (control)', deepLinearArb('relu'), deepLinearLaw('relu'));
});
