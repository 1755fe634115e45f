import { ShapeError, shapeText } from '../errors.js';
import { requireFinite, requireFiniteMatrix } from './checks.js';
import { type DenseMatrix, dense } from './matrix.js';

// Products (matmul, matvec, gram, outerGram) reject non-finite input with NonFiniteError. Reductions
// (dot, norm2, frobenius, maxAbs) are cheap enough to be called in hot loops, so they do not check;
// they propagate NaN instead (a NaN entry gives a NaN result), so NaN never looks like a small number.

/** The n×n identity. */
export function identity(n: number): DenseMatrix {
  const out = dense(n, n);
  for (let i = 0; i < n; i++) out.data[i * n + i] = 1;
  return out;
}

/** Aᵀ (cols×rows). */
export function transpose(a: DenseMatrix): DenseMatrix {
  const { rows: m, cols: n, data } = a;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) out[j * m + i] = data[row + j]!;
  }
  return dense(n, m, out);
}

/** C = A·B for A m×k and B k×n. */
export function matmul(a: DenseMatrix, b: DenseMatrix): DenseMatrix {
  if (a.cols !== b.rows) {
    throw new ShapeError(
      `matmul: left is ${shapeText(a.rows, a.cols)}, right is ${shapeText(b.rows, b.cols)}`,
    );
  }
  requireFiniteMatrix('matmul', 'left', a);
  requireFiniteMatrix('matmul', 'right', b);
  const m = a.rows;
  const k = a.cols;
  const n = b.cols;
  const ad = a.data;
  const bd = b.data;
  const out = new Float64Array(m * n);
  // C[i, :] = Σ_l A[i, l] · B[l, :]  (row-contiguous axpys)
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let l = 0; l < k; l++) {
      const ail = ad[i * k + l]!;
      if (ail === 0) continue;
      const bl = l * n;
      for (let j = 0; j < n; j++) out[ci + j]! += ail * bd[bl + j]!;
    }
  }
  return dense(m, n, out);
}

/** y = A·x for A m×n and x of length n. */
export function matvec(a: DenseMatrix, x: Float64Array): Float64Array {
  if (a.cols !== x.length) {
    throw new ShapeError(`matvec: matrix is ${shapeText(a.rows, a.cols)}, vector has ${x.length} entries`);
  }
  requireFiniteMatrix('matvec', 'matrix', a);
  requireFinite('matvec', 'vector', x);
  const { rows: m, cols: n, data } = a;
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += data[row + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

/** AᵀA (cols×cols), exactly symmetric. */
export function gram(a: DenseMatrix): DenseMatrix {
  requireFiniteMatrix('gram', 'matrix', a);
  const { rows: m, cols: n, data } = a;
  const g = new Float64Array(n * n);
  // G[i, j≥i] += A[r, i] · A[r, j] for each row r, then mirror.
  for (let r = 0; r < m; r++) {
    const row = r * n;
    for (let i = 0; i < n; i++) {
      const ari = data[row + i]!;
      if (ari === 0) continue;
      const gi = i * n;
      for (let j = i; j < n; j++) g[gi + j]! += ari * data[row + j]!;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) g[i * n + j] = g[j * n + i]!;
  return dense(n, n, g);
}

/** AAᵀ (rows×rows), exactly symmetric. */
export function outerGram(a: DenseMatrix): DenseMatrix {
  requireFiniteMatrix('outerGram', 'matrix', a);
  const { rows: m, cols: n, data } = a;
  const g = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = 0;
      for (let l = 0; l < n; l++) s += data[ri + l]! * data[rj + l]!;
      g[i * m + j] = s;
      g[j * m + i] = s;
    }
  }
  return dense(m, m, g);
}

/** xᵀy. */
export function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new ShapeError(`dot: left has ${x.length} entries, right has ${y.length}`);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return s;
}

/** max_i |x_i| (0 for an empty input, NaN if any entry is NaN). Accepts a vector or a matrix. */
export function maxAbs(x: ArrayLike<number> | DenseMatrix): number {
  const v: ArrayLike<number> = 'data' in x ? x.data : x;
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (a > m) m = a;
    else if (Number.isNaN(a)) return Number.NaN;
  }
  return m;
}

/** Euclidean norm ‖x‖₂, without overflow or underflow for entries anywhere in float64 range. */
export function norm2(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  // The plain sum is exact enough unless it overflowed or underflowed; then rescale by the largest entry.
  if (s > 1e-280 && s < 1e280) return Math.sqrt(s);
  if (Number.isNaN(s)) return Number.NaN;
  const scale = maxAbs(x);
  if (scale === 0 || scale === Number.POSITIVE_INFINITY || Number.isNaN(scale)) return scale;
  let t = 0;
  for (let i = 0; i < x.length; i++) {
    const y = x[i]! / scale;
    t += y * y;
  }
  return scale * Math.sqrt(t);
}

/** Frobenius norm ‖A‖_F. */
export function frobenius(a: DenseMatrix): number {
  return norm2(a.data);
}

/** True when every entry is finite (no NaN, no ±Infinity). */
export function isFiniteArray(x: ArrayLike<number>): boolean {
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v - v !== 0) return false;
  }
  return true;
}
