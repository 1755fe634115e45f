import { bidiagonalizeWide, lqInPlace } from './bidiagonalize.js';
import { bidiagonalSingularValues } from './bidiagonalSingularValues.js';
import { finiteMaxAbs } from './checks.js';
import type { DenseMatrix } from './matrix.js';
import { powerOfTwoScale } from './scaling.js';
import { svdWorkspace } from './twoReflectorsSimd.js';

/**
 * A wide matrix (k rows, n columns) is first reduced to its k×k triangular factor by LQ when
 * n ≥ LQ_FIRST_RATIO · k: LQ + bidiagonalisation costs 2k²n + 2k³ flops against 4k²n − 4k³/3 for direct
 * bidiagonalisation, and the two break even at n = 5k/3.
 */
const LQ_FIRST_RATIO = 5 / 3;

/**
 * Singular values σ_1 ≥ … ≥ σ_k ≥ 0 of A (m×n), k = min(m, n). Values only; AᵀA is never formed.
 *
 * Method: A (or Aᵀ, whichever is wide) is scaled by an exact power of two, reduced by Householder LQ
 * to a k×k triangle when it is much wider than tall, then to bidiagonal form (Golub–Kahan), whose
 * singular values come from implicit-shift QR. Backward stable: every σ_i has absolute error
 * O(max(m, n) · ε · σ_1), as LAPACK's gesvd/gesdd, so values near 1e-13·σ_1 are resolved.
 *
 * Throws NonFiniteError on NaN/±Infinity entries.
 */
export function singularValues(a: DenseMatrix): Float64Array {
  const amax = finiteMaxAbs('singularValues', 'matrix', a);
  const { rows: m, cols: n, data } = a;
  const k = Math.min(m, n);
  const wide = Math.max(m, n);
  const out = new Float64Array(k);
  if (k === 0) return out;
  if (amax === 0) return out;
  const scale = powerOfTwoScale(amax);

  // w = scale·A if A is wide, scale·Aᵀ if tall: k rows, `wide` columns, row-major.
  // In the SIMD kernel's memory where it exists, so the LQ's pair updates run there (twoReflectorsSimd.ts).
  const lq = wide >= LQ_FIRST_RATIO * k;
  const space = lq ? svdWorkspace(k * wide, 2 * wide, 2 * k) : null;
  const w = space?.[0] ?? new Float64Array(k * wide);
  if (m <= n) {
    for (let i = 0; i < m * n; i++) w[i] = data[i]! * scale;
  } else {
    for (let i = 0; i < m; i++) {
      const row = i * n;
      for (let j = 0; j < n; j++) w[j * wide + i] = data[row + j]! * scale;
    }
  }

  const e = new Float64Array(k);
  if (lq) {
    lqInPlace(w, k, wide, wide, undefined, space?.[1]);
    // Zero the reflectors stored right of the diagonal; L sits in the first k columns (stride `wide`).
    for (let i = 0; i < k; i++) w.fill(0, i * wide + i + 1, i * wide + k);
    bidiagonalizeWide(w, k, k, wide, out, e, space?.[2]);
  } else {
    bidiagonalizeWide(w, k, wide, wide, out, e);
  }
  bidiagonalSingularValues(out, e, k);
  for (let i = 0; i < k; i++) out[i]! /= scale;
  return out;
}
