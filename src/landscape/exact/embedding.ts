import { UserError } from '../../errors.js';
import type { LayerJson } from '../../nn/index.js';
import type { MlpSubjectJson } from '../index.js';

/**
 * Embeddings of a network into a wider one (Fukumizu & Amari 2000; the "embedding principle"; docs/derivations.md#embeddings).
 * Hidden layer h is the output of weight layer h and the input of weight layer h + 1; the new unit is appended
 * as the last unit of layer h. Both maps keep the network function, hence the loss; at a critical point they
 * keep ∇L = 0: the duplicated unit's incoming gradient is λ (resp. 1 − λ) times the original's, its outgoing
 * gradient equals the original's, every other block is unchanged; a zero unit (w = 0, b = 0, v = 0) has
 * incoming gradient ∝ v = 0 and outgoing gradient ∝ σ(0) = 0.
 */

function checkLayer(subject: MlpSubjectJson, hidden: number): void {
  const layers = subject.point.layers.length;
  if (!Number.isInteger(hidden) || hidden < 0 || hidden >= layers - 1) {
    throw new UserError(`hidden layer ${hidden} does not exist: the network has ${layers - 1} hidden layers`);
  }
}

function widened(subject: MlpSubjectJson, hidden: number, layers: LayerJson[]): MlpSubjectJson {
  const layerSizes = subject.network.layerSizes.map((s, l) => (l === hidden + 1 ? s + 1 : s));
  return { ...subject, network: { ...subject.network, layerSizes }, point: { layers } };
}

/**
 * Duplicate unit `unit` of hidden layer `hidden`: its incoming weights and bias are copied; its outgoing weights
 * v become λ·v (old unit) and (1 − λ)·v + misSplit (new unit). misSplit = 0 is the embedding; any other value
 * changes the function (a control that must break criticality).
 */
export function duplicateUnit(
  subject: MlpSubjectJson,
  hidden: number,
  unit: number,
  lambda: number,
  misSplit = 0,
): MlpSubjectJson {
  checkLayer(subject, hidden);
  const width = subject.network.layerSizes[hidden + 1]!;
  if (!Number.isInteger(unit) || unit < 0 || unit >= width) {
    throw new UserError(`unit ${unit} does not exist: hidden layer ${hidden} has ${width} units`);
  }
  const layers = subject.point.layers.map((layer, l): LayerJson => {
    if (l === hidden) {
      return {
        weights: [...layer.weights.map((row) => [...row]), [...layer.weights[unit]!]],
        biases: layer.biases === null ? null : [...layer.biases, layer.biases[unit]!],
      };
    }
    if (l === hidden + 1) {
      return {
        weights: layer.weights.map((row) => {
          const v = row[unit]!;
          const out = [...row, (1 - lambda) * v + misSplit];
          out[unit] = lambda * v;
          return out;
        }),
        biases: layer.biases === null ? null : [...layer.biases],
      };
    }
    return layer;
  });
  return widened(subject, hidden, layers);
}

/** Add a zero unit to hidden layer `hidden`: incoming weights, bias and outgoing weights all 0. */
export function addZeroUnit(subject: MlpSubjectJson, hidden: number): MlpSubjectJson {
  checkLayer(subject, hidden);
  const layers = subject.point.layers.map((layer, l): LayerJson => {
    if (l === hidden) {
      const cols = subject.network.layerSizes[hidden]!;
      return {
        weights: [...layer.weights.map((row) => [...row]), Array.from({ length: cols }, () => 0)],
        biases: layer.biases === null ? null : [...layer.biases, 0],
      };
    }
    if (l === hidden + 1) {
      return {
        weights: layer.weights.map((row) => [...row, 0]),
        biases: layer.biases === null ? null : [...layer.biases],
      };
    }
    return layer;
  });
  return widened(subject, hidden, layers);
}
