import { describe } from 'vitest';
import {
  smallNonlinearityArb,
  smallNonlinearityLaw,
  wideReluArb,
  wideReluLaw,
} from './linearRegimeNetworks.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('wideReluArb', () => {
  testHypothesisLaws('any targets', wideReluArb(false), wideReluLaw(false));
  testHypothesisLaws('affine targets (control)', wideReluArb(true), wideReluLaw(true));
});

describe('smallNonlinearityArb', () => {
  const slopes = [0, 0.5, 1.1, -0.5];
  testHypothesisLaws('several slopes', smallNonlinearityArb(slopes), smallNonlinearityLaw(slopes));
  const linear = [1];
  testHypothesisLaws('s₋ = s₊ (control)', smallNonlinearityArb(linear), smallNonlinearityLaw(linear));
});
