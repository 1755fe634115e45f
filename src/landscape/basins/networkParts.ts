import { UserError } from '../../errors.js';
import { type DenseMatrix, dense } from '../../linalg/index.js';
import { forward, type LayerLayout, type Problem } from '../../nn/index.js';

/**
 * The parts of an MLP that the basin analyses move: the output layer (weights V, d_L×m, and bias c), the
 * last hidden layer's incoming weights (rows of W_{L−2} and b_{L−2}) and the features around them.
 */
export interface LastLayers {
  /** The output layer (maps the last hidden features h_{L−1}, m of them, to the d_L outputs). */
  readonly output: LayerLayout;
  /** The last hidden layer (maps h_{L−2} to the m pre-activations of the last hidden units). */
  readonly hidden: LayerLayout;
  /** m, the width of the last hidden layer. */
  readonly width: number;
  /** d_L, the number of outputs. */
  readonly outputs: number;
}

/** The last two weight layers of a network with ≥ 1 hidden layer. */
export function lastLayers(problem: Problem): LastLayers {
  const layers = problem.layout.layers;
  if (layers.length < 2)
    throw new UserError('the network has no hidden layer: there is no last hidden layer to work on');
  const output = layers[layers.length - 1]!;
  const hidden = layers[layers.length - 2]!;
  return { output, hidden, width: output.inputs, outputs: output.outputs };
}

/** h_{L−1} (n×m, sample-major) and h_{L−2} (n×d_{L−2}) at θ. */
export function lastFeatures(
  problem: Problem,
  theta: Float64Array,
): { features: Float64Array; inputs: Float64Array } {
  const pass = forward(problem, theta);
  const L = problem.layout.layers.length;
  return { features: pass.h[L - 1]!, inputs: pass.h[L - 2]! };
}

/** The feature matrix [h_{L−1} | 1] (n×(m+1)) when the output layer has a bias, else h_{L−1} (n×m). */
export function featureMatrix(problem: Problem, features: Float64Array): DenseMatrix {
  const { width, output } = lastLayers(problem);
  const withBias = output.biasOffset !== null;
  const cols = width + (withBias ? 1 : 0);
  const out = dense(problem.n, cols);
  for (let i = 0; i < problem.n; i++) {
    for (let j = 0; j < width; j++) out.data[i * cols + j] = features[i * width + j]!;
    if (withBias) out.data[i * cols + width] = 1;
  }
  return out;
}

/** Column k of an n×c matrix as a vector. */
export function column(a: DenseMatrix, k: number): Float64Array {
  return Float64Array.from({ length: a.rows }, (_, i) => a.data[i * a.cols + k]!);
}

/**
 * θ with the output layer set from Θ ((m+1)×d_L or m×d_L, rows = last hidden units then the bias): output
 * weight V[o][j] = Θ[j][o], bias c[o] = Θ[m][o]. The rest of θ is copied.
 */
export function withOutputLayer(
  problem: Problem,
  theta: Float64Array,
  coefficients: DenseMatrix,
): Float64Array {
  const { output, width, outputs } = lastLayers(problem);
  const out = Float64Array.from(theta);
  for (let o = 0; o < outputs; o++) {
    for (let j = 0; j < width; j++)
      out[output.weightOffset + o * width + j] = coefficients.data[j * outputs + o]!;
    if (output.biasOffset !== null) out[output.biasOffset + o] = coefficients.data[width * outputs + o]!;
  }
  return out;
}

/** θ with last hidden unit j's incoming weights (row j of W_{L−2}) and bias set. */
export function withIncoming(
  problem: Problem,
  theta: Float64Array,
  unit: number,
  w: Float64Array,
  b: number,
): Float64Array {
  const { hidden } = lastLayers(problem);
  const out = Float64Array.from(theta);
  for (let k = 0; k < hidden.inputs; k++) out[hidden.weightOffset + unit * hidden.inputs + k] = w[k]!;
  if (hidden.biasOffset !== null) out[hidden.biasOffset + unit] = b;
  return out;
}

/** The largest |V[o][j]| over outputs o: 0 exactly when last hidden unit j does not reach the output. */
export function outputWeightOf(problem: Problem, theta: Float64Array, unit: number): number {
  const { output, width, outputs } = lastLayers(problem);
  let m = 0;
  for (let o = 0; o < outputs; o++) m = Math.max(m, Math.abs(theta[output.weightOffset + o * width + unit]!));
  return m;
}

/** The straight segment θ(t) = (1 − t)·a + t·b. */
export function along(a: Float64Array, b: Float64Array, t: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = t === 1 ? b[i]! : t === 0 ? a[i]! : (1 - t) * a[i]! + t * b[i]!;
  return out;
}
