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
  const first = r0 * stride;
  for (let j = c0; j < c1; j++) z[j] = a[first + j]!;
  // z += u_i·row_i, two rows per pass over z.
  let i = 1;
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
  // row_i −= τ·u_i·z, two rows per pass over z.
  i = 1;
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
