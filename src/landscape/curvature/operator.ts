import type { DenseMatrix } from '../../linalg/index.js';
import { hessianVectorProduct } from '../../nn/index.js';
import type { SubjectModel } from '../subjectModel.js';

/** A symmetric linear operator v ↦ H·v on R^dim: all the curvature tools need (no full Hessian). */
export interface SymmetricOperator {
  readonly dim: number;
  apply(v: Float64Array): Float64Array;
}

/** The operator of a dense symmetric matrix (tests, and subject kinds without a Hessian-vector product). */
export function denseOperator(a: DenseMatrix): SymmetricOperator {
  const n = a.rows;
  return {
    dim: n,
    apply(v) {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += a.data[i * n + j]! * v[j]!;
        out[i] = s;
      }
      return out;
    },
  };
}

/**
 * The Hessian of a subject's objective at its own point as an operator. For an mlp subject it is the exact
 * R-operator product (hessianVectorProduct, O(n·p) per product, the Hessian is never formed); the other
 * kinds (teacher–student, spin glass: at most a few hundred coordinates) multiply by their exact Hessian.
 */
export function subjectHessianOperator(model: SubjectModel): SymmetricOperator {
  const mlp = model.mlp;
  if (mlp !== undefined) {
    // Frozen layers (network.trainable): H restricted to the trained coordinates is P·H_full·Pᵀ.
    const full = mlp.full;
    const apply = (v: Float64Array): Float64Array => {
      const vFull = new Float64Array(full.length);
      for (let k = 0; k < mlp.free.length; k++) vFull[mlp.free[k]!] = v[k]!;
      return mlp.restrict(hessianVectorProduct(mlp.problem, full, vFull));
    };
    return { dim: mlp.theta.length, apply };
  }
  return denseOperator(model.objective.hessian(model.theta));
}
