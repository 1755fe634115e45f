import { describe } from 'vitest';
import { rateGenomeArb, rateGenomeLaw, ss18GenomeArb, ss18GenomeLaw } from './ss18.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('rateGenomeArb', () => {
  testHypothesisLaws('claim (one extra neuron)', rateGenomeArb(1), rateGenomeLaw(1));
  testHypothesisLaws('control (roles swapped)', rateGenomeArb(-1), rateGenomeLaw(-1));
});

describe('ss18GenomeArb', () => {
  testHypothesisLaws('construction (6 ≤ k ≤ 12)', ss18GenomeArb(6, 12), ss18GenomeLaw(6, 12));
  testHypothesisLaws('control (k ∈ {4, 5})', ss18GenomeArb(4, 5), ss18GenomeLaw(4, 5));
});
