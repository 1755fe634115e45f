import { describe, expect, test } from 'vitest';
import { NonFiniteError, ShapeError, UserError } from '../errors.js';
import type { DatasetJson, LossSpec, NetworkSpec } from './spec.js';
import { tableToArray, validateDataset, validateLoss, validateNetwork } from './validate.js';

/** `f` throws exactly `kind` (not a subclass, not a TypeError from reading a field of null) with `message`. */
function fails(f: () => unknown, kind: typeof UserError, message: string): void {
  let caught: unknown = null;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect((caught as Error | null)?.constructor).toBe(kind);
  expect((caught as Error).message).toBe(message);
}

const net: NetworkSpec = { layerSizes: [2, 3, 1], activation: { name: 'tanh' }, bias: true };
const junk = (x: unknown) => x as never;

describe('validateNetwork', () => {
  test('a network that is not an object, and layer sizes that are not positive integers, are named', () => {
    for (const bad of [null, undefined, 5, 'net'])
      fails(() => validateNetwork(junk(bad)), UserError, 'network must be an object');
    for (const [d, shown] of [
      ['3', '"3"'],
      [1.5, '1.5'],
      [0, '0'],
      [null, 'null'],
    ] as const)
      fails(
        () => validateNetwork({ ...net, layerSizes: junk([2, d, 1]) }),
        UserError,
        `network.layerSizes[1] must be a positive integer, got ${shown}`,
      );
  });

  test('a valid network comes back as a copy', () => {
    const copy = validateNetwork(net);
    expect(copy).toEqual(net);
    expect(copy.layerSizes).not.toBe(net.layerSizes);
  });
});

describe('tableToArray', () => {
  test('a table that is not an array of rows, or a row that is not an array, is named', () => {
    fails(() => tableToArray('t', junk('abc'), null, 1), UserError, 't must be an array of rows');
    fails(() => tableToArray('t', junk([5]), 1, 1), UserError, 't[0] must be an array of numbers');
    fails(() => tableToArray('t', [[1], [2]], 3, 1), ShapeError, 't has 2 rows, expected 3');
    fails(
      () => tableToArray('t', [[Number.NaN]], 1, 1),
      NonFiniteError,
      't[0][0] is NaN, expected a finite number',
    );
  });

  test('without a row count any number of rows is taken, row-major', () => {
    expect(
      Array.from(
        tableToArray(
          't',
          [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          null,
          2,
        ),
      ),
    ).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('validateDataset and validateLoss', () => {
  test('data and loss that are not objects are named', () => {
    for (const bad of [null, 7, 'data'])
      fails(() => validateDataset(net, junk(bad)), UserError, 'data must be an object {inputs, targets}');
    for (const bad of [null, 7, 'loss'])
      fails(() => validateLoss(junk(bad)), UserError, 'loss must be an object');
  });

  test('a loss scale that is not a finite positive number is named', () => {
    const loss: LossSpec = { name: 'squared', scale: 0.5, reduction: 'sum' };
    for (const [scale, shown] of [
      ['1', '"1"'],
      [Number.NaN, 'null'],
      [Number.POSITIVE_INFINITY, 'null'],
      [0, '0'],
      [-1, '-1'],
    ] as const)
      fails(
        () => validateLoss({ ...loss, scale: junk(scale) }),
        UserError,
        `loss.scale must be a finite number > 0, got ${shown}`,
      );
    expect(validateLoss(loss)).toEqual(loss);
  });

  test('a valid dataset comes back as X, Y row-major and n', () => {
    const data: DatasetJson = { inputs: [[1, 2]], targets: [[3]] };
    const { n, X, Y } = validateDataset(net, data);
    expect([n, Array.from(X), Array.from(Y)]).toEqual([1, [1, 2], [3]]);
  });
});
