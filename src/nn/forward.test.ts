import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { problemArb, seededStream } from '../generate/index.js';
import { allClose, isClose } from '../linalg/index.js';
import { forward, loss, lossWeight, outputs, residuals } from './forward.js';
import { type ParamLayout, paramLayout } from './layout.js';
import { makeProblem, type Problem } from './problem.js';
import { IDENTITY_RTOL } from './tolerances.js';

function maxAbsOf(x: Float64Array): number {
  let m = 0;
  for (const v of x) m = Math.max(m, Math.abs(v));
  return m;
}

/** θ with the units of hidden layer l (rows of W_l, entries of b_l, columns of W_{l+1}) permuted by `perm`. */
function permuteUnits(
  layout: ParamLayout,
  theta: Float64Array,
  l: number,
  perm: readonly number[],
): Float64Array {
  const out = theta.slice();
  const A = layout.layers[l]!;
  const B = layout.layers[l + 1]!;
  perm.forEach((from, to) => {
    for (let j = 0; j < A.inputs; j++)
      out[A.weightOffset + to * A.inputs + j] = theta[A.weightOffset + from * A.inputs + j]!;
    if (A.biasOffset !== null) out[A.biasOffset + to] = theta[A.biasOffset + from]!;
    for (let o = 0; o < B.outputs; o++)
      out[B.weightOffset + o * B.inputs + to] = theta[B.weightOffset + o * B.inputs + from]!;
  });
  return out;
}

/** θ with unit u of hidden layer l scaled by c > 0 on its incoming weights and bias, 1/c on its outgoing weights. */
function rescaleUnit(
  layout: ParamLayout,
  theta: Float64Array,
  l: number,
  u: number,
  c: number,
): Float64Array {
  const out = theta.slice();
  const A = layout.layers[l]!;
  const B = layout.layers[l + 1]!;
  for (let j = 0; j < A.inputs; j++) out[A.weightOffset + u * A.inputs + j]! *= c;
  if (A.biasOffset !== null) out[A.biasOffset + u]! *= c;
  for (let o = 0; o < B.outputs; o++) out[B.weightOffset + o * B.inputs + u]! /= c;
  return out;
}

const hidden = { hiddenLayers: { min: 1, max: 2 } };

describe('forward pass and loss', () => {
  test('a hand-computed two-layer relu net', () => {
    const problem = makeProblem(
      { layerSizes: [1, 2, 1], activation: { name: 'relu' }, bias: true },
      { inputs: [[1], [-1]], targets: [[0], [1]] },
      { name: 'squared', scale: 0.5, reduction: 'sum' },
    );
    // W_0 = [1; −1], b_0 = [0, 0], W_1 = [2, 3], b_1 = [1]:  f(1) = 2·1 + 1 = 3,  f(−1) = 3·1 + 1 = 4
    const theta = Float64Array.from([1, -1, 0, 0, 2, 3, 1]);
    expect(Array.from(outputs(problem, theta))).toEqual([3, 4]);
    expect(Array.from(residuals(problem, theta))).toEqual([3, 3]);
    expect(loss(problem, theta)).toBe(0.5 * (9 + 9));
  });

  test.prop([problemArb()], { numRuns: 50 })(
    'the pass keeps h_0 … h_{L−1} (h_0 = X, h_{l+1} = σ(z_l)) and z_0 … z_{L−1}, whose last is f',
    ({ problem, theta }) => {
      const pass = forward(problem, theta);
      const L = problem.layout.layers.length;
      expect(pass.h).toHaveLength(L);
      expect(pass.z).toHaveLength(L);
      expect(pass.h[0]).toBe(problem.X);
      expect(pass.f).toBe(pass.z[L - 1]);
      for (let l = 0; l + 1 < L; l++) {
        expect(pass.h[l + 1]).toHaveLength(pass.z[l]!.length);
        pass.z[l]!.forEach((z, k) => {
          expect(pass.h[l + 1]![k]).toBe(problem.act.value(z));
        });
      }
    },
  );

  test.prop([problemArb(), fc.integer({ min: 1, max: 8 }).map((k) => k / 4)], { numRuns: 100 })(
    'L = s·Σ‖f(x_i) − y_i‖² with s = scale (sum) or scale/n (mean)',
    ({ problem, theta }, scale) => {
      const r = residuals(problem, theta);
      let ss = 0;
      for (const x of r) ss += x * x;
      const sum: Problem = { ...problem, loss: { name: 'squared', scale, reduction: 'sum' } };
      const mean: Problem = { ...problem, loss: { name: 'squared', scale, reduction: 'mean' } };
      expect(lossWeight(sum)).toBe(scale);
      expect(lossWeight(mean)).toBe(scale / problem.n);
      expect(isClose(loss(sum, theta), scale * ss, IDENTITY_RTOL, 1 + scale * ss)).toBe(true);
      expect(isClose(loss(mean, theta), (scale * ss) / problem.n, IDENTITY_RTOL, 1 + scale * ss)).toBe(true);
    },
  );

  test.prop([problemArb(hidden), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 100 })(
    'permuting the units of a hidden layer leaves outputs and loss unchanged',
    ({ problem, theta }, seed) => {
      const rng = seededStream(seed);
      const layers = problem.layout.layers.length;
      const l = rng.int(0, layers - 2);
      const width = problem.layout.layerSizes[l + 1]!;
      const perm = Array.from({ length: width }, (_, k) => k);
      for (let k = width - 1; k > 0; k--) {
        const j = rng.int(0, k);
        [perm[k], perm[j]] = [perm[j]!, perm[k]!];
      }
      const moved = permuteUnits(problem.layout, theta, l, perm);
      const f = outputs(problem, theta);
      // the sums over units are taken in another order, so equality holds up to rounding
      expect(allClose(outputs(problem, moved), f, IDENTITY_RTOL, 1 + maxAbsOf(f))).toBe(true);
      const L = loss(problem, theta);
      expect(isClose(loss(problem, moved), L, IDENTITY_RTOL, 1 + L)).toBe(true);
    },
  );

  test.prop(
    [
      problemArb({ ...hidden, activation: ['relu', 'leaky-relu'] }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: -3, max: 3 }).map((k) => 2 ** k),
    ],
    { numRuns: 100 },
  )(
    'relu / leaky-relu: scaling a unit’s incoming weights by c > 0 and outgoing by 1/c leaves outputs unchanged',
    ({ problem, theta }, seed, c) => {
      const rng = seededStream(seed);
      const l = rng.int(0, problem.layout.layers.length - 2);
      const u = rng.int(0, problem.layout.layerSizes[l + 1]! - 1);
      const moved = rescaleUnit(problem.layout, theta, l, u, c);
      // c is a power of two, so the scaling itself is exact and so are the outputs
      expect(Array.from(outputs(problem, moved))).toEqual(Array.from(outputs(problem, theta)));
      expect(loss(problem, moved)).toBe(loss(problem, theta));
    },
  );

  test.prop(
    [
      problemArb({
        ...hidden,
        activation: ['relu', 'leaky-relu'],
        weights: { maxAbs: 2, denominator: 1000 },
      }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 1, max: 40 }).map((k) => k / 8),
    ],
    { numRuns: 100 },
  )('the same with any c > 0 (equal up to rounding)', ({ problem, theta }, seed, c) => {
    const rng = seededStream(seed);
    const l = rng.int(0, problem.layout.layers.length - 2);
    const u = rng.int(0, problem.layout.layerSizes[l + 1]! - 1);
    const f = outputs(problem, theta);
    const g = outputs(problem, rescaleUnit(problem.layout, theta, l, u, c));
    expect(allClose(g, f, IDENTITY_RTOL, 1 + maxAbsOf(f))).toBe(true);
  });

  test('the layout in the invariance helpers is the one paramLayout documents', () => {
    const layout = paramLayout({ layerSizes: [1, 2, 1], activation: { name: 'relu' }, bias: true });
    const theta = Float64Array.from([1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(permuteUnits(layout, theta, 0, [1, 0]))).toEqual([2, 1, 4, 3, 6, 5, 7]);
    expect(Array.from(rescaleUnit(layout, theta, 0, 1, 2))).toEqual([1, 4, 3, 8, 5, 3, 7]);
  });
});
