import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { maxAbsDiff } from './close.js';
import { applyReflectorLeft, applyReflectorRight } from './householder.js';
import { maxAbs } from './ops.js';
import { gaussianStream } from './testing/matrices.js';
import { MACHINE_EPS, TEST_SPECTRUM_UNITS } from './tolerances.js';
import { svdWorkspace } from './twoReflectorsSimd.js';

// Rows 1…11, lengths 1…40 and offsets 0…3 reach odd and even column counts, unaligned starts and single rows.
const rowsArb = fc.integer({ min: 1, max: 11 });
const lenArb = fc.integer({ min: 1, max: 40 });
const offsetArb = fc.integer({ min: 0, max: 3 });
const seedArb = fc.integer({ min: 0, max: 1_000_000 });

describe('single Householder reflectors in WebAssembly SIMD (the bidiagonalisation of singularValues)', () => {
  test.prop([rowsArb, lenArb, offsetArb, seedArb], { numRuns: 150 })(
    'applyReflectorRight: the kernel equals the scalar loop (rows [r0, r1), columns [c0, c0 + len)), up to rounding',
    (rows, len, c0, seed) => {
      const stride = c0 + len + 1;
      const g = gaussianStream(seed);
      const a = Float64Array.from({ length: rows * stride }, g);
      const v = Float64Array.from({ length: len + 2 }, g);
      const tau = 1 + g() / 4;
      const r0 = rows > 2 ? 1 : 0;
      const [wa, wv] = svdWorkspace(a.length, v.length)!;
      wa!.set(a);
      wv!.set(v);
      applyReflectorRight(a, stride, r0, rows, c0, len, v, 2, tau); // plain arrays: scalar loop
      applyReflectorRight(wa!, stride, r0, rows, c0, len, wv!, 2, tau); // kernel memory: SIMD
      const scale = Math.max(maxAbs(a), 1);
      expect(maxAbsDiff(wa!, a)).toBeLessThanOrEqual(TEST_SPECTRUM_UNITS * len * MACHINE_EPS * scale * 8);
    },
  );

  test.prop([rowsArb, lenArb, offsetArb, offsetArb, seedArb], { numRuns: 150 })(
    'applyReflectorLeft: the kernel equals the scalar loop (rows [r0, r0 + len), columns [c0, c1)), up to rounding',
    (len, cols, r0, c0, seed) => {
      const c1 = c0 + cols;
      const stride = c1 + 1;
      const rows = r0 + len + 1;
      const g = gaussianStream(seed);
      const a = Float64Array.from({ length: rows * stride }, g);
      const u = Float64Array.from({ length: len }, g);
      const tau = 1 + g() / 4;
      const z = new Float64Array(c1);
      const [wa, wu, wz] = svdWorkspace(a.length, u.length, c1)!;
      wa!.set(a);
      wu!.set(u);
      applyReflectorLeft(a, stride, r0, len, c0, c1, u, tau, z); // plain arrays: scalar loop
      applyReflectorLeft(wa!, stride, r0, len, c0, c1, wu!, tau, wz!); // kernel memory: SIMD
      const scale = Math.max(maxAbs(a), 1);
      expect(maxAbsDiff(wa!, a)).toBeLessThanOrEqual(TEST_SPECTRUM_UNITS * len * MACHINE_EPS * scale * 8);
    },
  );

  test.prop([rowsArb, lenArb, seedArb], { numRuns: 50 })(
    'a zero τ leaves the rows alone on both paths',
    (rows, len, seed) => {
      const g = gaussianStream(seed);
      const [wa, wv, wz] = svdWorkspace(rows * len, len, len)!;
      for (let i = 0; i < wa!.length; i++) wa![i] = g();
      for (let i = 0; i < wv!.length; i++) wv![i] = g();
      const before = wa!.slice();
      applyReflectorRight(wa!, len, 0, rows, 0, len, wv!, 0, 0);
      applyReflectorLeft(wa!, len, 0, rows, 0, len, wv!.subarray(0, rows), 0, wz!);
      expect(Array.from(wa!)).toEqual(Array.from(before));
    },
  );
});
