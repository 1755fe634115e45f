import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isClose } from '../../linalg/index.js';
import {
  asinhGrid,
  blockDataset,
  singleNeuronDerivatives,
  singleNeuronLoss,
  singleNeuronMinima,
} from './singleNeuron.js';

/** Up to 4 blocks: exponents −4…4 (x = ±10^{e/2}), targets t/8; w = ±10^{q/4}, q ∈ [−12, 8]. */
const caseArb = fc.record({
  blocks: fc.array(
    fc.record({
      exponent: fc.integer({ min: -4, max: 4 }),
      sign: fc.constantFrom(-1, 1),
      target: fc.integer({ min: 1, max: 7 }).map((t) => t / 8),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  w: fc.tuple(fc.constantFrom(-1, 1), fc.integer({ min: -12, max: 8 })).map(([s, q]) => s * 10 ** (q / 4)),
});

describe('single logistic neuron in 1-D', () => {
  test.prop([caseArb], { numRuns: 100 })(
    'L′ and L″ equal central differences of L and L′ (rel. err ≤ 1e-6)',
    ({ blocks, w }) => {
      const data = { ...blockDataset(blocks), scale: 0.5 };
      const h = 1e-5 * Math.max(1e-3, Math.abs(w));
      const { d1, d2 } = singleNeuronDerivatives(data, w);
      const fd1 = (singleNeuronLoss(data, w + h) - singleNeuronLoss(data, w - h)) / (2 * h);
      const fd2 =
        (singleNeuronDerivatives(data, w + h).d1 - singleNeuronDerivatives(data, w - h).d1) / (2 * h);
      const scale1 = 1 + data.xs.reduce((s, x) => s + Math.abs(x), 0);
      const scale2 = 1 + data.xs.reduce((s, x) => s + x * x, 0);
      expect(isClose(d1, fd1, 1e-6, scale1)).toBe(true);
      expect(isClose(d2, fd2, 1e-6, scale2)).toBe(true);
    },
  );

  test.prop([caseArb], { numRuns: 40 })(
    'every reported minimum is a strict local minimum: L′ ≈ 0, L″ > 0, and L(w* ± δ) > L(w*) for δ = 1e-3·max(|w*|, 1e-3)',
    ({ blocks }) => {
      const data = { ...blockDataset(blocks), scale: 0.5 };
      const minima = singleNeuronMinima(data, { points: 20_000 });
      expect(minima.length).toBeGreaterThanOrEqual(1);
      for (const m of minima) {
        expect(m.curvature).toBeGreaterThan(0);
        const delta = 1e-3 * Math.max(Math.abs(m.w), 1e-3);
        expect(singleNeuronLoss(data, m.w + delta)).toBeGreaterThan(m.value);
        expect(singleNeuronLoss(data, m.w - delta)).toBeGreaterThan(m.value);
      }
      // ascending and distinct
      for (let i = 1; i < minima.length; i++) expect(minima[i]!.w).toBeGreaterThan(minima[i - 1]!.w);
    },
  );

  test('one sample: exactly one minimum, at logit(y)/x', () => {
    for (const [x, y] of [
      [0.3, 0.25],
      [-20, 0.875],
      [1, 0.5],
    ] as const) {
      const minima = singleNeuronMinima({ xs: [x], ys: [y], scale: 0.5 });
      expect(minima.length).toBe(1);
      expect(isClose(minima[0]!.w, Math.log(y / (1 - y)) / x, 1e-9, 1)).toBe(true);
    }
  });

  test('the asinh grid is symmetric, increasing and spans [−outer, outer]', () => {
    const grid = asinhGrid({ inner: 1e-3, outer: 1e3, points: 1001 });
    expect(grid[0]).toBeCloseTo(-1e3, 8);
    expect(grid[1000]).toBeCloseTo(1e3, 8);
    expect(grid[500]).toBeCloseTo(0, 14);
    for (let i = 1; i < grid.length; i++) expect(grid[i]!).toBeGreaterThan(grid[i - 1]!);
  });
});
