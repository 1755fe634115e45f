import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { ShapeError, UserError } from '../../errors.js';
import { maxAbsDiff } from '../../linalg/index.js';
import { centralDifference, centralDifferenceVector, GRAD_FD_TOL, HVP_FD_TOL } from '../../nn/index.js';
import { seededRng } from '../../random.js';
import { mlpModel } from '../mlpModel.js';
import { liftedMatrix, type QuadraticNetworkProblem, quadraticNetworkObjective } from './quadraticNetwork.js';

const instance = fc.record({
  d: fc.integer({ min: 1, max: 4 }),
  n: fc.integer({ min: 1, max: 8 }),
  positives: fc.integer({ min: 0, max: 3 }),
  negatives: fc.integer({ min: 0, max: 3 }),
  lambda: fc.integer({ min: 0, max: 8 }).map((k) => k / 8),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

function build(c: {
  d: number;
  n: number;
  positives: number;
  negatives: number;
  lambda: number;
  seed: number;
}) {
  const rng = seededRng(c.seed);
  const k = Math.max(1, c.positives + c.negatives);
  const v = Array.from(
    { length: k },
    (_, j) => (j < c.positives || c.positives + c.negatives === 0 ? 1 : -1) * (1 + (j % 2) / 2),
  );
  const problem: QuadraticNetworkProblem = {
    inputs: Array.from({ length: c.n }, () => Array.from({ length: c.d }, () => rng.normal())),
    targets: Array.from({ length: c.n }, () => rng.normal()),
    v,
    lambda: c.lambda,
  };
  const W = Float64Array.from({ length: k * c.d }, () => rng.normal());
  const u = Float64Array.from({ length: k * c.d }, () => rng.normal());
  const size = Math.sqrt(u.reduce((a, x) => a + x * x, 0));
  return { problem, W, u: u.map((x) => x / size), k, rng };
}

describe('quadratic network f(x) = Σ v_j (w_jᵀx)² with weight decay', () => {
  test.prop([instance], { numRuns: 60 })(
    'without decay it is the mlp [d, k, 1] (quadratic, no bias, output frozen at v): value, gradient, Hessian',
    (c) => {
      const { problem, W, k } = build({ ...c, lambda: 0 });
      const objective = quadraticNetworkObjective(problem);
      const mlp = mlpModel({
        kind: 'mlp',
        network: {
          layerSizes: [c.d, k, 1],
          activation: { name: 'quadratic' },
          bias: false,
          trainable: [true, false],
        },
        data: { inputs: problem.inputs, targets: problem.targets.map((y) => [y]) },
        loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
        point: {
          layers: [
            {
              weights: Array.from({ length: k }, (_, j) => Array.from(W.subarray(j * c.d, (j + 1) * c.d))),
              biases: null,
            },
            { weights: [problem.v.slice()], biases: null },
          ],
        },
      });
      const ours = objective.valueAndGradient(W);
      const theirs = mlp.objective.valueAndGradient(mlp.theta);
      const scale = 1e-12 * (1 + Math.abs(theirs.value));
      expect(Math.abs(ours.value - theirs.value)).toBeLessThanOrEqual(scale);
      expect(maxAbsDiff(ours.gradient, theirs.gradient)).toBeLessThanOrEqual(scale * 10);
      expect(
        maxAbsDiff(objective.hessian(W).data, mlp.objective.hessian(mlp.theta).data),
      ).toBeLessThanOrEqual(scale * 100);
    },
  );

  test.prop([instance], { numRuns: 60 })(
    `gradient and Hessian·u equal central differences with decay (rel. err ≤ ${GRAD_FD_TOL}, ${HVP_FD_TOL})`,
    (c) => {
      const { problem, W, u } = build(c);
      const objective = quadraticNetworkObjective(problem);
      const { value, gradient } = objective.valueAndGradient(W);
      const directional = gradient.reduce((a, g, i) => a + g * u[i]!, 0);
      const fd = centralDifference((x) => objective.value(x), W, u);
      expect(Math.abs(directional - fd)).toBeLessThanOrEqual(GRAD_FD_TOL * (1 + Math.abs(value)));
      const h = objective.hessian(W);
      const p = W.length;
      const fdg = centralDifferenceVector((x) => objective.valueAndGradient(x).gradient, W, u);
      const gscale = 1 + Math.sqrt(gradient.reduce((a, g) => a + g * g, 0));
      for (let i = 0; i < p; i++) {
        let hu = 0;
        for (let j = 0; j < p; j++) {
          hu += h.data[i * p + j]! * u[j]!;
          expect(h.data[i * p + j]).toBe(h.data[j * p + i]);
        }
        expect(Math.abs(hu - fdg[i]!)).toBeLessThanOrEqual(HVP_FD_TOL * gscale);
      }
    },
  );

  test.prop([instance], { numRuns: 60 })(
    'symmetry directions keep M (and ‖W‖ with decay) fixed to first order: ∇L·δ = 0 and dM(δ) = 0',
    (c) => {
      const { problem, W } = build(c);
      const objective = quadraticNetworkObjective(problem);
      const { value, gradient } = objective.valueAndGradient(W);
      const M = liftedMatrix(W, problem.v, c.d);
      for (const delta of objective.symmetryDirections!(W)) {
        const size = Math.sqrt(delta.reduce((a, x) => a + x * x, 0));
        const dot = gradient.reduce((a, g, i) => a + g * delta[i]!, 0);
        expect(Math.abs(dot)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(value)) * (1 + size) * W.length);
        // (M(W + tδ) − M(W − tδ))/2t = dM(δ) exactly for a quadratic map.
        const t = 1e-3;
        const Mp = liftedMatrix(
          W.map((x, i) => x + t * delta[i]!),
          problem.v,
          c.d,
        );
        const Mm = liftedMatrix(
          W.map((x, i) => x - t * delta[i]!),
          problem.v,
          c.d,
        );
        const scale = (1e-12 * (1 + Math.max(...M.map(Math.abs))) * (1 + size) ** 2) / t;
        for (let q = 0; q < M.length; q++)
          expect(Math.abs((Mp[q]! - Mm[q]!) / (2 * t))).toBeLessThanOrEqual(scale);
      }
    },
  );

  test('with decay only same-sign pairs are symmetries (the decay is not invariant under O(p, q) boosts)', () => {
    const problem: QuadraticNetworkProblem = { inputs: [[1, 0]], targets: [1], v: [1, 1, -1], lambda: 0.5 };
    const W = Float64Array.from([1, 2, 3, 4, 5, 6]);
    expect(quadraticNetworkObjective(problem).symmetryDirections!(W).length).toBe(1);
    expect(quadraticNetworkObjective({ ...problem, lambda: 0 }).symmetryDirections!(W).length).toBe(3);
  });

  test('user errors name the shapes', () => {
    expect(() =>
      quadraticNetworkObjective({ inputs: [[1, 2], [1]], targets: [1, 2], v: [1], lambda: 0 }),
    ).toThrow(ShapeError);
    expect(() => quadraticNetworkObjective({ inputs: [[1, 2]], targets: [1, 2], v: [1], lambda: 0 })).toThrow(
      /2 targets, expected 1/,
    );
    expect(() => quadraticNetworkObjective({ inputs: [[1, 2]], targets: [1], v: [1], lambda: -1 })).toThrow(
      UserError,
    );
    expect(() =>
      quadraticNetworkObjective({ inputs: [[1, 2]], targets: [1], v: [1], lambda: 0 }).value(
        new Float64Array(3),
      ),
    ).toThrow(/W has 3 entries, expected k·d = 1·2/);
  });
});
