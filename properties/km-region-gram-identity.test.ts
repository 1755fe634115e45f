import { expect, test } from 'vitest';
import { gramCase } from '../src/generate/regions.js';
import { gramIdentityError } from '../src/landscape/regions/index.js';
import { describeClaim } from '../test/claimSuite.js';
import { kmRegionGramIdentity } from './km-region-gram-identity.js';

describeClaim(kmRegionGramIdentity);

test('the identity holds without a bias and with one (n = 6, d0 = 3, d1 = 5): relative error ≤ 1e-14', () => {
  for (const bias of [false, true]) {
    const genome = {
      n: 6,
      d0: 3,
      d1: 5,
      bias,
      dataSeed: 1,
      weightSeed: 2,
      outputSeed: 3,
      trainOutput: false,
    };
    const { error } = gramIdentityError(gramCase(genome), false);
    expect(error).toBeLessThanOrEqual(1e-14);
  }
});
