import { hypot } from './hypot.js';
import { MACHINE_EPS, QR_MAX_SWEEPS_PER_VALUE } from './tolerances.js';

/**
 * Eigenvalues of the symmetric tridiagonal n×n matrix with diagonal `d[0…n)` and subdiagonal
 * `e[0…n−1)` (e_i at (i+1, i)), by implicit QL with Wilkinson-type shifts (EISPACK tql2). On return `d`
 * holds the eigenvalues, unsorted; `e` is destroyed. Absolute error O(n·ε·‖T‖₂).
 *
 * Range: entries between about 2^−500 and 2^500 in magnitude. The sweep's last step forms e_{l+1}·e_l, which
 * overflows (NaN) or goes subnormal (wrong values) beyond: d = 0, e = ±2^−516 or 2^513 fail. symmetricEigen
 * scales T to ‖T‖ < 1 by a power of two first, so it never gets there.
 *
 * When `z` (n×n row-major) is given, every rotation of the sweep acts on its columns i, i+1: starting
 * from Q, column j ends as the eigenvector of Q·T·Qᵀ for d[j]. A sweep's rotations are recorded and then
 * applied row by row (LAPACK dsteqr + dlasr), carrying one entry in a register: one load and one store
 * per rotation and row, on contiguous memory.
 */
export function tridiagonalEigen(d: Float64Array, e: Float64Array, n: number, z?: Float64Array): void {
  if (n === 0) return;
  const cs = new Float64Array(n);
  const sn = new Float64Array(n);
  const eps = MACHINE_EPS;
  e[n - 1] = 0;
  let shiftSum = 0;
  let tst1 = 0;
  const maxSweeps = QR_MAX_SWEEPS_PER_VALUE;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]!) > eps * tst1) m++;
    if (m > l) {
      let sweeps = 0;
      do {
        if (++sweeps > maxSweeps) throw new Error('tridiagonalEigen: QL iteration did not converge');
        // Shift: the eigenvalue of the leading 2×2 block closer to d[l].
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        shiftSum += h;

        // Implicit QL sweep from m−1 down to l.
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          const ei = e[i]!;
          const di = d[i]!;
          g = c * ei;
          h = c * p;
          const rr = p * p + ei * ei;
          r = rr > 1e-290 && rr < 1e290 ? Math.sqrt(rr) : hypot(p, ei);
          e[i + 1] = s * r;
          const inv = 1 / r;
          s = ei * inv;
          c = p * inv;
          p = c * di - s * g;
          d[i + 1] = h + s * (c * g + s * di);
          cs[i] = c;
          sn[i] = s;
        }
        if (z !== undefined) applySweep(z, n, l, m, cs, sn);
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + shiftSum;
    e[l] = 0;
  }
}

/**
 * For every row of z: for i = m−1 down to l, (z_i, z_{i+1}) ← (c_i·z_i − s_i·z_{i+1}, s_i·z_i + c_i·z_{i+1}),
 * with the new z_i carried into the next rotation. The carry is a dependency chain, so four rows run
 * side by side to keep the floating-point units busy.
 */
function applySweep(
  z: Float64Array,
  n: number,
  l: number,
  m: number,
  cs: Float64Array,
  sn: Float64Array,
): void {
  let r = 0;
  for (; r + 3 < n; r += 4) {
    const r0 = r * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let h0 = z[r0 + m]!;
    let h1 = z[r1 + m]!;
    let h2 = z[r2 + m]!;
    let h3 = z[r3 + m]!;
    for (let i = m - 1; i >= l; i--) {
      const c = cs[i]!;
      const s = sn[i]!;
      const z0 = z[r0 + i]!;
      const z1 = z[r1 + i]!;
      const z2 = z[r2 + i]!;
      const z3 = z[r3 + i]!;
      z[r0 + i + 1] = s * z0 + c * h0;
      z[r1 + i + 1] = s * z1 + c * h1;
      z[r2 + i + 1] = s * z2 + c * h2;
      z[r3 + i + 1] = s * z3 + c * h3;
      h0 = c * z0 - s * h0;
      h1 = c * z1 - s * h1;
      h2 = c * z2 - s * h2;
      h3 = c * z3 - s * h3;
    }
    z[r0 + l] = h0;
    z[r1 + l] = h1;
    z[r2 + l] = h2;
    z[r3 + l] = h3;
  }
  for (; r < n; r++) {
    const row = r * n;
    let h = z[row + m]!;
    for (let i = m - 1; i >= l; i--) {
      const zi = z[row + i]!;
      const c = cs[i]!;
      const s = sn[i]!;
      z[row + i + 1] = s * zi + c * h;
      h = c * zi - s * h;
    }
    z[row + l] = h;
  }
}
