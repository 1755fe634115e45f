import { householderPassKernel, tridiagonalizeSimd } from './tridiagonalizeSimd.js';

/** Offset of row i in packed lower-triangular storage. */
export function rowStart(i: number): number {
  return (i * (i + 1)) / 2;
}

/**
 * Householder tridiagonalisation of a symmetric n×n matrix given by its lower triangle `a`, packed by
 * rows (entry (i, j), j ≤ i, at i(i+1)/2 + j; n(n+1)/2 entries). Qᵀ·A·Q = T with T's diagonal in
 * `d[0…n)` and subdiagonal in `e[0…n−1)`. `a` is destroyed.
 *
 * When `reflectors` is given, reflector k (acting on indices k+1…n−1, v_{k+1} = 1) is stored in row k of
 * `reflectors.v` (n×n, entries k+1…n−1) and τ_k in `reflectors.tau[k]`; Q = H_0·H_1⋯H_{n−3}.
 *
 * Step k (LAPACK dsytd2): v, τ from column k below the diagonal; p = τ·S·v on the trailing block S;
 * w = p − (τ/2)(pᵀv)·v; S −= v·wᵀ + w·vᵀ. The rank-2 update of step k is fused into the pass that
 * computes p for step k+1, so the trailing triangle is read and written once per step. That pass runs in
 * WebAssembly SIMD where available (tridiagonalizeSimd.ts), else in tridiagonalizeScalar below.
 */
export function tridiagonalize(
  a: Float64Array,
  n: number,
  d: Float64Array,
  e: Float64Array,
  reflectors?: { readonly v: Float64Array; readonly tau: Float64Array },
): void {
  const kernel = n > 2 ? householderPassKernel() : null;
  if (kernel !== null) tridiagonalizeSimd(kernel, a, n, d, e, reflectors);
  else tridiagonalizeScalar(a, n, d, e, reflectors);
}

/** The same reduction in plain JavaScript: where WebAssembly SIMD is missing, and as the SIMD kernel's oracle. */
export function tridiagonalizeScalar(
  a: Float64Array,
  n: number,
  d: Float64Array,
  e: Float64Array,
  reflectors?: { readonly v: Float64Array; readonly tau: Float64Array },
): void {
  if (n === 0) return;
  if (n === 1) {
    d[0] = a[0]!;
    return;
  }
  // The four vectors of a step, interleaved per index j (one array keeps registers free in the hot loop):
  //   vec[4j] = wp_j, vec[4j+1] = vp_j  (previous step's w, v: its update is still pending; zero at first)
  //   vec[4j+2] = v_j,  vec[4j+3] = p_j  (this step's reflector and p = S·v)
  const vec = new Float64Array(4 * n);
  for (let k = 0; k < n - 2; k++) {
    // Bring column k (entries i ≥ k) up to date with the pending update.
    const wpk = vec[4 * k]!;
    const vpk = vec[4 * k + 1]!;
    for (let i = k, at = rowStart(k) + k; i < n; at += i + 1, i++) {
      a[at]! -= vec[4 * i + 1]! * wpk + vec[4 * i]! * vpk;
    }
    d[k] = a[rowStart(k) + k]!;

    // Reflector from x = A[k+1…n−1, k].
    const alpha = a[rowStart(k + 1) + k]!;
    let ss = 0;
    for (let i = k + 2, at = rowStart(k + 2) + k; i < n; at += i + 1, i++) ss += a[at]! * a[at]!;
    let tau = 0;
    vec[4 * (k + 1) + 2] = 1;
    if (ss === 0) {
      e[k] = alpha;
      for (let i = k + 2; i < n; i++) vec[4 * i + 2] = 0;
    } else {
      const norm = Math.sqrt(alpha * alpha + ss);
      const beta = alpha >= 0 ? -norm : norm;
      tau = (beta - alpha) / beta;
      const scale = 1 / (alpha - beta);
      for (let i = k + 2, at = rowStart(k + 2) + k; i < n; at += i + 1, i++) vec[4 * i + 2] = a[at]! * scale;
      e[k] = beta;
    }
    if (reflectors !== undefined) {
      reflectors.tau[k] = tau;
      for (let i = k + 1; i < n; i++) reflectors.v[k * n + i] = vec[4 * i + 2]!;
    }
    for (let i = k + 1; i < n; i++) vec[4 * i + 3] = 0;

    // Fused pass over the trailing lower triangle: S −= vp·wpᵀ + wp·vpᵀ, and p = S·v.
    let i = k + 1;
    // Four rows at a time: each column's wp, vp, v and p entries are loaded once for all four rows.
    for (; i + 3 < n; i += 4) {
      const r0 = rowStart(i);
      const r1 = r0 + i + 1;
      const r2 = r1 + i + 2;
      const r3 = r2 + i + 3;
      const b0 = 4 * i;
      const wp0 = vec[b0]!;
      const vp0 = vec[b0 + 1]!;
      const v0 = vec[b0 + 2]!;
      const wp1 = vec[b0 + 4]!;
      const vp1 = vec[b0 + 5]!;
      const v1 = vec[b0 + 6]!;
      const wp2 = vec[b0 + 8]!;
      const vp2 = vec[b0 + 9]!;
      const v2 = vec[b0 + 10]!;
      const wp3 = vec[b0 + 12]!;
      const vp3 = vec[b0 + 13]!;
      const v3 = vec[b0 + 14]!;
      let acc0 = 0;
      let acc1 = 0;
      let acc2 = 0;
      let acc3 = 0;
      for (let j = k + 1, q = 4 * (k + 1); j < i; j++, q += 4) {
        const wpj = vec[q]!;
        const vpj = vec[q + 1]!;
        const vj = vec[q + 2]!;
        const a0 = a[r0 + j]! - vp0 * wpj - wp0 * vpj;
        const a1 = a[r1 + j]! - vp1 * wpj - wp1 * vpj;
        const a2 = a[r2 + j]! - vp2 * wpj - wp2 * vpj;
        const a3 = a[r3 + j]! - vp3 * wpj - wp3 * vpj;
        a[r0 + j] = a0;
        a[r1 + j] = a1;
        a[r2 + j] = a2;
        a[r3 + j] = a3;
        acc0 += a0 * vj;
        acc1 += a1 * vj;
        acc2 += a2 * vj;
        acc3 += a3 * vj;
        vec[q + 3]! += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
      }
      vec[b0 + 3]! += acc0;
      vec[b0 + 7]! += acc1;
      vec[b0 + 11]! += acc2;
      vec[b0 + 15]! += acc3;
      // The 4×4 lower triangle on the diagonal.
      for (let r = i; r < i + 4; r++) updateRow(a, vec, r, i);
    }
    for (; i < n; i++) updateRow(a, vec, i, k + 1);

    // w = τ·p − (τ/2)(τ·pᵀv)·v; then (w, v) become the pending (wp, vp) of the next step.
    let pv = 0;
    for (let j = k + 1; j < n; j++) {
      vec[4 * j + 3]! *= tau;
      pv += vec[4 * j + 3]! * vec[4 * j + 2]!;
    }
    const half = 0.5 * tau * pv;
    for (let j = k + 1; j < n; j++) {
      vec[4 * j] = vec[4 * j + 3]! - half * vec[4 * j + 2]!;
      vec[4 * j + 1] = vec[4 * j + 2]!;
    }
  }
  // The last 2×2 block with the pending update.
  const i0 = n - 2;
  const i1 = n - 1;
  const wp0 = vec[4 * i0]!;
  const vp0 = vec[4 * i0 + 1]!;
  const wp1 = vec[4 * i1]!;
  const vp1 = vec[4 * i1 + 1]!;
  d[i0] = a[rowStart(i0) + i0]! - 2 * vp0 * wp0;
  e[i0] = a[rowStart(i1) + i0]! - vp1 * wp0 - wp1 * vp0;
  d[i1] = a[rowStart(i1) + i1]! - 2 * vp1 * wp1;
}

/** Row r, columns j0…r of the fused pass, one row alone (diagonal blocks and leftover rows). */
function updateRow(a: Float64Array, vec: Float64Array, r: number, j0: number): void {
  const row = rowStart(r);
  const wpr = vec[4 * r]!;
  const vpr = vec[4 * r + 1]!;
  const vr = vec[4 * r + 2]!;
  let acc = 0;
  for (let j = j0, q = 4 * j0; j < r; j++, q += 4) {
    const arj = a[row + j]! - vpr * vec[q]! - wpr * vec[q + 1]!;
    a[row + j] = arj;
    acc += arj * vec[q + 2]!;
    vec[q + 3]! += arj * vr;
  }
  const arr = a[row + r]! - 2 * vpr * wpr;
  a[row + r] = arr;
  vec[4 * r + 3]! += acc + arr * vr;
}
