import { describe } from 'vitest';
import { BAND_MAX_ORDER, BAND_MIN_ORDER, bandGenomeArb, bandGenomeLaw } from './spinGlass.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('bandGenomeArb', () => {
  testHypothesisLaws(
    'the theorem (H ≥ 3)',
    bandGenomeArb(BAND_MIN_ORDER, BAND_MAX_ORDER),
    bandGenomeLaw(BAND_MIN_ORDER, BAND_MAX_ORDER),
  );
  testHypothesisLaws('the control (H = 2)', bandGenomeArb(2, 2), bandGenomeLaw(2, 2));
});
