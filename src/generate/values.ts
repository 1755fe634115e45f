import fc from 'fast-check';
import { UserError } from '../errors.js';

/**
 * A grid of numbers k/denominator with |k/denominator| ≤ maxAbs. Numbers for properties are drawn from such
 * grids, never from fc.double (which crowds near 0 and shrinks to tiny magnitudes): fc.integer draws k
 * uniformly (with fast-check's usual bias towards small |k| in some runs) and shrinks it towards 0, so
 * a shrunk value is a small multiple of 1/denominator, and 0 where possible. Powers of two as denominators
 * keep every value exact in binary (and in JSON). A larger denominator puts data in more generic position
 * (fewer exact cancellations, e.g. fewer pre-activations exactly on a relu kink).
 */
export interface ValueGrid {
  readonly maxAbs: number;
  readonly denominator: number;
}

/** The default grid for inputs and targets: multiples of 1/4 in [−2, 2]. */
export const DATA_GRID: ValueGrid = { maxAbs: 2, denominator: 4 };

/** The default grid for weights and biases: multiples of 1/16 in [−2, 2]. */
export const WEIGHT_GRID: ValueGrid = { maxAbs: 2, denominator: 16 };

/** The largest integer numerator k of the grid. */
export function gridSteps(grid: ValueGrid): number {
  if (!(grid.denominator > 0) || !Number.isFinite(grid.denominator) || !(grid.maxAbs >= 0)) {
    throw new UserError(`value grid needs denominator > 0 and maxAbs ≥ 0, got ${JSON.stringify(grid)}`);
  }
  return Math.floor(grid.maxAbs * grid.denominator);
}

/** One number of the grid: k/denominator for an integer |k| ≤ maxAbs·denominator; shrinks towards 0. */
export function gridValue(grid: ValueGrid): fc.Arbitrary<number> {
  const K = gridSteps(grid);
  return fc.integer({ min: -K, max: K }).map((k) => k / grid.denominator);
}

/** A fixed-length array of grid numbers. */
export function gridVector(grid: ValueGrid, length: number): fc.Arbitrary<number[]> {
  return fc.array(gridValue(grid), { minLength: length, maxLength: length });
}

/** An inclusive integer range. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** A fixed number or a range, as options accept them. */
export type Count = number | Range;

/** The range of a Count, checked: integers with min ≤ max, min ≥ lowest. */
export function toRange(what: string, count: Count, lowest: number): Range {
  const r = typeof count === 'number' ? { min: count, max: count } : count;
  if (!Number.isInteger(r.min) || !Number.isInteger(r.max) || r.min < lowest || r.max < r.min) {
    throw new UserError(`${what} must be integers with ${lowest} ≤ min ≤ max, got ${JSON.stringify(count)}`);
  }
  return r;
}

/** An integer in the range, shrinking towards its minimum. */
export function countArb(range: Range): fc.Arbitrary<number> {
  return fc.integer({ min: range.min, max: range.max });
}
