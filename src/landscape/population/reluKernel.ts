/**
 * The Gaussian ReLU kernel (docs/derivations.md#gaussian-relu-kernel, Cho–Saul's arc-cosine kernel of degree 1): for x ~ N(0, I_d),
 *   f(w, v) = E[relu(w·x) relu(v·x)] = |w||v|/(2π) · (sin θ + (π − θ) cos θ),   θ = ∠(w, v) ∈ [0, π],
 * with
 *   ∇_w f     = (1/2π)(|v| sin θ · ŵ + (π − θ) v),
 *   ∇²_ww f   = h1(w, v) = |v| sin θ/(2π|w|) · (I − ŵŵᵀ + n̂n̂ᵀ),            n̂ = unit(v̂ − cos θ ŵ),
 *   ∇²_wv f   = h2(w, v) = (1/2π)((π − θ) I + sin θ ŵv̂ᵀ + sin θ n̂m̂ᵀ),      m̂ = unit(ŵ − cos θ v̂).
 * (h2 is the authors' (π−θ)I + n̂_{wv}v̂ᵀ + n̂_{vw}ŵᵀ rewritten without a division by sin θ; both agree.)
 *
 * Degenerate angles, re-derived (not copied from the authors' code): with g(θ) = sin θ + (π − θ) cos θ,
 *   g(θ) = π cos θ + θ³/3 + O(θ⁵) near 0, and g(π − φ) = φ³/3 + O(φ⁵) near π,
 * and θ ≈ |w_⊥|/|w|, so f = w·v/2 + O(|w_⊥|³) at θ = 0 and f = O(|w_⊥|³) at θ = π: f is C² there with
 *   θ = 0: ∇_w f = v/2, h1 = 0, h2 = I/2;     θ = π: ∇_w f = 0, h1 = 0, h2 = 0,
 * which are the limits of the general formulas (every sin θ-weighted term vanishes). The authors' code uses
 * h2 = I at θ = 0 with its own scaling; ours follows from f above and is checked by finite differences.
 *
 * The angle is computed as θ = 2·atan2(|ŵ − v̂|, |ŵ + v̂|) (Kahan), accurate to ~ε at every angle; arccos of a
 * clamped cosine loses half the digits near 0 and π (θ ≈ √(2(1 − c))), which would put ~1e-8 errors into sin θ
 * and the gradient.
 */

/** 1/(2π). */
export const INV_TWO_PI = 1 / (2 * Math.PI);

/** Euclidean norm of x[off … off+d), without underflow or overflow for tiny or huge entries. */
export function rowNorm(x: Float64Array, off: number, d: number): number {
  let s = 0;
  for (let c = 0; c < d; c++) s += x[off + c]! * x[off + c]!;
  if (s > 1e-280 && s < 1e280) return Math.sqrt(s);
  let m = 0;
  for (let c = 0; c < d; c++) m = Math.max(m, Math.abs(x[off + c]!));
  if (m === 0 || !Number.isFinite(m)) return m;
  s = 0;
  for (let c = 0; c < d; c++) {
    const t = x[off + c]! / m;
    s += t * t;
  }
  return m * Math.sqrt(s);
}

/** The angle between two unit vectors a[ao …], b[bo …] of length d, by Kahan's formula (accurate at 0 and π). */
export function unitAngle(a: Float64Array, ao: number, b: Float64Array, bo: number, d: number): number {
  let minus = 0;
  let plus = 0;
  for (let c = 0; c < d; c++) {
    const x = a[ao + c]!;
    const y = b[bo + c]!;
    minus += (x - y) * (x - y);
    plus += (x + y) * (x + y);
  }
  return 2 * Math.atan2(Math.sqrt(minus), Math.sqrt(plus));
}

/** g(θ) = sin θ + (π − θ) cos θ, so that f = |w||v| g(θ)/(2π). */
export function kernelShape(theta: number): number {
  return Math.sin(theta) + (Math.PI - theta) * Math.cos(theta);
}

/**
 * f(w, v) for plain vectors (tests, small callers). Zero vectors give 0 (f ≤ |w||v|/2 → 0).
 */
export function reluKernel(w: readonly number[], v: readonly number[]): number {
  const d = w.length;
  const a = Float64Array.from(w);
  const b = Float64Array.from(v);
  const na = rowNorm(a, 0, d);
  const nb = rowNorm(b, 0, d);
  if (na === 0 || nb === 0) return 0;
  for (let c = 0; c < d; c++) {
    a[c]! /= na;
    b[c]! /= nb;
  }
  return na * nb * INV_TWO_PI * kernelShape(unitAngle(a, 0, b, 0, d));
}
