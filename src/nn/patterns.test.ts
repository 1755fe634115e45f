import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { problemArb } from '../generate/index.js';
import { forward } from './forward.js';
import { activationPatterns, kinkMargin, onKink, patternSummary } from './patterns.js';
import { makeProblem } from './problem.js';
import { KINK_TOL } from './tolerances.js';

const hidden = { hiddenLayers: { min: 1, max: 2 } };

describe('activation patterns', () => {
  test.prop([problemArb(hidden)], { numRuns: 100 })(
    'patterns are 1 exactly where the hidden pre-activation is > 0, and the summary counts them',
    ({ problem, theta }) => {
      const pass = forward(problem, theta);
      const patterns = activationPatterns(problem, theta);
      expect(patterns).toHaveLength(problem.layout.layers.length - 1);
      patterns.forEach((a, l) => {
        a.forEach((bit, k) => {
          expect(bit).toBe(pass.z[l]![k]! > 0 ? 1 : 0);
        });
      });
      const summary = patternSummary(problem, theta);
      patterns.forEach((a, l) => {
        expect(summary.activeCounts[l]).toBe(a.reduce((s, x) => s + x, 0));
        const width = problem.layout.layerSizes[l + 1]!;
        expect(summary.deadUnits[l]! + summary.alwaysActiveUnits[l]!).toBeLessThanOrEqual(width);
        expect(summary.distinctPerLayer[l]).toBeGreaterThanOrEqual(1);
        expect(summary.distinctPerLayer[l]).toBeLessThanOrEqual(Math.min(problem.n, 2 ** width));
      });
      expect(summary.distinctPatterns).toBeLessThanOrEqual(problem.n);
      expect(summary.distinctPatterns).toBeGreaterThanOrEqual(Math.max(...summary.distinctPerLayer));
    },
  );

  test('a hand-made example: two samples, two units', () => {
    const problem = makeProblem(
      { layerSizes: [1, 2, 1], activation: { name: 'relu' }, bias: false },
      { inputs: [[1], [-1]], targets: [[0], [0]] },
    );
    // W_0 = [1; 2]: both units active on x = 1, both inactive on x = −1
    const theta = Float64Array.from([1, 2, 1, 1]);
    expect(Array.from(activationPatterns(problem, theta)[0]!)).toEqual([1, 1, 0, 0]);
    expect(patternSummary(problem, theta)).toEqual({
      activeCounts: [2],
      deadUnits: [0],
      alwaysActiveUnits: [0],
      distinctPerLayer: [2],
      distinctPatterns: 2,
    });
  });
});

describe('kink margin', () => {
  const net = (name: 'relu' | 'leaky-relu' | 'tanh') =>
    ({
      layerSizes: [1, 1, 1],
      activation: name === 'leaky-relu' ? { name, slope: 0.1 } : { name },
      bias: true,
    }) as const;
  const data = { inputs: [[1]], targets: [[0]] };

  test('a pre-activation exactly on the kink has margin 0 and is on a kink (relu and leaky-relu)', () => {
    for (const name of ['relu', 'leaky-relu'] as const) {
      const problem = makeProblem(net(name), data);
      // z = 1·1 + (−1) = 0
      const theta = Float64Array.from([1, -1, 1, 0]);
      expect(kinkMargin(problem, theta)).toBe(0);
      expect(onKink(problem, theta)).toBe(true);
    }
  });

  test('the margin is relative to the magnitude of the summed terms (max(1, Σ|W h| + |b|))', () => {
    const problem = makeProblem(net('relu'), data);
    // z = 1e-6 from terms of size 1e4: rounding-level cancellation, margin 1e-6 / 2e4 = 5e-11 < KINK_TOL
    const big = Float64Array.from([1e4, -1e4 + 1e-6, 1, 0]);
    expect(kinkMargin(problem, big)).toBeLessThan(KINK_TOL);
    expect(onKink(problem, big)).toBe(true);
    // the same z from terms of size 1e-6: margin is the absolute distance 1e-6
    const small = Float64Array.from([1e-6, 0, 1, 0]);
    expect(kinkMargin(problem, small)).toBe(1e-6);
    expect(onKink(problem, small)).toBe(false);
  });

  test('the kink tolerance is 1e-8 within a factor 3 either way: margin 3e-8 is off a kink, 3e-9 on one', () => {
    // Kills a tenfold change of KINK_TOL (issue 16's surviving mutant): z = 6e-8 from terms of size 2 has margin
    // 3e-8 (off a kink at 1e-8, on one at 1e-7); z = 6e-9 has margin 3e-9 (on one at 1e-8, off at 1e-9).
    const problem = makeProblem(net('relu'), data);
    const off = Float64Array.from([1, -1 + 6e-8, 1, 0]);
    const on = Float64Array.from([1, -1 + 6e-9, 1, 0]);
    expect(kinkMargin(problem, off)).toBeCloseTo(3e-8, 14);
    expect(kinkMargin(problem, on)).toBeCloseTo(3e-9, 15);
    expect(onKink(problem, off)).toBe(false);
    expect(onKink(problem, on)).toBe(true);
    expect(KINK_TOL).toBeGreaterThan(3e-9);
    expect(KINK_TOL).toBeLessThan(3e-8);
  });

  test('smooth activations and networks without hidden layers have no kinks (margin ∞)', () => {
    expect(kinkMargin(makeProblem(net('tanh'), data), Float64Array.from([1, -1, 1, 0]))).toBe(
      Number.POSITIVE_INFINITY,
    );
    const linear = makeProblem({ layerSizes: [1, 1], activation: { name: 'relu' }, bias: true }, data);
    expect(kinkMargin(linear, Float64Array.from([0, 0]))).toBe(Number.POSITIVE_INFINITY);
  });

  test('NaN pre-activations give a NaN margin, which counts as on a kink', () => {
    const problem = makeProblem(net('relu'), data);
    const theta = Float64Array.from([Number.NaN, 0, 1, 0]);
    expect(kinkMargin(problem, theta)).toBeNaN();
    expect(onKink(problem, theta)).toBe(true);
  });

  test.prop([problemArb({ ...hidden, activation: ['relu', 'leaky-relu'] })], { numRuns: 100 })(
    'the margin is at most the smallest |z| and is 0 exactly when some z = 0',
    ({ problem, theta }) => {
      const pass = forward(problem, theta);
      let minAbs = Number.POSITIVE_INFINITY;
      for (let l = 0; l + 1 < problem.layout.layers.length; l++)
        for (const z of pass.z[l]!) minAbs = Math.min(minAbs, Math.abs(z));
      const margin = kinkMargin(problem, theta);
      expect(margin).toBeLessThanOrEqual(minAbs);
      expect(margin === 0).toBe(minAbs === 0);
    },
  );
});
