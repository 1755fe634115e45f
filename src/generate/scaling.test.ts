import { describe } from 'vitest';
import { scalingGenomeArb, scalingGenomeLaw } from './scaling.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('scalingGenomeArb', () => {
  testHypothesisLaws('hypothesis enforced', scalingGenomeArb('enforced'), scalingGenomeLaw('enforced'));
  testHypothesisLaws(
    'hypothesis dropped (control)',
    scalingGenomeArb('dropped'),
    scalingGenomeLaw('dropped'),
  );
});
