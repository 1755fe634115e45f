import { UserError } from '../../errors.js';
import type { Rng } from '../../random.js';

/**
 * A one-hidden-layer relu network with a softmax output, trained by plain mini-batch SGD on Float64Arrays (the
 * protocol of Choromanska et al. 2015's network experiments, arXiv 1412.0233):
 *
 *     z = W₁x + b₁ (m),   h = relu(z),   o = W₂h + b₂ (k),   L = mean over examples of −log softmax(o)_y.
 *
 * Buffers are allocated once per call (weights, gradients, one sample's activations); nothing is shared.
 */
export interface SoftmaxMlp {
  readonly d: number;
  readonly m: number;
  readonly k: number;
  /** W₁ (m×d row-major), b₁ (m), W₂ (k×m row-major), b₂ (k). */
  readonly w1: Float64Array;
  readonly b1: Float64Array;
  readonly w2: Float64Array;
  readonly b2: Float64Array;
}

/** A labelled set: `count` inputs of dimension `dim`, row-major, and labels in 0…k−1. */
export interface TrainingSet {
  readonly count: number;
  readonly dim: number;
  readonly inputs: Float64Array;
  readonly labels: Uint8Array;
}

/** Weights N(0, 1/fan-in) (LeCun's initialisation [REC: the paper does not state it]), biases 0. */
export function initSoftmaxMlp(d: number, m: number, k: number, rng: Rng): SoftmaxMlp {
  for (const [name, v] of [
    ['d', d],
    ['m', m],
    ['k', k],
  ] as const) {
    if (!Number.isInteger(v) || v < 1)
      throw new UserError(`network: ${name} must be a positive integer, got ${v}`);
  }
  const w1 = new Float64Array(m * d);
  const s1 = 1 / Math.sqrt(d);
  for (let i = 0; i < w1.length; i++) w1[i] = rng.normal() * s1;
  const w2 = new Float64Array(k * m);
  const s2 = 1 / Math.sqrt(m);
  for (let i = 0; i < w2.length; i++) w2[i] = rng.normal() * s2;
  return { d, m, k, w1, b1: new Float64Array(m), w2, b2: new Float64Array(k) };
}

/**
 * Forward one example: fills z, h, o; returns −log softmax(o)_y (computed stably with the max shift).
 *
 * Each pre-activation is one chain of additions (b, then the terms in input order); four hidden units (two output
 * units) are summed side by side, each in its own order, so the numbers are the one-unit-at-a-time loop's bit for
 * bit (softmaxMlp.test.ts checks it) while the adder works on four independent chains instead of waiting on one.
 */
function forward(
  net: SoftmaxMlp,
  x: Float64Array,
  xo: number,
  y: number,
  z: Float64Array,
  h: Float64Array,
  o: Float64Array,
): number {
  const { d, m, k, w1, b1, w2, b2 } = net;
  // z = W₁x + b₁, h = relu(z)
  let j = 0;
  for (; j + 3 < m; j += 4) {
    const r0 = j * d;
    const r1 = r0 + d;
    const r2 = r1 + d;
    const r3 = r2 + d;
    let s0 = b1[j]!;
    let s1 = b1[j + 1]!;
    let s2 = b1[j + 2]!;
    let s3 = b1[j + 3]!;
    for (let a = 0; a < d; a++) {
      const xa = x[xo + a]!;
      s0 += w1[r0 + a]! * xa;
      s1 += w1[r1 + a]! * xa;
      s2 += w1[r2 + a]! * xa;
      s3 += w1[r3 + a]! * xa;
    }
    z[j] = s0;
    h[j] = s0 > 0 ? s0 : 0;
    z[j + 1] = s1;
    h[j + 1] = s1 > 0 ? s1 : 0;
    z[j + 2] = s2;
    h[j + 2] = s2 > 0 ? s2 : 0;
    z[j + 3] = s3;
    h[j + 3] = s3 > 0 ? s3 : 0;
  }
  for (; j < m; j++) {
    let s = b1[j]!;
    const row = j * d;
    for (let a = 0; a < d; a++) s += w1[row + a]! * x[xo + a]!;
    z[j] = s;
    h[j] = s > 0 ? s : 0;
  }
  // o = W₂h + b₂
  let c = 0;
  for (; c + 1 < k; c += 2) {
    const r0 = c * m;
    const r1 = r0 + m;
    let s0 = b2[c]!;
    let s1 = b2[c + 1]!;
    for (let q = 0; q < m; q++) {
      const hq = h[q]!;
      s0 += w2[r0 + q]! * hq;
      s1 += w2[r1 + q]! * hq;
    }
    o[c] = s0;
    o[c + 1] = s1;
  }
  for (; c < k; c++) {
    let s = b2[c]!;
    const row = c * m;
    for (let q = 0; q < m; q++) s += w2[row + q]! * h[q]!;
    o[c] = s;
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) if (o[c]! > max) max = o[c]!;
  let sum = 0;
  for (let c = 0; c < k; c++) sum += Math.exp(o[c]! - max);
  return Math.log(sum) + max - o[y]!;
}

/** Mean cross-entropy of the network over a set (NaN or ∞ propagate: they mean divergence). */
export function meanCrossEntropy(net: SoftmaxMlp, set: TrainingSet): number {
  if (set.dim !== net.d) throw new UserError(`data have ${set.dim} inputs, the network expects ${net.d}`);
  const z = new Float64Array(net.m);
  const h = new Float64Array(net.m);
  const o = new Float64Array(net.k);
  let total = 0;
  for (let i = 0; i < set.count; i++) total += forward(net, set.inputs, i * set.dim, set.labels[i]!, z, h, o);
  return total / set.count;
}

export interface SgdOptions {
  /** Passes over the training set. */
  readonly epochs: number;
  /** Examples per step (the last batch of an epoch may be smaller). */
  readonly batchSize: number;
  /** Step size η (constant). */
  readonly step: number;
}

export interface SgdResult {
  /** Mean training loss before the first step and after the last. */
  readonly initialLoss: number;
  readonly finalLoss: number;
  /** The loss became NaN or ±∞ (training stops at the first non-finite batch loss). */
  readonly nonFinite: boolean;
  readonly epochsRun: number;
}

/**
 * Plain mini-batch SGD on the mean cross-entropy: each epoch visits the training set in a fresh order (a
 * Fisher–Yates shuffle from `rng`), and each batch B takes θ ← θ − η·(1/|B|)·Σ_{i∈B} ∇ℓ_i(θ). Mutates `net`.
 */
export function trainSgd(net: SoftmaxMlp, set: TrainingSet, options: SgdOptions, rng: Rng): SgdResult {
  const { epochs, batchSize, step } = options;
  if (!Number.isInteger(epochs) || epochs < 0)
    throw new UserError(`epochs must be an integer ≥ 0, got ${epochs}`);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new UserError(`batch size must be a positive integer, got ${batchSize}`);
  if (!(step > 0 && Number.isFinite(step)))
    throw new UserError(`step size must be positive and finite, got ${step}`);
  const { d, m, k, w1, b1, w2, b2 } = net;
  const initialLoss = meanCrossEntropy(net, set);
  if (!Number.isFinite(initialLoss))
    return { initialLoss, finalLoss: initialLoss, nonFinite: true, epochsRun: 0 };
  const gw1 = new Float64Array(w1.length);
  const gb1 = new Float64Array(m);
  const gw2 = new Float64Array(w2.length);
  const gb2 = new Float64Array(k);
  const z = new Float64Array(m);
  const h = new Float64Array(m);
  const o = new Float64Array(k);
  const delta1 = new Float64Array(m);
  const order = new Int32Array(set.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const x = set.inputs;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (let start = 0; start < order.length; start += batchSize) {
      const end = Math.min(order.length, start + batchSize);
      gw1.fill(0);
      gb1.fill(0);
      gw2.fill(0);
      gb2.fill(0);
      let batchLoss = 0;
      for (let p = start; p < end; p++) {
        const i = order[p]!;
        const xo = i * d;
        const y = set.labels[i]!;
        batchLoss += forward(net, x, xo, y, z, h, o);
        // δ₂ = softmax(o) − e_y (stored in o), ∇W₂ += δ₂hᵀ, ∇b₂ += δ₂
        let max = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < k; c++) if (o[c]! > max) max = o[c]!;
        let sum = 0;
        for (let c = 0; c < k; c++) {
          o[c] = Math.exp(o[c]! - max);
          sum += o[c]!;
        }
        for (let c = 0; c < k; c++) o[c] = o[c]! / sum - (c === y ? 1 : 0);
        for (let c = 0; c < k; c++) {
          const dc = o[c]!;
          gb2[c]! += dc;
          const row = c * m;
          for (let j = 0; j < m; j++) gw2[row + j]! += dc * h[j]!;
        }
        // δ₁ = (W₂ᵀδ₂) ∘ relu'(z) (relu'(0) = 0), ∇W₁ += δ₁xᵀ, ∇b₁ += δ₁
        delta1.fill(0);
        for (let c = 0; c < k; c++) {
          const dc = o[c]!;
          const row = c * m;
          for (let j = 0; j < m; j++) delta1[j]! += w2[row + j]! * dc;
        }
        for (let j = 0; j < m; j++) {
          if (!(z[j]! > 0)) continue;
          const dj = delta1[j]!;
          gb1[j]! += dj;
          const row = j * d;
          for (let a = 0; a < d; a++) gw1[row + a]! += dj * x[xo + a]!;
        }
      }
      if (!Number.isFinite(batchLoss)) {
        return { initialLoss, finalLoss: Number.NaN, nonFinite: true, epochsRun: epoch };
      }
      const eta = step / (end - start);
      for (let q = 0; q < w1.length; q++) w1[q]! -= eta * gw1[q]!;
      for (let q = 0; q < m; q++) b1[q]! -= eta * gb1[q]!;
      for (let q = 0; q < w2.length; q++) w2[q]! -= eta * gw2[q]!;
      for (let q = 0; q < k; q++) b2[q]! -= eta * gb2[q]!;
    }
  }
  const finalLoss = meanCrossEntropy(net, set);
  return { initialLoss, finalLoss, nonFinite: !Number.isFinite(finalLoss), epochsRun: epochs };
}
