/**
 * In-place Cholesky factorisation M = R·Rᵀ (R lower triangular, row-major, written over the lower triangle of
 * `m`). Returns false as soon as a pivot is not a positive finite number: then M is not (numerically) positive
 * definite. When it returns true, Demmel's bound applies (Higham, Accuracy and Stability of Numerical
 * Algorithms, Thm 10.3, for any order of the inner products): R·Rᵀ = M + ΔM with |ΔM| ≤ γ_{n+1}·|R|·|Rᵀ|, so
 * ‖ΔM‖₂ ≤ γ_{n+1}·‖R‖_F² ≤ γ_{n+1}·tr(M)/(1 − γ_{n+1}).
 */
export function choleskyInPlace(m: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      // r_ij = (m_ij − Σ_{k<j} r_ik r_jk) / r_jj, the sum in four interleaved parts
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let k = 0;
      for (; k + 3 < j; k += 4) {
        s0 += m[ri + k]! * m[rj + k]!;
        s1 += m[ri + k + 1]! * m[rj + k + 1]!;
        s2 += m[ri + k + 2]! * m[rj + k + 2]!;
        s3 += m[ri + k + 3]! * m[rj + k + 3]!;
      }
      for (; k < j; k++) s0 += m[ri + k]! * m[rj + k]!;
      const s = m[ri + j]! - (s0 + s1 + (s2 + s3));
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return false;
        m[ri + i] = Math.sqrt(s);
      } else {
        m[ri + j] = s / m[rj + j]!;
      }
    }
  }
  return true;
}
