import { expect, test } from 'vitest';
import { bMatchingCoversAll, exactRank, findBlockPartition } from '../src/landscape/regions/index.js';
import { dense, numericalRank } from '../src/linalg/index.js';
import { seededRng } from '../src/random.js';
import { describeClaim } from '../test/claimSuite.js';
import { kmBlockPartitionFullrank } from './km-block-partition-fullrank.js';

describeClaim(kmBlockPartitionFullrank);

test('[VER] A all ones, d0 = 1: b-matching says full rank for d1 ≥ n, the block partition does not', () => {
  const n = 4;
  const d1 = 5;
  const ones = new Uint8Array(n * d1).fill(1);
  expect(bMatchingCoversAll(ones, n, d1, 1)).toBe(true);
  expect(findBlockPartition(ones, n, d1, 1, seededRng(1))).toBeNull();
});

test('exactRank agrees with numericalRank on 300 random 0/1 matrices up to 12×8', () => {
  const rng = seededRng(7);
  for (let t = 0; t < 300; t++) {
    const m = rng.int(1, 12);
    const n = rng.int(1, 8);
    const rows = Array.from({ length: m }, () =>
      Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 1 : 0)),
    );
    expect(exactRank(rows)).toBe(numericalRank(dense(m, n, Float64Array.from(rows.flat()))).rank);
  }
});
