import { reflectorLeftInKernel, reflectorRightInKernel, twoReflectorsInKernel } from './twoReflectorsSimd.js';

/**
 * Elementary reflectors H = I − τ·v·vᵀ with v₀ = 1 (LAPACK's dlarfg convention), on flat Float64Arrays.
 * Internal kernels: callers check shapes and finiteness and scale the input into a safe range first
 * (entries ≤ ~1), so plain sums of squares neither overflow nor lose anything above ε·‖A‖ to underflow.
 */

/**
 * Turns x = (x₀, x₁, …) (entries `off + i·stride`, i < len) into a reflector with H·x = (β, 0, …, 0):
 * writes β to x₀ and v₁… over x₁…, returns τ (0 when x₁… are already zero; then H = I).
 */
export function makeReflector(x: Float64Array, off: number, stride: number, len: number): number {
  if (len <= 1) return 0;
  let ss = 0;
  for (let i = 1, at = off + stride; i < len; i++, at += stride) ss += x[at]! * x[at]!;
  if (ss === 0) return 0;
  const alpha = x[off]!;
  const norm = Math.sqrt(alpha * alpha + ss);
  const beta = alpha >= 0 ? -norm : norm;
  const scale = 1 / (alpha - beta);
  for (let i = 1, at = off + stride; i < len; i++, at += stride) x[at]! *= scale;
  x[off] = beta;
  return (beta - alpha) / beta;
}

/**
 * Rows r ∈ [r0, r1) of the row-major array `a` (row stride `stride`) become rows·H, acting on columns
 * [c0, c0 + len): for each row, t = row·v, row −= τ·t·vᵀ. `v` is read from `vs[voff…voff+len)` with v₀
 * taken as 1 whatever is stored there.
 */
export function applyReflectorRight(
  a: Float64Array,
  stride: number,
  r0: number,
  r1: number,
  c0: number,
  len: number,
  vs: Float64Array,
  voff: number,
  tau: number,
): void {
  if (tau === 0) return;
  // In WebAssembly SIMD when both arrays live in its memory (singularValues puts them there).
  if (reflectorRightInKernel(a, stride, r0, r1, c0, len, vs, voff, tau)) return;
  let r = r0;
  // Four rows at a time: v is loaded once for all four dot products and all four updates.
  for (; r + 3 < r1; r += 4) {
    const ra = r * stride + c0;
    const rb = ra + stride;
    const rc = rb + stride;
    const rd = rc + stride;
    let ta = a[ra]!;
    let tb = a[rb]!;
    let tc = a[rc]!;
    let td = a[rd]!;
    for (let j = 1; j < len; j++) {
      const vj = vs[voff + j]!;
      ta += a[ra + j]! * vj;
      tb += a[rb + j]! * vj;
      tc += a[rc + j]! * vj;
      td += a[rd + j]! * vj;
    }
    ta *= tau;
    tb *= tau;
    tc *= tau;
    td *= tau;
    a[ra]! -= ta;
    a[rb]! -= tb;
    a[rc]! -= tc;
    a[rd]! -= td;
    for (let j = 1; j < len; j++) {
      const vj = vs[voff + j]!;
      a[ra + j]! -= ta * vj;
      a[rb + j]! -= tb * vj;
      a[rc + j]! -= tc * vj;
      a[rd + j]! -= td * vj;
    }
  }
  for (; r + 1 < r1; r += 2) {
    const ra = r * stride + c0;
    const rb = ra + stride;
    let ta = a[ra]!;
    let tb = a[rb]!;
    for (let j = 1; j < len; j++) {
      const vj = vs[voff + j]!;
      ta += a[ra + j]! * vj;
      tb += a[rb + j]! * vj;
    }
    ta *= tau;
    tb *= tau;
    a[ra]! -= ta;
    a[rb]! -= tb;
    for (let j = 1; j < len; j++) {
      const vj = vs[voff + j]!;
      a[ra + j]! -= ta * vj;
      a[rb + j]! -= tb * vj;
    }
  }
  if (r < r1) {
    const ra = r * stride + c0;
    let ta = a[ra]!;
    for (let j = 1; j < len; j++) ta += a[ra + j]! * vs[voff + j]!;
    ta *= tau;
    a[ra]! -= ta;
    for (let j = 1; j < len; j++) a[ra + j]! -= ta * vs[voff + j]!;
  }
}

/**
 * Rows [r0, r0 + len) of `a` (columns [c0, c1)) become H·rows, with v given contiguously in `u[0…len)`
 * (u₀ taken as 1): z = vᵀ·rows, then row_i −= τ·v_i·z. `z` is scratch of length ≥ c1.
 */
export function applyReflectorLeft(
  a: Float64Array,
  stride: number,
  r0: number,
  len: number,
  c0: number,
  c1: number,
  u: Float64Array,
  tau: number,
  z: Float64Array,
): void {
  if (tau === 0) return;
  // In WebAssembly SIMD when all three arrays live in its memory (singularValues puts them there).
  if (reflectorLeftInKernel(a, stride, r0, len, c0, c1, u, tau, z)) return;
  const first = r0 * stride;
  for (let j = c0; j < c1; j++) z[j] = a[first + j]!;
  // z += u_i·row_i, four (then two) rows per pass over z.
  let i = 1;
  for (; i + 3 < len; i += 4) {
    const ua = u[i]!;
    const ub = u[i + 1]!;
    const uc = u[i + 2]!;
    const ud = u[i + 3]!;
    const ra = (r0 + i) * stride;
    const rb = ra + stride;
    const rc = rb + stride;
    const rd = rc + stride;
    for (let j = c0; j < c1; j++)
      z[j]! += ua * a[ra + j]! + ub * a[rb + j]! + uc * a[rc + j]! + ud * a[rd + j]!;
  }
  for (; i + 1 < len; i += 2) {
    const ua = u[i]!;
    const ub = u[i + 1]!;
    const ra = (r0 + i) * stride;
    const rb = ra + stride;
    for (let j = c0; j < c1; j++) z[j]! += ua * a[ra + j]! + ub * a[rb + j]!;
  }
  if (i < len) {
    const ua = u[i]!;
    const ra = (r0 + i) * stride;
    for (let j = c0; j < c1; j++) z[j]! += ua * a[ra + j]!;
  }
  for (let j = c0; j < c1; j++) {
    const zj = z[j]! * tau;
    z[j] = zj;
    a[first + j]! -= zj;
  }
  // row_i −= τ·u_i·z, four (then two) rows per pass over z.
  i = 1;
  for (; i + 3 < len; i += 4) {
    const ua = u[i]!;
    const ub = u[i + 1]!;
    const uc = u[i + 2]!;
    const ud = u[i + 3]!;
    const ra = (r0 + i) * stride;
    const rb = ra + stride;
    const rc = rb + stride;
    const rd = rc + stride;
    for (let j = c0; j < c1; j++) {
      const zj = z[j]!;
      a[ra + j]! -= ua * zj;
      a[rb + j]! -= ub * zj;
      a[rc + j]! -= uc * zj;
      a[rd + j]! -= ud * zj;
    }
  }
  for (; i + 1 < len; i += 2) {
    const ua = u[i]!;
    const ub = u[i + 1]!;
    const ra = (r0 + i) * stride;
    const rb = ra + stride;
    for (let j = c0; j < c1; j++) {
      const zj = z[j]!;
      a[ra + j]! -= ua * zj;
      a[rb + j]! -= ub * zj;
    }
  }
  if (i < len) {
    const ua = u[i]!;
    const ra = (r0 + i) * stride;
    for (let j = c0; j < c1; j++) a[ra + j]! -= ua * z[j]!;
  }
}

/**
 * Rows [r0, r1) of `a` (columns [c0, c0 + len)) become rows·H₁·H₂ for two reflectors given explicitly
 * (no implied ones) and interleaved in `vv`: vv[2t] = v₁ at column c0 + t, vv[2t+1] = v₂ there; c12 = v₁·v₂.
 * With s₁ = row·v₁, s₂ = row·v₂: t₁ = τ₁s₁, t₂ = τ₂(s₂ − t₁·c12), row −= t₁v₁ + t₂v₂. One pass for both dot
 * products and one for both updates halves the memory traffic of two single applications.
 */
export function applyTwoReflectorsRight(
  a: Float64Array,
  stride: number,
  r0: number,
  r1: number,
  c0: number,
  len: number,
  vv: Float64Array,
  tau1: number,
  tau2: number,
  c12: number,
): void {
  // In WebAssembly SIMD when both arrays live in its memory (singularValues puts them there).
  if (twoReflectorsInKernel(a, stride, r0, r1, c0, len, vv, tau1, tau2, c12)) return;
  let r = r0;
  for (; r + 3 < r1; r += 4) {
    const ra = r * stride + c0;
    const rb = ra + stride;
    const rc = rb + stride;
    const rd = rc + stride;
    let s1a = 0;
    let s1b = 0;
    let s1c = 0;
    let s1d = 0;
    let s2a = 0;
    let s2b = 0;
    let s2c = 0;
    let s2d = 0;
    for (let t = 0, q = 0; t < len; t++, q += 2) {
      const v1 = vv[q]!;
      const v2 = vv[q + 1]!;
      const xa = a[ra + t]!;
      const xb = a[rb + t]!;
      const xc = a[rc + t]!;
      const xd = a[rd + t]!;
      s1a += xa * v1;
      s1b += xb * v1;
      s1c += xc * v1;
      s1d += xd * v1;
      s2a += xa * v2;
      s2b += xb * v2;
      s2c += xc * v2;
      s2d += xd * v2;
    }
    const t1a = tau1 * s1a;
    const t1b = tau1 * s1b;
    const t1c = tau1 * s1c;
    const t1d = tau1 * s1d;
    const t2a = tau2 * (s2a - t1a * c12);
    const t2b = tau2 * (s2b - t1b * c12);
    const t2c = tau2 * (s2c - t1c * c12);
    const t2d = tau2 * (s2d - t1d * c12);
    for (let t = 0, q = 0; t < len; t++, q += 2) {
      const v1 = vv[q]!;
      const v2 = vv[q + 1]!;
      a[ra + t]! -= t1a * v1 + t2a * v2;
      a[rb + t]! -= t1b * v1 + t2b * v2;
      a[rc + t]! -= t1c * v1 + t2c * v2;
      a[rd + t]! -= t1d * v1 + t2d * v2;
    }
  }
  for (; r < r1; r++) {
    const ra = r * stride + c0;
    let s1 = 0;
    let s2 = 0;
    for (let t = 0, q = 0; t < len; t++, q += 2) {
      const x = a[ra + t]!;
      s1 += x * vv[q]!;
      s2 += x * vv[q + 1]!;
    }
    const t1 = tau1 * s1;
    const t2 = tau2 * (s2 - t1 * c12);
    for (let t = 0, q = 0; t < len; t++, q += 2) a[ra + t]! -= t1 * vv[q]! + t2 * vv[q + 1]!;
  }
}
