import { NonFiniteError, ShapeError, UserError } from '../errors.js';
import { validateActivationSpec } from './activations.js';
import type { DatasetJson, LossSpec, NetworkSpec } from './spec.js';

// Checks of everything a user file can get wrong in a network, a dataset or a loss. Each returns a fresh,
// validated copy (so later mutation of the input cannot invalidate it) and throws UserError / ShapeError /
// NonFiniteError with a message that names the field.

/** layerSizes: at least two positive integers; activation: see validateActivationSpec; bias: boolean. */
export function validateNetwork(net: NetworkSpec): NetworkSpec {
  if (typeof net !== 'object' || net === null) throw new UserError('network must be an object');
  const sizes: unknown = net.layerSizes;
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new UserError(
      `network.layerSizes must be an array [d_0, …, d_L] with at least 2 entries, got ${JSON.stringify(sizes)}`,
    );
  }
  sizes.forEach((d: unknown, l) => {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1) {
      throw new UserError(`network.layerSizes[${l}] must be a positive integer, got ${JSON.stringify(d)}`);
    }
  });
  if (typeof net.bias !== 'boolean') {
    throw new UserError(`network.bias must be true or false, got ${JSON.stringify(net.bias)}`);
  }
  const activation = validateActivationSpec(net.activation, 'network.activation');
  return { layerSizes: [...(sizes as number[])], activation, bias: net.bias };
}

/** A rows×cols table of finite numbers, as Float64Array (row-major); `what` names it in messages. */
export function tableToArray(
  what: string,
  table: readonly (readonly number[])[],
  rows: number | null,
  cols: number,
): Float64Array {
  if (!Array.isArray(table)) throw new UserError(`${what} must be an array of rows`);
  if (rows !== null && table.length !== rows) {
    throw new ShapeError(`${what} has ${table.length} rows, expected ${rows}`);
  }
  const out = new Float64Array(table.length * cols);
  table.forEach((row, i) => {
    if (!Array.isArray(row)) throw new UserError(`${what}[${i}] must be an array of numbers`);
    if (row.length !== cols)
      throw new ShapeError(`${what}[${i}] has ${row.length} entries, expected ${cols}`);
    for (let j = 0; j < cols; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number')
        throw new UserError(`${what}[${i}][${j}] must be a number, got ${JSON.stringify(v)}`);
      if (!Number.isFinite(v))
        throw new NonFiniteError(`${what}[${i}][${j}] is ${v}, expected a finite number`);
      out[i * cols + j] = v;
    }
  });
  return out;
}

/** inputs n×d_0 and targets n×d_L, n ≥ 1, all finite. Returns X, Y row-major and n. */
export function validateDataset(
  net: NetworkSpec,
  data: DatasetJson,
): { readonly n: number; readonly X: Float64Array; readonly Y: Float64Array } {
  if (typeof data !== 'object' || data === null)
    throw new UserError('data must be an object {inputs, targets}');
  if (!Array.isArray(data.inputs) || data.inputs.length < 1) {
    throw new UserError('data.inputs must be a non-empty array of rows (n ≥ 1 samples)');
  }
  const d0 = net.layerSizes[0]!;
  const dL = net.layerSizes[net.layerSizes.length - 1]!;
  const n = data.inputs.length;
  const X = tableToArray('data.inputs', data.inputs, n, d0);
  const Y = tableToArray('data.targets', data.targets, n, dL);
  return { n, X, Y };
}

/** name "squared", scale finite and > 0, reduction "sum" or "mean". */
export function validateLoss(loss: LossSpec): LossSpec {
  if (typeof loss !== 'object' || loss === null) throw new UserError('loss must be an object');
  if (loss.name !== 'squared')
    throw new UserError(`loss.name must be "squared", got ${JSON.stringify(loss.name)}`);
  if (typeof loss.scale !== 'number' || !Number.isFinite(loss.scale) || !(loss.scale > 0)) {
    throw new UserError(`loss.scale must be a finite number > 0, got ${JSON.stringify(loss.scale)}`);
  }
  if (loss.reduction !== 'sum' && loss.reduction !== 'mean') {
    throw new UserError(`loss.reduction must be "sum" or "mean", got ${JSON.stringify(loss.reduction)}`);
  }
  return { name: 'squared', scale: loss.scale, reduction: loss.reduction };
}
