import { describe, expect, test } from 'vitest';
import { seededRng } from '../../random.js';
import { DESCENT_GRAD_TOL, type MlpSubjectJson, type Objective, subjectModel } from '../index.js';
import { bestPoint, descendToCritical } from './descendToCritical.js';

/** A depth-2 linear network on seeded data: the degenerate minima (GL(p) orbits) where value-based line searches stall. */
function linear(seed: number): MlpSubjectJson {
  const rng = seededRng(seed);
  const rows = (r: number, c: number) =>
    Array.from({ length: r }, () => Array.from({ length: c }, () => Math.round(4 * rng.normal()) / 4));
  return {
    kind: 'mlp',
    network: { layerSizes: [3, 2, 3], activation: { name: 'identity' }, bias: false },
    data: { inputs: rows(8, 3), targets: rows(8, 3) },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: [
        { weights: rows(2, 3), biases: null },
        { weights: rows(3, 2), biases: null },
      ],
    },
  };
}

function counting(objective: Objective): { objective: Objective; count: () => number } {
  let calls = 0;
  return {
    objective: {
      ...objective,
      value: (t) => {
        calls++;
        return objective.value(t);
      },
      valueAndGradient: (t) => {
        calls++;
        return objective.valueAndGradient(t);
      },
    },
    count: () => calls,
  };
}

describe('descendToCritical', () => {
  test('reaches ‖∇L‖ ≤ 1e-12(1 + L) on 20 linear networks within 3000 evaluations each (no rounding-level stalls)', () => {
    for (let seed = 0; seed < 20; seed++) {
      const model = subjectModel(linear(seed));
      const { objective, count } = counting(model.objective);
      const result = descendToCritical(objective, model.theta, seededRng(seed), { examine: false });
      expect(result.optimized.converged, `seed ${seed}: ${result.optimized.reason}`).toBe(true);
      expect(result.optimized.gradientNorm).toBeLessThanOrEqual(
        DESCENT_GRAD_TOL * (1 + Math.abs(result.optimized.value)),
      );
      expect(count(), `seed ${seed}`).toBeLessThanOrEqual(3000);
    }
  });

  test('examines the endpoint unless asked not to', () => {
    const model = subjectModel(linear(3));
    const examined = descendToCritical(model.objective, model.theta, seededRng(1), {
      radii: [1e-3],
      trials: 10,
    });
    expect(examined.exam?.classification).toMatch(/local-min|degenerate/);
    expect(descendToCritical(model.objective, model.theta, seededRng(1), { examine: false }).exam).toBeNull();
  });
});

describe('bestPoint', () => {
  test('returns the lowest candidate or restart; null when nothing is finite', () => {
    const model = subjectModel(linear(4));
    const start = model.theta;
    const best = bestPoint(model.objective, [start], 7, 2);
    expect(best).not.toBeNull();
    expect(model.objective.value(best!)).toBeLessThan(model.objective.value(start));
    const nan: Objective = { ...model.objective, value: () => Number.NaN };
    expect(bestPoint(nan, [start], 7, 0)).toBeNull();
  });
});
