import fc from 'fast-check';
import { UserError } from '../errors.js';
import type { DatasetJson } from '../nn/index.js';
import {
  type Count,
  DATA_GRID,
  gridSteps,
  gridVector,
  type Range,
  toRange,
  type ValueGrid,
} from './values.js';

/** Options of {@link datasetArb}: sample count, input and output dimensions, value grids, distinct inputs. */
export interface DatasetOptions {
  /** Number of samples n. Default 1–6. */
  readonly n?: Count;
  readonly inputDim: number;
  readonly outputDim: number;
  /** Grid of the input entries (default DATA_GRID: multiples of 1/4 in [−2, 2]). */
  readonly inputs?: ValueGrid;
  /** Grid of the target entries (default DATA_GRID). */
  readonly targets?: ValueGrid;
  /** Inputs pairwise distinct (default true; most landscape theorems assume it). */
  readonly distinctInputs?: boolean;
}

export const DEFAULT_SAMPLES: Range = { min: 1, max: 6 };

/** The key two inputs share exactly when they are equal entry by entry. */
export function inputKey(x: readonly number[]): string {
  return x.join(',');
}

/**
 * Datasets of n samples: inputs n×d_0 and targets n×d_L on grids. Samples are generated as (x, y) pairs in one
 * array, so shrinking removes whole samples (towards fewer points) and moves entries towards 0.
 */
export function datasetArb(options: DatasetOptions): fc.Arbitrary<DatasetJson> {
  const n = toRange('n', options.n ?? DEFAULT_SAMPLES, 1);
  const inputGrid = options.inputs ?? DATA_GRID;
  const targetGrid = options.targets ?? DATA_GRID;
  const { inputDim, outputDim } = options;
  if (!Number.isInteger(inputDim) || inputDim < 1 || !Number.isInteger(outputDim) || outputDim < 1) {
    throw new UserError(`dataset dimensions must be positive integers, got ${inputDim} and ${outputDim}`);
  }
  const distinct = options.distinctInputs !== false;
  const available = (2 * gridSteps(inputGrid) + 1) ** inputDim;
  if (distinct && available < n.max) {
    throw new UserError(
      `cannot draw ${n.max} distinct inputs from a grid of ${available} points; widen the input grid or lower n`,
    );
  }
  const sample = fc.record({ x: gridVector(inputGrid, inputDim), y: gridVector(targetGrid, outputDim) });
  const constraints = { minLength: n.min, maxLength: n.max, size: 'max' as const };
  const samples = distinct
    ? fc.uniqueArray(sample, { ...constraints, selector: (s) => inputKey(s.x) })
    : fc.array(sample, constraints);
  return samples.map((rows) => ({ inputs: rows.map((s) => s.x), targets: rows.map((s) => s.y) }));
}

/** True when no two inputs are equal (the law `datasetArb` keeps by default). */
export function hasDistinctInputs(data: DatasetJson): boolean {
  return new Set(data.inputs.map(inputKey)).size === data.inputs.length;
}
