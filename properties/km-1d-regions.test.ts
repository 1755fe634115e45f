import { expect, test } from 'vitest';
import { analyseOneD } from '../experiments/km-1d-regions.js';
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

test('too few regions a cell are inconclusive (underpowered, with the trials that would decide), never refuted', () => {
  const cells = [3, 6, 24].map((d1) => ({
    n: 6,
    d1,
    trials: 3,
    fullRank: d1 === 3 ? 1 : 3,
    globalMinima: d1 === 24 ? 2 : 0,
  }));
  const result = analyseOneD(cells);
  expect(result.assertions.map((a) => a.verdict)).not.toContain('refuted');
  expect(result.assertions.some((a) => /underpowered.*--trials ≥ \d+/.test(a.detail))).toBe(true);
  for (const a of result.assertions) expect(a.detail).toMatch(/α = .*power /);
});
