import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { problemArb } from '../generate/index.js';
import { backward } from './backprop.js';
import { forward } from './forward.js';
import type { LayerLayout } from './layout.js';
import { makeProblem, type Problem } from './problem.js';

/**
 * The plain loops the fast kernels replaced (forward.ts affine, backprop.ts backward): the reference they must
 * match bit for bit, NaN and ±Infinity included, since archived certificates were computed with these.
 */
function affineReference(
  theta: Float64Array,
  layer: LayerLayout,
  hIn: Float64Array,
  n: number,
): Float64Array {
  const { inputs: din, outputs: dout, weightOffset: w, biasOffset: b } = layer;
  const out = new Float64Array(n * dout);
  for (let i = 0; i < n; i++)
    for (let o = 0; o < dout; o++) {
      let s = b === null ? 0 : theta[b + o]!;
      for (let j = 0; j < din; j++) s += theta[w + o * din + j]! * hIn[i * din + j]!;
      out[i * dout + o] = s;
    }
  return out;
}

function backwardReference(problem: Problem, theta: Float64Array, deltaOut: Float64Array): Float64Array {
  const { layout, act, n } = problem;
  const L = layout.layers.length;
  const h: Float64Array[] = [problem.X];
  const z: Float64Array[] = [];
  for (let l = 0; l < L; l++) {
    z.push(affineReference(theta, layout.layers[l]!, h[l]!, n));
    if (l < L - 1) h.push(z[l]!.map((x) => act.value(x)));
  }
  const grad = new Float64Array(layout.size);
  let delta = deltaOut;
  for (let l = L - 1; l >= 0; l--) {
    const { inputs: din, outputs: dout, weightOffset: w, biasOffset: b } = layout.layers[l]!;
    for (let i = 0; i < n; i++)
      for (let o = 0; o < dout; o++) {
        const d = delta[i * dout + o]!;
        for (let j = 0; j < din; j++)
          grad[w + o * din + j] = grad[w + o * din + j]! + d * h[l]![i * din + j]!;
        if (b !== null) grad[b + o] = grad[b + o]! + d;
      }
    if (l === 0) break;
    const prev = new Float64Array(n * din);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < din; j++) {
        let u = 0;
        for (let o = 0; o < dout; o++) u += delta[i * dout + o]! * theta[w + o * din + j]!;
        prev[i * din + j] = act.d1(z[l - 1]![i * din + j]!) * u;
      }
    delta = prev;
  }
  return grad;
}

const sameBits = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** θ with some entries replaced by ±Infinity or NaN (positions and values drawn). */
const spoiled = fc.array(
  fc.record({
    at: fc.nat(),
    value: fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN),
  }),
  { maxLength: 2 },
);

describe('forward and backward kernels', () => {
  test.prop(
    [problemArb(), spoiled, fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 64 })],
    {
      numRuns: 200,
    },
  )(
    'equal the plain loops bit for bit (zero adjoints, dead units, NaN and ±Infinity in θ)',
    (g, spoil, adj) => {
      const { problem } = g;
      const theta = g.theta.slice();
      for (const s of spoil) theta[s.at % theta.length] = s.value;
      // An output adjoint with many exact zeros, as dead relu units give one layer down.
      const pass = forward(problem, theta);
      const deltaOut = pass.f.map((_, k) => adj[k % adj.length]!);
      for (let l = 0; l < problem.layout.layers.length; l++) {
        const ref = affineReference(theta, problem.layout.layers[l]!, pass.h[l]!, problem.n);
        expect(sameBits(pass.z[l]!, ref)).toBe(true);
      }
      expect(
        sameBits(backward(problem, theta, pass, deltaOut), backwardReference(problem, theta, deltaOut)),
      ).toBe(true);
    },
  );

  test('by example: a zero adjoint against an infinite hidden activation gives NaN, as the plain loops do', () => {
    // [1, 5, 1] relu, six samples x = −1 (five times) and 1: with W_0 = (∞, 1, 1, 1, 1) only sample 5's hidden
    // row holds ∞ (at unit 0, in the four-at-a-time block); with W_0 = (1, 1, 1, 1, ∞), at unit 4 (the remainder
    // loop). A zero output adjoint times that ∞ is NaN in ∇W_1: skipping zero adjoints is allowed only for rows
    // that are finite, and the row to look at is sample 5's own (5 = 1·din, so a row index read as i / din
    // would land on finite entries).
    const problem = makeProblem(
      { layerSizes: [1, 5, 1], activation: { name: 'relu' }, bias: true },
      { inputs: [[-1], [-1], [-1], [-1], [-1], [1]], targets: [[0], [0], [0], [0], [0], [0]] },
    );
    const inf = Number.POSITIVE_INFINITY;
    for (const [w0, nanAt] of [
      [[inf, 1, 1, 1, 1], 10],
      [[1, 1, 1, 1, inf], 14],
    ] as const) {
      // θ: W_0 at 0…4, b_0 at 5…9, W_1 at 10…14, b_1 at 15
      const theta = Float64Array.from([...w0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0]);
      const zero = new Float64Array(6);
      const grad = backward(problem, theta, forward(problem, theta), zero);
      expect(sameBits(grad, backwardReference(problem, theta, zero))).toBe(true);
      grad.forEach((g, k) => {
        expect(k === nanAt ? Number.isNaN(g) : Object.is(g, 0)).toBe(true);
      });
    }
  });

  test('by example: layers wider than eight (two four-at-a-time blocks and a remainder) match the plain loops', () => {
    // [9, 10, 9] tanh with bias, three samples; every entry a distinct small rational, so a wrong index shows
    const problem = makeProblem(
      { layerSizes: [9, 10, 9], activation: { name: 'tanh' }, bias: true },
      {
        inputs: [0, 1, 2].map((i) => Array.from({ length: 9 }, (_, j) => ((i * 9 + j) % 7) / 7 - 0.4)),
        targets: [0, 1, 2].map((i) => Array.from({ length: 9 }, (_, j) => ((i + j) % 5) / 5)),
      },
    );
    const theta = Float64Array.from({ length: problem.layout.size }, (_, k) => ((k * 37) % 101) / 101 - 0.5);
    const pass = forward(problem, theta);
    for (let l = 0; l < 2; l++)
      expect(sameBits(pass.z[l]!, affineReference(theta, problem.layout.layers[l]!, pass.h[l]!, 3))).toBe(
        true,
      );
    const deltaOut = pass.f.map((_, k) => (k % 3) - 1);
    expect(
      sameBits(backward(problem, theta, pass, deltaOut), backwardReference(problem, theta, deltaOut)),
    ).toBe(true);
  });
});
