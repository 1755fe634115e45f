/**
 * Plain-data descriptions of networks, data, losses and points: exactly the `subject` of
 * counterexample-format version 1 (see docs/counterexample-format.md). Everything here is JSON-able.
 */

/** An activation as named in the counterexample format. */
export type ActivationSpec =
  | { readonly name: 'relu' }
  | { readonly name: 'leaky-relu'; readonly slope: number }
  | { readonly name: 'sigmoid' }
  | { readonly name: 'tanh' }
  | { readonly name: 'softplus' }
  | { readonly name: 'quadratic' }
  | { readonly name: 'identity' }
  | { readonly name: 'polynomial'; readonly coefficients: readonly number[] };

/** The activation functions a network may use ('relu', 'tanh', 'sigmoid', …). */
export type ActivationName = ActivationSpec['name'];

/**
 * A fully connected network: `layerSizes = [d_0, d_1, …, d_L]` (input, hidden widths…, output).
 * h_0 = x, h_{l+1} = σ(W_l h_l + b_l) for hidden layers, f(x) = W_{L−1} h_{L−1} + b_{L−1} (identity output).
 * With `bias: false` no layer has a bias.
 */
export interface NetworkSpec {
  readonly layerSizes: readonly number[];
  readonly activation: ActivationSpec;
  readonly bias: boolean;
}

/** n samples: `inputs` is n×d_0, `targets` is n×d_L. */
export interface DatasetJson {
  readonly inputs: readonly (readonly number[])[];
  readonly targets: readonly (readonly number[])[];
}

/** L = scale · Σ_i ‖f(x_i) − y_i‖² (reduction `sum`), or scale · (1/n) Σ_i … (reduction `mean`). */
export interface LossSpec {
  readonly name: 'squared';
  readonly scale: number;
  readonly reduction: 'sum' | 'mean';
}

export const DEFAULT_LOSS: LossSpec = { name: 'squared', scale: 0.5, reduction: 'sum' };

/** One layer of a point: `weights` is d_{l+1}×d_l (row = output unit); `biases` has d_{l+1} entries, or null. */
export interface LayerJson {
  readonly weights: readonly (readonly number[])[];
  readonly biases: readonly number[] | null;
}

export interface PointJson {
  readonly layers: readonly LayerJson[];
}

/** A network, its data, its loss and a point in its parameter space. */
export interface MlpSubject {
  readonly kind: 'mlp';
  readonly network: NetworkSpec;
  readonly data: DatasetJson;
  readonly loss: LossSpec;
  readonly point: PointJson;
}
