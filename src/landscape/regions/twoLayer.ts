import { seededRng } from '../../random.js';
import type { MlpSubjectJson } from '../subjectTypes.js';
import { patternOf, preActivations } from './regionJacobian.js';
import type { RegionProblem } from './regionProgram.js';

/**
 * A two-layer network x ↦ Σ_j v_j σ(w_j·x + b_j) on n samples with the output weights v frozen (the setting of
 * Karhadkar et al. and Soudry–Carmon): the plain data the region analyses and the claims share.
 */
export interface TwoLayerCase {
  /** Samples, n×d0. */
  readonly inputs: readonly (readonly number[])[];
  readonly targets: readonly number[];
  /** First-layer weights, d1×d0 (row = unit). */
  readonly weights: readonly (readonly number[])[];
  /** First-layer biases (d1), or null for a network without bias. */
  readonly biases: readonly number[] | null;
  /** Output weights v (d1), frozen. */
  readonly v: readonly number[];
  /** σ: relu (slope 0) or leaky relu with this slope. */
  readonly slope: number;
}

export function caseShape(c: TwoLayerCase): { n: number; d0: number; d1: number; q: number } {
  const n = c.inputs.length;
  const d0 = c.inputs[0]?.length ?? 0;
  const d1 = c.weights.length;
  return { n, d0, d1, q: d0 + (c.biases === null ? 0 : 1) };
}

/** The case as an `mlp` subject: layers [d0, d1, 1], output layer (v, bias 0) frozen via `trainable`. */
export function twoLayerSubject(c: TwoLayerCase): MlpSubjectJson {
  const { d0, d1 } = caseShape(c);
  const bias = c.biases !== null;
  return {
    kind: 'mlp',
    network: {
      layerSizes: [d0, d1, 1],
      activation: c.slope === 0 ? { name: 'relu' } : { name: 'leaky-relu', slope: c.slope },
      bias,
      trainable: [true, false],
    },
    data: { inputs: c.inputs.map((x) => [...x]), targets: c.targets.map((t) => [t]) },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: [
        { weights: c.weights.map((w) => [...w]), biases: c.biases === null ? null : [...c.biases] },
        { weights: [[...c.v]], biases: bias ? [0] : null },
      ],
    },
  };
}

/** X̃ (n×q): the inputs with a trailing 1 when the network has a bias. */
export function caseInputs(c: TwoLayerCase): Float64Array {
  const { n, d0, q } = caseShape(c);
  const xt = new Float64Array(n * q);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d0; k++) xt[i * q + k] = c.inputs[i]![k]!;
    if (q > d0) xt[i * q + d0] = 1;
  }
  return xt;
}

/** W̃ unit-major: w̃[j·q + k] = W[j][k], w̃[j·q + d0] = b_j. */
export function caseParameters(c: TwoLayerCase): Float64Array {
  const { d0, d1, q } = caseShape(c);
  const w = new Float64Array(d1 * q);
  for (let j = 0; j < d1; j++) {
    for (let k = 0; k < d0; k++) w[j * q + k] = c.weights[j]![k]!;
    if (c.biases !== null) w[j * q + d0] = c.biases[j]!;
  }
  return w;
}

/** The region of the case's current weights, with its targets. */
export function caseRegion(c: TwoLayerCase): RegionProblem {
  const { n, d1, q } = caseShape(c);
  const xt = caseInputs(c);
  return {
    n,
    d1,
    q,
    xt,
    pattern: patternOf(preActivations(xt, n, q, caseParameters(c), d1)),
    v: Float64Array.from(c.v),
    slope: c.slope,
    y: Float64Array.from(c.targets),
  };
}

/**
 * Unit-major W̃ → the trained-parameter vector of `twoLayerSubject` (src/nn layout of layer 0: W row-major, then
 * b), and back.
 */
export function toTheta(c: TwoLayerCase, w: Float64Array): Float64Array {
  const { d0, d1, q } = caseShape(c);
  const theta = new Float64Array(d1 * q);
  for (let j = 0; j < d1; j++) {
    for (let k = 0; k < d0; k++) theta[j * d0 + k] = w[j * q + k]!;
    if (q > d0) theta[d1 * d0 + j] = w[j * q + d0]!;
  }
  return theta;
}

export function fromTheta(c: TwoLayerCase, theta: Float64Array): Float64Array {
  const { d0, d1, q } = caseShape(c);
  const w = new Float64Array(d1 * q);
  for (let j = 0; j < d1; j++) {
    for (let k = 0; k < d0; k++) w[j * q + k] = theta[j * d0 + k]!;
    if (q > d0) w[j * q + d0] = theta[d1 * d0 + j]!;
  }
  return w;
}

/** The case with its first-layer weights replaced by unit-major W̃. */
export function withParameters(c: TwoLayerCase, w: Float64Array): TwoLayerCase {
  const { d0, d1, q } = caseShape(c);
  return {
    ...c,
    weights: Array.from({ length: d1 }, (_, j) => Array.from({ length: d0 }, (_, k) => w[j * q + k]!)),
    biases: c.biases === null ? null : Array.from({ length: d1 }, (_, j) => w[j * q + d0]!),
  };
}

/** The shape and seeds of a generated two-layer case (claims build these from genomes of small integers). */
export interface SeededCaseSpec {
  readonly n: number;
  readonly d0: number;
  readonly d1: number;
  readonly bias: boolean;
  readonly slope: number;
  /** Inputs uniform on (−1, 1)^d0: generic (distinct, in general position with probability 1). */
  readonly dataSeed: number;
  /** First-layer weights and biases N(0, 1): the point, hence the activation region. */
  readonly weightSeed: number;
  /** Output weights v_j = ±(½ + |N(0, 1)|): bounded away from 0 (the theorems need v_j ≠ 0). */
  readonly outputSeed: number;
  /**
   * Targets y_i = f(x_i) + noise_i/TARGET_NOISE_STEP at the generated weights: a region whose minimiser sits near the point, so
   * both the interior-critical-point and the zero-loss branches of the region theorems are exercised.
   */
  readonly noise: readonly number[];
}

/** Divisor of the generated target noise (targets y_i = f(x_i) + noise_i/TARGET_NOISE_STEP): steps of ¼. */
export const TARGET_NOISE_STEP = 4;

export function seededTwoLayerCase(spec: SeededCaseSpec): TwoLayerCase {
  const { n, d0, d1, bias, slope } = spec;
  const data = seededRng(spec.dataSeed);
  const inputs = Array.from({ length: n }, () => Array.from({ length: d0 }, () => 2 * data.uniform() - 1));
  const w = seededRng(spec.weightSeed);
  const weights = Array.from({ length: d1 }, () => Array.from({ length: d0 }, () => w.normal()));
  const biases = bias ? Array.from({ length: d1 }, () => w.normal()) : null;
  const out = seededRng(spec.outputSeed);
  const v = Array.from({ length: d1 }, () => {
    const z = out.normal();
    return (z < 0 ? -1 : 1) * (0.5 + Math.abs(z));
  });
  const targets = inputs.map((x, i) => {
    let f = 0;
    for (let j = 0; j < d1; j++) {
      let z = biases === null ? 0 : biases[j]!;
      for (let k = 0; k < d0; k++) z += weights[j]![k]! * x[k]!;
      f += v[j]! * (z > 0 ? z : slope * z);
    }
    return f + (spec.noise[i % spec.noise.length] ?? 0) / TARGET_NOISE_STEP;
  });
  return { inputs, targets, weights, biases, v, slope };
}
