import type { DenseMatrix } from '../linalg/index.js';

/**
 * A twice-differentiable-almost-everywhere objective on a flat parameter vector: the common face of every
 * subject kind (an MLP's empirical loss, a Gaussian teacher–student population loss, a spin-glass energy on
 * the sphere). Analyses (optimisers, certificates) work on this and know nothing of the subject kind.
 */
export interface Objective {
  /** Number of free parameters. */
  readonly dim: number;
  value(theta: Float64Array): number;
  /** Value and gradient (for constrained kinds: the Riemannian gradient, tangent to the manifold). */
  valueAndGradient(theta: Float64Array): { value: number; gradient: Float64Array };
  /** Exact Hessian (for constrained kinds: the Riemannian Hessian on the tangent space, as a dim×dim matrix). */
  hessian(theta: Float64Array): DenseMatrix;
  /** Null where the objective is twice differentiable at theta; otherwise the reason (e.g. a unit on a kink). */
  nonDifferentiable(theta: Float64Array): string | null;
  /**
   * For constrained kinds: move from theta along a tangent step and return to the manifold. Absent means the
   * parameter space is all of R^dim and the move is theta + step.
   */
  retract?(theta: Float64Array, step: Float64Array): Float64Array;
  /** For constrained kinds: project a vector onto the tangent space at theta. */
  projectTangent?(theta: Float64Array, v: Float64Array): Float64Array;
  /**
   * Directions along which the objective is exactly constant by a known symmetry (e.g. the relu rescaling
   * (w_j, v_j) → (c·w_j, v_j/c) has tangent (w_j, −v_j)); strictness is tested on their complement.
   * Tangent directions of a constraint (the sphere's normal) are not symmetries and do not belong here.
   */
  symmetryDirections?(theta: Float64Array): Float64Array[];
  /**
   * For constrained kinds: normals of the constraint at theta (the sphere's normal is theta itself). The
   * Hessian and the perturbation search are restricted to their orthogonal complement, the tangent space.
   */
  constraintNormals?(theta: Float64Array): Float64Array[];
}

/** Move from theta by step, respecting the objective's manifold if it has one. */
export function moveBy(objective: Objective, theta: Float64Array, step: Float64Array): Float64Array {
  if (objective.retract !== undefined) return objective.retract(theta, step);
  const out = new Float64Array(theta.length);
  for (let i = 0; i < theta.length; i++) out[i] = theta[i]! + step[i]!;
  return out;
}
