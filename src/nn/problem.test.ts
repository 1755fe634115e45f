import { describe, expect, test } from 'vitest';
import { NonFiniteError, ShapeError, UserError } from '../errors.js';
import { makeProblem, requireTheta, subjectProblem } from './problem.js';
import type { DatasetJson, LossSpec, NetworkSpec } from './spec.js';

const net: NetworkSpec = { layerSizes: [2, 3, 1], activation: { name: 'tanh' }, bias: true };
const data: DatasetJson = {
  inputs: [
    [0, 1],
    [1, 0],
  ],
  targets: [[1], [0]],
};

describe('makeProblem', () => {
  test('compiles X, Y row-major and the default loss', () => {
    const p = makeProblem(net, data);
    expect(p.n).toBe(2);
    expect(Array.from(p.X)).toEqual([0, 1, 1, 0]);
    expect(Array.from(p.Y)).toEqual([1, 0]);
    expect(p.loss).toEqual({ name: 'squared', scale: 0.5, reduction: 'sum' });
    expect(p.layout.size).toBe(13);
  });

  test('rejects bad networks, naming the field', () => {
    const bad = (n: unknown) => () => makeProblem(n as NetworkSpec, data);
    expect(bad({ ...net, layerSizes: [2] })).toThrow(
      /network.layerSizes must be an array .* at least 2 entries/,
    );
    expect(bad({ ...net, layerSizes: [2, 0, 1] })).toThrow(
      'network.layerSizes[1] must be a positive integer, got 0',
    );
    expect(bad({ ...net, layerSizes: [2, 1.5, 1] })).toThrow(/layerSizes\[1\]/);
    expect(bad({ ...net, bias: 'yes' })).toThrow(/network.bias must be true or false/);
    expect(bad({ ...net, activation: { name: 'leaky-relu' } })).toThrow(
      /network.activation: leaky-relu needs/,
    );
  });

  test('rejects bad data, naming the field and both shapes', () => {
    const bad = (d: unknown) => () => makeProblem(net, d as DatasetJson);
    expect(bad({ inputs: [], targets: [] })).toThrow(/n ≥ 1/);
    expect(bad({ inputs: [[0, 1, 2]], targets: [[1]] })).toThrow(ShapeError);
    expect(bad({ inputs: [[0, 1, 2]], targets: [[1]] })).toThrow('data.inputs[0] has 3 entries, expected 2');
    expect(bad({ inputs: [[0, 1]], targets: [[1], [2]] })).toThrow('data.targets has 2 rows, expected 1');
    expect(bad({ inputs: [[0, 1]], targets: [[1, 2]] })).toThrow('data.targets[0] has 2 entries, expected 1');
    expect(bad({ inputs: [[0, Number.NaN]], targets: [[1]] })).toThrow(NonFiniteError);
    expect(bad({ inputs: [[0, Number.NaN]], targets: [[1]] })).toThrow('data.inputs[0][1] is NaN');
    expect(bad({ inputs: [[0, '1']], targets: [[1]] })).toThrow(/data.inputs\[0\]\[1\] must be a number/);
  });

  test('rejects bad losses', () => {
    const bad = (l: unknown) => () => makeProblem(net, data, l as LossSpec);
    expect(bad({ name: 'squared', scale: 0, reduction: 'sum' })).toThrow(
      /loss.scale must be a finite number > 0/,
    );
    expect(bad({ name: 'squared', scale: Number.POSITIVE_INFINITY, reduction: 'sum' })).toThrow(/loss.scale/);
    expect(bad({ name: 'hinge', scale: 1, reduction: 'sum' })).toThrow(/loss.name must be "squared"/);
    expect(bad({ name: 'squared', scale: 1, reduction: 'max' })).toThrow(/loss.reduction/);
  });

  test('subjectProblem gives the problem and θ; θ of the wrong length is a ShapeError', () => {
    const point = {
      layers: [
        {
          weights: [
            [1, 0],
            [0, 1],
            [1, 1],
          ],
          biases: [0, 0, 0],
        },
        { weights: [[1, 1, 1]], biases: [0] },
      ],
    };
    const { problem, theta } = subjectProblem({
      kind: 'mlp',
      network: net,
      data,
      loss: { name: 'squared', scale: 1, reduction: 'mean' },
      point,
    });
    expect(theta).toHaveLength(problem.layout.size);
    expect(() => requireTheta(problem, new Float64Array(3))).toThrow(
      'parameter vector has 3 entries, expected 13',
    );
    expect(() => requireTheta(problem, new Float64Array(3))).toThrow(UserError);
  });
});
