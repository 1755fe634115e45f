import { UserError } from '../errors.js';
import {
  type DenseMatrix,
  dense,
  matmul,
  numericalRank,
  symmetricEigen,
  transpose,
} from '../linalg/index.js';

/**
 * Closed forms for one-hidden-layer linear networks f(x) = A·B·x (A: d_y×p, B: p×d_x), loss L = s·‖Y − X·(AB)ᵀ‖²_F
 * (Baldi & Hornik 1989). With Σ_XX = XᵀX invertible and Σ = Σ_YX Σ_XX⁻¹ Σ_XY (d_y×d_y, eigenvalues λ_1 ≥ … ≥ λ_{d_y}):
 *   the critical values are s·(tr Σ_YY − Σ_{i∈I} λ_i) for index sets I of ≤ p eigenvectors, and the global
 *   minimum is s·(tr Σ_YY − Σ_{i≤p} λ_i), attained at A = U_p, B = U_pᵀ Ŵ with Ŵ = Σ_YX Σ_XX⁻¹.
 * X is n×d_x and Y is n×d_y (rows = samples).
 */
export interface LinearClosedForm {
  /** Eigenvalues of Σ, descending. */
  readonly eigenvalues: Float64Array;
  /** Eigenvectors of Σ as columns, in the order of `eigenvalues`. */
  readonly eigenvectors: DenseMatrix;
  /** tr Σ_YY = ‖Y‖²_F. */
  readonly traceYY: number;
  /** The global minimum s·(tr Σ_YY − Σ_{i≤p} λ_i). */
  readonly globalLoss: number;
  /** Ŵ = Σ_YX Σ_XX⁻¹ (d_y×d_x), the unconstrained least-squares map. */
  readonly wHat: DenseMatrix;
  /** The critical value s·(tr Σ_YY − Σ_{i∈I} λ_i) of an index set I. */
  criticalValue(indices: readonly number[]): number;
  /** A critical point (A, B) = (U_I, U_Iᵀ Ŵ) for an index set I of size ≤ p, padded with zero columns/rows to width p. */
  criticalPoint(indices: readonly number[]): { readonly A: DenseMatrix; readonly B: DenseMatrix };
  /**
   * Every index set I ⊆ {0, …, d_y − 1} with |I| ≤ min(p, d_y), by size then lexicographically; the first of
   * size min(p, d_y) is the top set {0, …, min(p, d_y) − 1}. With distinct eigenvalues these give every critical
   * value of the depth-2 network (Baldi & Hornik 1989), 2^{d_y} sets at most.
   */
  indexSets(): number[][];
  /**
   * The weights (row = output unit, as in the JSON point) of a critical point of the deep linear network
   * x ↦ W_H⋯W_1 x with the given hidden widths (each ≥ |I|; p of this closed form should be their minimum):
   * W_1 = [U_Iᵀ Ŵ; 0], W_l = [I_{|I|} 0; 0 0] for the middle layers, W_H = [U_I 0]. Its end-to-end matrix is
   * U_I U_Iᵀ Ŵ, so its loss is `criticalValue(I)`; for depth 2 it is `criticalPoint(I)`.
   */
  criticalLayers(indices: readonly number[], hiddenWidths: readonly number[]): number[][][];
}

/** Solve the symmetric positive definite system S·Z = R by its eigendecomposition (S small: d_x×d_x). */
function solveSpd(s: DenseMatrix, r: DenseMatrix): DenseMatrix {
  const { values, vectors } = symmetricEigen(s);
  const n = s.rows;
  const out = dense(n, r.cols);
  for (let k = 0; k < n; k++) {
    const lambda = values[k]!;
    for (let c = 0; c < r.cols; c++) {
      let proj = 0;
      for (let i = 0; i < n; i++) proj += vectors.data[i * n + k]! * r.data[i * r.cols + c]!;
      proj /= lambda;
      for (let i = 0; i < n; i++) out.data[i * r.cols + c]! += proj * vectors.data[i * n + k]!;
    }
  }
  return out;
}

export function linearClosedForm(x: DenseMatrix, y: DenseMatrix, p: number, s = 0.5): LinearClosedForm {
  if (x.rows !== y.rows) throw new UserError(`inputs have ${x.rows} rows but targets ${y.rows}`);
  const xt = transpose(x);
  const sxx = matmul(xt, x);
  if (numericalRank(sxx).rank < sxx.rows)
    throw new UserError('XᵀX is singular: the closed form needs linearly independent input columns');
  const sxy = matmul(xt, y); // d_x×d_y
  const z = solveSpd(sxx, sxy); // Σ_XX⁻¹ Σ_XY, d_x×d_y
  const wHat = transpose(z); // d_y×d_x
  const sigma = matmul(transpose(sxy), z); // Σ_YX Σ_XX⁻¹ Σ_XY, d_y×d_y
  for (let i = 0; i < sigma.rows; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (sigma.data[i * sigma.cols + j]! + sigma.data[j * sigma.cols + i]!) / 2;
      sigma.data[i * sigma.cols + j] = mean;
      sigma.data[j * sigma.cols + i] = mean;
    }
  }
  const eig = symmetricEigen(sigma);
  const dy = sigma.rows;
  const order = Array.from({ length: dy }, (_, i) => dy - 1 - i);
  const eigenvalues = Float64Array.from(order, (i) => eig.values[i]!);
  const eigenvectors = dense(dy, dy);
  order.forEach((src, dst) => {
    for (let r = 0; r < dy; r++) eigenvectors.data[r * dy + dst] = eig.vectors.data[r * dy + src]!;
  });
  let traceYY = 0;
  for (let k = 0; k < y.data.length; k++) traceYY += y.data[k]! * y.data[k]!;
  const criticalValue = (indices: readonly number[]) =>
    s * (traceYY - indices.reduce((acc, i) => acc + eigenvalues[i]!, 0));
  const top = Array.from({ length: Math.min(p, dy) }, (_, i) => i);
  return {
    eigenvalues,
    eigenvectors,
    traceYY,
    globalLoss: criticalValue(top),
    wHat,
    criticalValue,
    criticalPoint(indices) {
      if (indices.length > p)
        throw new UserError(`an index set of ${indices.length} eigenvectors does not fit width ${p}`);
      const A = dense(dy, p);
      indices.forEach((i, c) => {
        for (let r = 0; r < dy; r++) A.data[r * p + c] = eigenvectors.data[r * dy + i]!;
      });
      const B = matmul(transpose(A), wHat);
      return { A, B };
    },
    indexSets() {
      const out: number[][] = [];
      const grow = (prefix: number[], size: number): void => {
        if (prefix.length === size) {
          out.push([...prefix]);
          return;
        }
        for (let i = prefix.length === 0 ? 0 : prefix[prefix.length - 1]! + 1; i < dy; i++)
          grow([...prefix, i], size);
      };
      for (let size = 0; size <= top.length; size++) grow([], size);
      return out;
    },
    criticalLayers(indices, hiddenWidths) {
      const k = indices.length;
      if (hiddenWidths.length === 0) throw new UserError('a linear network needs at least one hidden layer');
      hiddenWidths.forEach((w, l) => {
        if (w < k)
          throw new UserError(`hidden layer ${l + 1} has width ${w}, too narrow for ${k} eigenvectors`);
      });
      const dx = wHat.cols;
      const sizes = [dx, ...hiddenWidths, dy];
      const layers: number[][][] = [];
      for (let l = 0; l + 1 < sizes.length; l++) {
        const rows = sizes[l + 1]!;
        const cols = sizes[l]!;
        layers.push(
          Array.from({ length: rows }, (_, r) =>
            Array.from({ length: cols }, (_, c) => {
              if (l === 0) {
                // W_1 row r < k: u_{I_r}ᵀ Ŵ
                if (r >= k) return 0;
                let v = 0;
                for (let t = 0; t < dy; t++)
                  v += eigenvectors.data[t * dy + indices[r]!]! * wHat.data[t * dx + c]!;
                return v;
              }
              if (l === sizes.length - 2) return c < k ? eigenvectors.data[r * dy + indices[c]!]! : 0; // W_H = [U_I 0]
              return r === c && r < k ? 1 : 0;
            }),
          ),
        );
      }
      return layers;
    },
  };
}
