import type { ActivationSpec } from '../../nn/index.js';
import type { MlpSubjectJson } from '../index.js';

/**
 * A network, its data and a point as a genome of small integers (the claims' hypotheses: fast-check shrinks
 * integers without context, the cases are JSON-able and their shrinks readable). Every real number is k/4 for
 * an integer k of the genome; arrays are read cyclically, so their length does not constrain the shape.
 */
export interface NetworkGenome {
  /** Index into GENOME_ACTIVATIONS (taken modulo its length). */
  readonly activation: number;
  /** leaky-relu slope k/100, k ≥ 1. */
  readonly slope: number;
  /** Polynomial coefficients c_0, c_1, c_2 = k/4 (the polynomial activation only). */
  readonly coefficients: readonly number[];
  /** Hidden widths d_1 … d_H (the first `hidden` are used). */
  readonly hidden: number;
  readonly widths: readonly number[];
  readonly dx: number;
  readonly dy: number;
  readonly n: number;
  readonly bias: boolean;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** The point's parameters, k/4, in the layout order of the network (cyclic). */
  readonly ws: readonly number[];
}

/** Every activation of the counterexample format, in the order shrinking prefers (simplest first). */
export const GENOME_ACTIVATIONS: readonly ActivationSpec['name'][] = [
  'identity',
  'relu',
  'leaky-relu',
  'tanh',
  'sigmoid',
  'softplus',
  'quadratic',
  'polynomial',
];

/** The activation a genome names. */
export function genomeActivation(g: NetworkGenome): ActivationSpec {
  const name =
    GENOME_ACTIVATIONS[
      ((g.activation % GENOME_ACTIVATIONS.length) + GENOME_ACTIVATIONS.length) % GENOME_ACTIVATIONS.length
    ]!;
  switch (name) {
    case 'leaky-relu':
      return { name, slope: Math.max(1, Math.abs(g.slope)) / 100 };
    case 'polynomial':
      return { name, coefficients: (g.coefficients.length === 0 ? [0] : g.coefficients).map((k) => k / 4) };
    default:
      return { name };
  }
}

function cyclic(values: readonly number[], k: number): number {
  return values.length === 0 ? 0 : values[k % values.length]! / 4;
}

/** The subject of a genome: layer sizes [d_x, d_1 … d_hidden, d_y], loss ½Σ‖f(x_i) − y_i‖², the genome's point. */
export function genomeSubject(g: NetworkGenome): MlpSubjectJson {
  const sizes = [g.dx, ...g.widths.slice(0, g.hidden), g.dy];
  const inputs = Array.from({ length: g.n }, (_, i) =>
    Array.from({ length: g.dx }, (_, j) => cyclic(g.xs, i * g.dx + j)),
  );
  const targets = Array.from({ length: g.n }, (_, i) =>
    Array.from({ length: g.dy }, (_, j) => cyclic(g.ys, i * g.dy + j)),
  );
  let k = 0;
  const layers = sizes.slice(1).map((rows, l) => ({
    weights: Array.from({ length: rows }, () => Array.from({ length: sizes[l]! }, () => cyclic(g.ws, k++))),
    biases: g.bias ? Array.from({ length: rows }, () => cyclic(g.ws, k++)) : null,
  }));
  return {
    kind: 'mlp',
    network: { layerSizes: sizes, activation: genomeActivation(g), bias: g.bias },
    data: { inputs, targets },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: { layers },
  };
}
