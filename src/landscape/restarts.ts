import type { Rng } from '../random.js';
import type { Objective } from './objective.js';
import { lbfgs } from './optimize.js';

/** L-BFGS iterations per restart: the small networks of the claims converge in a few hundred. */
const RESTART_MAX_ITERATIONS = 2000;

/**
 * The lowest finite point of `restarts` L-BFGS runs from θ ~ N(0, I) (of θ's dimension): the "better point" that
 * certifies a local minimum as not global. Null when no run ends finite.
 */
export function bestOfRestarts(
  objective: Objective,
  dimension: number,
  rng: Rng,
  restarts: number,
): { theta: Float64Array; value: number } | null {
  let best: { theta: Float64Array; value: number } | null = null;
  for (let r = 0; r < restarts; r++) {
    const start = Float64Array.from({ length: dimension }, () => rng.normal());
    const result = lbfgs(objective, start, { maxIterations: RESTART_MAX_ITERATIONS });
    if (Number.isFinite(result.value) && (best === null || result.value < best.value)) best = result;
  }
  return best;
}
