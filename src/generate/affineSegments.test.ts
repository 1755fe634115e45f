import { describe } from 'vitest';
import { segmentArb, segmentLaw, WITH_SEGMENT, WITHOUT_SEGMENT } from './affineSegments.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('affine-segment networks', () => {
  testHypothesisLaws('σ with an affine piece', segmentArb(WITH_SEGMENT), segmentLaw(true));
  testHypothesisLaws('smooth σ (control)', segmentArb(WITHOUT_SEGMENT), segmentLaw(false));
});
