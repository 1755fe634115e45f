import { describe } from 'vitest';
import { sjlArb, sjlLaw } from './quadraticNetworks.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('sjlArb', () => {
  testHypothesisLaws('p, q ≥ d of each sign', sjlArb(false), sjlLaw(false));
  testHypothesisLaws('every v_j = +1 (control)', sjlArb(true), sjlLaw(true));
});
