import { expect, test } from 'vitest';
import { seededRng } from '../../random.js';
import {
  initSoftmaxMlp,
  meanCrossEntropy,
  type SoftmaxMlp,
  type TrainingSet,
  trainSgd,
} from './softmaxMlp.js';

function randomSet(count: number, dim: number, k: number, seed: number): TrainingSet {
  const rng = seededRng(seed);
  const inputs = Float64Array.from({ length: count * dim }, () => rng.normal());
  const labels = Uint8Array.from({ length: count }, () => rng.int(0, k - 1));
  return { count, dim, inputs, labels };
}

const params = (net: SoftmaxMlp) => [net.w1, net.b1, net.w2, net.b2];
const clone = (net: SoftmaxMlp): SoftmaxMlp => ({
  ...net,
  w1: net.w1.slice(),
  b1: net.b1.slice(),
  w2: net.w2.slice(),
  b2: net.b2.slice(),
});

test('one full-batch SGD step moves θ by −η∇L, and ∇L·v equals the central difference of L (rel. err ≤ 1e-6)', () => {
  for (const seed of [1, 2, 3, 4]) {
    const set = randomSet(7, 5, 4, seed);
    const net = initSoftmaxMlp(5, 6, 4, seededRng(seed + 100));
    for (const b of [net.b1, net.b2]) for (let i = 0; i < b.length; i++) b[i] = 0.1 * (i - 1);
    const before = clone(net);
    const eta = 1e-3;
    trainSgd(net, set, { epochs: 1, batchSize: set.count, step: eta }, seededRng(seed));
    const grad = params(net).map((after, p) => after.map((x, i) => (params(before)[p]![i]! - x) / eta));
    const rng = seededRng(seed + 7);
    const v = params(before).map((a) => a.map(() => rng.normal()));
    const h = 1e-5;
    const shifted = (sign: number) => {
      const c = clone(before);
      params(c).forEach((a, p) => {
        for (let i = 0; i < a.length; i++) a[i]! += sign * h * v[p]![i]!;
      });
      return meanCrossEntropy(c, set);
    };
    const fd = (shifted(1) - shifted(-1)) / (2 * h);
    let dot = 0;
    grad.forEach((g, p) => {
      for (let i = 0; i < g.length; i++) dot += g[i]! * v[p]![i]!;
    });
    expect(Math.abs(dot - fd)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(fd)));
  }
});

test('SGD lowers the loss at a sane step; a step far too large is reported as non-finite or above the start', () => {
  const set = randomSet(60, 8, 3, 9);
  const ok = trainSgd(
    initSoftmaxMlp(8, 10, 3, seededRng(1)),
    set,
    { epochs: 20, batchSize: 10, step: 0.1 },
    seededRng(2),
  );
  expect(ok.nonFinite).toBe(false);
  expect(ok.finalLoss).toBeLessThan(ok.initialLoss);
  const bad = trainSgd(
    initSoftmaxMlp(8, 10, 3, seededRng(1)),
    set,
    { epochs: 5, batchSize: 10, step: 1e6 },
    seededRng(2),
  );
  expect(bad.nonFinite || bad.finalLoss > bad.initialLoss).toBe(true);
  expect(() =>
    trainSgd(initSoftmaxMlp(8, 10, 3, seededRng(1)), set, { epochs: 1, batchSize: 0, step: 1 }, seededRng(2)),
  ).toThrow(/batch size/);
});
