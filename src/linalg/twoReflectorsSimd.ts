/**
 * applyTwoReflectorsRight (householder.ts) in WebAssembly SIMD (wasm/twoReflectors.wat), the hot loop of the
 * LQ reduction that singularValues runs on every wide matrix (Jacobians: 41 % of a 64×321 rank), and the single
 * reflectors applyReflectorRight and applyReflectorLeft, the loops of the bidiagonalisation of the LQ's k×k
 * factor (about as long again in JavaScript). The kernel works in its own memory, so singularValues keeps its
 * working arrays there (svdWorkspace) and the three functions hand over byte offsets when their arrays live in it.
 */

import { ensureMemory, lazyKernel, type WasmMemory } from './wasm/load.js';
import { TWO_REFLECTORS_WASM } from './wasm/twoReflectorsBytes.js';

interface TwoReflectors {
  readonly memory: WasmMemory;
  readonly two: (
    a: number,
    stride: number,
    r0: number,
    r1: number,
    c0: number,
    len: number,
    vv: number,
    tau1: number,
    tau2: number,
    c12: number,
  ) => void;
  readonly right: (
    a: number,
    stride: number,
    r0: number,
    r1: number,
    c0: number,
    len: number,
    v: number,
    tau: number,
  ) => void;
  readonly left: (
    a: number,
    stride: number,
    r0: number,
    len: number,
    c0: number,
    c1: number,
    u: number,
    tau: number,
    z: number,
  ) => void;
}

/** The compiled kernel, or null where WebAssembly SIMD is unavailable. */
export const twoReflectorsKernel = lazyKernel<TwoReflectors>(TWO_REFLECTORS_WASM, (exports) => ({
  memory: exports.memory as WasmMemory,
  two: exports.two as TwoReflectors['two'],
  right: exports.right as TwoReflectors['right'],
  left: exports.left as TwoReflectors['left'],
}));

/**
 * Zeroed arrays of the given lengths in the kernel's memory (one workspace at a time: the next call reuses
 * it), or null without the kernel. Not re-entrant: singularValues, its only user, calls nothing that asks again.
 */
export function svdWorkspace(...lengths: number[]): Float64Array[] | null {
  const k = twoReflectorsKernel();
  if (k === null) return null;
  const total = lengths.reduce((s, x) => s + x, 0);
  ensureMemory(k.memory, 8 * total);
  const out: Float64Array[] = [];
  let at = 0;
  for (const len of lengths) {
    const view = new Float64Array(k.memory.buffer, 8 * at, len);
    view.fill(0);
    out.push(view);
    at += len;
  }
  return out;
}

/** The kernel when every array lives in its memory (it reads and writes them in place); else null. */
function kernelHolding(a: Float64Array, b: Float64Array, c: Float64Array = b): TwoReflectors | null {
  const k = twoReflectorsKernel();
  if (k === null) return null;
  const buffer = k.memory.buffer;
  return a.buffer === buffer && b.buffer === buffer && c.buffer === buffer ? k : null;
}

/**
 * Whether rows r0…r1−1, columns c0…c1−1 of `a` (row stride `stride`) lie inside the view. The kernel addresses
 * memory by byte offset, so an index past a view's end would silently read or write the next view in the same
 * buffer; the plain loops ignore such writes (a typed array's bound) and read undefined, which shows as NaN.
 */
function blockInside(
  a: Float64Array,
  stride: number,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
): boolean {
  return r1 <= r0 || c1 <= c0 || (r0 >= 0 && c0 >= 0 && (r1 - 1) * stride + c1 <= a.length);
}

/** Runs applyTwoReflectorsRight's arguments in the kernel when `a` and `vv` live in its memory; else false. */
export function twoReflectorsInKernel(
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
): boolean {
  const k = kernelHolding(a, vv);
  if (k === null || !blockInside(a, stride, r0, r1, c0, c0 + len) || 2 * len > vv.length) return false;
  k.two(a.byteOffset, stride, r0, r1, c0, len, vv.byteOffset, tau1, tau2, c12);
  return true;
}

/** Runs applyReflectorRight's arguments in the kernel when `a` and `vs` live in its memory; else false. */
export function reflectorRightInKernel(
  a: Float64Array,
  stride: number,
  r0: number,
  r1: number,
  c0: number,
  len: number,
  vs: Float64Array,
  voff: number,
  tau: number,
): boolean {
  const k = kernelHolding(a, vs);
  if (k === null || !blockInside(a, stride, r0, r1, c0, c0 + len) || voff + len > vs.length) return false;
  k.right(a.byteOffset, stride, r0, r1, c0, len, vs.byteOffset + 8 * voff, tau);
  return true;
}

/** Runs applyReflectorLeft's arguments in the kernel when `a`, `u` and `z` live in its memory; else false. */
export function reflectorLeftInKernel(
  a: Float64Array,
  stride: number,
  r0: number,
  len: number,
  c0: number,
  c1: number,
  u: Float64Array,
  tau: number,
  z: Float64Array,
): boolean {
  const k = kernelHolding(a, u, z);
  if (k === null || !blockInside(a, stride, r0, r0 + len, c0, c1) || len > u.length || c1 > z.length)
    return false;
  k.left(a.byteOffset, stride, r0, len, c0, c1, u.byteOffset, tau, z.byteOffset);
  return true;
}
