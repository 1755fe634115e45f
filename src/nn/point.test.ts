import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { NonFiniteError, ShapeError, UserError } from '../errors.js';
import { networkArb, thetaArb } from '../generate/index.js';
import { pointToVector, vectorToPoint } from './point.js';
import type { NetworkSpec } from './spec.js';

/** Bit patterns of a Float64Array, so −0 ≠ 0 and NaN payloads would count. */
function bits(x: Float64Array): bigint[] {
  return Array.from(new BigUint64Array(x.buffer, x.byteOffset, x.length));
}

// Weights on a fine grid and, in a second arbitrary, arbitrary doubles made from random bit patterns
// (finite ones only): the round trip must keep every bit, not only "nice" grid values.
const netAndTheta = networkArb().chain((net) =>
  thetaArb(net, { maxAbs: 3, denominator: 1000 }).map((theta) => ({ net, theta })),
);
const netAndRawBits = networkArb().chain((net) =>
  thetaArb(net).chain((t) =>
    fc
      .array(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), { minLength: t.length, maxLength: t.length })
      .map((raw) => {
        const theta = new Float64Array(new BigUint64Array(raw).buffer);
        for (let k = 0; k < theta.length; k++) if (!Number.isFinite(theta[k])) theta[k] = k;
        return { net, theta };
      }),
  ),
);

describe('JSON point ↔ flat θ', () => {
  test.prop([netAndTheta], { numRuns: 100 })(
    'vector → point → JSON text → point → vector is bit-identical',
    ({ net, theta }) => {
      const text = JSON.stringify(vectorToPoint(net, theta));
      expect(bits(pointToVector(net, JSON.parse(text)))).toEqual(bits(theta));
    },
  );

  test.prop([netAndRawBits], { numRuns: 100 })(
    'vector → point → vector is bit-identical for any finite doubles (including −0 and subnormals)',
    ({ net, theta }) => {
      expect(bits(pointToVector(net, vectorToPoint(net, theta)))).toEqual(bits(theta));
      const again = vectorToPoint(net, pointToVector(net, vectorToPoint(net, theta)));
      expect(again).toEqual(vectorToPoint(net, theta));
    },
  );

  test('biases are null exactly when the network has no bias', () => {
    const withBias: NetworkSpec = { layerSizes: [2, 1], activation: { name: 'relu' }, bias: true };
    const without: NetworkSpec = { ...withBias, bias: false };
    expect(vectorToPoint(without, new Float64Array(2)).layers[0]!.biases).toBeNull();
    expect(vectorToPoint(withBias, new Float64Array(3)).layers[0]!.biases).toEqual([0]);
    expect(() => pointToVector(withBias, { layers: [{ weights: [[1, 2]], biases: null }] })).toThrow(
      /layer 0 biases are null, expected 1 entries/,
    );
    expect(() => pointToVector(without, { layers: [{ weights: [[1, 2]], biases: [0] }] })).toThrow(
      /layer 0 biases must be null/,
    );
  });

  test('shape errors name the layer and both shapes; non-finite entries are NonFiniteErrors', () => {
    const net: NetworkSpec = { layerSizes: [5, 3, 1], activation: { name: 'tanh' }, bias: false };
    const row = (k: number) => new Array(k).fill(0);
    const good = {
      layers: [
        { weights: [row(5), row(5), row(5)], biases: null },
        { weights: [row(3)], biases: null },
      ],
    };
    expect(pointToVector(net, good)).toHaveLength(18);
    const bad = { layers: [{ weights: [row(4), row(4), row(4)], biases: null }, good.layers[1]!] };
    expect(() => pointToVector(net, bad)).toThrow(ShapeError);
    expect(() => pointToVector(net, bad)).toThrow('layer 0 weights are 3×4, expected 3×5');
    const ragged = { layers: [{ weights: [row(5), row(4), row(5)], biases: null }, good.layers[1]!] };
    expect(() => pointToVector(net, ragged)).toThrow(
      'layer 0 weights row 1 has 4 entries, expected 5 entries',
    );
    expect(() => pointToVector(net, { layers: [good.layers[0]!] })).toThrow('point has 1 layers, expected 2');
    const nan = { layers: [good.layers[0]!, { weights: [[0, Number.NaN, 0]], biases: null }] };
    expect(() => pointToVector(net, nan)).toThrow(NonFiniteError);
    expect(() => pointToVector(net, nan)).toThrow('layer 1 weights[0][1] is NaN');
    const theta = new Float64Array(18);
    theta[15] = Number.POSITIVE_INFINITY;
    expect(() => vectorToPoint(net, theta)).toThrow('θ[15] (W_1[0][0]) is Infinity');
    expect(() => vectorToPoint(net, new Float64Array(17))).toThrow(
      'parameter vector has 17 entries, expected 18',
    );
  });

  test('every malformed point is refused with the error class and message that names it', () => {
    const net: NetworkSpec = { layerSizes: [2, 2, 1], activation: { name: 'relu' }, bias: true };
    const out = { weights: [[1, 2]], biases: [0] };
    const cases: [unknown, typeof UserError, string][] = [
      [null, UserError, 'point must be an object {layers: [{weights, biases}, …]}'],
      ['point', UserError, 'point must be an object {layers: [{weights, biases}, …]}'],
      [{ layers: 'x' }, UserError, 'point must be an object {layers: [{weights, biases}, …]}'],
      [
        { layers: [{ weights: 'w', biases: [0, 0] }, out] },
        UserError,
        'layer 0 weights must be an array of rows',
      ],
      [
        { layers: [{ weights: [], biases: [0, 0] }, out] },
        ShapeError,
        'layer 0 weights are 0×0, expected 2×2',
      ],
      [
        { layers: [{ weights: [[1, 2]], biases: [0, 0] }, out] },
        ShapeError,
        'layer 0 weights are 1×2, expected 2×2',
      ],
      [
        {
          layers: [
            {
              weights: [
                [1, 2],
                [3, 4],
                [5, 6],
              ],
              biases: [0, 0],
            },
            out,
          ],
        },
        ShapeError,
        'layer 0 weights are 3×2, expected 2×2',
      ],
      [
        { layers: [{ weights: [5, 6], biases: [0, 0] }, out] },
        ShapeError,
        'layer 0 weights are 2×0, expected 2×2',
      ],
      [
        { layers: [{ weights: [[1, 2], 7], biases: [0, 0] }, out] },
        ShapeError,
        'layer 0 weights row 1 has not an array, expected 2 entries',
      ],
      [
        {
          layers: [
            {
              weights: [
                [1, 2],
                [3, '4'],
              ],
              biases: [0, 0],
            },
            out,
          ],
        },
        UserError,
        'layer 0 weights[1][1] must be a number, got "4"',
      ],
      [
        {
          layers: [
            {
              weights: [
                [1, 2],
                [3, 4],
              ],
              biases: [0],
            },
            out,
          ],
        },
        ShapeError,
        'layer 0 biases have 1 entries, expected 2',
      ],
      [
        {
          layers: [
            {
              weights: [
                [1, 2],
                [3, 4],
              ],
              biases: [0, null],
            },
            out,
          ],
        },
        UserError,
        'layer 0 biases[1] must be a number, got null',
      ],
      [
        {
          layers: [
            {
              weights: [
                [1, 2],
                [3, 4],
              ],
              biases: [0, 0],
            },
            { weights: [[1, 2]], biases: [-Infinity] },
          ],
        },
        NonFiniteError,
        'layer 1 biases[0] is -Infinity, expected a finite number',
      ],
    ];
    for (const [point, kind, message] of cases) {
      expect(() => pointToVector(net, point as never)).toThrow(kind);
      expect(() => pointToVector(net, point as never)).toThrow(message);
    }
    const good = {
      layers: [
        {
          weights: [
            [1, 2],
            [3, 4],
          ],
          biases: [5, 6],
        },
        { weights: [[7, 8]], biases: [9] },
      ],
    };
    expect(Array.from(pointToVector(net, good))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(vectorToPoint(net, Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toEqual(good);
    const nan = Float64Array.from([1, 2, 3, 4, 5, Number.NaN, 7, 8, 9]);
    expect(() => vectorToPoint(net, nan)).toThrow(NonFiniteError);
    expect(() => vectorToPoint(net, nan)).toThrow('θ[5] (b_0[1]) is NaN');
  });
});
