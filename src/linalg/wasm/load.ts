/** The little of the WebAssembly API used here (the project's TypeScript libs have no DOM types). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object) => { readonly exports: Record<string, unknown> };
}

export const WASM_PAGE_BYTES = 65536;

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The exports of a module given as base64, or null where WebAssembly (with SIMD) is unavailable. */
export function instantiateWasm(base64: string): Record<string, unknown> | null {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return null;
  try {
    return new wasm.Instance(new wasm.Module(decodeBase64(base64))).exports;
  } catch {
    return null;
  }
}

/**
 * A kernel compiled on first use: `pick` names its memory and functions in the module's exports. The returned
 * function gives the same kernel on every call, or null where WebAssembly SIMD is unavailable (callers then use
 * their scalar loops).
 */
export function lazyKernel<K extends { readonly memory: WasmMemory }>(
  base64: string,
  pick: (exports: Record<string, unknown>) => K,
): () => K | null {
  let kernel: K | null | undefined;
  return () => {
    if (kernel === undefined) {
      const exports = instantiateWasm(base64);
      kernel = exports === null ? null : pick(exports);
    }
    return kernel;
  };
}

/** Grows `memory` to at least `bytes`. Views made before a growth are detached: make them after. */
export function ensureMemory(memory: WasmMemory, bytes: number): void {
  const have = memory.buffer.byteLength;
  if (have < bytes) memory.grow(Math.ceil((bytes - have) / WASM_PAGE_BYTES));
}
