import { afterEach, describe, expect, test } from 'vitest';
import { ensureMemory, instantiateWasm, lazyKernel, WASM_PAGE_BYTES, type WasmMemory } from './load.js';
import { TWO_REFLECTORS_WASM } from './twoReflectorsBytes.js';

/** The global as load.ts sees it (the project's TypeScript libs have no WebAssembly types). */
const host = globalThis as {
  WebAssembly?: undefined | { Memory: new (d: { initial: number; maximum: number }) => WasmMemory };
};
const realWebAssembly = host.WebAssembly;

describe('instantiateWasm and ensureMemory', () => {
  afterEach(() => {
    host.WebAssembly = realWebAssembly;
  });

  test('instantiate a committed kernel and expose its exports', () => {
    const exports = instantiateWasm(TWO_REFLECTORS_WASM);
    expect(exports).not.toBeNull();
    expect(typeof exports!.two).toBe('function');
    expect((exports!.memory as WasmMemory).buffer).toBeInstanceOf(ArrayBuffer);
  });

  test('answer null, not an exception, where WebAssembly is missing or the module does not compile', () => {
    // The scalar fallbacks (tridiagonalizeScalar, applyTwoReflectorsRight's loops) depend on this null.
    expect(instantiateWasm('AGFzbQEAAAA=' /* valid header, no body */)).not.toBeNull();
    expect(instantiateWasm('AAAAAAAA')).toBeNull();
    host.WebAssembly = undefined;
    expect(instantiateWasm(TWO_REFLECTORS_WASM)).toBeNull();
  });

  test('lazyKernel compiles once, on first use, and gives null (once) where the module does not compile', () => {
    let picks = 0;
    const pick = (exports: Record<string, unknown>) => {
      picks++;
      return { memory: exports.memory as WasmMemory, two: exports.two };
    };
    const kernel = lazyKernel(TWO_REFLECTORS_WASM, pick);
    expect(picks).toBe(0);
    const first = kernel();
    expect(typeof first!.two).toBe('function');
    expect(kernel()).toBe(first);
    expect(picks).toBe(1);
    const broken = lazyKernel('AAAAAAAA', pick);
    expect(broken()).toBeNull();
    host.WebAssembly = undefined; // a second call does not try again
    expect(broken()).toBeNull();
    expect(picks).toBe(1);
  });

  test('ensureMemory grows by whole pages to at least the bytes asked, never shrinks or over-grows', () => {
    const memory = new host.WebAssembly!.Memory({ initial: 1, maximum: 100 });
    ensureMemory(memory, 10);
    expect(memory.buffer.byteLength).toBe(WASM_PAGE_BYTES);
    ensureMemory(memory, WASM_PAGE_BYTES);
    expect(memory.buffer.byteLength).toBe(WASM_PAGE_BYTES);
    ensureMemory(memory, WASM_PAGE_BYTES + 1);
    expect(memory.buffer.byteLength).toBe(2 * WASM_PAGE_BYTES);
    ensureMemory(memory, 5 * WASM_PAGE_BYTES - 1);
    expect(memory.buffer.byteLength).toBe(5 * WASM_PAGE_BYTES);
  });
});
