import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { maxAbsDiff } from './close.js';
import { applyTwoReflectorsRight } from './householder.js';
import { maxAbs } from './ops.js';
import { gaussianStream } from './testing/matrices.js';
import { MACHINE_EPS, TEST_SPECTRUM_UNITS } from './tolerances.js';
import {
  reflectorLeftInKernel,
  reflectorRightInKernel,
  svdWorkspace,
  twoReflectorsInKernel,
  twoReflectorsKernel,
} from './twoReflectorsSimd.js';

describe('applyTwoReflectorsRight in WebAssembly SIMD', () => {
  it('has the kernel in Node (a silent fallback to the scalar loop would go unnoticed)', () => {
    expect(twoReflectorsKernel()).not.toBeNull();
  });

  // Row counts 1…11 and lengths 1…40 reach the four-row blocks, the single rows and the odd last column.
  test.prop(
    [
      fc.integer({ min: 1, max: 11 }),
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 1_000_000 }),
    ],
    { numRuns: 150 },
  )(
    'equals the scalar loop (rows [r0, r1), columns [c0, c0 + len)), up to rounding',
    (rows, len, c0, seed) => {
      const stride = c0 + len + 1;
      const g = gaussianStream(seed);
      const a = Float64Array.from({ length: rows * stride }, g);
      const vv = Float64Array.from({ length: 2 * len }, g);
      const tau1 = 1 + g() / 4;
      const tau2 = 1 + g() / 4;
      let c12 = 0;
      for (let t = 0; t < len; t++) c12 += vv[2 * t]! * vv[2 * t + 1]!;
      const r0 = rows > 2 ? 1 : 0;
      const [wa, wvv] = svdWorkspace(a.length, vv.length)!;
      wa!.set(a);
      wvv!.set(vv);
      applyTwoReflectorsRight(a, stride, r0, rows, c0, len, vv, tau1, tau2, c12); // plain arrays: scalar loop
      applyTwoReflectorsRight(wa!, stride, r0, rows, c0, len, wvv!, tau1, tau2, c12); // kernel memory: SIMD
      // Rows outside [r0, rows) and columns outside the range are untouched by both, so compare everything.
      const scale = Math.max(maxAbs(a), 1);
      expect(maxAbsDiff(wa!, a)).toBeLessThanOrEqual(TEST_SPECTRUM_UNITS * len * MACHINE_EPS * scale * 8);
    },
  );

  test.prop(
    [fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 40 }), fc.nat(1_000_000), fc.boolean()],
    {
      numRuns: 60,
    },
  )(
    'with only one of its two arrays in kernel memory it still equals the scalar loop (the kernel needs both)',
    (rows, len, seed, matrixInKernel) => {
      const stride = len;
      const g = gaussianStream(seed);
      const a = Float64Array.from({ length: rows * stride }, g);
      const vv = Float64Array.from({ length: 2 * len }, g);
      const [wa, wvv] = svdWorkspace(a.length, vv.length)!;
      // The other array of the pair sits in kernel memory too, but holds garbage: a kernel call would read it.
      wa!.set(matrixInKernel ? a : a.map(() => 1e3));
      wvv!.set(matrixInKernel ? vv.map(() => 1e3) : vv);
      const mixedA = matrixInKernel ? wa! : a.slice();
      const mixedV = matrixInKernel ? vv : wvv!;
      const plain = a.slice();
      applyTwoReflectorsRight(plain, stride, 0, rows, 0, len, vv, 1.5, 0.5, 0.25);
      applyTwoReflectorsRight(mixedA, stride, 0, rows, 0, len, mixedV, 1.5, 0.5, 0.25);
      expect(Array.from(mixedA)).toEqual(Array.from(plain));
    },
  );

  test.prop([fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 4 })], {
    numRuns: 40,
  })(
    'svdWorkspace gives zeroed, disjoint arrays of the lengths asked, in the kernel memory, dirty or not before',
    (lengths) => {
      for (const view of svdWorkspace(10_000, 10_000)!) view.fill(7);
      const views = svdWorkspace(...lengths)!;
      const buffer = twoReflectorsKernel()!.memory.buffer;
      expect(views.map((v) => v.length)).toEqual(lengths);
      for (const v of views) {
        expect(v.buffer).toBe(buffer);
        expect(v.every((x) => x === 0)).toBe(true);
      }
      views.forEach((v, i) => {
        v.fill(i + 1);
      });
      views.forEach((v, i) => {
        expect(v.every((x) => x === i + 1)).toBe(true);
      });
    },
  );

  it('runs in the kernel exactly when both arrays live in its memory, and leaves them alone otherwise', () => {
    const [wa, wvv] = svdWorkspace(8, 8)!;
    wa!.fill(1);
    wvv!.fill(0.5);
    const plainA = new Float64Array(8).fill(1);
    const plainV = new Float64Array(8).fill(0.5);
    expect(twoReflectorsInKernel(plainA, 4, 0, 2, 0, 4, plainV, 1, 1, 1)).toBe(false);
    expect(twoReflectorsInKernel(wa!, 4, 0, 2, 0, 4, plainV, 1, 1, 1)).toBe(false);
    expect(twoReflectorsInKernel(plainA, 4, 0, 2, 0, 4, wvv!, 1, 1, 1)).toBe(false);
    expect(Array.from(wa!)).toEqual(Array.from(plainA));
    expect(Array.from(plainA)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(twoReflectorsInKernel(wa!, 4, 0, 2, 0, 4, wvv!, 1, 1, 1)).toBe(true);
    expect(Array.from(wa!)).not.toEqual(Array.from(plainA));
  });

  it('stays inside each view: an index past a view’s end runs the plain loop, never the next view', () => {
    // a: 2 rows × 4 in 8 entries, then vv, u, z; a block or vector one entry too long must not reach its neighbour.
    const [a, vv, u, z, guard] = svdWorkspace(8, 8, 2, 4, 4)!;
    const reset = () => {
      a!.fill(1);
      vv!.fill(0.5);
      u!.fill(0.5);
      z!.fill(0);
      guard!.fill(7);
    };
    const untouched = () => Array.from(guard!).every((x) => x === 7);
    reset();
    expect(twoReflectorsInKernel(a!, 4, 0, 3, 0, 4, vv!, 1, 1, 1)).toBe(false); // a third row
    expect(twoReflectorsInKernel(a!, 4, 0, 2, 1, 4, vv!, 1, 1, 1)).toBe(false); // columns 1…4
    expect(twoReflectorsInKernel(a!.subarray(0, 8), 4, 0, 2, 0, 4, vv!.subarray(0, 7), 1, 1, 1)).toBe(false);
    expect(reflectorRightInKernel(a!, 4, 0, 2, 0, 4, vv!, 5, 1)).toBe(false); // v = vv[5…9)
    expect(reflectorRightInKernel(a!, 4, 0, 3, 0, 4, vv!, 0, 1)).toBe(false);
    expect(reflectorLeftInKernel(a!, 4, 0, 3, 0, 4, u!, 1, z!)).toBe(false); // u has 2 entries
    expect(reflectorLeftInKernel(a!, 4, 0, 2, 0, 5, u!, 1, z!)).toBe(false); // column 4 of a row of 4
    expect(reflectorLeftInKernel(a!, 4, 0, 2, 0, 4, u!, 1, z!.subarray(0, 3))).toBe(false);
    expect(Array.from(a!)).toEqual(new Array(8).fill(1));
    expect(untouched()).toBe(true);
    // Exactly the views' sizes: the kernel runs, and still leaves the guard alone.
    expect(twoReflectorsInKernel(a!, 4, 0, 2, 0, 4, vv!, 1, 1, 1)).toBe(true);
    expect(reflectorRightInKernel(a!, 4, 0, 2, 0, 4, vv!, 4, 1)).toBe(true);
    expect(reflectorLeftInKernel(a!, 4, 0, 2, 0, 4, u!, 1, z!)).toBe(true);
    expect(untouched()).toBe(true);
    // Each bound on its own: rows 1…2 of a 2-row view with a long enough u; a u one entry short with rows inside;
    // a negative start.
    expect(reflectorLeftInKernel(a!, 4, 1, 2, 0, 4, u!, 1, z!)).toBe(false);
    expect(reflectorLeftInKernel(a!, 4, 0, 2, 0, 4, u!.subarray(0, 1), 1, z!)).toBe(false);
    expect(reflectorRightInKernel(a!, 4, -1, 1, 0, 4, vv!, 0, 1)).toBe(false);
    expect(reflectorRightInKernel(a!, 4, 0, 1, -1, 4, vv!, 0, 1)).toBe(false);
    // Empty blocks are inside any view, wherever they start: no row, or no column, is touched.
    reset();
    expect(reflectorRightInKernel(a!, 4, 2, 2, 0, 4, vv!, 0, 1)).toBe(true);
    expect(reflectorRightInKernel(a!, 4, 5, 5, 0, 4, vv!, 0, 1)).toBe(true);
    expect(twoReflectorsInKernel(a!, 4, 0, 2, 9, 0, vv!, 1, 1, 1)).toBe(true);
    expect(Array.from(a!)).toEqual(new Array(8).fill(1));
    expect(untouched()).toBe(true);
  });
});
