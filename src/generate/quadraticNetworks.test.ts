import { describe } from 'vitest';
import { dlGenomeArb, dlGenomeLaw } from './quadraticNetworks.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('quadratic networks with weight decay', () => {
  testHypothesisLaws('Du–Lee hypotheses', dlGenomeArb(false), dlGenomeLaw(false));
  testHypothesisLaws('one unit (control)', dlGenomeArb(true), dlGenomeLaw(true));
});
