import { describe } from 'vitest';
import { countingGenomeArb, oneDGenomeArb, phaseGenomeArb, switchGenomeLaw } from './regionTrends.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('region experiment genomes', () => {
  for (const on of [false, true]) {
    testHypothesisLaws(`counting, shared = ${on}`, countingGenomeArb(on), switchGenomeLaw('shared', on));
    testHypothesisLaws(`1-D, positive = ${on}`, oneDGenomeArb(on), switchGenomeLaw('positive', on));
    testHypothesisLaws(`phase, duplicate = ${on}`, phaseGenomeArb(on), switchGenomeLaw('duplicate', on));
  }
});
