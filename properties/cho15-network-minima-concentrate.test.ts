import { expect, test } from 'vitest';
import {
  correlationAssertion,
  spreadAssertion,
  summariseWidth,
  type TrainedNet,
  trainOnce,
} from '../experiments/cho15-network-minima-concentrate.js';
import { mnist10x10 } from '../src/data/mnist.js';
import { describeClaim } from '../test/claimSuite.js';
import { cho15NetworkMinimaConcentrate } from './cho15-network-minima-concentrate.js';

describeClaim(cho15NetworkMinimaConcentrate);

const quiet = { seed: 1, log: () => {} };

test('training is deterministic in (seed, width, run) and lowers the training loss on MNIST 10×10', () => {
  const split = mnist10x10(200);
  const protocol = { epochs: 2, step: 0.1, batchSize: 10 };
  const a = trainOnce(split, 8, 0, 7, protocol);
  const b = trainOnce(split, 8, 0, 7, protocol);
  expect(a).toEqual(b);
  expect(a.diverged).toBe(false);
  expect(a.train).toBeLessThan(a.start);
  expect(Number.isFinite(a.test)).toBe(true);
});

test('a forced divergence (step 1e4) is reported as diverged at every width, never as ρ = 1', () => {
  const run = cho15NetworkMinimaConcentrate.experiment!.run(
    { widths: '8,16', runs: '6', epochs: '1', train: '200', step: '1e4' },
    quiet,
  );
  const widths = run.json!.widths as { runs: number; diverged: number; rho: number | null }[];
  expect(widths.map((w) => [w.runs, w.diverged])).toEqual([
    [6, 6],
    [6, 6],
  ]);
  expect(widths.every((w) => w.rho === null)).toBe(true);
  expect(run.rows.every((r) => r[2] === 6 && r[9] === '—')).toBe(true);
  expect(run.assertions.map((a) => a.verdict)).toEqual(['inconclusive', 'inconclusive']);
  expect(run.assertions[0]!.detail).toMatch(/more than 5% of the runs diverged at m = 8 \(6 of 6\)/);
  expect((run.json!.warnings as string[]).some((w) => /6 of 6 runs diverged/.test(w))).toBe(true);
  expect(run.assertions[0]!.detail).toMatch(/Warnings: m = 8: 6 of 6 runs diverged/);
});

test('the run reports per width: runs, diverged, mean and sd of the test loss with intervals, ρ with its Fisher interval', () => {
  const run = cho15NetworkMinimaConcentrate.experiment!.run(
    { widths: '4,25', runs: '8', epochs: '1', train: '300' },
    quiet,
  );
  expect(run.columns.slice(0, 3)).toEqual(['width', 'runs', 'diverged']);
  expect(run.rows.map((r) => r[0])).toEqual([4, 25]);
  const widths = run.json!.widths as Record<string, number | null>[];
  for (const w of widths) {
    for (const key of ['rho', 'rhoLow', 'rhoHigh', 'testMean', 'testMeanLow', 'testSd', 'testSdHigh'])
      expect(Number.isFinite(w[key]), key).toBe(true);
    expect(w.rhoLow! < w.rho! && w.rho! < w.rhoHigh!).toBe(true);
    expect(w.runs).toBe(8);
    expect(w.diverged).toBe(0);
  }
  expect(run.plots.map((p) => p.type)).toEqual(['histogram', 'lines', 'lines']);
  expect(() => cho15NetworkMinimaConcentrate.experiment!.run({ widths: '8', runs: '6' }, quiet)).toThrow(
    /at least two/,
  );
  expect(() => cho15NetworkMinimaConcentrate.experiment!.run({ step: '-1' }, quiet)).toThrow(/--step/);
});

function nets(width: number, pairs: readonly [number, number][]): TrainedNet[] {
  return pairs.map(([train, test], run) => ({ width, run, start: 3, train, test, diverged: false }));
}

test('trend verdicts: holds only when significant, refuted only when the opposite is, else inconclusive', () => {
  const wide = Array.from({ length: 30 }, (_, i) => 1 + 0.001 * Math.sin(i));
  const narrow = Array.from({ length: 30 }, (_, i) => 1 + 0.1 * Math.sin(i));
  expect(spreadAssertion({ width: 4, tests: narrow }, { width: 25, tests: wide }, null).verdict).toBe(
    'holds',
  );
  expect(spreadAssertion({ width: 25, tests: wide }, { width: 4, tests: narrow }, null).verdict).toBe(
    'refuted',
  );
  expect(spreadAssertion({ width: 4, tests: narrow }, { width: 25, tests: narrow }, null).verdict).toBe(
    'inconclusive',
  );
  expect(spreadAssertion({ width: 4, tests: narrow }, { width: 25, tests: wide }, 'blocked').verdict).toBe(
    'inconclusive',
  );
  // Zero variance: never a finding.
  const flat = Array.from({ length: 30 }, () => 1);
  expect(spreadAssertion({ width: 4, tests: flat }, { width: 25, tests: flat }, null).verdict).toBe(
    'inconclusive',
  );
  // ρ = 1 exactly (test = train) is withheld and never decides.
  const perfect = summariseWidth(
    4,
    nets(
      4,
      Array.from({ length: 20 }, (_, i) => [i, i] as [number, number]),
    ),
    1,
  );
  expect(perfect.rho).toBeNull();
  expect(perfect.warnings.join(' ')).toMatch(/not reported as a finding/);
  const loose = summariseWidth(
    25,
    nets(
      25,
      Array.from({ length: 20 }, (_, i) => [i, (i * 7) % 20] as [number, number]),
    ),
    1,
  );
  expect(correlationAssertion(perfect, loose, null).verdict).toBe('inconclusive');
});

test('4 runs a width (landscape run --runs 4) are inconclusive, underpowered with the runs that would decide, never refuted', () => {
  const few = (scale: number) => Array.from({ length: 4 }, (_, i) => 1 + scale * Math.sin(i + 1));
  for (const [a, b] of [
    [0.001, 0.1],
    [0.1, 0.001],
  ] as const) {
    const spread = spreadAssertion({ width: 25, tests: few(a) }, { width: 500, tests: few(b) }, null);
    expect(spread.verdict).toBe('inconclusive');
    expect(spread.detail).toMatch(
      /α = 0\.01.*underpowered: power [\d.e-]+ for a 2-fold spread .*run with --runs ≥ \d+/,
    );
  }
  const s = (width: number, r: number) => ({ ...summariseWidth(width, [], 1), rho: r, used: 4 });
  const corr = correlationAssertion(s(25, -0.99), s(500, 0.99), null);
  expect(corr.verdict).toBe('inconclusive');
  expect(corr.detail).toMatch(
    /underpowered: power [\d.e-]+ for a fall of ρ from 0\.8 to 0\.4; run with --runs ≥ \d+/,
  );
});
