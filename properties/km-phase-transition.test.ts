import { expect, test } from 'vitest';
import {
  analysePhase,
  CHECK_PANELS,
  CHECK_TRIALS,
  crossingSlope,
  halfCrossing,
  panelText,
  RUN_TRIALS,
} from '../experiments/km-phase-transition.js';
import {
  cellStream,
  FLOAT32_EPS,
  float32TrialFullRank,
  protocolTrialFullRank,
  runPhaseGrid,
} from '../src/landscape/regions/index.js';
import { describeClaim } from '../test/claimSuite.js';
import { kmPhaseTransition } from './km-phase-transition.js';

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

test('--rank-dtype float32 changes an ill-conditioned cell (d0 = 2, n = 100, d1 = 300): σ_n/σ_max lies between the two cuts', () => {
  // d0 = 2: 100 points in [0, 1]² and 300 relu units give a Jacobian (100 × 900) of full rank whose smallest singular
  // value is small relative to the largest: σ_100/σ_max sits far above float64's cut max(n, p)·2^-52 ≈ 2e-13 and
  // below float32's max(n, p)·2^-23 ≈ 1.1e-4 in most trials, so the authors' single-precision rank calls those
  // trials rank deficient while ours calls them full. The same trials (same draws) are decided both ways.
  const [n, d0, d1] = [100, 2, 300];
  const p = d1 * (d0 + 1);
  const a = cellStream(11, 0);
  const b = cellStream(11, 0);
  let full64 = 0;
  let full32 = 0;
  for (let t = 0; t < 6; t++) {
    const f64 = protocolTrialFullRank(n, d0, d1, a, 'svd');
    const f32 = float32TrialFullRank(n, d0, d1, b);
    if (f64.full) full64++;
    if (f32.full) full32++;
    if (f64.full && !f32.full) {
      const ratio = f64.margin! * Math.max(n, p) * 2 ** -52;
      expect(ratio).toBeGreaterThan(Math.max(n, p) * 2 ** -52);
      expect(ratio).toBeLessThanOrEqual(Math.max(n, p) * FLOAT32_EPS * 1.01);
    }
  }
  expect(full64).toBe(6);
  expect(full32).toBeLessThan(full64);
  // A well-conditioned cell (d0 = n: independent inputs) is decided alike in both precisions.
  const wide64 = runPhaseGrid([{ key: 'd0=n', d0: (m) => m, ns: [10], d1s: [1, 3] }], 10, (k) =>
    cellStream(2, k),
  );
  const wide32 = runPhaseGrid(
    [{ key: 'd0=n', d0: (m) => m, ns: [10], d1s: [1, 3] }],
    10,
    (k) => cellStream(2, k),
    {
      dtype: 'float32',
    },
  );
  expect(wide32.map((c) => c.full)).toEqual(wide64.map((c) => c.full));
  expect(() =>
    kmPhaseTransition.experiment!.run({ 'rank-dtype': 'float16' }, { seed: 1, log: () => {} }),
  ).toThrow(/--rank-dtype.*expected one of float64, float32/);
});

test('the statement quotes the grids and trials the check and the run use (issue 11: it stated one and ran another)', () => {
  const statement = String(kmPhaseTransition.statement);
  expect(statement).toContain(`${CHECK_TRIALS} trials per cell on ${CHECK_PANELS.map(panelText).join('; ')}`);
  expect(statement).toContain('d0 = ⌈0.5·n⌉, n ∈ {10, 30, 90}, d1 ∈ {1, 2, 3, 4, 5, 6, 8, 10, 12}');
  expect(statement).toContain('d0 = ⌈0.25·n⌉, n ∈ {10, 30, …, 190}, d1 ∈ {1, 2, …, 15}');
  expect(statement).toContain(`${RUN_TRIALS} trials per cell`);
});

test('too few trials a cell are inconclusive (underpowered), never refuted; every test states α and power', () => {
  const result = analysePhase(
    runPhaseGrid(CHECK_PANELS, 3, (k) => cellStream(5, k)),
    5,
  );
  const statistical = result.assertions.slice(0, 3); // no drop, rise, most (the exact tests)
  for (const a of statistical) {
    expect(a.detail).toMatch(/α = .*power /);
    expect(a.verdict).not.toBe('refuted');
  }
  expect(statistical.some((a) => /underpowered.*--trials ≥ \d+/.test(a.detail))).toBe(true);
});
