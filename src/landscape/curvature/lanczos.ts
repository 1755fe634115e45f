import type { Rng } from '../../random.js';
import type { SymmetricOperator } from './operator.js';
import { LANCZOS_BREAKDOWN_RTOL } from './tolerances.js';

/** The tridiagonal T = Vᵀ·H·V of a Lanczos run and its orthonormal basis V (one vector per step). */
export interface LanczosRun {
  /** Diagonal of T (α_j = v_jᵀ H v_j). */
  readonly alpha: number[];
  /** Off-diagonal of T (β_j couples steps j and j+1; 0 where the run restarted after a breakdown). */
  readonly beta: number[];
  readonly basis: Float64Array[];
  /** ‖r‖ after the last step: the residual that would have become the next β. */
  readonly lastResidual: number;
  /** Times the Krylov space became invariant (a breakdown). */
  readonly breakdowns: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** r ← r − Σ_v (vᵀr)·v over the basis, twice ("twice is enough", Parlett), for full reorthogonalisation. */
function orthogonalise(r: Float64Array, basis: readonly Float64Array[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const v of basis) {
      const c = dot(v, r);
      for (let i = 0; i < r.length; i++) r[i] = r[i]! - c * v[i]!;
    }
  }
}

/** A Rademacher vector (entries ±1 with probability ½ each): the probe of Hutchinson and SLQ. */
export function rademacher(dim: number, rng: Rng): Float64Array {
  const z = new Float64Array(dim);
  for (let i = 0; i < dim; i++) z[i] = rng.uniform() < 0.5 ? -1 : 1;
  return z;
}

/**
 * Lanczos with full reorthogonalisation from `start` for at most `steps` steps:
 *   w = H v_j − β_{j−1} v_{j−1},  α_j = v_jᵀ w,  r = w − α_j v_j (then reorthogonalised),  β_j = ‖r‖.
 * On a breakdown (β_j ≤ LANCZOS_BREAKDOWN_RTOL·‖T‖) it stops, or, with `restart`, continues from a fresh random
 * vector orthogonal to the basis (β_j = 0 in T), so repeated eigenvalues are found once per copy.
 */
export function lanczos(
  op: SymmetricOperator,
  start: Float64Array,
  steps: number,
  restart: Rng | null = null,
): LanczosRun {
  const dim = op.dim;
  const maxSteps = Math.min(steps, dim);
  const alpha: number[] = [];
  const beta: number[] = [];
  const basis: Float64Array[] = [];
  let breakdowns = 0;
  let norm = Math.sqrt(dot(start, start));
  if (!(norm > 0) || !Number.isFinite(norm))
    throw new RangeError('lanczos: start vector must be finite and non-zero');
  let v = start.map((x) => x / norm);
  let scale = 0;
  let residual = 0;
  for (let j = 0; j < maxSteps; j++) {
    basis.push(v);
    const w = op.apply(v);
    const a = dot(v, w);
    alpha.push(a);
    orthogonalise(w, basis);
    residual = Math.sqrt(dot(w, w));
    scale = Math.max(scale, Math.abs(a), j > 0 ? beta[j - 1]! : 0);
    if (j + 1 === maxSteps) break;
    if (residual > LANCZOS_BREAKDOWN_RTOL * Math.max(scale, Number.MIN_VALUE)) {
      beta.push(residual);
      v = w.map((x) => x / residual);
      continue;
    }
    breakdowns++;
    if (restart === null) break;
    // The Krylov space is invariant: continue from a random vector orthogonal to it.
    let fresh = new Float64Array(dim);
    for (let attempt = 0; attempt < 5; attempt++) {
      fresh = new Float64Array(dim);
      for (let i = 0; i < dim; i++) fresh[i] = restart.normal();
      orthogonalise(fresh, basis);
      norm = Math.sqrt(dot(fresh, fresh));
      if (norm > 1e-8) break;
    }
    if (!(norm > 1e-8)) break;
    beta.push(0);
    v = fresh.map((x) => x / norm);
  }
  return { alpha, beta, basis, lastResidual: residual, breakdowns };
}
