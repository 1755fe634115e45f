import { expect, test } from 'vitest';
import { describeClaim } from '../test/claimSuite.js';
import { cho15NetworkMinimaConcentrate, irisSplit, trainOnce } from './cho15-network-minima-concentrate.js';

describeClaim(cho15NetworkMinimaConcentrate);

test('the Iris split: 100/50 samples of 4 standardised features, one-hot targets over 3 classes, deterministic', () => {
  const split = irisSplit();
  expect(split.train.inputs.length).toBe(100);
  expect(split.test.inputs.length).toBe(50);
  expect(split.train.targets.every((t) => t.length === 3 && t.reduce((a, b) => a + b, 0) === 1)).toBe(true);
  for (let a = 0; a < 4; a++) {
    const column = split.train.inputs.map((x) => x[a]!);
    const mu = column.reduce((s, x) => s + x, 0) / column.length;
    expect(Math.abs(mu)).toBeLessThanOrEqual(1e-12);
  }
  expect(irisSplit()).toEqual(split);
});

test('training is deterministic in (seed, width, run) and lowers the training loss', () => {
  const split = irisSplit();
  const a = trainOnce(split, 4, 0, 7, 200);
  const b = trainOnce(split, 4, 0, 7, 200);
  const start = trainOnce(split, 4, 0, 7, 1);
  expect(a).toEqual(b);
  expect(a.train).toBeLessThan(start.train);
  expect(Number.isFinite(a.test)).toBe(true);
});

test('the experiment reports one row per width with the train/test correlation and its interval', () => {
  const run = cho15NetworkMinimaConcentrate.experiment!.run(
    { widths: '2,8', runs: '6', steps: '50' },
    { seed: 1, log: () => {} },
  );
  expect(run.rows.map((r) => r[0])).toEqual([2, 8]);
  expect(run.columns).toContain('ρ(train,test)');
  expect(run.plots.map((p) => p.type)).toEqual(['histogram', 'lines', 'lines']);
  expect(() =>
    cho15NetworkMinimaConcentrate.experiment!.run(
      { widths: '8', runs: '6', steps: '50' },
      { seed: 1, log: () => {} },
    ),
  ).toThrow(/at least two/);
});
