import type { Problem } from './problem.js';
import type { SecondOrderState } from './secondOrder.js';

// The curvature part of the Hessian, 2s·Σ_{i,k} r_ik ∇²f_k(x_i) = ∇²_θ φ with φ = Σ_i delta_{L−1}[i]·f(x_i) and
// the output adjoint delta_{L−1} = 2s·r held fixed, by Pearlmutter's R-operator (forward-over-reverse) along
// each parameter direction e_j. A direction in W_m (or b_m) moves one pre-activation of layer m only, so every
// R-quantity is tracked with its support (identically zero, one unit, or dense) and the pass touches only what
// can be non-zero: for a two-layer net a first-layer direction costs O(n·(d_0 + d_L)) instead of O(n·p).

/** Support of an R-quantity: identically zero, dense, or one column (unit) index ≥ 0. */
const ZERO = -2;
const ALL = -1;

/** An n×width R-quantity; only the entries inside `support` are meaningful (others may be stale). */
interface RBuf {
  readonly data: Float64Array;
  readonly width: number;
  support: number;
}

const has = (support: number, u: number): boolean => support === ALL || support === u;

function rbuf(n: number, width: number): RBuf {
  return { data: new Float64Array(n * width), width, support: ZERO };
}

/** out = inp·Mᵀ with M = W_l (dout×din): out[i][o] = Σ_u inp[i][u]·M[o][u]. */
function timesTransposed(inp: RBuf, theta: Float64Array, w: number, out: RBuf, n: number): void {
  const din = inp.width;
  const dout = out.width;
  const x = inp.data;
  const y = out.data;
  if (inp.support === ZERO) {
    out.support = ZERO;
    return;
  }
  out.support = ALL;
  if (inp.support >= 0) {
    const u = inp.support;
    for (let i = 0; i < n; i++) {
      const xi = x[i * din + u]!;
      for (let o = 0; o < dout; o++) y[i * dout + o] = xi * theta[w + o * din + u]!;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    for (let o = 0; o < dout; o++) {
      let s = 0;
      for (let u = 0; u < din; u++) s += x[i * din + u]! * theta[w + o * din + u]!;
      y[i * dout + o] = s;
    }
  }
}

/** out = inp·M with M = W_l (dout×din), inp n×dout: out[i][u] = Σ_o inp[i][o]·M[o][u]. */
function times(inp: RBuf, theta: Float64Array, w: number, out: RBuf, n: number): void {
  const dout = inp.width;
  const din = out.width;
  const x = inp.data;
  const y = out.data;
  if (inp.support === ZERO) {
    out.support = ZERO;
    return;
  }
  out.support = ALL;
  if (inp.support >= 0) {
    const o = inp.support;
    for (let i = 0; i < n; i++) {
      const xi = x[i * dout + o]!;
      for (let u = 0; u < din; u++) y[i * din + u] = xi * theta[w + o * din + u]!;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    for (let u = 0; u < din; u++) {
      let s = 0;
      for (let o = 0; o < dout; o++) s += x[i * dout + o]! * theta[w + o * din + u]!;
      y[i * din + u] = s;
    }
  }
}

/** Adds column `src` (n entries, stride srcWidth at column srcCol) to column c of `buf`, widening the support. */
function addColumn(
  buf: RBuf,
  c: number,
  src: Float64Array,
  srcWidth: number,
  srcCol: number,
  n: number,
): void {
  const w = buf.width;
  const y = buf.data;
  if (buf.support === ZERO || buf.support === c) {
    const fresh = buf.support === ZERO;
    for (let i = 0; i < n; i++) y[i * w + c] = (fresh ? 0 : y[i * w + c]!) + src[i * srcWidth + srcCol]!;
    buf.support = c;
    return;
  }
  if (buf.support >= 0) {
    // one other column is live: zero the rest so the buffer can become dense
    const keep = buf.support;
    for (let i = 0; i < n; i++) for (let u = 0; u < w; u++) if (u !== keep) y[i * w + u] = 0;
    buf.support = ALL;
  }
  for (let i = 0; i < n; i++) y[i * w + c] = y[i * w + c]! + src[i * srcWidth + srcCol]!;
}

/**
 * The raw curvature part C = ∇²_θ φ with φ = Σ_i delta_{L−1}[i]·f(x_i) and delta_{L−1} = 2s·r frozen, i.e.
 * 2s·Σ r_ik ∇²f_k(x_i). Row j is the R-operator along e_j; returned unsymmetrised (p×p row-major).
 */
export function curvatureRaw(problem: Problem, theta: Float64Array, st: SecondOrderState): Float64Array {
  const { layout, n } = problem;
  const L = layout.layers.length;
  const p = layout.size;
  const sizes = layout.layerSizes;
  const raw = new Float64Array(p * p);
  // Rh[l] = R{h_l} (n×d_l), Rz[l] = R{z_l} (n×d_{l+1}) for hidden l, Rd = R{delta_k}, RU = R{U_{k−1}}.
  const Rh: RBuf[] = [];
  const Rz: RBuf[] = [];
  for (let l = 0; l < L; l++) {
    Rh.push(rbuf(n, sizes[l]!));
    Rz.push(rbuf(n, sizes[l + 1]!));
  }
  const Rd: RBuf[] = [];
  const RU: RBuf[] = [];
  for (let l = 0; l < L; l++) {
    Rd.push(rbuf(n, sizes[l + 1]!));
    RU.push(rbuf(n, sizes[l + 1]!));
  }
  const { pass, s1, s2, delta, U } = st;

  const direction = (row: Float64Array, m: number, b: number, c: number): void => {
    // c < 0: the direction is the bias b_m[b]; otherwise the weight W_m[b][c].
    // R{z_m} = e_b·h_m[c] (or e_b) ;  R{h_{l+1}} = σ'(z_l) ∘ R{z_l} ;  R{z_l} = R{h_l}·W_lᵀ for hidden l > m
    // (R{f} is not needed: the output adjoint is frozen, so R{delta_{L−1}} = 0.)
    for (let l = 0; l <= m; l++) Rh[l]!.support = ZERO;
    for (let l = 0; l < m; l++) Rz[l]!.support = ZERO;
    if (m < L - 1) {
      const zm = Rz[m]!;
      const w = zm.width;
      const hm = pass.h[m]!;
      const din = sizes[m]!;
      for (let i = 0; i < n; i++) zm.data[i * w + b] = c < 0 ? 1 : hm[i * din + c]!;
      zm.support = b;
      for (let l = m; l < L - 1; l++) {
        if (l > m) timesTransposed(Rh[l]!, theta, layout.layers[l]!.weightOffset, Rz[l]!, n);
        const z = Rz[l]!;
        const h = Rh[l + 1]!;
        const sl = s1[l]!;
        const wl = z.width;
        h.support = z.support;
        if (z.support >= 0) {
          const u = z.support;
          for (let i = 0; i < n; i++) h.data[i * wl + u] = sl[i * wl + u]! * z.data[i * wl + u]!;
        } else if (z.support === ALL) {
          for (let k = 0; k < n * wl; k++) h.data[k] = sl[k]! * z.data[k]!;
        }
      }
    }
    Rd[L - 1]!.support = ZERO;
    for (let k = L - 1; k >= 0; k--) {
      const { inputs: din, outputs: dout, weightOffset: w, biasOffset: bo } = layout.layers[k]!;
      const rd = Rd[k]!;
      const rh = Rh[k]!;
      const hk = pass.h[k]!;
      const dk = delta[k]!;
      // R{∇W_k} = R{delta_k}ᵀ h_k + delta_kᵀ R{h_k} ;  R{∇b_k} = Σ_i R{delta_k}[i]
      if (rd.support !== ZERO) {
        const o0 = rd.support === ALL ? 0 : rd.support;
        const o1 = rd.support === ALL ? dout : rd.support + 1;
        for (let i = 0; i < n; i++) {
          for (let o = o0; o < o1; o++) {
            const x = rd.data[i * dout + o]!;
            const at = w + o * din;
            for (let u = 0; u < din; u++) row[at + u] = row[at + u]! + x * hk[i * din + u]!;
            if (bo !== null) row[bo + o] = row[bo + o]! + x;
          }
        }
      }
      if (rh.support !== ZERO) {
        const u0 = rh.support === ALL ? 0 : rh.support;
        const u1 = rh.support === ALL ? din : rh.support + 1;
        for (let i = 0; i < n; i++) {
          for (let o = 0; o < dout; o++) {
            const x = dk[i * dout + o]!;
            const at = w + o * din;
            for (let u = u0; u < u1; u++) row[at + u] = row[at + u]! + x * rh.data[i * din + u]!;
          }
        }
      }
      if (k === 0) break;
      // R{U_{k−1}} = R{delta_k}·W_k + delta_k·R{W_k}   (R{W_k} = e_b e_cᵀ when the direction is W_k[b][c])
      const ru = RU[k - 1]!;
      times(rd, theta, w, ru, n);
      if (k === m && c >= 0) addColumn(ru, c, dk, dout, b, n);
      // R{delta_{k−1}} = σ''(z_{k−1}) ∘ R{z_{k−1}} ∘ U_{k−1} + σ'(z_{k−1}) ∘ R{U_{k−1}}
      const rz = Rz[k - 1]!;
      const next = Rd[k - 1]!;
      const sz = k - 1 < m || m === L - 1 ? ZERO : rz.support;
      const su = ru.support;
      const support = sz === ZERO ? su : su === ZERO || su === sz ? sz : ALL;
      next.support = support;
      if (support === ZERO) continue;
      const uk = U[k - 1]!;
      const a1 = s1[k - 1]!;
      const a2 = s2[k - 1]!;
      const u0 = support === ALL ? 0 : support;
      const u1 = support === ALL ? din : support + 1;
      for (let i = 0; i < n; i++) {
        for (let u = u0; u < u1; u++) {
          const at = i * din + u;
          let v = 0;
          if (has(sz, u)) v += a2[at]! * rz.data[at]! * uk[at]!;
          if (has(su, u)) v += a1[at]! * ru.data[at]!;
          next.data[at] = v;
        }
      }
    }
  };

  let j = 0;
  for (let m = 0; m < L; m++) {
    const { inputs: din, outputs: dout, biasOffset } = layout.layers[m]!;
    for (let b = 0; b < dout; b++) {
      for (let c = 0; c < din; c++) {
        direction(raw.subarray(j * p, (j + 1) * p), m, b, c);
        j++;
      }
    }
    if (biasOffset !== null) {
      for (let b = 0; b < dout; b++) {
        direction(raw.subarray(j * p, (j + 1) * p), m, b, -1);
        j++;
      }
    }
  }
  return raw;
}
