import { dense, leastSquares, singularValues } from '../../linalg/index.js';

/**
 * The linear map M ↦ (x_iᵀMx_i)_i on symmetric d×d matrices, as an n × d(d+1)/2 matrix Φ in the coordinates
 * (M_11, …, M_dd, M_12, M_13, …, M_{d−1,d}): row i is (x_ia² for a; 2x_ia·x_ib for a < b).
 */
export function quadraticDesign(inputs: readonly (readonly number[])[]): {
  phi: ReturnType<typeof dense>;
  d: number;
} {
  const n = inputs.length;
  const d = inputs[0]?.length ?? 0;
  const q = (d * (d + 1)) / 2;
  const phi = dense(n, q);
  inputs.forEach((x, i) => {
    let c = 0;
    for (let a = 0; a < d; a++) phi.data[i * q + c++] = x[a]! * x[a]!;
    for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) phi.data[i * q + c++] = 2 * x[a]! * x[b]!;
  });
  return { phi, d };
}

/**
 * σ_min/σ_max of Φ when n ≤ d(d+1)/2 (0 when Φ is rank-deficient or n is larger): the inputs are in general
 * position for the quadratic model exactly when this is positive, and every target vector is then fitted by some
 * symmetric M (Soltanolkotabi–Javanmard–Lee 2019: n ≤ d(d+1)/2 generic points).
 */
export function designConditioning(inputs: readonly (readonly number[])[]): number {
  const { phi } = quadraticDesign(inputs);
  if (phi.rows > phi.cols || phi.rows === 0) return 0;
  const sigma = singularValues(phi);
  const max = sigma[0]!;
  const min = sigma[phi.rows - 1]!;
  return max > 0 ? min / max : 0;
}

/** The least-norm symmetric M (d×d, row-major) with x_iᵀMx_i = y_i (least squares if none exists). */
export function interpolatingMatrix(
  inputs: readonly (readonly number[])[],
  targets: readonly number[],
): Float64Array {
  const { phi, d } = quadraticDesign(inputs);
  const { x } = leastSquares(phi, Float64Array.from(targets));
  const M = new Float64Array(d * d);
  let c = 0;
  for (let a = 0; a < d; a++) M[a * d + a] = x[c++]!;
  for (let a = 0; a < d; a++) {
    for (let b = a + 1; b < d; b++) {
      M[a * d + b] = x[c]!;
      M[b * d + a] = x[c++]!;
    }
  }
  return M;
}
