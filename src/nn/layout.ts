import { UserError } from '../errors.js';
import type { NetworkSpec } from './spec.js';
import { validateNetwork } from './validate.js';

/**
 * The flat parameter vector θ (one Float64Array) of a network with layerSizes [d_0, …, d_L]:
 *
 *   for l = 0 … L−1:   W_l   row-major, d_{l+1}×d_l   (entry W_l[i][j] at weightOffset_l + i·d_l + j)
 *                      b_l   d_{l+1} entries          (only if bias; entry b_l[i] at biasOffset_l + i)
 *
 * Layer l occupies the contiguous range [start_l, end_l) with start_0 = 0 and start_{l+1} = end_l; its
 * weights come first, then its bias. `size` = Σ_l d_{l+1}·(d_l + bias). Row i of W_l holds the incoming
 * weights of unit i of layer l+1 (the same orientation as the JSON `weights`).
 */
export interface LayerLayout {
  /** l, the index of the weight layer (0 = input → first hidden). */
  readonly layer: number;
  /** d_l, the number of inputs (columns of W_l). */
  readonly inputs: number;
  /** d_{l+1}, the number of outputs (rows of W_l). */
  readonly outputs: number;
  readonly weightOffset: number;
  /** Offset of b_l, or null when the network has no bias. */
  readonly biasOffset: number | null;
  /** First index of this layer's parameters. */
  readonly start: number;
  /** One past the last index of this layer's parameters. */
  readonly end: number;
}

export interface ParamLayout {
  readonly layerSizes: readonly number[];
  readonly bias: boolean;
  readonly layers: readonly LayerLayout[];
  /** p, the length of θ. */
  readonly size: number;
}

/** The layout of θ for `net` (validates the network spec). */
export function paramLayout(net: NetworkSpec): ParamLayout {
  const { layerSizes, bias } = validateNetwork(net);
  const layers: LayerLayout[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < layerSizes.length; l++) {
    const inputs = layerSizes[l]!;
    const outputs = layerSizes[l + 1]!;
    const start = offset;
    const weightOffset = offset;
    offset += inputs * outputs;
    const biasOffset = bias ? offset : null;
    if (bias) offset += outputs;
    layers.push({ layer: l, inputs, outputs, weightOffset, biasOffset, start, end: offset });
  }
  return { layerSizes, bias, layers, size: offset };
}

function layerOf(layout: ParamLayout, l: number): LayerLayout {
  const layer = layout.layers[l];
  if (layer === undefined) {
    throw new UserError(`layer ${l} does not exist; the network has layers 0…${layout.layers.length - 1}`);
  }
  return layer;
}

/** Index of W_l[i][j] in θ. */
export function weightIndex(layout: ParamLayout, l: number, i: number, j: number): number {
  const layer = layerOf(layout, l);
  if (
    !(Number.isInteger(i) && Number.isInteger(j) && i >= 0 && j >= 0 && i < layer.outputs && j < layer.inputs)
  ) {
    throw new UserError(`W_${l}[${i}][${j}] is outside W_${l}, which is ${layer.outputs}×${layer.inputs}`);
  }
  return layer.weightOffset + i * layer.inputs + j;
}

/** Index of b_l[i] in θ (UserError when the network has no bias). */
export function biasIndex(layout: ParamLayout, l: number, i: number): number {
  const layer = layerOf(layout, l);
  if (layer.biasOffset === null) throw new UserError(`b_${l}[${i}] does not exist: the network has no bias`);
  if (!(Number.isInteger(i) && i >= 0 && i < layer.outputs)) {
    throw new UserError(`b_${l}[${i}] is outside b_${l}, which has ${layer.outputs} entries`);
  }
  return layer.biasOffset + i;
}

/** The index range [start, end) of layer l's parameters (weights, then bias). */
export function layerRange(layout: ParamLayout, l: number): { readonly start: number; readonly end: number } {
  const { start, end } = layerOf(layout, l);
  return { start, end };
}

/** All indices of the given layers' parameters, ascending (e.g. the trainable set of a claim that freezes others). */
export function layerIndices(layout: ParamLayout, layers: readonly number[]): number[] {
  const out: number[] = [];
  const sorted = [...new Set(layers)].sort((a, b) => a - b);
  for (const l of sorted) {
    const { start, end } = layerRange(layout, l);
    for (let k = start; k < end; k++) out.push(k);
  }
  return out;
}

/** What θ[k] is: `{layer, kind: 'weight', row, col}` or `{layer, kind: 'bias', row}`; `name` like `W_1[0][2]`. */
export type ParameterName =
  | {
      readonly layer: number;
      readonly kind: 'weight';
      readonly row: number;
      readonly col: number;
      readonly name: string;
    }
  | { readonly layer: number; readonly kind: 'bias'; readonly row: number; readonly name: string };

export function parameterName(layout: ParamLayout, k: number): ParameterName {
  for (const L of layout.layers) {
    if (k < L.start || k >= L.end) continue;
    if (L.biasOffset !== null && k >= L.biasOffset) {
      const row = k - L.biasOffset;
      return { layer: L.layer, kind: 'bias', row, name: `b_${L.layer}[${row}]` };
    }
    const row = Math.floor((k - L.weightOffset) / L.inputs);
    const col = (k - L.weightOffset) % L.inputs;
    return { layer: L.layer, kind: 'weight', row, col, name: `W_${L.layer}[${row}][${col}]` };
  }
  throw new UserError(`parameter index ${k} is outside θ, which has ${layout.size} entries`);
}
