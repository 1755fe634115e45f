import { hypot } from './hypot.js';
import { MACHINE_EPS, QR_MAX_SWEEPS_PER_VALUE } from './tolerances.js';

/**
 * Singular values of the n×n upper bidiagonal matrix with diagonal `s[0…n)` and superdiagonal
 * `e[0…n−1)`, by implicit-shift QR (Golub–Kahan, LINPACK dsvdc's iteration, values only). On return
 * `s` holds the singular values in descending order and `e` is destroyed. Absolute error O(n·ε·‖B‖₂).
 *
 * Returns the number of QR sweeps it took (the tests bound it, so a weaker shift that still converges shows).
 */
export function bidiagonalSingularValues(s: Float64Array, e: Float64Array, n: number): number {
  const eps = MACHINE_EPS;
  // The smallest normal double: off-diagonal entries below it are negligible. With Number.MIN_VALUE, subnormal
  // entries (whose rounding is absolute, not relative) kept the iteration from converging (issue 16).
  const tiny = 2 ** -1022;
  if (n > 0) e[n - 1] = 0;
  let p = n;
  let sweeps = 0;
  const maxSweeps = QR_MAX_SWEEPS_PER_VALUE * Math.max(n, 1);
  while (p > 0) {
    // Largest k < p−1 with a negligible e[k] (or −1): the active block is k+1…p−1.
    let k = p - 2;
    for (; k >= 0; k--) {
      if (Math.abs(e[k]!) <= tiny + eps * (Math.abs(s[k]!) + Math.abs(s[k + 1]!))) {
        e[k] = 0;
        break;
      }
    }
    if (k === p - 2) {
      // s[p−1] has converged.
      s[p - 1] = Math.abs(s[p - 1]!);
      p--;
      continue;
    }
    // A negligible diagonal entry in the block lets it be split by rotations.
    let ks = p - 1;
    for (; ks > k; ks--) {
      const t = Math.abs(e[ks]!) + (ks !== k + 1 ? Math.abs(e[ks - 1]!) : 0);
      if (Math.abs(s[ks]!) <= eps * t) {
        s[ks] = 0;
        break;
      }
    }
    if (ks === p - 1) {
      // s[p−1] = 0: chase e[p−2] up to the top of the block with rotations from the right.
      let f = e[p - 2]!;
      e[p - 2] = 0;
      for (let j = p - 2; j > k; j--) {
        const t = hypot(s[j]!, f);
        const cs = s[j]! / t;
        const sn = f / t;
        s[j] = t;
        if (j !== k + 1) {
          f = -sn * e[j - 1]!;
          e[j - 1] = cs * e[j - 1]!;
        }
      }
      continue;
    }
    if (ks > k) {
      // s[ks] = 0 with ks inside the block: chase e[ks] down with rotations from the left.
      let f = e[ks]!;
      e[ks] = 0;
      for (let j = ks + 1; j < p; j++) {
        const t = hypot(s[j]!, f);
        const cs = s[j]! / t;
        const sn = f / t;
        s[j] = t;
        f = -sn * e[j]!;
        e[j] = cs * e[j]!;
      }
      continue;
    }
    // One implicit QR sweep on the block lo…p−1 with the shift from its trailing 2×2.
    if (++sweeps > maxSweeps) throw new Error('bidiagonalSingularValues: QR iteration did not converge');
    const lo = k + 1;
    const scale = Math.max(
      Math.abs(s[p - 1]!),
      Math.abs(s[p - 2]!),
      Math.abs(e[p - 2]!),
      Math.abs(s[lo]!),
      Math.abs(e[lo]!),
    );
    const sp = s[p - 1]! / scale;
    const spm1 = s[p - 2]! / scale;
    const epm1 = e[p - 2]! / scale;
    const sk = s[lo]! / scale;
    const ek = e[lo]! / scale;
    const b = ((spm1 + sp) * (spm1 - sp) + epm1 * epm1) / 2;
    const c = sp * epm1 * (sp * epm1);
    let shift = 0;
    if (b !== 0 || c !== 0) {
      const r = Math.sqrt(b * b + c);
      shift = c / (b + (b < 0 ? -r : r));
    }
    let f = (sk + sp) * (sk - sp) + shift;
    let g = sk * ek;
    for (let j = lo; j < p - 1; j++) {
      let t = hypot(f, g);
      if (t === 0) t = tiny;
      let cs = f / t;
      let sn = g / t;
      if (j !== lo) e[j - 1] = t;
      f = cs * s[j]! + sn * e[j]!;
      e[j] = cs * e[j]! - sn * s[j]!;
      g = sn * s[j + 1]!;
      s[j + 1] = cs * s[j + 1]!;
      t = hypot(f, g);
      if (t === 0) t = tiny;
      cs = f / t;
      sn = g / t;
      s[j] = t;
      f = cs * e[j]! + sn * s[j + 1]!;
      s[j + 1] = -sn * e[j]! + cs * s[j + 1]!;
      g = sn * e[j + 1]!;
      e[j + 1] = cs * e[j + 1]!;
    }
    e[p - 2] = f;
  }
  s.subarray(0, n).sort();
  s.subarray(0, n).reverse();
  return sweeps;
}
