import { expect, test } from 'vitest';
import { sampleStepVector } from '../src/landscape/regions/index.js';
import { seededRng } from '../src/random.js';
import { describeClaim } from '../test/claimSuite.js';
import { km1dRegions } from './km-1d-regions.js';

describeClaim(km1dRegions);

test('the step-vector sampler draws each of the 2n realisable rows (prefixes and suffixes) with probability 1/(2n)', () => {
  const n = 5;
  const rng = seededRng(11);
  const counts = new Map<string, number>();
  const draws = 20_000;
  for (let t = 0; t < draws; t++) {
    const row = sampleStepVector(n, rng);
    const key = row.join('');
    // a prefix or a suffix: at most one switch along the sorted samples
    expect(key.replace(/^1*0*$|^0*1*$/, '')).toBe('');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  expect(counts.size).toBe(2 * n);
  // each frequency within 5 binomial standard deviations of draws/(2n)
  const expected = draws / (2 * n);
  const sd = Math.sqrt(draws * (1 / (2 * n)) * (1 - 1 / (2 * n)));
  for (const c of counts.values()) expect(Math.abs(c - expected)).toBeLessThan(5 * sd);
});
