import { finiteMaxAbs, requireSquare } from './checks.js';
import { applyReflectorLeft } from './householder.js';
import { type DenseMatrix, dense } from './matrix.js';
import { powerOfTwoScale } from './scaling.js';
import { symmetricLowerFrom } from './symmetrize.js';
import { tridiagonalEigen } from './tridiagonalEigen.js';
import { tridiagonalize } from './tridiagonalize.js';

/** Eigenvalues ascending and orthonormal eigenvectors: column j of `vectors` belongs to `values[j]`. */
export interface SymmetricEigen {
  readonly values: Float64Array;
  readonly vectors: DenseMatrix;
}

/**
 * Eigendecomposition (A + Aᵀ)/2 = V·diag(λ)·Vᵀ of the symmetric part of a square A, λ ascending, V
 * orthogonal (column j ↔ λ_j).
 *
 * Method: Householder tridiagonalisation, Q formed from the reflectors, implicit QL (EISPACK tql2)
 * whose rotations are applied to the columns of Q a sweep at a time, row by row (as LAPACK's
 * dsteqr/dlasr). Backward stable: ‖A·V − V·Λ‖ = O(n · ε · ‖A‖₂) and ‖VᵀV − I‖ = O(n · ε); for (nearly) repeated eigenvalues
 * only the spanned subspace is determined.
 *
 * Throws ShapeError for a non-square A, NonFiniteError on NaN/±Infinity entries.
 */
export function symmetricEigen(a: DenseMatrix): SymmetricEigen {
  requireSquare('symmetricEigen', a);
  const amax = finiteMaxAbs('symmetricEigen', 'matrix', a);
  const n = a.rows;
  const scale = powerOfTwoScale(amax);
  const work = symmetricLowerFrom(a, scale);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const v = new Float64Array(n * n);
  const tau = new Float64Array(n);
  tridiagonalize(work, n, d, e, { v, tau });

  // Q = H_0·H_1⋯H_{n−3}, accumulated backwards as H_k·(H_{k+1}⋯H_{n−3});
  // H_k touches rows and columns k+1… only.
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const scratch = new Float64Array(n);
  for (let k = n - 3; k >= 0; k--) {
    applyReflectorLeft(
      q,
      n,
      k + 1,
      n - k - 1,
      k + 1,
      n,
      v.subarray(k * n + k + 1, (k + 1) * n),
      tau[k]!,
      scratch,
    );
  }
  tridiagonalEigen(d, e, n, q);

  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[i]! - d[j]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  for (let j = 0; j < n; j++) values[j] = d[order[j]!]! / scale;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) vectors[row + j] = q[row + order[j]!]!;
  }
  return { values, vectors: dense(n, n, vectors) };
}
