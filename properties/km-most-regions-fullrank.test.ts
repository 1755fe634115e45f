import { expect, test } from 'vitest';
import { analyseCounting, runCounting, widthsFor } from '../experiments/km-most-regions-fullrank.js';
import { describeClaim } from '../test/claimSuite.js';
import { kmMostRegionsFullrank } from './km-most-regions-fullrank.js';

describeClaim(kmMostRegionsFullrank);

test('below the counting bound d1·d0 < n no pattern is full rank; at d0 = 1 it needs d1 ≥ n (rank J_A = rank A)', () => {
  const cells = runCounting(
    [
      { n: 8, d0: 1, d1s: [4, 7] },
      { n: 8, d0: 2, d1s: [3] },
    ],
    30,
    4,
  );
  expect(cells.map((c) => c.full)).toEqual([0, 0, 0]);
  expect(widthsFor(12, 3, [0.25, 1, 4])).toEqual([1, 4, 16]);
  expect(analyseCounting(cells).plots[0]!.type).toBe('lines');
});

test('the sub-assertions state their test, α, effect and power; too few trials are underpowered, never refuted', () => {
  const result = analyseCounting(runCounting([{ n: 8, d0: 2, d1s: [1, 4, 16] }], 3, 1));
  for (const a of result.assertions) {
    expect(a.detail).toMatch(/α = /);
    expect(a.detail).toMatch(/power /);
    expect(a.verdict).not.toBe('refuted');
  }
  expect(result.assertions.some((a) => /underpowered.*--trials ≥ \d+/.test(a.detail))).toBe(true);
});
