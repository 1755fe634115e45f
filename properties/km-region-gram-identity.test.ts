import { expect, test } from 'vitest';
import { describeClaim } from '../test/claimSuite.js';
import { gramIdentityError, kmRegionGramIdentity } from './km-region-gram-identity.js';

describeClaim(kmRegionGramIdentity);

test('the identity holds without a bias and with one (n = 6, d0 = 3, d1 = 5): relative error ≤ 1e-14', () => {
  for (const bias of [false, true]) {
    const { error } = gramIdentityError({
      n: 6,
      d0: 3,
      d1: 5,
      bias,
      dataSeed: 1,
      weightSeed: 2,
      outputSeed: 3,
      trainOutput: false,
    });
    expect(error).toBeLessThanOrEqual(1e-14);
  }
});
