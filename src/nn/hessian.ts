import { type DenseMatrix, dense } from '../linalg/index.js';
import { curvatureRaw } from './curvature.js';
import { gaussNewtonUpper } from './gaussNewton.js';
import { type Problem, requireTheta } from './problem.js';
import { secondOrderState } from './secondOrder.js';

// The exact Hessian of L(θ) = s·Σ_i ‖f(x_i) − y_i‖² splits as
//
//     H = 2s·JᵀJ  +  2s·Σ_{i,k} r_ik ∇²f_k(x_i)          (Gauss–Newton part + curvature part)
//
// The first is a Gram matrix of the Jacobian (gaussNewton.ts), the second comes from the sparse R-operator
// along each parameter direction (curvature.ts). `hessianVectorProduct` (hessianVectorProduct.ts) is the plain
// dense R-operator on the whole loss, an independent code path the tests compare against. For piecewise-linear
// activations σ'' = 0 (activations.ts), so all of these are the derivatives of the polynomial the loss equals
// inside the current activation region; `onKink` (patterns.ts) says whether that region is a neighbourhood.
// Cost for the two-layer benchmark net (n = 64, d = 8, m = 32, p = 321): about 2.5 ms, three quarters of it the
// Gram matrix JᵀJ.

/** Options of `hessian` and `curvatureTerm`. */
export interface HessianOptions {
  /**
   * Default true: return (R + Rᵀ)/2 of the raw matrix R, written to both triangles so the result is exactly
   * symmetric. With false, the raw R: row j is the R-operator along e_j (∂∇L/∂θ_j), every entry computed,
   * so its symmetry is a check of the code, not a property of the storage. The Gauss–Newton part is formed
   * from one triangle of JᵀJ and mirrored in either case (each mirrored entry is the same dot product, so
   * computing it again would give the same bits).
   */
  readonly symmetrize?: boolean;
}

/**
 * out = G + C or, symmetrised, G + (C + Cᵀ)/2 written to both triangles; G is read from its upper triangle
 * (gaussNewtonUpper), C is the raw curvature (p×p). Overwrites and returns `c`.
 */
function assemble(g: Float64Array | null, c: Float64Array, p: number, symmetrize: boolean): Float64Array {
  // T×T tiles, so the transposed reads c[b·p + a] stay in cache (about 2× faster than row by row at p ≈ 320)
  const T = 32;
  for (let a0 = 0; a0 < p; a0 += T) {
    const a1 = Math.min(a0 + T, p);
    for (let b0 = a0; b0 < p; b0 += T) {
      const b1 = Math.min(b0 + T, p);
      for (let a = a0; a < a1; a++) {
        const ra = a * p;
        if (b0 === a0) c[ra + a] = (g === null ? 0 : g[ra + a]!) + c[ra + a]!;
        for (let b = Math.max(b0, a + 1); b < b1; b++) {
          const gab = g === null ? 0 : g[ra + b]!;
          const rb = b * p;
          if (symmetrize) {
            const v = gab + (0.5 * c[ra + b]! + 0.5 * c[rb + a]!);
            c[ra + b] = v;
            c[rb + a] = v;
          } else {
            c[ra + b] = gab + c[ra + b]!;
            c[rb + a] = gab + c[rb + a]!;
          }
        }
      }
    }
  }
  return c;
}

/** The curvature part 2s·Σ_{i,k} r_ik ∇²f_k(x_i) of the Hessian (p×p); indefinite in general. */
export function curvatureTerm(
  problem: Problem,
  theta: Float64Array,
  options: HessianOptions = {},
): DenseMatrix {
  requireTheta(problem, theta);
  const p = problem.layout.size;
  const raw = curvatureRaw(problem, theta, secondOrderState(problem, theta));
  return dense(p, p, assemble(null, raw, p, options.symmetrize !== false));
}

/**
 * The exact Hessian ∇²L(θ) (p×p) = gaussNewton + curvatureTerm, for any depth and activation. Symmetrised as
 * described in HessianOptions unless `symmetrize: false`.
 */
export function hessian(problem: Problem, theta: Float64Array, options: HessianOptions = {}): DenseMatrix {
  requireTheta(problem, theta);
  const p = problem.layout.size;
  const st = secondOrderState(problem, theta);
  const raw = curvatureRaw(problem, theta, st);
  const g = gaussNewtonUpper(problem, theta, st.pass);
  return dense(p, p, assemble(g, raw, p, options.symmetrize !== false));
}
