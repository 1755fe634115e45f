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

// The forward pass sums four hidden units (two outputs) side by side for speed, each in its own order: its losses
// must be the one-unit-at-a-time loop's bit for bit, or a main job's numbers would move.
function plainMeanCrossEntropy(net: SoftmaxMlp, set: TrainingSet): number {
  const { d, m, k, w1, b1, w2, b2 } = net;
  const h = new Float64Array(m);
  const o = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < set.count; i++) {
    for (let j = 0; j < m; j++) {
      let s = b1[j]!;
      for (let a = 0; a < d; a++) s += w1[j * d + a]! * set.inputs[i * d + a]!;
      h[j] = s > 0 ? s : 0;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      let s = b2[c]!;
      for (let j = 0; j < m; j++) s += w2[c * m + j]! * h[j]!;
      o[c] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(o[c]! - max);
    total += Math.log(sum) + max - o[set.labels[i]!]!;
  }
  return total / set.count;
}

test('the forward pass is the plain loop bit for bit (widths 1–9, 1–5 classes, after training too)', () => {
  for (let m = 1; m <= 9; m++) {
    for (let k = 1; k <= 5; k++) {
      const set = randomSet(6, 7, k, 10 * m + k);
      const net = initSoftmaxMlp(7, m, k, seededRng(m * k));
      for (let q = 0; q < m; q++) net.b1[q] = 0.1 * (q - 2);
      expect(Object.is(meanCrossEntropy(net, set), plainMeanCrossEntropy(net, set))).toBe(true);
      trainSgd(net, set, { epochs: 2, batchSize: 4, step: 0.5 }, seededRng(m + k));
      expect(Object.is(meanCrossEntropy(net, set), plainMeanCrossEntropy(net, set))).toBe(true);
    }
  }
});
