import type { Rng } from '../../random.js';
import { rademacher } from './lanczos.js';
import type { SymmetricOperator } from './operator.js';

export interface TraceEstimate {
  /** Mean of zᵀHz over the probes: an unbiased estimate of tr(H). */
  readonly trace: number;
  /** Standard error of that mean: sample standard deviation / √samples. */
  readonly standardError: number;
  readonly samples: number;
}

/**
 * Hutchinson's estimator tr(H) ≈ (1/s)·Σ z_iᵀ H z_i with Rademacher probes z_i (Hutchinson 1990; PyHessian's
 * `trace`), with its standard error, in float64 and seeded by `rng`. Var(zᵀHz) = 2·Σ_{i≠j} H_ij², so the error
 * bar is exact in expectation and shrinks as 1/√s; a diagonal H gives the trace exactly (standard error 0).
 */
export function hutchinsonTrace(op: SymmetricOperator, samples: number, rng: Rng): TraceEstimate {
  if (!Number.isInteger(samples) || samples < 2)
    throw new RangeError('hutchinsonTrace: samples must be an integer ≥ 2');
  const values: number[] = [];
  for (let s = 0; s < samples; s++) {
    const z = rademacher(op.dim, rng);
    const hz = op.apply(z);
    let q = 0;
    for (let i = 0; i < z.length; i++) q += z[i]! * hz[i]!;
    values.push(q);
  }
  const mean = values.reduce((a, b) => a + b, 0) / samples;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (samples - 1);
  return { trace: mean, standardError: Math.sqrt(variance / samples), samples };
}
