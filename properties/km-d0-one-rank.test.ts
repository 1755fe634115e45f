import { expect, test } from 'vitest';
import { describeClaim } from '../test/claimSuite.js';
import { d0OneRanks, kmD0OneRank } from './km-d0-one-rank.js';

describeClaim(kmD0OneRank);

test('[VER] A all ones (docs/derivations.md#block-partition): rank J_A = rank A = 1 for every n, d1', () => {
  for (const [n, d1] of [
    [3, 2],
    [6, 6],
    [12, 8],
  ] as const) {
    const r = d0OneRanks({ n, d1, bits: new Array(96).fill(1), dataSeed: 5, outputSeed: 6, bias: false });
    expect(r).toMatchObject({ patternRank: 1, jacobianRank: 1 });
  }
});
