import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UserError } from '../../errors.js';
import { subjectArb } from '../../generate/index.js';
import { isClose } from '../../linalg/index.js';
import { loss, lossAndGradient, makeProblem, outputs, pointToVector } from '../../nn/index.js';
import type { MlpSubjectJson } from '../index.js';
import { addZeroUnit, duplicateUnit } from './embedding.js';

function out(s: MlpSubjectJson): Float64Array {
  const problem = makeProblem(s.network, s.data, s.loss);
  return outputs(problem, pointToVector(s.network, s.point));
}

function maxRelDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!) / (1 + Math.abs(a[k]!)));
  return m;
}

const withHidden = subjectArb({ hiddenLayers: { min: 1, max: 2 }, width: { min: 1, max: 4 } });

describe('embeddings keep the network function', () => {
  test.prop([withHidden, fc.nat(), fc.nat(), fc.integer({ min: -8, max: 16 })], { numRuns: 200 })(
    'duplicateUnit (any λ): same outputs (rel. 1e-12), one more unit',
    (subject, layerPick, unitPick, k) => {
      const hidden = layerPick % (subject.network.layerSizes.length - 2);
      const unit = unitPick % subject.network.layerSizes[hidden + 1]!;
      const wide = duplicateUnit(subject, hidden, unit, k / 8);
      expect(wide.network.layerSizes[hidden + 1]).toBe(subject.network.layerSizes[hidden + 1]! + 1);
      expect(maxRelDiff(out(subject), out(wide))).toBeLessThanOrEqual(1e-12);
    },
  );

  test.prop(
    [
      subjectArb({
        hiddenLayers: { min: 1, max: 2 },
        activation: ['relu', 'leaky-relu', 'tanh', 'identity', 'quadratic'],
      }),
      fc.nat(),
    ],
    {
      numRuns: 150,
    },
  )('addZeroUnit with σ(0) = 0: same outputs exactly', (subject, layerPick) => {
    const hidden = layerPick % (subject.network.layerSizes.length - 2);
    expect(Array.from(out(addZeroUnit(subject, hidden)))).toEqual(Array.from(out(subject)));
  });

  test('a mis-split (λv, (1 − λ)v + δ) changes the outputs', () => {
    const subject: MlpSubjectJson = {
      kind: 'mlp',
      network: { layerSizes: [1, 2, 1], activation: { name: 'tanh' }, bias: false },
      data: { inputs: [[1], [-0.5]], targets: [[0.3], [0.1]] },
      loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
      point: {
        layers: [
          { weights: [[0.7], [-1.2]], biases: null },
          { weights: [[0.4, 0.9]], biases: null },
        ],
      },
    };
    expect(maxRelDiff(out(subject), out(duplicateUnit(subject, 0, 1, 0.25, 0.125)))).toBeGreaterThan(1e-3);
  });

  test('the gradient blocks of a duplicated unit are λ·∂L/∂w_j, (1 − λ)·∂L/∂w_j and ∂L/∂v_j twice', () => {
    const subject: MlpSubjectJson = {
      kind: 'mlp',
      network: { layerSizes: [1, 2, 1], activation: { name: 'tanh' }, bias: false },
      data: { inputs: [[1], [-0.5]], targets: [[0.3], [0.1]] },
      loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
      point: {
        layers: [
          { weights: [[0.7], [-1.2]], biases: null },
          { weights: [[0.4, 0.9]], biases: null },
        ],
      },
    };
    const lambda = -0.75;
    const wide = duplicateUnit(subject, 0, 1, lambda);
    const g = lossAndGradient(
      makeProblem(subject.network, subject.data),
      pointToVector(subject.network, subject.point),
    ).gradient;
    const gw = lossAndGradient(
      makeProblem(wide.network, wide.data),
      pointToVector(wide.network, wide.point),
    ).gradient;
    // layout: W_1 (2 or 3 rows × 1), then W_2 (1 × 2 or 3)
    expect(isClose(gw[1]!, lambda * g[1]!, 1e-12, 1 + Math.abs(g[1]!))).toBe(true);
    expect(isClose(gw[2]!, (1 - lambda) * g[1]!, 1e-12, 1 + Math.abs(g[1]!))).toBe(true);
    expect(isClose(gw[4]!, g[3]!, 1e-12, 1 + Math.abs(g[3]!))).toBe(true);
    expect(isClose(gw[5]!, g[3]!, 1e-12, 1 + Math.abs(g[3]!))).toBe(true);
    expect(isClose(gw[0]!, g[0]!, 1e-12, 1) && isClose(gw[3]!, g[2]!, 1e-12, 1)).toBe(true);
    const problem = makeProblem(wide.network, wide.data);
    expect(
      isClose(
        loss(problem, pointToVector(wide.network, wide.point)),
        loss(makeProblem(subject.network, subject.data), pointToVector(subject.network, subject.point)),
        1e-14,
        1,
      ),
    ).toBe(true);
  });

  test('bad layer or unit indices are user errors naming the layer', () => {
    const subject: MlpSubjectJson = {
      kind: 'mlp',
      network: { layerSizes: [1, 2, 1], activation: { name: 'relu' }, bias: true },
      data: { inputs: [[1]], targets: [[0]] },
      loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
      point: {
        layers: [
          { weights: [[1], [2]], biases: [0, 0] },
          { weights: [[1, 1]], biases: [0] },
        ],
      },
    };
    expect(() => duplicateUnit(subject, 1, 0, 0.5)).toThrow(UserError);
    expect(() => duplicateUnit(subject, 0, 2, 0.5)).toThrow(/hidden layer 0 has 2 units/);
    expect(() => addZeroUnit(subject, -1)).toThrow(UserError);
  });
});
