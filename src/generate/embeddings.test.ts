import { fc } from '@fast-check/vitest';
import { describe } from 'vitest';
import { embeddingArb, embeddingLaw, misSplitArb, zeroUnitWithNonzeroSigma } from './embeddings.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('embedding hypotheses', () => {
  testHypothesisLaws(
    'split or zero unit',
    embeddingArb(fc.constant(0)),
    embeddingLaw({ misSplit: false, zeroSigma: true }),
  );
  testHypothesisLaws(
    'mis-split (control)',
    embeddingArb(misSplitArb()),
    embeddingLaw({ misSplit: true, zeroSigma: true }),
  );
  testHypothesisLaws(
    'zero unit, σ(0) ≠ 0 (control)',
    zeroUnitWithNonzeroSigma,
    embeddingLaw({ misSplit: false, zeroSigma: false }),
  );
});
