import { describe } from 'vitest';
import { narrowGenomeArb, narrowGenomeLaw } from './narrowNoStrictBadMin.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('narrowGenomeArb', () => {
  testHypothesisLaws('narrow (the claim)', narrowGenomeArb(false), narrowGenomeLaw(false));
  testHypothesisLaws('wide (the control)', narrowGenomeArb(true), narrowGenomeLaw(true));
});
