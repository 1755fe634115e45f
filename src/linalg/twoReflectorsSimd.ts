/**
 * applyTwoReflectorsRight (householder.ts) in WebAssembly SIMD (wasm/twoReflectors.wat), the hot loop of the
 * LQ reduction that singularValues runs on every wide matrix (Jacobians: 41 % of a 64×321 rank). The kernel
 * works in its own memory, so singularValues keeps its working array there (svdWorkspace) and
 * applyTwoReflectorsRight hands over byte offsets when both of its arrays live in it.
 */

import { ensureMemory, instantiateWasm, type WasmMemory } from './wasm/load.js';
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
}

let kernel: TwoReflectors | null | undefined;

/** The compiled kernel, or null where WebAssembly SIMD is unavailable. */
export function twoReflectorsKernel(): TwoReflectors | null {
  if (kernel === undefined) {
    const exports = instantiateWasm(TWO_REFLECTORS_WASM);
    kernel =
      exports === null
        ? null
        : { memory: exports.memory as WasmMemory, two: exports.two as TwoReflectors['two'] };
  }
  return kernel;
}

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
  const k = kernel;
  if (k === undefined || k === null) return false;
  const buffer = k.memory.buffer;
  if (a.buffer !== buffer || vv.buffer !== buffer) return false;
  k.two(a.byteOffset, stride, r0, r1, c0, len, vv.byteOffset, tau1, tau2, c12);
  return true;
}
