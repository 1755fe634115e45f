import type { MlpSubjectJson } from '../landscape/subjectTypes.js';
import type { ActivationSpec, PointJson } from '../nn/spec.js';
import * as I from './interval.js';
import { add, constant, type Jet, mul, scale, sub, variable } from './jet.js';
import { logisticJet, softplusJet, tanhJet } from './jetFunctions.js';
import { type IntervalProblem, jetEnclosure } from './problem.js';

/**
 * The finite-data squared loss of an mlp subject with a smooth activation (sigmoid, tanh, softplus),
 * re-derived on interval jets (a separate code path from src/nn): L = scale · Σ_i ‖f(x_i) − y_i‖² (or the
 * mean), f(x) = W_{L−1} σ(… σ(W_0 x + b_0) …) + b_{L−1}. Coordinates: the trainable layers in order; in each,
 * the weights row by row, then the biases.
 */

export const MLP_COORDINATES =
  'trainable layers in order (network.trainable, all when absent); per layer the weights row-major, then the biases';

export class UnprovableSubject extends Error {
  override name = 'UnprovableSubject';
}

function activationJet(spec: ActivationSpec): (a: Jet) => Jet {
  switch (spec.name) {
    case 'tanh':
      return tanhJet;
    case 'sigmoid':
      return logisticJet;
    case 'softplus':
      return softplusJet;
    default:
      throw new UnprovableSubject(
        `activation '${spec.name}' is not smooth or not supported by the interval prover (sigmoid, tanh, softplus)`,
      );
  }
}

/** The trainable coordinates of a point, in MLP_COORDINATES order. */
export function flattenPoint(subject: MlpSubjectJson, point: PointJson): Float64Array {
  const out: number[] = [];
  const trainable = subject.network.trainable;
  point.layers.forEach((layer, l) => {
    if (trainable !== undefined && trainable[l] === false) return;
    for (const row of layer.weights) out.push(...row);
    if (layer.biases !== null) out.push(...layer.biases);
  });
  return Float64Array.from(out);
}

/** The point with its trainable coordinates replaced by `x` (frozen layers kept). */
export function unflattenPoint(subject: MlpSubjectJson, x: Float64Array): PointJson {
  let k = 0;
  const trainable = subject.network.trainable;
  return {
    layers: subject.point.layers.map((layer, l) => {
      if (trainable !== undefined && trainable[l] === false) return layer;
      const weights = layer.weights.map((row) => row.map(() => x[k++]!));
      const biases = layer.biases === null ? null : layer.biases.map(() => x[k++]!);
      return { weights, biases };
    }),
  };
}

export function mlpIntervalProblem(subject: MlpSubjectJson): IntervalProblem {
  const sigma = activationJet(subject.network.activation);
  const center = flattenPoint(subject, subject.point);
  const n = center.length;
  const sizes = subject.network.layerSizes;
  const trainable = subject.network.trainable;
  const samples = subject.data.inputs.length;
  const lossScale =
    subject.loss.reduction === 'mean'
      ? I.div(I.point(subject.loss.scale), I.point(samples))
      : I.point(subject.loss.scale);

  /** Jets of every parameter: variables for trainable ones (ranging over [lo_k, hi_k]), constants else. */
  function parameterJets(lo: Float64Array, hi: Float64Array): { w: Jet[][][]; b: (Jet[] | null)[] } {
    let k = 0;
    const w: Jet[][][] = [];
    const b: (Jet[] | null)[] = [];
    subject.point.layers.forEach((layer, l) => {
      const frozen = trainable !== undefined && trainable[l] === false;
      const jet = (value: number): Jet => {
        if (frozen) return constant(n, I.point(value));
        const j = variable(n, k, I.interval(lo[k]!, hi[k]!));
        k++;
        return j;
      };
      w.push(layer.weights.map((row) => row.map(jet)));
      b.push(layer.biases === null ? null : layer.biases.map(jet));
    });
    return { w, b };
  }

  function evaluate(lo: Float64Array, hi: Float64Array): Jet {
    const { w, b } = parameterJets(lo, hi);
    const layers = sizes.length - 1;
    let total = constant(n, I.point(0));
    for (let s = 0; s < samples; s++) {
      let h: Jet[] = subject.data.inputs[s]!.map((x) => constant(n, I.point(x)));
      for (let l = 0; l < layers; l++) {
        const z: Jet[] = [];
        for (let r = 0; r < sizes[l + 1]!; r++) {
          let acc = b[l] === null ? constant(n, I.point(0)) : b[l]![r]!;
          for (let c = 0; c < sizes[l]!; c++) acc = add(acc, mul(w[l]![r]![c]!, h[c]!));
          z.push(acc);
        }
        h = l < layers - 1 ? z.map(sigma) : z;
      }
      h.forEach((out, r) => {
        const res = sub(out, constant(n, I.point(subject.data.targets[s]![r]!)));
        total = add(total, mul(res, res));
      });
    }
    return scale(total, lossScale);
  }

  return {
    n,
    coordinates: MLP_COORDINATES,
    center,
    enclose: (lo, hi) => jetEnclosure(evaluate(lo, hi)),
    valueAt: (x) => evaluate(x, x).value,
  };
}
