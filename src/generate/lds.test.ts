import { describe } from 'vitest';
import { ldsGenomeArb, ldsGenomeLaw } from './lds.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('ldsGenomeArb', () => {
  testHypothesisLaws('wide (last hidden width ≥ N)', ldsGenomeArb(false), ldsGenomeLaw(false));
  testHypothesisLaws('narrow control (last hidden width ≤ N − 2)', ldsGenomeArb(true), ldsGenomeLaw(true));
});
