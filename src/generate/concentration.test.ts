import { describe } from 'vitest';
import { concentrationGenomeArb, networkGenomeArb, pairGenomeLaw } from './concentration.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('concentration genomes', () => {
  for (const pair of [
    [8, 64],
    [64, 8],
  ] as const) {
    testHypothesisLaws(`sizes ${pair}`, concentrationGenomeArb(pair), pairGenomeLaw('sizes', pair));
    testHypothesisLaws(`widths ${pair}`, networkGenomeArb(pair), pairGenomeLaw('widths', pair));
  }
});
