import { UserError } from '../../errors.js';
import { brentRoot } from './brent.js';
import { THETA_ROOT_RTOL } from './tolerances.js';

// The complexity of the spherical H-spin glass (Auffinger, Ben Arous, Černý 2013, as used by Choromanska et al.
// 2015; formula [REC], values recomputed independently [VER]). The mean number of critical points of index k with
// L ≤ N·u is exp(N·Θ_{k,H}(u) + o(N)), where
//
//   E_∞ = 2√((H−1)/H),
//   I₁(u) = −(u/E_∞²)·√(u² − E_∞²) − log(−u + √(u² − E_∞²)) + log E_∞                  (u ≤ −E_∞),
//   Θ_{k,H}(u) = ½log(H−1) − (H−2)/(4(H−1))·u² − (k+1)·I₁(u)                           (u ≤ −E_∞),
//   Θ_{k,H}(u) = ½log(H−1) − (H−2)/(4(H−1))·u²                                          (−E_∞ ≤ u ≤ 0),
//   Θ_{k,H}(u) = ½log(H−1)                                                               (u ≥ 0),
//
// and −E_k is the unique root of Θ_{k,H} on u < −E_∞: E_0 (ground state) > E_1 > … > E_∞.

function requireH(H: number): void {
  if (!Number.isInteger(H) || H < 2) throw new UserError(`spin glass: H must be an integer ≥ 2, got ${H}`);
}

/** E_∞ = 2√((H−1)/H). */
export function eInfinity(H: number): number {
  requireH(H);
  return 2 * Math.sqrt((H - 1) / H);
}

/** I₁(u) for u ≤ −E_∞ (0 at u = −E_∞, increasing as u decreases). */
export function iOne(u: number, H: number): number {
  const e = eInfinity(H);
  if (!(u <= -e)) throw new UserError(`I₁(u) is defined for u ≤ −E_∞ = ${-e}, got u = ${u}`);
  const root = Math.sqrt(Math.max(0, u * u - e * e));
  return -(u / (e * e)) * root - Math.log(-u + root) + Math.log(e);
}

/** Θ_{k,H}(u), piecewise as above; k ≥ 0 integer, H ≥ 2 integer. */
export function complexityTheta(k: number, H: number, u: number): number {
  requireH(H);
  if (!Number.isInteger(k) || k < 0)
    throw new UserError(`Θ_{k,H}: k must be a non-negative integer, got ${k}`);
  if (!Number.isFinite(u)) throw new UserError(`Θ_{k,H}: u must be finite, got ${u}`);
  const constant = 0.5 * Math.log(H - 1);
  if (u >= 0) return constant;
  const quadratic = ((H - 2) / (4 * (H - 1))) * u * u;
  const e = eInfinity(H);
  if (u >= -e) return constant - quadratic;
  return constant - quadratic - (k + 1) * iOne(u, H);
}

export type ThresholdResult =
  | {
      readonly ok: true;
      /** E_k > E_∞: −E_k is the root of Θ_{k,H} below −E_∞. */
      readonly E: number;
      /** Θ_{k,H}(−E_k) at the returned root (≈ 0). */
      readonly theta: number;
      /** The bracket [lo, hi] of E_k that the root finder ended with. */
      readonly lo: number;
      readonly hi: number;
      readonly iterations: number;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * E_k: −E_k is the root of Θ_{k,H}(u) = 0 on u < −E_∞, found by Brent's method on a bracket [−b, −E_∞] with b
 * doubled from 2E_∞ until Θ_{k,H}(−b) < 0. Not ok when Θ_{k,H}(−E_∞) ≤ 0 (no sign change: e.g. H = 2, where
 * Θ(−E_∞) = 0 and Θ < 0 below it, so there is no layered band).
 */
export function bandThreshold(k: number, H: number): ThresholdResult {
  const e = eInfinity(H);
  const theta = (u: number) => complexityTheta(k, H, u);
  const top = theta(-e);
  if (!(top > 0))
    return { ok: false, reason: `Θ_{${k},${H}}(−E_∞) = ${top} is not positive: no root below −E_∞` };
  let b = 2 * e;
  while (!(theta(-b) < 0)) {
    b *= 2;
    if (b > 1e6) return { ok: false, reason: `Θ_{${k},${H}} stays ≥ 0 down to u = −${b}` };
  }
  const r = brentRoot((E) => theta(-E), e, b);
  return { ok: true, E: r.root, theta: r.value, lo: r.lo, hi: r.hi, iterations: r.iterations };
}

/** |Θ_{k,H}(−E)| ≤ THETA_ROOT_RTOL·max(1, ½log(H−1)): −E is a root "to 1e-12" on the scale of Θ. */
export function isThetaRoot(k: number, H: number, E: number): boolean {
  const value = complexityTheta(k, H, -E);
  return Number.isFinite(value) && Math.abs(value) <= THETA_ROOT_RTOL * Math.max(1, 0.5 * Math.log(H - 1));
}

/** Where the sign test around −E_k looks: this fraction of E_k − E∞ on either side of the root. */
export const SIGN_CHANGE_STEP = 1e-6;

/** The layer check of one threshold: what failed, or the gap E_{k+1} − E∞ (smaller is closer to the edge). */
export type LayerCheck =
  | { readonly ok: true; readonly gap: number }
  | { readonly ok: false; readonly reason: string };

/**
 * −E_k is a root of Θ_{k,H} (to THETA_ROOT_RTOL), the band is layered, E_k > E_{k+1} > E∞, and Θ_{k,H} changes sign at
 * −E_k (positive just above, negative just below: a crossing, not a tangency).
 */
export function checkBandLayer(k: number, H: number): LayerCheck {
  const r = bandThreshold(k, H);
  const next = bandThreshold(k + 1, H);
  if (!r.ok) return { ok: false, reason: `E_${k}: ${r.reason}` };
  if (!next.ok) return { ok: false, reason: `E_${k + 1}: ${next.reason}` };
  if (!isThetaRoot(k, H, r.E))
    return { ok: false, reason: `Θ_{${k},${H}}(−E_${k}) = ${complexityTheta(k, H, -r.E)} is not 0` };
  const e = eInfinity(H);
  if (!(r.E > next.E && next.E > e))
    return { ok: false, reason: `not layered: E_${k} = ${r.E}, E_${k + 1} = ${next.E}, E∞ = ${e}` };
  const step = SIGN_CHANGE_STEP * (r.E - e);
  if (!(complexityTheta(k, H, -r.E + step) > 0 && complexityTheta(k, H, -r.E - step) < 0))
    return { ok: false, reason: `Θ_{${k},${H}} does not change sign at −E_${k} = ${-r.E}` };
  return { ok: true, gap: next.E - e };
}
