import { lqInPlace } from './bidiagonalize.js';
import { requireFiniteMatrix, requireTolerance } from './checks.js';
import { applyReflectorLeft } from './householder.js';
import { type DenseMatrix, dense } from './matrix.js';
import { fullRightSingularVectors } from './mlSvd.js';
import { numericalRank } from './numericalRank.js';
import { identity } from './ops.js';

/**
 * Orthonormal basis of the numerical null space of A (m×n), as the columns of an n×(n − r) matrix N,
 * where r = numericalRank(A, tol).rank: the right singular vectors of the n − r singular values at or
 * below tol = σ_max · max(m, n) · ε (numpy's default, ε = 2^-52) or the given `tol`. Then
 * ‖A·N‖₂ ≤ tol (up to rounding) and NᵀN = I.
 *
 * Method: for m ≥ n the right singular vectors of A (ml-matrix SVD). For m < n, first A = [L 0]·Q̃ by
 * Householder LQ; N = Q̃ᵀ·[[Y, 0], [0, I]] with Y the null vectors of the m×m factor L.
 *
 * Throws NonFiniteError on NaN/±Infinity entries, UserError for a negative or non-finite `tol`.
 */
export function nullSpace(a: DenseMatrix, tol?: number): DenseMatrix {
  requireFiniteMatrix('nullSpace', 'matrix', a);
  if (tol !== undefined) requireTolerance('nullSpace', tol);
  const { rows: m, cols: n } = a;
  const { rank } = numericalRank(a, tol);
  const k = n - rank;
  if (k === 0) return dense(n, 0);
  if (rank === 0) return identity(n);

  if (m >= n) {
    const v = fullRightSingularVectors(a);
    const out = new Float64Array(n * k);
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[i * k + j] = v[i * n + rank + j]!;
    return dense(n, k, out);
  }

  // Wide: A·H_0⋯H_{m−1} = [L 0], so x = H_0⋯H_{m−1}·y with y in the null space of [L 0].
  const w = Float64Array.from(a.data);
  const taus = new Float64Array(m);
  lqInPlace(w, m, n, n, taus);
  const l = dense(m, m);
  for (let i = 0; i < m; i++) for (let j = 0; j <= i; j++) l.data[i * m + j] = w[i * n + j]!;
  const vl = fullRightSingularVectors(l);
  const out = new Float64Array(n * k);
  const fromL = m - rank;
  for (let i = 0; i < m; i++) for (let j = 0; j < fromL; j++) out[i * k + j] = vl[i * m + rank + j]!;
  for (let i = 0; i < n - m; i++) out[(m + i) * k + fromL + i] = 1;
  const z = new Float64Array(k);
  for (let j = m - 1; j >= 0; j--) {
    applyReflectorLeft(out, k, j, n - j, 0, k, w.subarray(j * n + j, (j + 1) * n), taus[j]!, z);
  }
  return dense(n, k, out);
}
