import { type DenseMatrix, dense, symmetricEigen } from '../linalg/index.js';
import type { Rng } from '../random.js';
import { moveBy, type Objective } from './objective.js';
import { complementBasis, orthonormalize, removeComponents } from './subspace.js';
import {
  GRAD_ZERO_TOL,
  LOSS_ROUNDING_RTOL,
  PERTURBATION_RADII,
  PERTURBATION_TRIALS,
  PSD_EIG_RTOL,
  STRICT_EIG_RTOL,
} from './tolerances.js';

/** What a point turned out to be. */
export type PointClass =
  /** Gradient 0, reduced Hessian positive definite, no perturbation lowered the loss. */
  | 'strict-local-min'
  /** No perturbation lowered the loss; gradient 0 and Hessian PSD where defined, but not provably strict. */
  | 'local-min'
  /** A descent direction exists at a critical point (negative eigenvalue, or a perturbation that lowered L). */
  | 'saddle'
  /** The gradient is not 0. */
  | 'not-critical'
  /** Gradient 0, Hessian PSD and singular, and sampling found no descent: second order cannot decide. */
  | 'degenerate';

export interface Perturbation {
  readonly radii: readonly number[];
  /** Trials per radius. */
  readonly trials: number;
  /** min over trials of L(θ+δ) − L(θ) (restricted to the complement of symmetries and constraint normals). */
  readonly minLossIncrease: number;
}

/** The classification of a point (critical, strict or non-strict minimum, saddle, …) with its evidence. */
export interface PointExamination {
  readonly value: number;
  /** Null where the objective is not differentiable at the point. */
  readonly gradientNorm: number | null;
  readonly nonDifferentiable: string | null;
  /** Ascending eigenvalues of the Hessian restricted to the complement of symmetries and normals; null on a kink. */
  readonly hessianEigenvalues: Float64Array | null;
  readonly excludedDirections: number;
  readonly perturbation: Perturbation;
  readonly classification: PointClass;
  /** For a saddle: a unit direction along which the loss decreases, and a step that shows it. */
  readonly descent: {
    readonly direction: Float64Array;
    readonly step: number;
    readonly decrease: number;
  } | null;
  /** The tolerances the classification used. */
  readonly tolerances: Readonly<Record<string, number>>;
}

/** Options of {@link examinePoint}: the random stream and the perturbation radii and trials. */
export interface ExamineOptions {
  readonly rng: Rng;
  readonly radii?: readonly number[];
  readonly trials?: number;
  /** Skip the Hessian (it is O(p²) memory); classification then rests on the perturbation search only. */
  readonly skipHessian?: boolean;
}

/** Hessian restricted to span(Q): QᵀHQ for orthonormal columns Q (k vectors of length p). */
export function restrictHessian(h: DenseMatrix, basis: readonly Float64Array[]): DenseMatrix {
  const p = h.rows;
  const k = basis.length;
  const hq: Float64Array[] = basis.map((q) => {
    const out = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      let s = 0;
      const row = i * p;
      for (let j = 0; j < p; j++) s += h.data[row + j]! * q[j]!;
      out[i] = s;
    }
    return out;
  });
  const out = dense(k, k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      const qa = basis[a]!;
      const hb = hq[b]!;
      for (let i = 0; i < p; i++) s += qa[i]! * hb[i]!;
      out.data[a * k + b] = s;
      out.data[b * k + a] = s;
    }
  }
  return out;
}

function randomUnitInComplement(dim: number, excluded: readonly Float64Array[], rng: Rng): Float64Array {
  for (;;) {
    const v = new Float64Array(dim);
    for (let i = 0; i < dim; i++) v[i] = rng.normal();
    const w = removeComponents(v, excluded);
    let s = 0;
    for (let i = 0; i < dim; i++) s += w[i]! * w[i]!;
    const size = Math.sqrt(s);
    if (size > 1e-8) {
      for (let i = 0; i < dim; i++) w[i]! /= size;
      return w;
    }
  }
}

/**
 * Examine a point: value, gradient, the Hessian restricted to the complement of the objective's symmetry
 * directions and constraint normals, and a random perturbation search at several radii. Classifies it.
 * Everything is deterministic given the rng.
 */
export function examinePoint(
  objective: Objective,
  theta: Float64Array,
  options: ExamineOptions,
): PointExamination {
  const radii = options.radii ?? PERTURBATION_RADII;
  const trials = options.trials ?? PERTURBATION_TRIALS;
  const { value, gradient } = objective.valueAndGradient(theta);
  const nonDifferentiable = objective.nonDifferentiable(theta);
  const excluded = orthonormalize([
    ...(objective.symmetryDirections?.(theta) ?? []),
    ...(objective.constraintNormals?.(theta) ?? []),
  ]);
  const roundingFloor = LOSS_ROUNDING_RTOL * (1 + Math.abs(value));
  const tolerances: Record<string, number> = {
    GRAD_ZERO_TOL,
    STRICT_EIG_RTOL,
    PSD_EIG_RTOL,
    LOSS_ROUNDING_RTOL,
  };

  let gradientNorm: number | null = null;
  let eigenvalues: Float64Array | null = null;
  let eigenvectors: { basis: Float64Array[]; vectors: DenseMatrix } | null = null;
  if (nonDifferentiable === null) {
    let s = 0;
    const tangent = objective.projectTangent ? objective.projectTangent(theta, gradient) : gradient;
    for (let i = 0; i < tangent.length; i++) s += tangent[i]! * tangent[i]!;
    gradientNorm = Math.sqrt(s);
    if (options.skipHessian !== true) {
      const basis = complementBasis(objective.dim, excluded);
      const reduced = restrictHessian(objective.hessian(theta), basis);
      const eig = symmetricEigen(reduced);
      eigenvalues = eig.values;
      eigenvectors = { basis, vectors: eig.vectors };
    }
  }

  // Perturbation search: random unit directions in the complement, at each radius.
  let minIncrease = Number.POSITIVE_INFINITY;
  let worst: { direction: Float64Array; step: number; decrease: number } | null = null;
  for (const radius of radii) {
    for (let t = 0; t < trials; t++) {
      const u = randomUnitInComplement(objective.dim, excluded, options.rng);
      const step = new Float64Array(objective.dim);
      for (let i = 0; i < step.length; i++) step[i] = radius * u[i]!;
      const increase = objective.value(moveBy(objective, theta, step)) - value;
      if (!(increase >= minIncrease)) {
        minIncrease = increase;
        if (increase < -roundingFloor) worst = { direction: u, step: radius, decrease: -increase };
      }
    }
  }
  const perturbation: Perturbation = { radii, trials, minLossIncrease: minIncrease };

  const result = (classification: PointClass, descent: PointExamination['descent']): PointExamination => ({
    value,
    gradientNorm,
    nonDifferentiable,
    hessianEigenvalues: eigenvalues,
    excludedDirections: excluded.length,
    perturbation,
    classification,
    descent,
    tolerances,
  });

  if (!Number.isFinite(minIncrease) && minIncrease !== Number.POSITIVE_INFINITY) {
    return result('degenerate', null);
  }
  if (gradientNorm !== null && gradientNorm > GRAD_ZERO_TOL * (1 + Math.abs(value))) {
    return result('not-critical', null);
  }
  if (eigenvalues !== null && eigenvectors !== null && eigenvalues.length > 0) {
    const lambdaMin = eigenvalues[0]!;
    const lambdaMax = Math.max(Math.abs(eigenvalues[eigenvalues.length - 1]!), Math.abs(lambdaMin));
    if (lambdaMin < -PSD_EIG_RTOL * lambdaMax) {
      // The eigenvector of λ_min, mapped back from the reduced basis, is a second-order descent direction.
      const k = eigenvectors.basis.length;
      const direction = new Float64Array(objective.dim);
      for (let a = 0; a < k; a++) {
        const c = eigenvectors.vectors.data[a * k]!;
        const q = eigenvectors.basis[a]!;
        for (let i = 0; i < direction.length; i++) direction[i]! += c * q[i]!;
      }
      const descent = descentStep(objective, theta, value, direction, roundingFloor);
      return result('saddle', descent ?? worst);
    }
    if (worst !== null) return result('saddle', worst);
    if (lambdaMin > STRICT_EIG_RTOL * lambdaMax && minIncrease > -roundingFloor) {
      return result('strict-local-min', null);
    }
    return result('degenerate', null);
  }
  if (worst !== null) return result('saddle', worst);
  if (nonDifferentiable !== null) {
    // On a kink: only the sampled perturbations speak. A strict increase at every radius is a sampled local min.
    return result(minIncrease > roundingFloor ? 'local-min' : 'degenerate', null);
  }
  return result(eigenvalues === null ? 'local-min' : 'degenerate', null);
}

/** The largest step t ∈ {1e-1, 1e-2, …, 1e-8} (either sign) along `direction` that lowers the loss beyond rounding. */
function descentStep(
  objective: Objective,
  theta: Float64Array,
  value: number,
  direction: Float64Array,
  roundingFloor: number,
): { direction: Float64Array; step: number; decrease: number } | null {
  for (let e = 1; e <= 8; e++) {
    const t = 10 ** -e;
    for (const sign of [1, -1]) {
      const step = new Float64Array(direction.length);
      for (let i = 0; i < step.length; i++) step[i] = sign * t * direction[i]!;
      const decrease = value - objective.value(moveBy(objective, theta, step));
      if (decrease > roundingFloor) {
        const d = Float64Array.from(direction, (x) => sign * x);
        return { direction: d, step: t, decrease };
      }
    }
  }
  return null;
}
