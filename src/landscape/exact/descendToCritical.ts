import { type Rng, seededRng } from '../../random.js';
import {
  DESCENT_GRAD_TOL,
  type DescentExamination,
  examinePoint,
  lbfgs,
  NEWTON_MAX_DIM,
  newtonPolish,
  type Objective,
  type OptimizeResult,
} from '../index.js';
import { POLISH_ACCEPT_RTOL, STALL_RTOL } from './tolerances.js';

/** L-BFGS iterations per chunk: the small problems of the exact claims converge in 15–70 iterations. */
const CHUNK_ITERATIONS = 40;

/** At most this many chunks (the same 5000-iteration budget as `descendAndExamine`). */
const MAX_CHUNKS = 125;

/**
 * Descend from theta0 to a critical point and examine it, like `descendAndExamine`, but stop L-BFGS as soon as
 * its line search is limited by rounding and hand over to Newton polishing. `descendAndExamine` asks L-BFGS
 * for ‖∇L‖ ≤ 1e-12·(1 + L), which a value-based line search cannot reach at a degenerate minimum (the linear
 * networks' GL(p) orbits): it then spends its whole 5000-iteration budget at the rounding floor (≈ 0.3–1 s on
 * a 20-parameter problem) before polishing. Here the same polish starts after the first stalled chunk.
 */
export function descendToCritical(
  objective: Objective,
  theta0: Float64Array,
  rng: Rng,
  options: { readonly radii?: readonly number[]; readonly trials?: number; readonly examine?: boolean } = {},
): DescentExamination {
  let theta: Float64Array = Float64Array.from(theta0);
  let optimized: OptimizeResult | null = null;
  let previous = objective.value(theta);
  for (let chunk = 0; chunk < MAX_CHUNKS; chunk++) {
    optimized = lbfgs(objective, theta, { maxIterations: CHUNK_ITERATIONS, gradTol: DESCENT_GRAD_TOL });
    theta = optimized.theta;
    if (optimized.converged || optimized.reason === 'non-finite') break;
    const stalled = previous - optimized.value <= STALL_RTOL * (1 + Math.abs(optimized.value));
    previous = optimized.value;
    if (stalled || optimized.reason === 'line-search-failed') break;
  }
  if (optimized === null) throw new Error('descendToCritical: no chunk ran');
  if (
    !optimized.converged &&
    Number.isFinite(optimized.value) &&
    objective.retract === undefined &&
    objective.dim <= NEWTON_MAX_DIM &&
    objective.nonDifferentiable(optimized.theta) === null
  ) {
    const polished = newtonPolish(objective, optimized.theta, { gradTol: DESCENT_GRAD_TOL });
    if (
      polished.converged &&
      polished.value <= optimized.value + POLISH_ACCEPT_RTOL * (1 + Math.abs(optimized.value))
    )
      optimized = polished;
  }
  if (!optimized.converged || options.examine === false)
    return { optimized, theta: optimized.theta, exam: null };
  const exam = examinePoint(objective, optimized.theta, {
    rng,
    ...(options.radii === undefined ? {} : { radii: options.radii }),
    ...(options.trials === undefined ? {} : { trials: options.trials }),
  });
  return { optimized, theta: optimized.theta, exam };
}

/**
 * The lowest of `candidates` and of `restarts` L-BFGS descents from N(0, 1) starts (seeded): the better point of
 * a spurious-minimum certificate when no closed form applies to the objective (e.g. a relu control of a linear
 * claim, where the linear optimum need not beat a relu minimum). Non-finite candidates are skipped.
 */
export function bestPoint(
  objective: Objective,
  candidates: readonly Float64Array[],
  seed: number,
  restarts: number,
): Float64Array | null {
  const rng = seededRng(seed);
  let best: { theta: Float64Array; value: number } | null = null;
  const consider = (theta: Float64Array): void => {
    const value = objective.value(theta);
    if (Number.isFinite(value) && (best === null || value < best.value)) best = { theta, value };
  };
  candidates.forEach(consider);
  for (let r = 0; r < restarts; r++) {
    const start = Float64Array.from({ length: objective.dim }, () => rng.normal());
    consider(lbfgs(objective, start, { maxIterations: 2000 }).theta);
  }
  return (best as { theta: Float64Array } | null)?.theta ?? null;
}
