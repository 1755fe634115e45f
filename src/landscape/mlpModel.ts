import { UserError } from '../errors.js';
import { type DenseMatrix, dense } from '../linalg/index.js';
import {
  type DatasetJson,
  DEFAULT_LOSS,
  hessian,
  jacobian,
  KINK_TOL,
  kinkMargin,
  type LossSpec,
  loss,
  lossAndGradient,
  makeProblem,
  type NetworkSpec,
  type PointJson,
  type Problem,
  pointToVector,
  vectorToPoint,
} from '../nn/index.js';
import type { Objective } from './objective.js';
import type { MlpSubjectJson } from './subjectTypes.js';

/**
 * An `mlp` subject as an objective over its trained parameters. With `network.trainable` (one flag per
 * weight layer; absent = all trained) the objective's vector holds only the trained layers' parameters, in
 * the order of the full layout; frozen layers keep the subject's values.
 */
export interface MlpModel {
  readonly problem: Problem;
  readonly objective: Objective;
  /** Indices of the trained parameters in the full layout (the objective's coordinates, in order). */
  readonly free: readonly number[];
  /** The subject's full parameter vector. */
  readonly full: Float64Array;
  /** The subject's point restricted to the trained parameters. */
  readonly theta: Float64Array;
  /** The full parameter vector for a vector of trained parameters. */
  expand(theta: Float64Array): Float64Array;
  /** The trained parameters of a full parameter vector. */
  restrict(full: Float64Array): Float64Array;
  toPoint(theta: Float64Array): PointJson;
  fromPoint(point: PointJson): Float64Array;
  /** Jacobian of θ ↦ (f(x_1),…,f(x_n)) with respect to the trained parameters, (n·d_L)×|free|. */
  jacobian(theta: Float64Array): DenseMatrix;
}

/** Pick columns (or rows and columns, for a square matrix with `both`) of a dense matrix. */
function selectColumns(a: DenseMatrix, columns: readonly number[], both: boolean): DenseMatrix {
  const rows = both ? columns : Array.from({ length: a.rows }, (_, i) => i);
  const out = dense(rows.length, columns.length);
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * a.cols;
    for (let c = 0; c < columns.length; c++) out.data[r * columns.length + c] = a.data[base + columns[c]!]!;
  }
  return out;
}

/**
 * Directions in the full parameter space along which the network function is constant by a symmetry of the
 * activation, at θ: for positively homogeneous σ of degree k (relu, leaky-relu, identity: k = 1; quadratic:
 * k = 2), scaling unit j's incoming weights and bias by c and its outgoing weights by c^−k has tangent
 * (w_j, b_j, −k·v_j). For identity (linear networks) the whole GL(width) acts: row j of the incoming weights
 * gains row i, column i of the outgoing weights loses column j. Both layers must be trained.
 */
export function symmetryDirectionsFull(
  problem: Problem,
  full: Float64Array,
  trainable: readonly boolean[],
): Float64Array[] {
  const name = problem.net.activation.name;
  const degree =
    name === 'relu' || name === 'leaky-relu' || name === 'identity' ? 1 : name === 'quadratic' ? 2 : 0;
  if (degree === 0) return [];
  const layers = problem.layout.layers;
  const out: Float64Array[] = [];
  for (let l = 0; l + 1 < layers.length; l++) {
    if (trainable[l] !== true || trainable[l + 1] !== true) continue;
    const into = layers[l]!;
    const outOf = layers[l + 1]!;
    const width = into.outputs;
    const pairs: [number, number][] = [];
    for (let j = 0; j < width; j++) pairs.push([j, j]);
    if (name === 'identity')
      for (let j = 0; j < width; j++) for (let i = 0; i < width; i++) if (i !== j) pairs.push([j, i]);
    for (const [j, i] of pairs) {
      // Row j of W_l (and b_l[j]) moves along row i; column i of W_{l+1} moves along −k·column j.
      const d = new Float64Array(full.length);
      for (let c = 0; c < into.inputs; c++)
        d[into.weightOffset + j * into.inputs + c] = full[into.weightOffset + i * into.inputs + c]!;
      if (into.biasOffset !== null) d[into.biasOffset + j] = full[into.biasOffset + i]!;
      for (let r = 0; r < outOf.outputs; r++) {
        d[outOf.weightOffset + r * outOf.inputs + i] =
          -degree * full[outOf.weightOffset + r * outOf.inputs + j]!;
      }
      out.push(d);
    }
  }
  return out;
}

/** The model of an `mlp` subject (validates the subject; user errors name the field). */
export function mlpModel(subject: MlpSubjectJson): MlpModel {
  const problem = makeProblem(subject.network, subject.data, subject.loss);
  const L = problem.layout.layers.length;
  const trainable = subject.network.trainable ?? Array.from({ length: L }, () => true);
  if (trainable.length !== L) {
    throw new UserError(
      `network.trainable has ${trainable.length} flags, expected one per weight layer (${L})`,
    );
  }
  if (!trainable.some((t) => t))
    throw new UserError('network.trainable freezes every layer: nothing to optimise');
  const free: number[] = [];
  for (let l = 0; l < L; l++) {
    if (!trainable[l]) continue;
    const layer = problem.layout.layers[l]!;
    for (let k = layer.start; k < layer.end; k++) free.push(k);
  }
  const full = pointToVector(problem.net, subject.point);
  const allFree = free.length === full.length;
  const expand = (theta: Float64Array): Float64Array => {
    if (theta.length !== free.length)
      throw new UserError(`expected ${free.length} trained parameters, got ${theta.length}`);
    if (allFree) return theta;
    const out = Float64Array.from(full);
    for (let k = 0; k < free.length; k++) out[free[k]!] = theta[k]!;
    return out;
  };
  const restrict = (vector: Float64Array): Float64Array =>
    allFree ? vector : Float64Array.from(free, (k) => vector[k]!);
  const objective: Objective = {
    dim: free.length,
    value: (theta) => loss(problem, expand(theta)),
    valueAndGradient(theta) {
      const { loss: value, gradient } = lossAndGradient(problem, expand(theta));
      return { value, gradient: restrict(gradient) };
    },
    hessian(theta) {
      const h = hessian(problem, expand(theta));
      return allFree ? h : selectColumns(h, free, true);
    },
    nonDifferentiable(theta) {
      if (problem.act.kinks.length === 0) return null;
      const margin = kinkMargin(problem, expand(theta));
      return margin <= KINK_TOL
        ? `a hidden pre-activation is on a kink (margin ${margin.toExponential(2)} ≤ KINK_TOL)`
        : null;
    },
    symmetryDirections(theta) {
      return symmetryDirectionsFull(problem, expand(theta), trainable).map(restrict);
    },
  };
  return {
    problem,
    objective,
    free,
    full,
    theta: restrict(full),
    expand,
    restrict,
    toPoint: (theta) => vectorToPoint(problem.net, expand(theta)),
    fromPoint: (point) => restrict(pointToVector(problem.net, point)),
    jacobian(theta) {
      const j = jacobian(problem, expand(theta));
      return allFree ? j : selectColumns(j, free, false);
    },
  };
}

/** An `mlp` subject at the parameter vector theta (full layout of `network`), with the default ½-sum loss. */
export function mlpSubjectAt(
  network: NetworkSpec,
  data: DatasetJson,
  theta: Float64Array,
  loss: LossSpec = DEFAULT_LOSS,
): MlpSubjectJson {
  return { kind: 'mlp', network, data, loss, point: vectorToPoint(network, theta) };
}
