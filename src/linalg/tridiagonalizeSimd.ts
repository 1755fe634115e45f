/**
 * The Householder tridiagonalisation of tridiagonalize.ts with its hot loop, the fused pass over the trailing
 * triangle, in WebAssembly SIMD (wasm/householderPass.wat). Why: that pass is 4/3·n³ flops and, in scalar
 * JavaScript, bound by instruction count rather than memory (a blocked dsytrd-style variant in JavaScript
 * measured twice as slow at n = 320); two float64 lanes per instruction and no bounds checks halve it. No
 * WebAssembly LAPACK is maintained on npm, so this kernel is ours and small: the reflectors, the pending
 * update of column k and the last 2×2 block stay in JavaScript, on views of the module's memory.
 *
 * Same algorithm, same operations per entry as the scalar routine; only the summation order of S·v
 * differs (two SIMD lanes), so results agree to rounding.
 */
import { HOUSEHOLDER_PASS_WASM } from './wasm/householderPassBytes.js';
import { ensureMemory, lazyKernel, type WasmMemory } from './wasm/load.js';

interface HouseholderPass {
  readonly memory: WasmMemory;
  readonly pass: (a: number, wp: number, vp: number, v: number, p: number, n: number, k: number) => void;
}

/** The compiled kernel, or null where WebAssembly SIMD is unavailable (the scalar routine is used there). */
export const householderPassKernel = lazyKernel<HouseholderPass>(HOUSEHOLDER_PASS_WASM, (exports) => ({
  memory: exports.memory as WasmMemory,
  pass: exports.pass as HouseholderPass['pass'],
}));

/**
 * The packed triangle's place in the kernel's memory (n(n+1)/2 entries at offset 0), with room for the step
 * vectors, so a caller can build the matrix there and tridiagonalizeSimd skips its copy. Valid until the next
 * call that grows the memory (a larger n).
 */
export function householderWorkspace(kernel: HouseholderPass, n: number): Float64Array {
  const len = (n * (n + 1)) / 2;
  ensureMemory(kernel.memory, 8 * (len + 4 * n));
  return new Float64Array(kernel.memory.buffer, 0, len);
}

/**
 * Same contract as tridiagonalize (tridiagonalize.ts): `a` is the packed lower triangle (n(n+1)/2 entries),
 * destroyed; T's diagonal goes to `d`, its subdiagonal to `e`, reflectors to `reflectors` when given.
 */
export function tridiagonalizeSimd(
  kernel: HouseholderPass,
  a: Float64Array,
  n: number,
  d: Float64Array,
  e: Float64Array,
  reflectors?: { readonly v: Float64Array; readonly tau: Float64Array },
): void {
  const len = (n * (n + 1)) / 2;
  const bytes = 8 * (len + 4 * n);
  ensureMemory(kernel.memory, bytes);
  const buffer = kernel.memory.buffer;
  const S = new Float64Array(buffer, 0, len);
  const WP = new Float64Array(buffer, 8 * len, n);
  const VP = new Float64Array(buffer, 8 * (len + n), n);
  const V = new Float64Array(buffer, 8 * (len + 2 * n), n);
  const P = new Float64Array(buffer, 8 * (len + 3 * n), n);
  if (a.buffer !== buffer || a.byteOffset !== 0) S.set(a.subarray(0, len)); // else built in place
  WP.fill(0);
  VP.fill(0);
  V.fill(0);
  P.fill(0);
  const rowStart = (i: number) => (i * (i + 1)) / 2;
  for (let k = 0; k < n - 2; k++) {
    // Bring column k (entries i ≥ k) up to date with the pending update.
    const wpk = WP[k]!;
    const vpk = VP[k]!;
    for (let i = k, at = rowStart(k) + k; i < n; at += i + 1, i++) S[at]! -= VP[i]! * wpk + WP[i]! * vpk;
    d[k] = S[rowStart(k) + k]!;

    // Reflector from x = A[k+1…n−1, k].
    const alpha = S[rowStart(k + 1) + k]!;
    let ss = 0;
    for (let i = k + 2, at = rowStart(k + 2) + k; i < n; at += i + 1, i++) ss += S[at]! * S[at]!;
    let tau = 0;
    V[k + 1] = 1;
    if (ss === 0) {
      e[k] = alpha;
      V.fill(0, k + 2, n);
    } else {
      const norm = Math.sqrt(alpha * alpha + ss);
      const beta = alpha >= 0 ? -norm : norm;
      tau = (beta - alpha) / beta;
      const scale = 1 / (alpha - beta);
      for (let i = k + 2, at = rowStart(k + 2) + k; i < n; at += i + 1, i++) V[i] = S[at]! * scale;
      e[k] = beta;
    }
    if (reflectors !== undefined) {
      reflectors.tau[k] = tau;
      for (let i = k + 1; i < n; i++) reflectors.v[k * n + i] = V[i]!;
    }
    P.fill(0, k + 1, n);

    // Fused pass over the trailing lower triangle: S −= vp·wpᵀ + wp·vpᵀ, and p = S·v.
    kernel.pass(0, 8 * len, 8 * (len + n), 8 * (len + 2 * n), 8 * (len + 3 * n), n, k);

    // w = τ·p − (τ/2)(τ·pᵀv)·v; then (w, v) become the pending (wp, vp) of the next step.
    let pv = 0;
    for (let j = k + 1; j < n; j++) {
      P[j]! *= tau;
      pv += P[j]! * V[j]!;
    }
    const half = 0.5 * tau * pv;
    for (let j = k + 1; j < n; j++) {
      WP[j] = P[j]! - half * V[j]!;
      VP[j] = V[j]!;
    }
  }
  // The last 2×2 block with the pending update.
  const i0 = n - 2;
  const i1 = n - 1;
  d[i0] = S[rowStart(i0) + i0]! - 2 * VP[i0]! * WP[i0]!;
  e[i0] = S[rowStart(i1) + i0]! - VP[i1]! * WP[i0]! - WP[i1]! * VP[i0]!;
  d[i1] = S[rowStart(i1) + i1]! - 2 * VP[i1]! * WP[i1]!;
}
