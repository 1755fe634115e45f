import type { SubjectModel } from '../landscape/index.js';
import { GRAD_ZERO_TOL } from '../landscape/index.js';
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
