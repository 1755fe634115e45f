import fc from 'fast-check';
import {
  DEFAULT_LOSS,
  type LossSpec,
  type MlpSubject,
  makeProblem,
  outputs,
  type PointJson,
  type Problem,
  pointToVector,
  subjectProblem,
} from '../nn/index.js';
import { DEFAULT_SAMPLES, datasetArb } from './datasets.js';
import { DEFAULT_INPUT_DIM, DEFAULT_OUTPUT_DIM, type NetworkOptions, networkArb } from './networks.js';
import { directionArb, pointArb } from './points.js';
import { type Count, countArb, toRange, type ValueGrid, WEIGHT_GRID } from './values.js';

/** Options of {@link subjectArb}: a network's options plus its data and loss. */
export interface SubjectOptions extends NetworkOptions {
  /** Number of samples n. Default 1–6. */
  readonly n?: Count;
  /** Grid of the inputs (default DATA_GRID). */
  readonly inputs?: ValueGrid;
  /** Grid of the targets (default DATA_GRID). */
  readonly targets?: ValueGrid;
  /** Grid of the weights and biases of the point (default WEIGHT_GRID). */
  readonly weights?: ValueGrid;
  /** Inputs pairwise distinct (default true). */
  readonly distinctInputs?: boolean;
  /** Default DEFAULT_LOSS (½·Σ‖f − y‖²). */
  readonly loss?: LossSpec;
}

/**
 * Subjects (network + data + loss + point). Drawn in the order the constraints need: dimensions, then the
 * dataset (so n is known), then the network whose widths may depend on n (`minWidth: (n) => n`), then the
 * point. Shrinks towards lower dimensions, fewer samples, then smaller networks and weights.
 */
export function subjectArb(options: SubjectOptions = {}): fc.Arbitrary<MlpSubject> {
  const loss = options.loss ?? DEFAULT_LOSS;
  return fc
    .record({
      d0: countArb(toRange('inputDim', options.inputDim ?? DEFAULT_INPUT_DIM, 1)),
      dL: countArb(toRange('outputDim', options.outputDim ?? DEFAULT_OUTPUT_DIM, 1)),
    })
    .chain(({ d0, dL }) =>
      datasetArb({
        n: options.n ?? DEFAULT_SAMPLES,
        inputDim: d0,
        outputDim: dL,
        ...(options.inputs === undefined ? {} : { inputs: options.inputs }),
        ...(options.targets === undefined ? {} : { targets: options.targets }),
        ...(options.distinctInputs === undefined ? {} : { distinctInputs: options.distinctInputs }),
      }).chain((data) =>
        networkArb({ ...options, inputDim: d0, outputDim: dL }, data.inputs.length).chain((network) =>
          pointArb(network, options.weights ?? WEIGHT_GRID).map(
            (point): MlpSubject => ({ kind: 'mlp', network, data, loss, point }),
          ),
        ),
      ),
    );
}

/** A subject with its compiled problem and θ (for properties that work on the numeric core directly). */
export interface GeneratedProblem {
  readonly subject: MlpSubject;
  readonly problem: Problem;
  readonly theta: Float64Array;
}

/** Generated networks with data, compiled to a problem and its parameter vector θ. */
export function problemArb(options: SubjectOptions = {}): fc.Arbitrary<GeneratedProblem> {
  return subjectArb(options).map((subject) => ({ subject, ...subjectProblem(subject) }));
}

/** A generated problem with a direction v ∈ ℝ^p (entries on DIRECTION_GRID, ‖v‖∞ ≤ 1) for derivative checks. */
export function problemWithDirectionArb(
  options: SubjectOptions = {},
): fc.Arbitrary<GeneratedProblem & { readonly v: Float64Array }> {
  return problemArb(options).chain((gp) => directionArb(gp.problem.layout.size).map((v) => ({ ...gp, v })));
}

/**
 * Realizable (teacher–student) subjects: the targets are the outputs of a teacher network with the same
 * architecture at another generated point `teacher`, so the global minimum of the loss is 0. The `targets`
 * grid option is ignored.
 */
export function teacherSubjectArb(
  options: SubjectOptions = {},
): fc.Arbitrary<{ readonly subject: MlpSubject; readonly teacher: PointJson }> {
  const weights = options.weights ?? WEIGHT_GRID;
  return subjectArb(options).chain((subject) =>
    pointArb(subject.network, weights).map((teacher) => {
      const problem: Problem = makeProblem(subject.network, subject.data, subject.loss);
      const f = outputs(problem, pointToVector(subject.network, teacher));
      const dL = problem.layout.layerSizes[problem.layout.layers.length]!;
      const targets: number[][] = [];
      for (let i = 0; i < problem.n; i++) targets.push(Array.from(f.subarray(i * dL, (i + 1) * dL)));
      return { subject: { ...subject, data: { inputs: subject.data.inputs, targets } }, teacher };
    }),
  );
}
