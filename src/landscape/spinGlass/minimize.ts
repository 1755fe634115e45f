import { type DenseMatrix, dense, symmetricEigen, symmetricEigenvalues } from '../../linalg/index.js';
import type { Rng } from '../../random.js';
import type { Objective } from '../objective.js';
import { lbfgs } from '../optimize.js';
import { type SpinGlass, spinGlassEnergyAndGradient } from './hamiltonian.js';
import { projectToTangent, riemannianGradient, riemannianHessian, toSphere } from './sphere.js';
import { DESCENT_STAGE_TOL, INDEX_EIG_RTOL, NEWTON_PINV_RTOL, SPHERE_GRAD_TOL } from './tolerances.js';

/** A uniform random point of the sphere |w|² = N (a normalised Gaussian vector). */
export function randomSpherePoint(N: number, rng: Rng): Float64Array {
  const w = new Float64Array(N);
  for (let i = 0; i < N; i++) w[i] = rng.normal();
  return toSphere(w);
}

/**
 * The scale-invariant lift f(w) = L(√N·w/|w|) on R^N \ {0}. Its gradient is (√N/|w|)·grad_S L(u) at
 * u = √N·w/|w|, so its critical points are the rays through the critical points of L on the sphere, and the
 * unconstrained L-BFGS of src/landscape (with its memory, unlike its Riemannian mode) applies.
 */
function projectiveObjective(glass: SpinGlass): Objective {
  const N = glass.N;
  // L-BFGS asks for value(x) at a trial point and, once the line search accepts it, valueAndGradient(x) at the
  // same x: the value pass computes the gradient too (its value is the same sum, bit for bit) and keeps it for
  // that next call, so an accepted step costs one pass over the coefficients instead of a value pass and a full one.
  let kept: { w: Float64Array; value: number; gradient: Float64Array } | null = null;
  const evaluate = (w: Float64Array) => {
    const u = toSphere(w);
    const { value, gradient } = spinGlassEnergyAndGradient(glass, u);
    const riemannian = projectToTangent(u, gradient);
    let norm2 = 0;
    for (let i = 0; i < N; i++) norm2 += w[i]! * w[i]!;
    const scale = Math.sqrt(N / norm2);
    for (let i = 0; i < N; i++) riemannian[i]! *= scale;
    return { value, gradient: riemannian };
  };
  return {
    dim: N,
    value(w) {
      const evaluated = evaluate(w);
      kept = { w: Float64Array.from(w), ...evaluated };
      return evaluated.value;
    },
    valueAndGradient(w) {
      const hit = kept !== null && sameVector(kept.w, w) ? kept : null;
      kept = null;
      return hit === null ? evaluate(w) : { value: hit.value, gradient: hit.gradient };
    },
    hessian() {
      throw new Error('projectiveObjective: the Hessian is not used (L-BFGS only)');
    },
    nonDifferentiable: () => null,
  };
}

/** Entry by entry the same number (Object.is: −0 is not 0): the kept evaluation belongs to this point. */
function sameVector(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

export interface SphereMinimum {
  /** The endpoint, on the sphere. */
  readonly w: Float64Array;
  readonly value: number;
  /** ‖grad_S L‖ at the endpoint. */
  readonly gradientNorm: number;
  /** ‖grad_S L‖ ≤ gradTol·(1 + |L|). */
  readonly converged: boolean;
  readonly iterations: number;
}

/**
 * Minimise L on the sphere from w0: L-BFGS on the scale-invariant lift down to ‖grad_S L‖ ≤
 * DESCENT_STAGE_TOL·(1 + |L|) (a value-based line search cannot go much further: the decrease per step falls
 * below the rounding of L), then Riemannian Newton polishing to ‖grad_S L‖ ≤ gradTol·(1 + |L|). When Newton does
 * not get there (L-BFGS stopped early, outside Newton's basin), another L-BFGS round starts from the better of the
 * two points, up to `rounds` times.
 */
export function minimizeOnSphere(
  glass: SpinGlass,
  w0: Float64Array,
  options: { gradTol?: number; maxIterations?: number; rounds?: number } = {},
): SphereMinimum {
  const gradTol = options.gradTol ?? SPHERE_GRAD_TOL;
  const rounds = options.rounds ?? 3;
  const objective = projectiveObjective(glass);
  let start = toSphere(w0);
  let iterations = 0;
  let best: { w: Float64Array; value: number; gradientNorm: number } | null = null;
  for (let round = 0; round < rounds; round++) {
    const descent = lbfgs(objective, start, {
      gradTol: Math.max(gradTol, DESCENT_STAGE_TOL),
      maxIterations: options.maxIterations ?? 5000,
    });
    iterations += descent.iterations;
    const polished = newtonOnSphere(glass, descent.theta);
    if (best === null || polished.gradientNorm < best.gradientNorm) best = polished;
    if (polished.gradientNorm <= gradTol * (1 + Math.abs(polished.value))) break;
    start = polished.value <= descent.value ? polished.w : toSphere(descent.theta);
  }
  const found = best!;
  return { ...found, converged: found.gradientNorm <= gradTol * (1 + Math.abs(found.value)), iterations };
}

/**
 * An orthonormal frame of the tangent space T_w S: the last N − 1 columns of the Householder reflector
 * Q = I − 2vvᵀ/(vᵀv) that maps u = w/|w| to ±e_1 (Q is symmetric and orthogonal, so Q's columns 2…N are
 * orthonormal and orthogonal to u).
 */
export interface TangentFrame {
  readonly v: Float64Array;
  readonly vv: number;
}

export function tangentFrame(w: Float64Array): TangentFrame {
  const N = w.length;
  let norm = 0;
  for (let i = 0; i < N; i++) norm += w[i]! * w[i]!;
  norm = Math.sqrt(norm);
  const v = Float64Array.from(w, (x) => x / norm);
  // v = u − α·e_1 with α = −sign(u_1): |v_1| ≥ 1, so no cancellation.
  v[0]! += v[0]! >= 0 ? 1 : -1;
  let vv = 0;
  for (let i = 0; i < N; i++) vv += v[i]! * v[i]!;
  return { v, vv };
}

/** Tangent coordinates z ∈ R^{N−1} of an ambient vector x: (Qx)_{2…N}. */
export function toTangentCoordinates(frame: TangentFrame, x: Float64Array): Float64Array {
  const { v, vv } = frame;
  let vx = 0;
  for (let i = 0; i < v.length; i++) vx += v[i]! * x[i]!;
  const c = (2 * vx) / vv;
  const z = new Float64Array(v.length - 1);
  for (let i = 1; i < v.length; i++) z[i - 1] = x[i]! - c * v[i]!;
  return z;
}

/** The ambient tangent vector Q·(0, z) of tangent coordinates z. */
export function fromTangentCoordinates(frame: TangentFrame, z: Float64Array): Float64Array {
  const { v, vv } = frame;
  let vz = 0;
  for (let i = 1; i < v.length; i++) vz += v[i]! * z[i - 1]!;
  const c = (2 * vz) / vv;
  const x = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) x[i] = (i === 0 ? 0 : z[i - 1]!) - c * v[i]!;
  return x;
}

/** The Riemannian Hessian in the frame's coordinates: (Q·Hess·Q) without its first row and column, (N−1)². */
export function tangentHessian(
  glass: SpinGlass,
  w: Float64Array,
  frame: TangentFrame = tangentFrame(w),
): DenseMatrix {
  const N = glass.N;
  const hess = riemannianHessian(glass, w);
  const { v, vv } = frame;
  // Q A Q = A − 2v(vᵀA)/vv − 2(Av)vᵀ/vv + 4(vᵀAv)vvᵀ/vv²   (A symmetric).
  const av = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let j = 0; j < N; j++) s += hess.data[i * N + j]! * v[j]!;
    av[i] = s;
  }
  let vav = 0;
  for (let i = 0; i < N; i++) vav += v[i]! * av[i]!;
  const out = dense(N - 1, N - 1);
  for (let i = 1; i < N; i++) {
    for (let j = i; j < N; j++) {
      const b =
        hess.data[i * N + j]! -
        (2 * (v[i]! * av[j]! + av[i]! * v[j]!)) / vv +
        (4 * vav * v[i]! * v[j]!) / (vv * vv);
      out.data[(i - 1) * (N - 1) + (j - 1)] = b;
      out.data[(j - 1) * (N - 1) + (i - 1)] = b;
    }
  }
  return out;
}

/**
 * Riemannian Newton polishing on the sphere: ξ = −Hess⁺ grad in tangent coordinates (eigendecomposition,
 * eigenvalues below NEWTON_PINV_RTOL·max|λ| left alone), w ← R_w(ξ). Converges quadratically to the critical
 * point near w, whatever its index, so it only polishes what a descent method brought close. Stops when the
 * gradient stops shrinking.
 */
export function newtonOnSphere(
  glass: SpinGlass,
  w0: Float64Array,
  maxIterations = 8,
): { w: Float64Array; value: number; gradientNorm: number } {
  let w = toSphere(w0);
  let { value, gradient } = riemannianGradient(glass, w);
  let g = norm(gradient);
  for (let iteration = 0; iteration < maxIterations && g > 0; iteration++) {
    const frame = tangentFrame(w);
    const { values, vectors } = symmetricEigen(tangentHessian(glass, w, frame));
    const gz = toTangentCoordinates(frame, gradient);
    const n = gz.length;
    let maxAbs = 0;
    for (const x of values) maxAbs = Math.max(maxAbs, Math.abs(x));
    const step = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const lambda = values[k]!;
      if (Math.abs(lambda) <= NEWTON_PINV_RTOL * maxAbs) continue;
      let c = 0;
      for (let i = 0; i < n; i++) c += vectors.data[i * n + k]! * gz[i]!;
      c /= lambda;
      for (let i = 0; i < n; i++) step[i]! -= c * vectors.data[i * n + k]!;
    }
    const ambient = fromTangentCoordinates(frame, step);
    for (let i = 0; i < ambient.length; i++) ambient[i]! += w[i]!;
    const next = toSphere(ambient);
    const evaluated = riemannianGradient(glass, next);
    const nextG = norm(evaluated.gradient);
    if (!(nextG < g) || !Number.isFinite(evaluated.value)) break;
    w = next;
    value = evaluated.value;
    gradient = evaluated.gradient;
    g = nextG;
  }
  return { w, value, gradientNorm: g };
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

export interface CriticalIndex {
  /** Number of negative eigenvalues of the Riemannian Hessian on the tangent space (−1 when degenerate). */
  readonly index: number;
  /** Eigenvalues of the Riemannian Hessian on the tangent space, ascending (N − 1 of them). */
  readonly eigenvalues: Float64Array;
  /** Some tangent eigenvalue is 0 within INDEX_EIG_RTOL·max|λ|: second order cannot label the point. */
  readonly degenerate: boolean;
}

/** The Hessian index of a critical point w of the sphere: the count of negative tangent eigenvalues. */
export function criticalIndex(glass: SpinGlass, w: Float64Array): CriticalIndex {
  const eigenvalues = glass.N > 1 ? symmetricEigenvalues(tangentHessian(glass, w)) : new Float64Array(0);
  let maxAbs = 0;
  for (const x of eigenvalues) maxAbs = Math.max(maxAbs, Math.abs(x));
  const cut = INDEX_EIG_RTOL * maxAbs;
  let negative = 0;
  let degenerate = false;
  for (const x of eigenvalues) {
    if (x < -cut) negative++;
    else if (x <= cut) degenerate = true;
  }
  return { index: degenerate ? -1 : negative, eigenvalues, degenerate };
}
