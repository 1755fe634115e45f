import { dense, type SymmetricEigen, symmetricEigen } from '../../linalg/index.js';

/** Eigenvalues (ascending) and eigenvectors of the m×m tridiagonal T with diagonal α and off-diagonal β. */
export function tridiagonalEigenpairs(alpha: readonly number[], beta: readonly number[]): SymmetricEigen {
  const m = alpha.length;
  const t = dense(m, m);
  for (let j = 0; j < m; j++) {
    t.data[j * m + j] = alpha[j]!;
    if (j + 1 < m) {
      t.data[j * m + j + 1] = beta[j]!;
      t.data[(j + 1) * m + j] = beta[j]!;
    }
  }
  return symmetricEigen(t);
}
