import { expect, test } from 'vitest';
import { analyseConcentration } from '../experiments/cho15-minima-concentrate.js';
import { spinGlassEndpoints } from '../src/landscape/spinGlass/index.js';
import { describeClaim } from '../test/claimSuite.js';
import { cho15MinimaConcentrate } from './cho15-minima-concentrate.js';

describeClaim(cho15MinimaConcentrate);

test('the assertion "nearly all endpoints are minima" fails when the endpoints are random points of the sphere (no descent)', () => {
  // Random points are not critical: label them as not converged and the exact binomial test shows the fraction below 0.9.
  const endpoints = spinGlassEndpoints(3, 12, 20, 5).map((e) => ({ ...e, converged: false }));
  const result = analyseConcentration(
    3,
    [
      { N: 12, endpoints },
      { N: 24, endpoints: spinGlassEndpoints(3, 24, 20, 6) },
    ],
    1,
  );
  const minima = result.assertions.find((a) => a.name === 'nearly all endpoints are minima');
  expect(minima?.verdict).toBe('refuted');
});

test('the experiment reports one row per N, the histogram with the band [−E₀, −E∞] and the spread with intervals', () => {
  const run = cho15MinimaConcentrate.experiment!.run(
    { N: '8,16', runs: '12', H: '3', instances: '0' },
    { seed: 3, log: () => {} },
  );
  expect(run.rows.map((r) => r[0])).toEqual([8, 16]);
  const histogram = run.plots.find((p) => p.type === 'histogram');
  expect(
    histogram?.type === 'histogram' &&
      histogram.band !== undefined &&
      Math.abs(histogram.band.lo + 1.656998) < 1e-6,
  ).toBe(true);
  expect(run.assertions.map((a) => a.name)).toEqual([
    'the spread of L/N shrinks as N grows',
    'nearly all endpoints are minima',
  ]);
  expect(() =>
    cho15MinimaConcentrate.experiment!.run(
      { N: '16,8', runs: '2', H: '3', instances: '0' },
      { seed: 1, log: () => {} },
    ),
  ).toThrow(/increasing/);
});

test('sizes up to Λ = 500 (the paper’s largest) are accepted, larger ones are a usage error; --json carries E∞ and E₀', () => {
  expect(() =>
    cho15MinimaConcentrate.experiment!.run({ N: '8,501', runs: '2' }, { seed: 1, log: () => {} }),
  ).toThrow(/integers in \[2, 500\]/);
  const run = cho15MinimaConcentrate.experiment!.run({ N: '6,8', runs: '3' }, { seed: 1, log: () => {} });
  const t = run.json!.thresholds as { eInfinity: number; E0: number };
  expect(Math.abs(t.eInfinity - 1.632993) <= 5e-7 && Math.abs(t.E0 - 1.656998) <= 5e-7).toBe(true);
});

test('3 runs a size are inconclusive (underpowered, with the runs that would decide), never refuted', () => {
  const run = cho15MinimaConcentrate.experiment!.run({ N: '6,8', runs: '3' }, { seed: 1, log: () => {} });
  const spread = run.assertions[0]!;
  expect(spread.verdict).toBe('inconclusive');
  expect(spread.detail).toMatch(/α = 0\.01.*underpowered: power [\d.e-]+ for a 2-fold spread .*--runs ≥ \d+/);
  expect(run.assertions[1]!.detail).toMatch(/exact binomial .*α = 0\.025.*power /);
});
