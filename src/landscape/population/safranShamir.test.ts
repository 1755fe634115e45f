import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { seededRng } from '../../random.js';
import { catalogPoint, polishedCatalogPoint } from './catalogPoints.js';
import { populationLoss, populationObjective, populationValueAndGradient } from './model.js';
import {
  classifyEndpoint,
  identityTeacher,
  polishEndpoint,
  splitNeuron,
  ss18Problem,
  ss18Run,
  xavierStudent,
} from './safranShamir.js';

describe('Safran–Shamir protocol', () => {
  test('the same seed gives the same endpoint; different seeds different initialisations', () => {
    const a = ss18Run(7, 7, 123);
    const b = ss18Run(7, 7, 123);
    expect(Array.from(a.student)).toEqual(Array.from(b.student));
    expect(a.outcome).toBe(b.outcome);
    const x = xavierStudent(7, 7, 7, seededRng(1));
    const y = xavierStudent(7, 7, 7, seededRng(2));
    expect(Array.from(x)).not.toEqual(Array.from(y));
  });

  test('W_ij ~ N(0, 1/k): the sample variance of 20·20 entries is within 4 standard errors of 1/k', () => {
    const k = 20;
    const w = xavierStudent(20, 20, k, seededRng(5));
    const variance = w.reduce((s, x) => s + x * x, 0) / w.length;
    // var of the variance estimate: 2σ⁴/N
    expect(Math.abs(variance - 1 / k)).toBeLessThan((4 * Math.sqrt(2 / w.length)) / k);
  });

  test('a run at k = n = 6 reaches the global minimum with ‖∇F‖ ≤ 1e-9 and is classified global', () => {
    const run = ss18Run(6, 6, 1);
    expect(run.outcome).toBe('global');
    expect(run.gradientNorm).toBeLessThanOrEqual(1e-9);
    expect(run.value).toBeLessThan(1e-12);
  });

  test('classification: the published k = 7 minimum is spurious, V is global, a split k = 7 minimum is a saddle', () => {
    const k7 = polishedCatalogPoint(catalogPoint('k7'));
    const objective = populationObjective(ss18Problem(7, 7));
    const at = (w: Float64Array) => {
      const { value, gradient } = objective.valueAndGradient(w);
      return {
        theta: w,
        value,
        gradientNorm: Math.hypot(...gradient),
        iterations: 0,
        converged: true,
        reason: 'gradient' as const,
      };
    };
    expect(classifyEndpoint(objective, at(k7), 1).outcome).toBe('spurious-min');
    expect(classifyEndpoint(objective, at(identityTeacher(7)), 1).outcome).toBe('global');
    const split = splitNeuron(k7, 7, 7, 0, 0.5);
    const objective8 = populationObjective(ss18Problem(7, 8));
    const { value, gradient } = objective8.valueAndGradient(split);
    const result = {
      theta: split,
      value,
      gradientNorm: Math.hypot(...gradient),
      iterations: 0,
      converged: true,
      reason: 'gradient' as const,
    };
    expect(classifyEndpoint(objective8, result, 1).outcome).toBe('saddle');
    // A value above the start means divergence, whatever the gradient says.
    expect(classifyEndpoint(objective, at(k7), 0.01).outcome).toBe('diverged');
  });

  test.prop(
    [
      fc.integer({ min: 2, max: 6 }),
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 0, max: 1000 }),
    ],
    {
      numRuns: 30,
    },
  )(
    'splitting a neuron (α = a/10) keeps F and the function, and maps critical points to critical points',
    (k, jRaw, a, seed) => {
      const j = jRaw % k;
      const w = xavierStudent(k, k, k, seededRng(seed));
      const split = splitNeuron(w, k, k, j, a / 10);
      const before = populationLoss(ss18Problem(k, k), w);
      const after = populationLoss(ss18Problem(k, k + 1), split);
      expect(Math.abs(before - after)).toBeLessThanOrEqual(1e-13 * (1 + before));
      // at V (critical, F = 0) the split point is critical too
      const v = splitNeuron(identityTeacher(k), k, k, j, a / 10);
      const g = populationValueAndGradient(ss18Problem(k, k + 1), v).gradient;
      expect(Math.hypot(...g)).toBeLessThan(1e-13);
    },
  );

  test('polishEndpoint moves a 1e-9-critical point by less than 1e-4 to ‖∇F‖ < 1e-13, and leaves far points alone', () => {
    const k7 = catalogPoint('k7').student;
    const polished = polishEndpoint(7, 7, k7);
    const g = populationValueAndGradient(ss18Problem(7, 7), polished).gradient;
    expect(Math.hypot(...g)).toBeLessThan(1e-13);
    const far = xavierStudent(7, 7, 7, seededRng(3));
    const kept = polishEndpoint(7, 7, far);
    expect(kept === far || Math.max(...Array.from(kept, (x, i) => Math.abs(x - far[i]!))) <= 1e-4).toBe(true);
  });
});
