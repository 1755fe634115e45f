import { type DenseMatrix, dense } from '../../linalg/index.js';
import type { Objective } from '../objective.js';
import {
  type SpinGlass,
  spinGlassEnergy,
  spinGlassEnergyAndGradient,
  spinGlassEuclideanHessian,
} from './hamiltonian.js';

// Geometry of the sphere S = {w : |w|² = N}. With P = I − wwᵀ/N (the projection onto the tangent space T_w S):
//   Riemannian gradient   grad L = P ∇L = ∇L − (⟨∇L, w⟩/N)·w                      (Choromanska et al. 2015)
//   Riemannian Hessian    Hess L = P (∇²L − (⟨∇L, w⟩/N)·I) P                       (on T_w S; 0 along w)
//   retraction            R_w(ξ) = √N·(w + ξ)/|w + ξ|

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** v − (⟨v, w⟩/|w|²)·w: the projection of v onto the tangent space at w. */
export function projectToTangent(w: Float64Array, v: Float64Array): Float64Array {
  const c = dot(v, w) / dot(w, w);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! - c * w[i]!;
  return out;
}

/** √N·w/|w|: the nearest point of the sphere |w|² = N. */
export function toSphere(w: Float64Array): Float64Array {
  const scale = Math.sqrt(w.length / dot(w, w));
  // A plain loop: Float64Array.from with a mapping callback takes V8's slow generic path (this runs per evaluation).
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = w[i]! * scale;
  return out;
}

/** The Riemannian gradient and the Euclidean one at w (on the sphere). */
export function riemannianGradient(
  glass: SpinGlass,
  w: Float64Array,
): {
  value: number;
  gradient: Float64Array;
  euclidean: Float64Array;
} {
  const { value, gradient } = spinGlassEnergyAndGradient(glass, w);
  return { value, gradient: projectToTangent(w, gradient), euclidean: gradient };
}

/** The Riemannian Hessian P(∇²L − (⟨∇L, w⟩/N)I)P as an N×N matrix (zero along w). */
export function riemannianHessian(glass: SpinGlass, w: Float64Array): DenseMatrix {
  const N = glass.N;
  const h = spinGlassEuclideanHessian(glass, w);
  const { gradient } = spinGlassEnergyAndGradient(glass, w);
  const r2 = dot(w, w);
  const mu = dot(gradient, w) / r2;
  for (let i = 0; i < N; i++) h.data[i * N + i]! -= mu;
  // P A P with P = I − uuᵀ, u = w/|w|: A − u(uᵀA) − (Au)uᵀ + (uᵀAu)uuᵀ.
  const u = Float64Array.from(w, (x) => x / Math.sqrt(r2));
  const au = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let j = 0; j < N; j++) s += h.data[i * N + j]! * u[j]!;
    au[i] = s;
  }
  const uau = dot(u, au);
  const out = dense(N, N);
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      const v = h.data[i * N + j]! - u[i]! * au[j]! - au[i]! * u[j]! + uau * u[i]! * u[j]!;
      out.data[i * N + j] = v;
      out.data[j * N + i] = v;
    }
  }
  return out;
}

/**
 * The spin glass as an Objective on the sphere |w|² = N: Riemannian gradient and Hessian, the retraction, the
 * tangent projection and the normal w. examinePoint restricts the Hessian and its perturbations to the
 * complement of the normal, i.e. to the tangent space. Every quantity is taken at the radial projection
 * √N·w/|w| of its argument (the identity on the sphere, up to one rounding), so a vector off the sphere is read
 * as the sphere point it projects to and can never show a lower energy by being shorter or longer.
 */
export function sphereObjective(glass: SpinGlass): Objective {
  return {
    dim: glass.N,
    value: (w) => spinGlassEnergy(glass, toSphere(w)),
    valueAndGradient(w) {
      const { value, gradient } = riemannianGradient(glass, toSphere(w));
      return { value, gradient };
    },
    hessian: (w) => riemannianHessian(glass, toSphere(w)),
    nonDifferentiable: () => null,
    retract(w, step) {
      const out = new Float64Array(w.length);
      for (let i = 0; i < w.length; i++) out[i] = w[i]! + step[i]!;
      return toSphere(out);
    },
    projectTangent: projectToTangent,
    constraintNormals: (w) => [Float64Array.from(w)],
  };
}
