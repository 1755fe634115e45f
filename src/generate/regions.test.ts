import { describe } from 'vitest';
import {
  blockArb,
  blockLaw,
  countingGenomeArb,
  d0OneArb,
  d0OneLaw,
  gramGenome,
  gramGenomeLaw,
  independentArb,
  independentLaw,
  oneDGenomeArb,
  phaseGenomeArb,
  type RegionShape,
  regionGenome,
  regionGenomeLaw,
  segmentGenome,
  segmentGenomeLaw,
  switchGenomeLaw,
} from './regions.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('region-Jacobian hypotheses', () => {
  testHypothesisLaws('d0 = 1', d0OneArb(false), d0OneLaw(false));
  testHypothesisLaws('d0 = 1 with bias (control)', d0OneArb(true), d0OneLaw(true));
  testHypothesisLaws('independent inputs', independentArb([1, 7], [0, 3]), independentLaw([1, 7], [0, 3]));
  testHypothesisLaws(
    'dependent inputs (control)',
    independentArb([5, 9], [-8, -3]),
    independentLaw([5, 9], [-8, -3]),
  );
  testHypothesisLaws('block partition', blockArb('block-partition'), blockLaw('block-partition'));
  testHypothesisLaws('b-matching (control)', blockArb('b-matching'), blockLaw('b-matching'));
});

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

describe('region experiment genomes', () => {
  for (const on of [false, true]) {
    testHypothesisLaws(`counting, shared = ${on}`, countingGenomeArb(on), switchGenomeLaw('shared', on));
    testHypothesisLaws(`1-D, positive = ${on}`, oneDGenomeArb(on), switchGenomeLaw('positive', on));
    testHypothesisLaws(`phase, duplicate = ${on}`, phaseGenomeArb(on), switchGenomeLaw('duplicate', on));
  }
});
