import { ShapeError } from '../errors.js';
import { type Activation, activation } from './activations.js';
import { type ParamLayout, paramLayout } from './layout.js';
import { pointToVector } from './point.js';
import { type DatasetJson, DEFAULT_LOSS, type LossSpec, type MlpSubject, type NetworkSpec } from './spec.js';
import { validateDataset, validateLoss, validateNetwork } from './validate.js';

/**
 * The validated, compiled form of (network, data, loss) that every kernel of src/nn takes.
 * X is n×d_0 and Y is n×d_L, row-major (sample-major). `act` is the activation of every hidden layer;
 * tests may replace it (e.g. `{...problem, act: planted}`) to plant a wrong derivative.
 */
export interface Problem {
  readonly net: NetworkSpec;
  readonly layout: ParamLayout;
  readonly act: Activation;
  /** Number of samples, ≥ 1. */
  readonly n: number;
  readonly X: Float64Array;
  readonly Y: Float64Array;
  readonly loss: LossSpec;
}

/** Validates everything a user file can get wrong (messages name the field) and compiles it. */
export function makeProblem(net: NetworkSpec, data: DatasetJson, loss: LossSpec = DEFAULT_LOSS): Problem {
  const validNet = validateNetwork(net);
  const { n, X, Y } = validateDataset(validNet, data);
  return {
    net: validNet,
    layout: paramLayout(validNet),
    act: activation(validNet.activation),
    n,
    X,
    Y,
    loss: validateLoss(loss),
  };
}

/** The problem and θ of an `mlp` subject (counterexample-format version 1). */
export function subjectProblem(subject: MlpSubject): {
  readonly problem: Problem;
  readonly theta: Float64Array;
} {
  const problem = makeProblem(subject.network, subject.data, subject.loss);
  return { problem, theta: pointToVector(problem.net, subject.point) };
}

/** Throws ShapeError unless θ has the problem's parameter count (every kernel calls this first). */
export function requireTheta(problem: Problem, theta: Float64Array, what = 'parameter vector'): void {
  if (theta.length !== problem.layout.size) {
    throw new ShapeError(`${what} has ${theta.length} entries, expected ${problem.layout.size}`);
  }
}
