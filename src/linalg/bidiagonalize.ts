import {
  applyReflectorLeft,
  applyReflectorRight,
  applyTwoReflectorsRight,
  makeReflector,
} from './householder.js';

/**
 * LQ reduction in place: the wide block `a` (k rows, n ≥ k columns, row stride `stride`) becomes
 * L·Q̃ with L lower triangular in the first k columns. Reflector j (acting on columns j…n−1) is left
 * in row j right of the diagonal (v₀ = 1 implied); τ_j goes to `taus[j]` when given.
 * Afterwards A = L · H_{k−1}ᵀ⋯H_0ᵀ, i.e. A·H_0⋯H_{k−1} = [L 0]. `scratch` (2n entries), when given, is
 * used for the pair vectors.
 */
export function lqInPlace(
  a: Float64Array,
  k: number,
  n: number,
  stride: number,
  taus?: Float64Array,
  scratch?: Float64Array,
): void {
  // vv: the two reflectors of a pair, interleaved (2n entries); `scratch` lets the caller place it.
  const vv = scratch ?? new Float64Array(2 * n);
  let j = 0;
  // Reflectors in pairs: H_j and H_{j+1} are made (H_j applied to row j+1 first), then applied together.
  for (; j + 1 < k; j += 2) {
    const row = j * stride;
    const next = row + stride;
    const tau1 = makeReflector(a, row + j, 1, n - j);
    applyReflectorRight(a, stride, j + 1, j + 2, j, n - j, a, row + j, tau1);
    const tau2 = makeReflector(a, next + j + 1, 1, n - j - 1);
    if (taus !== undefined) {
      taus[j] = tau1;
      taus[j + 1] = tau2;
    }
    // Both vectors explicitly over columns j…n−1: v₁ = (1, v₁…), v₂ = (0, 1, v₂…).
    const len = n - j;
    vv[0] = 1;
    vv[1] = 0;
    vv[2] = a[row + j + 1]!;
    vv[3] = 1;
    let c12 = vv[2]!;
    for (let t = 2; t < len; t++) {
      const v1 = a[row + j + t]!;
      const v2 = a[next + j + t]!;
      vv[2 * t] = v1;
      vv[2 * t + 1] = v2;
      c12 += v1 * v2;
    }
    applyTwoReflectorsRight(a, stride, j + 2, k, j, len, vv, tau1, tau2, c12);
  }
  if (j < k) {
    // The last row when k is odd (j = k − 1): no row below it for its reflector to update.
    const tau = makeReflector(a, j * stride + j, 1, n - j);
    if (taus !== undefined) taus[j] = tau;
  }
}

/**
 * Golub–Kahan reduction of the wide block `a` (k rows, n ≥ k columns, row stride `stride`), rows first:
 * Uᵀ·A·V is lower bidiagonal with diagonal `d[0…k)` and subdiagonal `e[0…k−1)` (e_i at (i+1, i)); its
 * transpose is upper bidiagonal with the same singular values as A. `a` is destroyed. `scratch` (k + n
 * entries), when given, holds the left reflector and its product with the rows (singularValues places it in the
 * SIMD kernel's memory beside `a`, so both reflector updates run there).
 */
export function bidiagonalizeWide(
  a: Float64Array,
  k: number,
  n: number,
  stride: number,
  d: Float64Array,
  e: Float64Array,
  scratch?: Float64Array,
): void {
  const u = scratch === undefined ? new Float64Array(k) : scratch.subarray(0, k);
  const z = scratch === undefined ? new Float64Array(n) : scratch.subarray(k, k + n);
  for (let i = 0; i < k; i++) {
    // Right reflector: zero row i right of the diagonal.
    const row = i * stride;
    const tauR = makeReflector(a, row + i, 1, n - i);
    d[i] = a[row + i]!;
    applyReflectorRight(a, stride, i + 1, k, i, n - i, a, row + i, tauR);
    if (i + 1 >= k) break;
    // Left reflector: zero column i below the subdiagonal.
    const tauL = makeReflector(a, row + stride + i, stride, k - i - 1);
    e[i] = a[row + stride + i]!;
    if (tauL === 0) continue;
    u[0] = 1;
    for (let r = 1, at = row + 2 * stride + i; r < k - i - 1; r++, at += stride) u[r] = a[at]!;
    applyReflectorLeft(a, stride, i + 1, k - i - 1, i + 1, n, u, tauL, z);
  }
}
