import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { problemArb } from '../generate/index.js';
import { forward } from './forward.js';
import {
  activationPatterns,
  kinkMargin,
  onKink,
  patternSummary,
  sameActivationPattern,
  smoothAlong,
} from './patterns.js';
import { makeProblem } from './problem.js';
import { FD_STEP, KINK_FD_CLEARANCE, KINK_TOL } from './tolerances.js';

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

  test.prop([problemArb(hidden)], { numRuns: 100 })(
    'the summary is the patterns counted per unit and per sample: dead, always active, distinct rows',
    ({ problem, theta }) => {
      const patterns = activationPatterns(problem, theta);
      const summary = patternSummary(problem, theta);
      const n = problem.n;
      const rowsOfAll: string[] = new Array<string>(n).fill('');
      patterns.forEach((a, l) => {
        const width = problem.layout.layerSizes[l + 1]!;
        const unitCounts = Array.from({ length: width }, (_, u) =>
          Array.from({ length: n }, (_, i) => a[i * width + u]!).reduce((s, x) => s + x, 0),
        );
        expect(summary.deadUnits[l]).toBe(unitCounts.filter((c) => c === 0).length);
        expect(summary.alwaysActiveUnits[l]).toBe(unitCounts.filter((c) => c === n).length);
        const rows = Array.from({ length: n }, (_, i) =>
          Array.from(a.subarray(i * width, (i + 1) * width)).join(','),
        );
        expect(summary.distinctPerLayer[l]).toBe(new Set(rows).size);
        rows.forEach((row, i) => {
          rowsOfAll[i] += `${row};`;
        });
      });
      expect(summary.distinctPatterns).toBe(patterns.length === 0 ? 1 : new Set(rowsOfAll).size);
    },
  );

  test('dead and always-active units, distinct patterns per layer and over the layers, by hand', () => {
    // layer 0: unit 0 active on x = 1 only, unit 1 dead, unit 2 always active (bias 5); layer 1: one unit
    // with weights [1, 0, 0] and bias 0, so it copies unit 0: the same rows in both layers
    const problem = makeProblem(
      { layerSizes: [1, 3, 1, 1], activation: { name: 'relu' }, bias: true },
      { inputs: [[1], [-1], [2]], targets: [[0], [0], [0]] },
    );
    // W_0 = [1; -1; 0], b_0 = [0, -5, 5], W_1 = [1, 0, 0], b_1 = [0], W_2 = [1], b_2 = [0]
    const theta = Float64Array.from([1, -1, 0, 0, -5, 5, 1, 0, 0, 0, 1, 0]);
    expect(Array.from(activationPatterns(problem, theta)[0]!)).toEqual([1, 0, 1, 0, 0, 1, 1, 0, 1]);
    expect(Array.from(activationPatterns(problem, theta)[1]!)).toEqual([1, 0, 1]);
    expect(patternSummary(problem, theta)).toEqual({
      activeCounts: [5, 2],
      deadUnits: [1, 0],
      alwaysActiveUnits: [1, 0],
      distinctPerLayer: [2, 2],
      distinctPatterns: 2,
    });
  });

  test('without hidden layers there are no patterns and one region', () => {
    const problem = makeProblem(
      { layerSizes: [1, 1], activation: { name: 'relu' }, bias: true },
      { inputs: [[1], [-1]], targets: [[0], [0]] },
    );
    const theta = Float64Array.from([1, 0]);
    expect(activationPatterns(problem, theta)).toEqual([]);
    expect(patternSummary(problem, theta).distinctPatterns).toBe(1);
  });

  test.prop([problemArb(hidden), fc.nat(), fc.integer({ min: 0, max: 63 })], { numRuns: 100 })(
    'sameActivationPattern is true exactly when every pattern bit agrees',
    ({ problem, theta }, index, shift) => {
      expect(sameActivationPattern(problem, theta, theta)).toBe(true);
      // move one parameter by a power of two between 2^-32 and 2^31: sometimes a unit flips, sometimes not
      const other = Float64Array.from(theta);
      const k = index % theta.length;
      other[k] = other[k]! + 2 ** (shift - 32) * (index % 2 === 0 ? 1 : -1);
      const a = activationPatterns(problem, theta);
      const b = activationPatterns(problem, other);
      const equal = a.every((x, l) => x.every((bit, i) => bit === b[l]![i]));
      expect(sameActivationPattern(problem, theta, other)).toBe(equal);
      expect(sameActivationPattern(problem, other, theta)).toBe(equal);
    },
  );

  test('sameActivationPattern sees a flip in the last unit of the last hidden layer', () => {
    const problem = makeProblem(
      { layerSizes: [1, 1, 2, 1], activation: { name: 'relu' }, bias: true },
      { inputs: [[1]], targets: [[0]] },
    );
    // W_0 = [1], b_0 = [0], W_1 = [1; 1], b_1 = [0, b], W_2 = [1, 1], b_2 = [0]: unit 2 of layer 1 has z = 1 + b
    const at = (b: number) => Float64Array.from([1, 0, 1, 1, 0, b, 1, 1, 0]);
    expect(sameActivationPattern(problem, at(0), at(-0.5))).toBe(true);
    expect(sameActivationPattern(problem, at(0), at(-2))).toBe(false);
  });
});

describe('smoothAlong (the finite-difference guard)', () => {
  const net = { layerSizes: [1, 1, 1], activation: { name: 'relu' }, bias: true } as const;
  const data = { inputs: [[1]], targets: [[0]] };
  // θ = [w, b, a, c]; z = w + b from terms |w| + |b| = 1 + |b| below 2, so the margin is |z| / max(1, 1 + |b|)
  const problem = makeProblem(net, data);
  const clearance = KINK_FD_CLEARANCE * FD_STEP;

  test('true away from a kink along a direction that keeps the pattern', () => {
    const theta = Float64Array.from([1, -1 + 4 * clearance, 1, 0]);
    expect(kinkMargin(problem, theta)).toBeGreaterThan(clearance);
    expect(smoothAlong(problem, theta, Float64Array.from([1, 1, 1, 1]))).toBe(true);
  });

  test('false when the margin is inside the clearance, even along a direction that moves nothing', () => {
    // margin 0.5·clearance: FD probes of step FD_STEP would stay on one side, but the guard asks 10·FD_STEP
    const theta = Float64Array.from([1, -1 + clearance, 1, 0]);
    expect(kinkMargin(problem, theta)).toBeLessThan(clearance);
    expect(kinkMargin(problem, theta)).toBeGreaterThan(FD_STEP);
    expect(smoothAlong(problem, theta, new Float64Array(4))).toBe(false);
    // the same point with a larger step scale h is further inside its clearance; a smaller h clears it
    expect(smoothAlong(problem, theta, new Float64Array(4), FD_STEP / 10)).toBe(true);
  });

  test('false when a probe θ + h·v or θ − h·v crosses the kink', () => {
    // margin 2·clearance = 20·h (h = FD_STEP), z = ±4e-3; v on b only: |v_b| = 10 moves z by ±1e-3 (no crossing),
    // |v_b| = 50 by ±5e-3, so one of the two probes crosses z = 0 whatever the sign of v
    const v = (s: number) => Float64Array.from([0, s, 0, 0]);
    for (const side of [1, -1]) {
      const theta = Float64Array.from([1, -1 + side * 4 * clearance, 1, 0]);
      expect(kinkMargin(problem, theta)).toBeGreaterThan(clearance);
      expect(smoothAlong(problem, theta, v(10))).toBe(true);
      expect(smoothAlong(problem, theta, v(-10))).toBe(true);
      expect(smoothAlong(problem, theta, v(50))).toBe(false);
      expect(smoothAlong(problem, theta, v(-50))).toBe(false);
    }
  });

  test('a margin of exactly KINK_FD_CLEARANCE·h is not enough: it must be more', () => {
    const at = Float64Array.from([clearance, 0, 1, 0]);
    expect(kinkMargin(problem, at)).toBe(clearance);
    expect(smoothAlong(problem, at, new Float64Array(4))).toBe(false);
    const above = Float64Array.from([clearance * (1 + Number.EPSILON), 0, 1, 0]);
    expect(smoothAlong(problem, above, new Float64Array(4))).toBe(true);
  });

  test('always true for a smooth activation, even at z = 0', () => {
    const tanh = makeProblem({ ...net, activation: { name: 'tanh' } }, data);
    expect(smoothAlong(tanh, Float64Array.from([1, -1, 1, 0]), Float64Array.from([0, 1e6, 0, 0]))).toBe(true);
  });
});

describe('activation patterns, hand-made', () => {
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

  test('the term scale counts each unit’s own bias, and no bias where the network has none', () => {
    // two hidden units, x = 1; each unit's margin is |z| / max(1, |W x| + |b|) with its own bias b
    const twoUnits = makeProblem({ layerSizes: [1, 2, 1], activation: { name: 'relu' }, bias: true }, data);
    // W_0 = [3; 2], b_0 = [−1, 0.5], W_1 = [1, 1], b_1 = [0]: unit 0 has z = 2 from terms 3 + 1 (margin 0.5),
    // unit 1 has z = 2.5 from terms 2 + 0.5 (margin 1)
    expect(kinkMargin(twoUnits, Float64Array.from([3, 2, -1, 0.5, 1, 1, 0]))).toBe(0.5);
    // W_0 = [2; 3], b_0 = [0.5, −1]: unit 1 now has margin 0.5 only with its own bias (terms 3 + 1); with unit 0's
    // bias (0.5) in its scale it would be 2 / 3.5
    expect(kinkMargin(twoUnits, Float64Array.from([2, 3, 0.5, -1, 1, 1, 0]))).toBe(0.5);
    // no bias: z = 3 from the one term 3·1, margin 1 (a bias-less layer adds no |θ| term to the scale)
    const noBias = makeProblem({ layerSizes: [1, 1, 1], activation: { name: 'relu' }, bias: false }, data);
    expect(kinkMargin(noBias, Float64Array.from([3, 1]))).toBe(1);
    expect(kinkMargin(noBias, Float64Array.from([-6, 1]))).toBe(1);
  });

  test('a margin exactly at KINK_TOL is on a kink (≤), the next double above is not', () => {
    // z = KINK_TOL from terms below 1, so the margin is z itself
    const problem = makeProblem(net('relu'), data);
    const at = Float64Array.from([KINK_TOL, 0, 1, 0]);
    expect(kinkMargin(problem, at)).toBe(KINK_TOL);
    expect(onKink(problem, at)).toBe(true);
    const above = Float64Array.from([KINK_TOL * (1 + Number.EPSILON), 0, 1, 0]);
    expect(kinkMargin(problem, above)).toBeGreaterThan(KINK_TOL);
    expect(onKink(problem, above)).toBe(false);
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
