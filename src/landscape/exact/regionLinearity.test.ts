import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { problemArb } from '../../generate/index.js';
import { makeProblem } from '../../nn/index.js';
import { quadraticFit, regionGram, regionInterval } from './regionLinearity.js';
import { QUADRATIC_FIT_RTOL, REGION_SAFETY } from './tolerances.js';

/** f(x) = v·relu(w x), one sample x = 1, y = 0: z(t) = w + t·d, so the kink is at t = −w/d. */
const tiny = makeProblem(
  { layerSizes: [1, 1, 1], activation: { name: 'relu' }, bias: false },
  { inputs: [[1]], targets: [[0]] },
);

const twoLayer = problemArb({
  hiddenLayers: { min: 1, max: 1 },
  width: { min: 1, max: 5 },
  activation: ['relu', 'leaky-relu'],
});

function firstLayerDirection(problem: ReturnType<typeof makeProblem>, seed: number): Float64Array {
  const first = problem.layout.layers[0]!;
  const d = new Float64Array(problem.layout.size);
  for (let k = first.start; k < first.end; k++) d[k] = Math.sin(seed + 3 * k) + 0.1;
  return d;
}

describe('regionInterval', () => {
  test('the exit is the first kink crossing ahead; none behind', () => {
    expect(regionInterval(tiny, Float64Array.of(1, 2), Float64Array.of(-0.5, 0))).toEqual({
      exit: 2,
      onBoundary: false,
    });
    expect(regionInterval(tiny, Float64Array.of(1, 2), Float64Array.of(0.5, 0)).exit).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(regionInterval(tiny, Float64Array.of(0, 2), Float64Array.of(1, 0)).onBoundary).toBe(true);
  });

  test('refuses a direction that moves the output layer, and a smooth activation', () => {
    expect(() => regionInterval(tiny, Float64Array.of(1, 2), Float64Array.of(0, 1))).toThrow(/output layer/);
    const smooth = makeProblem(
      { layerSizes: [1, 1, 1], activation: { name: 'tanh' }, bias: false },
      { inputs: [[1]], targets: [[0]] },
    );
    expect(() => regionInterval(smooth, Float64Array.of(1, 2), Float64Array.of(1, 0))).toThrow(
      /piecewise-linear/,
    );
  });
});

describe('quadraticFit', () => {
  test('inside the region the loss ½(2(1 − t/2))² is quadratic; across the kink at t = 2 it is not', () => {
    const theta = Float64Array.of(1, 2);
    const d = Float64Array.of(-0.5, 0);
    expect(quadraticFit(tiny, theta, d, 1.8).isQuadratic).toBe(true);
    const across = quadraticFit(tiny, theta, d, 6);
    expect(across.isQuadratic).toBe(false);
    expect(across.relativeDeviation).toBeGreaterThan(1e-3);
  });

  test.prop([twoLayer, fc.integer({ min: 0, max: 1000 })], { numRuns: 200 })(
    'along generated segments inside one region the deviation from the quadratic is ≤ QUADRATIC_FIT_RTOL',
    ({ problem, theta }, seed) => {
      const d = firstLayerDirection(problem, seed);
      const interval = regionInterval(problem, theta, d);
      fc.pre(!interval.onBoundary);
      const fit = quadraticFit(problem, theta, d, Math.min(1, REGION_SAFETY * interval.exit));
      expect(fit.relativeDeviation).toBeLessThanOrEqual(QUADRATIC_FIT_RTOL);
    },
  );
});

describe('regionGram', () => {
  test.prop([twoLayer], { numRuns: 200 })(
    'J Jᵀ = (Aᵀdiag(v²)A) ∘ (X̃X̃ᵀ) to 1e-12 relative on generated relu/leaky-relu networks',
    ({ problem, theta }) => {
      const gram = regionGram(problem, theta);
      expect(gram.holds, `relative error ${gram.relativeError}`).toBe(true);
    },
  );

  test('a wrong slope is caught: the Gram identity with a planted σ′ fails', () => {
    const problem = makeProblem(
      { layerSizes: [2, 2, 1], activation: { name: 'relu' }, bias: true },
      {
        inputs: [
          [1, 2],
          [-1, 0.5],
        ],
        targets: [[1], [0]],
      },
    );
    const planted = { ...problem, act: { ...problem.act, d1: (z: number) => (z > 0 ? 1.01 : 0) } };
    const theta = Float64Array.of(0.5, 0.25, 0.1, -0.3, 0.7, 0.2, 1, -2, 0.5);
    expect(regionGram(problem, theta).holds).toBe(true);
    expect(regionGram(planted, theta).holds).toBe(false);
  });
});
