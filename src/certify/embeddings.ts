import type { CounterexampleJson } from '../archive/index.js';
import type { MlpSubjectJson, SubjectModel } from '../landscape/index.js';
import { GRAD_ZERO_TOL, subjectModel } from '../landscape/index.js';
import { singularValues } from '../linalg/index.js';
import { lossWeight, outputs } from '../nn/index.js';

/** The embedded point's loss and gradient, and the gradient bound it must meet (docs/derivations.md#embeddings). */
export interface EmbeddedResidual {
  readonly value: number;
  readonly gradientNorm: number;
  readonly gradTol: number;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/**
 * The embedded point's residual gradient against what the embedding may leave. In exact arithmetic the embedded
 * gradient is the source gradient mapped by the embedding (norm ≤ √2·max(1, |λ|, |1 − λ|)·‖∇L‖). In floating point
 * λv + (1 − λ)v ≠ v by a rounding, which moves the outputs by Δf = f′ − f and the gradient 2s·J′ᵀr′ by at most
 * 2s·σ_max(J′)·‖Δf‖: at a zero-loss minimum with weights of size ~1 that is ~1e-8, far above an absolute 1e-9. The
 * bound charges exactly that, on top of GRAD_ZERO_TOL·(1 + L′).
 */
export function embeddedResidual(
  source: SubjectModel,
  sourceTheta: Float64Array,
  sourceGradientNorm: number,
  embedded: SubjectModel,
  lambda: number,
): EmbeddedResidual {
  const after = embedded.objective.valueAndGradient(embedded.theta);
  const from = source.mlp!;
  const to = embedded.mlp!;
  const before = outputs(from.problem, from.expand(sourceTheta));
  const moved = outputs(to.problem, to.expand(embedded.theta));
  let deltaF = 0;
  for (let k = 0; k < before.length; k++) deltaF += (moved[k]! - before[k]!) ** 2;
  const spread = Math.SQRT2 * Math.max(1, Math.abs(lambda), Math.abs(1 - lambda));
  const sigmaMax = singularValues(to.jacobian(embedded.theta))[0] ?? 0;
  const allowance = spread * sourceGradientNorm + 2 * lossWeight(to.problem) * sigmaMax * Math.sqrt(deltaF);
  return {
    value: after.value,
    gradientNorm: norm(after.gradient),
    gradTol: GRAD_ZERO_TOL * (1 + Math.abs(after.value)) + allowance,
  };
}

/** A failed identity of the embedding at the embedded subject: the sides of an identity-violated certificate. */
export interface ViolatedEmbedding {
  readonly identity: string;
  readonly left: readonly number[];
  readonly right: readonly number[];
  readonly tolerance: number;
  readonly loss: number;
  readonly subject: MlpSubjectJson;
}

/** L′(θ′) ≠ L(θ): the embedding changed the loss by more than `tolerance`. */
export function lossViolated(
  after: EmbeddedResidual,
  sourceValue: number,
  tolerance: number,
  subject: MlpSubjectJson,
): ViolatedEmbedding {
  return {
    identity:
      'L′(θ′) = L(θ): the embedding keeps the loss (left: L′ at the embedded point, right: L at the source)',
    left: [after.value],
    right: [sourceValue],
    tolerance,
    loss: after.value,
    subject,
  };
}

/** ∇L′(θ′) ≠ 0: the embedded point is not critical (its gradient norm exceeds the bound it must meet). */
export function gradientViolated(after: EmbeddedResidual, subject: MlpSubjectJson): ViolatedEmbedding {
  return {
    identity: `${GRADIENT_IDENTITY}: the embedded point is critical (left: ‖∇L′‖ at the file’s point)`,
    left: [after.gradientNorm],
    right: [0],
    tolerance: after.gradTol,
    loss: after.value,
    subject,
  };
}

const GRADIENT_IDENTITY = '‖∇L′(θ′)‖ = 0';

/** Replay recomputes the archived ‖∇L′‖ at the file's point to this relative error (summation order only). */
export const GRAD_NORM_REPLAY_RTOL = 1e-9;

/** Replay of a gradient identity-violated file: ‖∇L′‖ recomputed at the file's point must match the file's. */
export function embeddedGradientProblems(file: CounterexampleJson): string[] {
  const c = file.certificate;
  if (
    c.kind !== 'identity-violated' ||
    !c.identity.startsWith(GRADIENT_IDENTITY) ||
    file.subject.kind !== 'mlp'
  )
    return [];
  const model = subjectModel(file.subject as MlpSubjectJson);
  const recomputed = norm(model.objective.valueAndGradient(model.theta).gradient);
  return Math.abs(recomputed - c.left[0]!) <= GRAD_NORM_REPLAY_RTOL * Math.max(1, recomputed)
    ? []
    : [`‖∇L′‖ at the file's point is ${recomputed}, the file says ${c.left[0]}`];
}
