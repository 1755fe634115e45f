import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loss, makeProblem } from '../../nn/index.js';
import { seededRng } from '../../random.js';
import { distinctInputs } from './integerData.js';
import { affineFit, flatEscape, linearRegimePoint } from './linearRegime.js';
import { allActiveProof } from './uniformPattern.js';

const genome = fc.record({
  n: fc.integer({ min: 3, max: 7 }),
  d: fc.integer({ min: 1, max: 3 }),
  extra: fc.integer({ min: 0, max: 3 }),
  ys: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 7, maxLength: 7 }),
  xs: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 14, maxLength: 14 }),
  slope: fc.constantFrom(0, 0.1),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

function build(g: { n: number; d: number; extra: number; ys: number[]; xs: number[]; slope: number }) {
  const inputs = distinctInputs([1, 2, 1, 3, 1, 2, 1], g.xs, g.n, g.d);
  const activation =
    g.slope === 0 ? ({ name: 'relu' } as const) : ({ name: 'leaky-relu', slope: g.slope } as const);
  return makeProblem(
    { layerSizes: [g.d, g.n + g.extra, 1], activation, bias: true },
    { inputs, targets: inputs.map((_, i) => [g.ys[i]! / 4]) },
  );
}

describe('the linear-regime construction', () => {
  test('every unit active with margin ≥ shift, and L(point) = the affine least-squares loss (rel. 1e-10)', () => {
    fc.assert(
      fc.property(genome, (g) => {
        const problem = build(g);
        const theta = linearRegimePoint(problem, { shift: 0.5, scale: 1, rng: seededRng(g.seed) });
        const proof = allActiveProof(problem, theta);
        expect(proof).not.toBeNull();
        expect(proof!.margin).toBeGreaterThanOrEqual(0.5 - 1e-12);
        const linear = affineFit(problem).loss;
        expect(Math.abs(loss(problem, theta) - linear)).toBeLessThanOrEqual(1e-10 * (1 + linear));
      }),
      { numRuns: 100 },
    );
  });

  test('random perturbations inside the proof radius never go below L_lin (sampled check of the exact argument)', () => {
    const problem = build({
      n: 5,
      d: 2,
      extra: 1,
      ys: [3, -2, 5, 0, -4, 1, 1],
      xs: [1, -3, 2, 5, -1, 0, 4, -2, 3, 1, 0, 2, -5, 1],
      slope: 0,
    });
    const theta = linearRegimePoint(problem, { shift: 1, scale: 1, rng: seededRng(2) });
    const { radius } = allActiveProof(problem, theta)!;
    const value = loss(problem, theta);
    const rng = seededRng(9);
    for (let t = 0; t < 500; t++) {
      const v = Float64Array.from(theta, () => rng.normal());
      const size = Math.hypot(...v);
      const r = radius * rng.uniform();
      const moved = Float64Array.from(theta, (x, k) => x + (r * v[k]!) / size);
      expect(loss(problem, moved)).toBeGreaterThanOrEqual(value - 1e-12 * (1 + value));
    }
  });

  test('flatEscape: a flat segment (loss constant) then a descent step when the data is not affinely fittable', () => {
    fc.assert(
      fc.property(genome, (g) => {
        const problem = build(g);
        const theta = linearRegimePoint(problem, { shift: 0.5, scale: 1, rng: seededRng(g.seed) });
        const linear = affineFit(problem).loss;
        const exit = flatEscape(problem, theta, seededRng(g.seed + 1));
        if (linear < 1e-8) {
          expect(exit).toBeNull(); // already global: nothing to exit to
          return;
        }
        if (exit === null) return; // possible when no hinge correlates with the residual; rare
        const value = loss(problem, theta);
        for (const v of exit.flatProfile)
          expect(Math.abs(v - value)).toBeLessThanOrEqual(1e-14 * (1 + value));
        expect(exit.descentLoss).toBeLessThan(value);
        expect(exit.decrease).toBeCloseTo(value - exit.descentLoss, 12);
      }),
      { numRuns: 100 },
    );
  });
});
