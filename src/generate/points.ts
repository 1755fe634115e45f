import fc from 'fast-check';
import { type NetworkSpec, type PointJson, paramLayout, vectorToPoint } from '../nn/index.js';
import { gridValue, type ValueGrid, WEIGHT_GRID } from './values.js';

/** θ for `net` (layout of paramLayout) with every entry on the grid; shrinks entries towards 0. */
export function thetaArb(net: NetworkSpec, grid: ValueGrid = WEIGHT_GRID): fc.Arbitrary<Float64Array> {
  const p = paramLayout(net).size;
  return fc.array(gridValue(grid), { minLength: p, maxLength: p }).map((v) => Float64Array.from(v));
}

/**
 * The point of a 1–width–1 network with biases, each weight and bias drawn from `draw` in this order: the hidden
 * weights, the hidden biases, the output weights, the output bias.
 */
export function scalarNetworkPoint(width: number, draw: () => number): PointJson {
  return {
    layers: [
      {
        weights: Array.from({ length: width }, () => [draw()]),
        biases: Array.from({ length: width }, draw),
      },
      { weights: [Array.from({ length: width }, draw)], biases: [draw()] },
    ],
  };
}

/** A JSON point for `net` with every weight and bias on the grid. */
export function pointArb(net: NetworkSpec, grid: ValueGrid = WEIGHT_GRID): fc.Arbitrary<PointJson> {
  return thetaArb(net, grid).map((theta) => vectorToPoint(net, theta));
}

/** Grid of direction entries: multiples of 1/64 in [−1, 1], so ‖v‖∞ ≤ 1 as the FD tolerances assume. */
export const DIRECTION_GRID: ValueGrid = { maxAbs: 1, denominator: 64 };

/** A direction v ∈ ℝ^p for derivative checks, entries on DIRECTION_GRID (shrinks towards 0). */
export function directionArb(p: number, grid: ValueGrid = DIRECTION_GRID): fc.Arbitrary<Float64Array> {
  return fc.array(gridValue(grid), { minLength: p, maxLength: p }).map((v) => Float64Array.from(v));
}
