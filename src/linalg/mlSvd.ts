import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import type { DenseMatrix } from './matrix.js';

/** A thin SVD A = U·diag(s)·Vᵀ (k = min(m, n)): U m×k and V n×k row-major, s descending. */
export interface ThinSvd {
  readonly k: number;
  readonly u: Float64Array;
  readonly s: Float64Array;
  readonly v: Float64Array;
}

/** Copy the first k columns of an ml-matrix Matrix into a row-major array (rows × k). */
function leadingColumns(x: Matrix, k: number): Float64Array {
  const out = new Float64Array(x.rows * k);
  for (let i = 0; i < x.rows; i++) for (let j = 0; j < k; j++) out[i * k + j] = x.get(i, j);
  return out;
}

/**
 * Thin SVD through ml-matrix (speed does not matter where this is used). Callers check shapes and
 * finiteness and never pass an empty matrix (ml-matrix throws on one). `autoTranspose: true` makes a
 * wide input work on Aᵀ, else ml-matrix returns one singular value too many.
 */
export function thinSvd(a: DenseMatrix): ThinSvd {
  const k = Math.min(a.rows, a.cols);
  const svd = new SingularValueDecomposition(Matrix.from1DArray(a.rows, a.cols, a.data), {
    autoTranspose: true,
  });
  const s = Float64Array.from(svd.diagonal.slice(0, k));
  return {
    k,
    u: leadingColumns(svd.leftSingularVectors, k),
    s,
    v: leadingColumns(svd.rightSingularVectors, k),
  };
}

/** All right singular vectors of a matrix with rows ≥ cols = n: V, n×n row-major; column j ↔ σ_j (descending). */
export function fullRightSingularVectors(a: DenseMatrix): Float64Array {
  if (a.rows < a.cols) throw new Error('fullRightSingularVectors: needs rows ≥ cols');
  const svd = new SingularValueDecomposition(Matrix.from1DArray(a.rows, a.cols, a.data), {
    computeLeftSingularVectors: false,
  });
  return leadingColumns(svd.rightSingularVectors, a.cols);
}
