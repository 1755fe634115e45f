import { describe } from 'vitest';
import {
  gramGenome,
  gramGenomeLaw,
  type RegionShape,
  regionGenome,
  regionGenomeLaw,
  segmentGenome,
  segmentGenomeLaw,
} from './activationRegions.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('regionGenome', () => {
  const shapes: Record<string, RegionShape> = {
    'relu, full rank': { n: [2, 6], d0: [1, 3], d1: [4, 7], slope: [0, 0], assume: 'full-rank' },
    'leaky, any region': { n: [5, 8], d0: [1, 1], d1: [1, 2], slope: [1, 6], assume: 'any' },
  };
  for (const [name, shape] of Object.entries(shapes))
    testHypothesisLaws(name, regionGenome(shape), regionGenomeLaw(shape));
});

describe('gramGenome', () => {
  testHypothesisLaws('first layer trained', gramGenome(false), gramGenomeLaw(false));
  testHypothesisLaws('output trained too (control)', gramGenome(true), gramGenomeLaw(true));
});

describe('segmentGenome', () => {
  testHypothesisLaws('inside', segmentGenome('inside'), segmentGenomeLaw('inside'));
  testHypothesisLaws('across (control)', segmentGenome('across'), segmentGenomeLaw('across'));
});
