import { describe } from 'vitest';
import {
  JACOBIAN_SHAPE,
  networkGenomeArb,
  networkGenomeLaw,
  RANK_DEFICIENT_SHAPE,
} from './networkGenomes.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('network genomes', () => {
  testHypothesisLaws(
    'Jacobian-certificate shape',
    networkGenomeArb(JACOBIAN_SHAPE),
    networkGenomeLaw(JACOBIAN_SHAPE),
  );
  testHypothesisLaws(
    'rank-deficient shape',
    networkGenomeArb(RANK_DEFICIENT_SHAPE),
    networkGenomeLaw(RANK_DEFICIENT_SHAPE),
  );
});
