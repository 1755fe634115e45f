import { ShapeError, shapeText } from '../errors.js';
import { lqInPlace } from './bidiagonalize.js';
import { finiteMaxAbs, requireFinite, requireFiniteMatrix, requireTolerance } from './checks.js';
import { applyReflectorLeft } from './householder.js';
import { type DenseMatrix, dense } from './matrix.js';
import { thinSvd } from './mlSvd.js';
import { numericalRank } from './numericalRank.js';
import { norm2 } from './ops.js';
import { powerOfTwoScale } from './scaling.js';

/** Minimum-norm least-squares solution with the rank decision it rests on. */
export interface LeastSquaresResult<X> {
  /** argmin ‖A·x − b‖ of least norm (per column of b when b is a matrix). */
  readonly x: X;
  /** ‖A·x − b‖₂ (Frobenius norm when b is a matrix). */
  readonly residualNorm: number;
  /** Numerical rank of A used for the solve. */
  readonly rank: number;
  /** The singular-value cut used. */
  readonly tol: number;
}

/**
 * Minimum-norm least-squares solution x = A⁺_tol · b of A·x ≈ b for A m×n (tall, wide or
 * rank-deficient), where A⁺_tol = Σ_{σ_i > tol} v_i·u_iᵀ / σ_i keeps the r = numericalRank(A, tol).rank
 * singular values above tol = σ_max · max(m, n) · ε (numpy's default, ε = 2^-52) or the given `tol`.
 * Then Aᵀ(A·x − b) = 0 up to rounding and x is orthogonal to the numerical null space of A.
 * `b` is a vector of length m or an m×q matrix (x is then n×q).
 *
 * Method: Householder QR (tall) or LQ (wide) down to a square triangle T of order min(m, n), then the
 * truncated SVD solve on T (ml-matrix SVD for T's vectors); the rank r comes from our singularValues of A.
 *
 * Throws ShapeError if b does not have m rows, NonFiniteError on NaN/±Infinity in A or b, UserError
 * for a negative or non-finite `tol`.
 */
export function leastSquares(a: DenseMatrix, b: Float64Array, tol?: number): LeastSquaresResult<Float64Array>;
export function leastSquares(a: DenseMatrix, b: DenseMatrix, tol?: number): LeastSquaresResult<DenseMatrix>;
export function leastSquares(
  a: DenseMatrix,
  b: Float64Array | DenseMatrix,
  tol?: number,
): LeastSquaresResult<Float64Array> | LeastSquaresResult<DenseMatrix> {
  const isVector = b instanceof Float64Array;
  const bRows = isVector ? b.length : b.rows;
  const q = isVector ? 1 : b.cols;
  const bData = isVector ? b : b.data;
  if (bRows !== a.rows) {
    const rhs = isVector ? `has ${b.length} entries` : `is ${shapeText(b.rows, b.cols)}`;
    throw new ShapeError(`leastSquares: matrix is ${shapeText(a.rows, a.cols)}, right-hand side ${rhs}`);
  }
  const amax = finiteMaxAbs('leastSquares', 'matrix', a);
  if (isVector) requireFinite('leastSquares', 'right-hand side', b);
  else requireFiniteMatrix('leastSquares', 'right-hand side', b);
  if (tol !== undefined) requireTolerance('leastSquares', tol);

  const { rows: m, cols: n } = a;
  const ranked = numericalRank(a, tol);
  const r = ranked.rank;
  const x = new Float64Array(n * q);
  if (r > 0) {
    // Work on s·A with an exact power of two s (sums of squares stay in range); then x = s·(s·A)⁺·b.
    const scale = powerOfTwoScale(amax);
    const z = new Float64Array(q);
    if (m >= n) {
      // Householder QR through the LQ of W = Aᵀ (n×m): (H_{n−1}⋯H_0)·A = [R; 0] with R = Lᵀ (n×n).
      const w = new Float64Array(n * m);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[j * m + i] = a.data[i * n + j]! * scale;
      const taus = new Float64Array(n);
      lqInPlace(w, n, m, m, taus);
      const c = Float64Array.from(bData);
      for (let j = 0; j < n; j++)
        applyReflectorLeft(c, q, j, m - j, 0, q, w.subarray(j * m + j, (j + 1) * m), taus[j]!, z);
      const rUpper = dense(n, n);
      for (let i = 0; i < n; i++) for (let j = i; j < n; j++) rUpper.data[i * n + j] = w[j * m + i]!;
      // min ‖R·x − c₁‖ (c₂ = rows n… of c is the part no x can reach).
      x.set(truncatedSvdSolve(rUpper, c.subarray(0, n * q), q, r));
    } else {
      // LQ: A·H_0⋯H_{m−1} = [L 0]; x = H_0⋯H_{m−1}·[y; 0] with y the truncated solution of L·y = b.
      const w = Float64Array.from(a.data, (v) => v * scale);
      const taus = new Float64Array(m);
      lqInPlace(w, m, n, n, taus);
      const lower = dense(m, m);
      for (let i = 0; i < m; i++) for (let j = 0; j <= i; j++) lower.data[i * m + j] = w[i * n + j]!;
      x.set(truncatedSvdSolve(lower, bData, q, r));
      for (let j = m - 1; j >= 0; j--)
        applyReflectorLeft(x, q, j, n - j, 0, q, w.subarray(j * n + j, (j + 1) * n), taus[j]!, z);
    }
    for (let i = 0; i < x.length; i++) x[i]! *= scale;
  }
  // Residual A·x − b.
  const res = new Float64Array(m * q);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < q; j++) res[i * q + j] = -bData[i * q + j]!;
    for (let l = 0; l < n; l++) {
      const ail = a.data[i * n + l]!;
      if (ail === 0) continue;
      for (let j = 0; j < q; j++) res[i * q + j]! += ail * x[l * q + j]!;
    }
  }
  const residualNorm = norm2(res);
  if (isVector) return { x, residualNorm, rank: r, tol: ranked.tol };
  return { x: dense(n, q, x), residualNorm, rank: r, tol: ranked.tol };
}

/**
 * X = Σ_{i<r} v_i·(u_iᵀ·C)/σ_i for a square S = U·diag(σ)·Vᵀ (order k) and C k×q row-major: the minimum-norm
 * least-squares solution of S·X = C keeping the r largest singular values.
 */
function truncatedSvdSolve(sq: DenseMatrix, c: Float64Array, q: number, r: number): Float64Array {
  const k = sq.rows;
  const { u, s, v } = thinSvd(sq);
  const y = new Float64Array(r * q);
  for (let i = 0; i < k; i++) {
    for (let l = 0; l < r; l++) {
      const uil = u[i * k + l]!;
      for (let j = 0; j < q; j++) y[l * q + j]! += uil * c[i * q + j]!;
    }
  }
  for (let l = 0; l < r; l++) for (let j = 0; j < q; j++) y[l * q + j]! /= s[l]!;
  const x = new Float64Array(k * q);
  for (let i = 0; i < k; i++) {
    for (let l = 0; l < r; l++) {
      const vil = v[i * k + l]!;
      for (let j = 0; j < q; j++) x[i * q + j]! += vil * y[l * q + j]!;
    }
  }
  return x;
}
