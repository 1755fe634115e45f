import { NonFiniteError, ShapeError, shapeText, UserError } from '../errors.js';
import { parameterName, paramLayout } from './layout.js';
import type { LayerJson, NetworkSpec, PointJson } from './spec.js';

/**
 * θ from a JSON point (layers[l].weights is d_{l+1}×d_l, biases has d_{l+1} entries or is null), in the layout
 * of `paramLayout`. Every number is copied as is, so vectorToPoint(net, pointToVector(net, p)) is
 * bit-identical to p and vice versa (a JSON *text* round trip keeps every finite double except that −0 is
 * written as 0). Throws ShapeError naming the layer (`layer 1 weights are 3×4, expected 3×5`), and
 * NonFiniteError for NaN/±Infinity naming the entry.
 */
export function pointToVector(net: NetworkSpec, point: PointJson): Float64Array {
  const layout = paramLayout(net);
  if (typeof point !== 'object' || point === null || !Array.isArray(point.layers)) {
    throw new UserError('point must be an object {layers: [{weights, biases}, …]}');
  }
  if (point.layers.length !== layout.layers.length) {
    throw new ShapeError(`point has ${point.layers.length} layers, expected ${layout.layers.length}`);
  }
  const theta = new Float64Array(layout.size);
  layout.layers.forEach((L, l) => {
    const layer = point.layers[l] as LayerJson;
    const { weights, biases } = layer;
    if (!Array.isArray(weights)) throw new UserError(`layer ${l} weights must be an array of rows`);
    const cols = weights.length === 0 ? 0 : Array.isArray(weights[0]) ? weights[0].length : 0;
    if (weights.length !== L.outputs || cols !== L.inputs) {
      throw new ShapeError(
        `layer ${l} weights are ${shapeText(weights.length, cols)}, expected ${shapeText(L.outputs, L.inputs)}`,
      );
    }
    weights.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== L.inputs) {
        const got = Array.isArray(row) ? `${row.length} entries` : 'not an array';
        throw new ShapeError(`layer ${l} weights row ${i} has ${got}, expected ${L.inputs} entries`);
      }
      for (let j = 0; j < L.inputs; j++) {
        theta[L.weightOffset + i * L.inputs + j] = entry(row[j], `layer ${l} weights[${i}][${j}]`);
      }
    });
    if (L.biasOffset === null) {
      if (biases !== null) {
        throw new ShapeError(
          `layer ${l} biases must be null: the network has no bias (network.bias is false)`,
        );
      }
    } else {
      if (!Array.isArray(biases)) {
        throw new ShapeError(
          `layer ${l} biases are null, expected ${L.outputs} entries (network.bias is true)`,
        );
      }
      if (biases.length !== L.outputs) {
        throw new ShapeError(`layer ${l} biases have ${biases.length} entries, expected ${L.outputs}`);
      }
      for (let i = 0; i < L.outputs; i++)
        theta[L.biasOffset + i] = entry(biases[i], `layer ${l} biases[${i}]`);
    }
  });
  return theta;
}

function entry(v: unknown, where: string): number {
  if (typeof v !== 'number') throw new UserError(`${where} must be a number, got ${JSON.stringify(v)}`);
  if (!Number.isFinite(v)) throw new NonFiniteError(`${where} is ${v}, expected a finite number`);
  return v;
}

/** The JSON point of θ (plain nested arrays; biases null when the network has no bias). NaN/±Infinity throw. */
export function vectorToPoint(net: NetworkSpec, theta: Float64Array): PointJson {
  const layout = paramLayout(net);
  if (theta.length !== layout.size) {
    throw new ShapeError(`parameter vector has ${theta.length} entries, expected ${layout.size}`);
  }
  for (let k = 0; k < theta.length; k++) {
    const v = theta[k]!;
    if (!Number.isFinite(v)) throw new NonFiniteError(`θ[${k}] (${parameterName(layout, k).name}) is ${v}`);
  }
  const layers: LayerJson[] = layout.layers.map((L) => {
    const weights: number[][] = [];
    for (let i = 0; i < L.outputs; i++) {
      const start = L.weightOffset + i * L.inputs;
      weights.push(Array.from(theta.subarray(start, start + L.inputs)));
    }
    const biases =
      L.biasOffset === null ? null : Array.from(theta.subarray(L.biasOffset, L.biasOffset + L.outputs));
    return { weights, biases };
  });
  return { layers };
}
