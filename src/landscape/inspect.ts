import { numericalRank, symmetricEigenvalues } from '../linalg/index.js';
import {
  activationPatterns,
  KINK_TOL,
  kinkMargin,
  lossAndGradient,
  type PatternSummary,
  patternSummary,
  vectorToPoint,
} from '../nn/index.js';
import { subjectModel } from './subjectModel.js';
import type { AnyPoint, Subject } from './subjectTypes.js';

/** What `landscape inspect` prints: exactly these fields in `--json`. */
export interface InspectReport {
  readonly loss: number;
  readonly gradientNorm: number;
  /** Same shape as the subject's point (per layer for mlp, all layers, frozen ones included). */
  readonly gradient: AnyPoint;
  /** Ascending eigenvalues of the Hessian over the trained parameters (region-wise for piecewise-linear σ). */
  readonly hessianEigenvalues: number[];
  /** Descending singular values of the Jacobian of θ ↦ (f(x_1),…,f(x_n)) over the trained parameters (mlp). */
  readonly jacobianSingularValues: number[] | null;
  /** Numerical rank with numpy's default tolerance σ_max·max(rows, cols)·ε (mlp). */
  readonly jacobianRank: number | null;
  /** A hidden pre-activation lies within KINK_TOL of a kink: the loss is not differentiable there. */
  readonly onKink: boolean;
  readonly activationPatterns: {
    /** Per hidden layer, n rows of 0/1 (1: z > 0). */
    readonly layers: number[][][];
    readonly summary: PatternSummary;
    readonly kinkMargin: number;
    readonly kinkTolerance: number;
  } | null;
}

/** Every number `landscape inspect` reports for a subject. Throws UserError for malformed subjects. */
export function inspectSubject(subject: Subject): InspectReport {
  const model = subjectModel(subject);
  const { objective, theta } = model;
  const hessianEigenvalues = Array.from(symmetricEigenvalues(objective.hessian(theta)));
  if (model.mlp === undefined) {
    const { value, gradient } = objective.valueAndGradient(theta);
    return {
      loss: value,
      gradientNorm: Math.hypot(...gradient),
      gradient: model.toPoint(gradient),
      hessianEigenvalues,
      jacobianSingularValues: null,
      jacobianRank: null,
      onKink: objective.nonDifferentiable(theta) !== null,
      activationPatterns: null,
    };
  }
  const mlp = model.mlp;
  const { problem, full } = mlp;
  const { loss, gradient } = lossAndGradient(problem, full);
  let sumSquares = 0;
  const freeGradient = mlp.restrict(gradient);
  for (let k = 0; k < freeGradient.length; k++) sumSquares += freeGradient[k]! * freeGradient[k]!;
  const rank = numericalRank(mlp.jacobian(theta));
  const margin = problem.act.kinks.length === 0 ? Number.POSITIVE_INFINITY : kinkMargin(problem, full);
  const patterns = activationPatterns(problem, full).map((a, l) => {
    const width = problem.layout.layerSizes[l + 1]!;
    const rows: number[][] = [];
    for (let i = 0; i < problem.n; i++) rows.push(Array.from(a.subarray(i * width, (i + 1) * width)));
    return rows;
  });
  return {
    loss,
    gradientNorm: Math.sqrt(sumSquares),
    gradient: vectorToPoint(problem.net, gradient),
    hessianEigenvalues,
    jacobianSingularValues: Array.from(rank.singularValues),
    jacobianRank: rank.rank,
    onKink: margin <= KINK_TOL,
    activationPatterns: {
      layers: patterns,
      summary: patternSummary(problem, full),
      kinkMargin: margin,
      kinkTolerance: KINK_TOL,
    },
  };
}
