import { describe } from 'vitest';
import { transitionGenomeArb, transitionGenomeLaw } from './ldsWidthTransition.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('transitionGenomeArb', () => {
  testHypothesisLaws('the claim', transitionGenomeArb(false), transitionGenomeLaw(false));
  testHypothesisLaws('the control', transitionGenomeArb(true), transitionGenomeLaw(true));
});
