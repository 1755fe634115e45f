import { expect, test } from 'vitest';
import {
  areaWeights,
  DOWNSAMPLED_SIDE,
  downsampleImage,
  loadMnistRaw,
  MNIST_COUNTS,
  mnist10x10,
  splitOrder,
  TEST_SIZE,
  TRAIN_SIZE,
} from './mnist.js';

test('area weights 28 → 10: every weight is k/14 (k = 0…5), rows sum to 1, columns to 10/28 (each pixel used once)', () => {
  const a = areaWeights(28, 10);
  for (let I = 0; I < 10; I++) {
    let row = 0;
    for (let p = 0; p < 28; p++) {
      const w = a[I * 28 + p]!;
      const k = w * 14;
      expect(Math.abs(k - Math.round(k))).toBeLessThanOrEqual(1e-12);
      expect(Math.round(k)).toBeGreaterThanOrEqual(0);
      expect(Math.round(k)).toBeLessThanOrEqual(5);
      row += w;
    }
    expect(Math.abs(row - 1)).toBeLessThanOrEqual(1e-15);
  }
  for (let p = 0; p < 28; p++) {
    let col = 0;
    for (let I = 0; I < 10; I++) col += a[I * 28 + p]!;
    expect(Math.abs(col - 10 / 28)).toBeLessThanOrEqual(1e-15);
  }
  expect(Array.from(a.subarray(0, 4), (w) => Math.round(w * 14))).toEqual([5, 5, 4, 0]);
});

test('downsampling preserves a constant image and the total mass (area averaging)', () => {
  const a = areaWeights(28, 10);
  const img = new Float64Array(784).fill(0.25);
  const out = new Float64Array(100);
  downsampleImage(img, 0, 28, a, 10, out, 0);
  expect(out.every((v) => Math.abs(v - 0.25) <= 1e-15)).toBe(true);
  const ramp = Float64Array.from({ length: 784 }, (_, i) => (i % 7) / 7);
  downsampleImage(ramp, 0, 28, a, 10, out, 0);
  const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);
  expect(Math.abs(sum(out) * 7.84 - sum(ramp))).toBeLessThanOrEqual(1e-9);
});

test('the package holds 10,000 labelled digits with pixels in [0, 1] with the documented per-digit counts', () => {
  const raw = loadMnistRaw();
  expect(raw.count).toBe(10_000);
  const counts = new Array<number>(10).fill(0);
  for (const l of raw.labels) counts[l]!++;
  expect(counts).toEqual([...MNIST_COUNTS]);
  expect(raw.images.every((v) => v >= 0 && v <= 1)).toBe(true);
});

test('the split is fixed, disjoint and covers the 10,000 images; 10×10 inputs are centred on the training set', () => {
  const order = splitOrder(10_000);
  expect(new Set(order).size).toBe(10_000);
  expect(splitOrder(10_000)).toEqual(order);
  const s = mnist10x10();
  expect([s.train.count, s.test.count, s.train.dim]).toEqual([TRAIN_SIZE, TEST_SIZE, DOWNSAMPLED_SIDE ** 2]);
  for (let a = 0; a < 100; a += 11) {
    let m = 0;
    for (let k = 0; k < s.train.count; k++) m += s.train.inputs[k * 100 + a]!;
    expect(Math.abs(m / s.train.count)).toBeLessThanOrEqual(1e-12);
  }
  const small = mnist10x10(100);
  expect(small.train.labels).toEqual(s.train.labels.subarray(0, 100));
  expect(small.test.labels).toEqual(s.test.labels);
  expect(() => mnist10x10(9000)).toThrow(/training size/);
});
