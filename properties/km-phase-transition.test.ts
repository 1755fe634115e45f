import { expect, test } from 'vitest';
import { cellStream, runPhaseGrid } from '../src/landscape/regions/index.js';
import { describeClaim } from '../test/claimSuite.js';
import {
  analysePhase,
  CHECK_PANELS,
  crossingSlope,
  halfCrossing,
  kmPhaseTransition,
} from './km-phase-transition.js';

describeClaim(kmPhaseTransition);

test('halfCrossing interpolates where P reaches ½ and leaves out rows that start above it or never reach it', () => {
  expect(halfCrossing([1, 2, 3], [0.2, 0.4, 0.8])).toBeCloseTo(2.25, 12);
  expect(halfCrossing([1, 2], [0.6, 0.9])).toBeNull();
  expect(halfCrossing([1, 2], [0.1, 0.2])).toBeNull();
  // d1* = n exactly gives slope 1, a constant d1* slope 0
  const linear = [10, 20, 40].map((n) => ({ n, d1s: [n / 2, 2 * n], p: [0, 1] }));
  expect(crossingSlope(linear)).toBeCloseTo(1, 12);
  const constant = [10, 20, 40].map((n) => ({ n, d1s: [1, 3], p: [0, 1] }));
  expect(crossingSlope(constant)).toBeCloseTo(0, 12);
});

test('the rank decisions of the small grid equal numericalRank of every full Jacobian (--rank svd)', () => {
  const fast = runPhaseGrid(CHECK_PANELS, 10, (k) => cellStream(3, k));
  const svd = runPhaseGrid(CHECK_PANELS, 10, (k) => cellStream(3, k), { mode: 'svd' });
  expect(fast.map((c) => c.full)).toEqual(svd.map((c) => c.full));
  const result = analysePhase(fast, 3);
  expect(result.plots).toHaveLength(CHECK_PANELS.length);
  expect(result.plots.every((p) => p.type === 'heatmap')).toBe(true);
});
