import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { ShapeError, UserError } from '../../errors.js';
import {
  centralDifference,
  centralDifferenceVector,
  FD_STEP,
  GRAD_FD_TOL,
  HVP_FD_TOL,
  KINK_FD_CLEARANCE,
} from '../../nn/index.js';
import { seededRng } from '../../random.js';
import {
  type ExponentialNeuronProblem,
  exponentialNeuronLayout,
  exponentialNeuronModel,
} from './exponentialNeuron.js';

const instance = fc.record({
  d: fc.integer({ min: 1, max: 3 }),
  n: fc.integer({ min: 1, max: 8 }),
  m: fc.integer({ min: 0, max: 3 }),
  neuron: fc.boolean(),
  power: fc.integer({ min: 3, max: 4 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

function build(c: { d: number; n: number; m: number; neuron: boolean; power: number; seed: number }) {
  const rng = seededRng(c.seed);
  const problem: ExponentialNeuronProblem = {
    inputs: Array.from({ length: c.n }, () => Array.from({ length: c.d }, () => rng.normal())),
    labels: Array.from({ length: c.n }, () => (rng.uniform() < 0.5 ? -1 : 1)),
    width: c.m,
    neuron: c.neuron,
    lambda: 0.5,
    power: c.power,
  };
  const model = exponentialNeuronModel(problem);
  // Small weights keep every margin below 1, so ℓ is active (and smooth) at most samples.
  const theta = Float64Array.from({ length: model.layout.size }, () => 0.4 * rng.normal());
  const u = Float64Array.from({ length: model.layout.size }, () => rng.normal());
  const size = Math.sqrt(u.reduce((a, x) => a + x * x, 0));
  return { problem, model, theta, u: u.map((x) => x / size) };
}

/** Clear of every relu kink and of the hinge's kink at y·F = 1 by KINK_FD_CLEARANCE·FD_STEP (the FD tests' premise). */
function smoothHere(c: Parameters<typeof build>[0]): boolean {
  const { model, theta, problem } = build(c);
  const F = model.outputs(theta);
  const hingeClear = problem.labels.every(
    (y, i) => Math.abs(1 - y * F[i]!) > KINK_FD_CLEARANCE * FD_STEP * 10,
  );
  return hingeClear && model.kinkMargin(theta) > KINK_FD_CLEARANCE * FD_STEP * 10;
}

describe('the exponential-neuron objective L̃ = Σ(1 − y_iF(x_i))₊^p + (λ/2)a²', () => {
  test.prop([instance.filter(smoothHere)], { numRuns: 80 })(
    `gradient equals central differences (rel. err ≤ ${GRAD_FD_TOL})`,
    (c) => {
      const { model, theta, u } = build(c);
      const { value, gradient } = model.objective.valueAndGradient(theta);
      const fd = centralDifference((x) => model.objective.value(x), theta, u);
      const directional = gradient.reduce((a, g, i) => a + g * u[i]!, 0);
      expect(Math.abs(directional - fd)).toBeLessThanOrEqual(GRAD_FD_TOL * (1 + Math.abs(value)));
    },
  );

  test.prop([instance.filter(smoothHere)], { numRuns: 80 })(
    `Hessian·u equals the central difference of the gradient (rel. err ≤ ${HVP_FD_TOL}), symmetric`,
    (c) => {
      const { model, theta, u } = build(c);
      const h = model.objective.hessian(theta);
      const P = theta.length;
      const fd = centralDifferenceVector((x) => model.objective.valueAndGradient(x).gradient, theta, u);
      const g = model.objective.valueAndGradient(theta).gradient;
      const scale = 1 + Math.sqrt(g.reduce((a, x) => a + x * x, 0));
      for (let i = 0; i < P; i++) {
        let hu = 0;
        for (let j = 0; j < P; j++) {
          hu += h.data[i * P + j]! * u[j]!;
          expect(h.data[i * P + j]).toBe(h.data[j * P + i]);
        }
        expect(Math.abs(hu - fd[i]!)).toBeLessThanOrEqual(HVP_FD_TOL * scale);
      }
    },
  );

  test.prop([instance], { numRuns: 40 })(
    'relu rescaling (u_j, c_j, v_j) → (αu_j, αc_j, v_j/α) leaves L̃ unchanged',
    (c) => {
      const { model, theta } = build(c);
      const L = model.layout;
      const scaled = Float64Array.from(theta);
      for (let j = 0; j < L.m; j++) {
        for (let t = 0; t < L.d; t++) scaled[L.U + j * L.d + t]! *= 2.5;
        scaled[L.c + j]! *= 2.5;
        scaled[L.v + j]! /= 2.5;
      }
      const value = model.objective.value(theta);
      expect(Math.abs(model.objective.value(scaled) - value)).toBeLessThanOrEqual(1e-12 * (1 + value));
      expect(model.objective.symmetryDirections!(theta).length).toBe(L.m);
    },
  );

  test('layout, margins, the neuron contribution and the loss at a point that fits every label with margin', () => {
    expect(exponentialNeuronLayout(2, 3, true)).toMatchObject({
      U: 0,
      c: 6,
      v: 9,
      c0: 12,
      a: 13,
      w: 14,
      b: 16,
      size: 17,
    });
    expect(exponentialNeuronLayout(2, 3, false)).toMatchObject({ a: -1, size: 13 });
    // One unit: f(x) = 2·relu(x) − 1 on x ∈ {−1, 2} with labels (−1, +1): margins 1 and 3; neuron a = 0.
    const model = exponentialNeuronModel({
      inputs: [[-1], [2]],
      labels: [-1, 1],
      width: 1,
      neuron: true,
      lambda: 1,
      power: 3,
    });
    const theta = Float64Array.of(1, 0, 2, -1, 0, 0.5, 0.1);
    expect(model.minMargin(theta)).toBe(1);
    expect(model.neuronContribution(theta)).toBe(0);
    expect(model.objective.value(theta)).toBe(0);
    expect(Math.abs(model.maxExponent(theta) - 1.1)).toBeLessThanOrEqual(4 * 2 ** -52 * 1.1);
    theta[4] = 0.5;
    expect(model.objective.value(theta)).toBeGreaterThan(0.5 * 0.25 - 1e-15);
  });

  test('user errors: labels must be ±1, λ > 0, p ≥ 3, shapes named', () => {
    const base: ExponentialNeuronProblem = {
      inputs: [[1]],
      labels: [1],
      width: 1,
      neuron: true,
      lambda: 1,
      power: 3,
    };
    expect(() => exponentialNeuronModel({ ...base, labels: [0] })).toThrow(UserError);
    expect(() => exponentialNeuronModel({ ...base, lambda: 0 })).toThrow(/λ must be > 0/);
    expect(() => exponentialNeuronModel({ ...base, power: 2 })).toThrow(/p must be ≥ 3/);
    expect(() => exponentialNeuronModel({ ...base, labels: [1, 1] })).toThrow(ShapeError);
    expect(() => exponentialNeuronModel(base).objective.value(new Float64Array(2))).toThrow(
      /2 entries, expected 7/,
    );
  });
});
