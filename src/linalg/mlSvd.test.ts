import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { maxAbsDiff } from './close.js';
import { dense } from './matrix.js';
import { fullRightSingularVectors, thinSvd } from './mlSvd.js';
import { maxAbs } from './ops.js';
import { gaussianMatrix } from './testing/matrices.js';
import { MACHINE_EPS, TEST_SPECTRUM_UNITS } from './tolerances.js';

const shape = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.nat(1_000_000));
/** The backward-error unit of a Householder SVD of an m×n matrix, relative to its size: 16·max(m, n)·ε. */
const unit = (m: number, n: number) => TEST_SPECTRUM_UNITS * Math.max(m, n) * MACHINE_EPS;

/** XᵀX for X (rows×k, row-major). */
function gramOf(x: Float64Array, rows: number, k: number): Float64Array {
  const g = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) for (let r = 0; r < rows; r++) g[i * k + j]! += x[r * k + i]! * x[r * k + j]!;
  return g;
}
const eye = (k: number) => Float64Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 1 : 0));

describe('thinSvd and fullRightSingularVectors (ml-matrix)', () => {
  test.prop([shape], { numRuns: 100 })(
    'thinSvd of any m×n matrix (tall or wide) is U·diag(s)·Vᵀ = A with orthonormal U (m×k), V (n×k), s descending',
    ([m, n, seed]) => {
      const a = gaussianMatrix(m, n, seed);
      const { k, u, s, v } = thinSvd(a);
      const kk = Math.min(m, n);
      expect(k).toBe(kk);
      expect(u.length).toBe(m * kk);
      expect(v.length).toBe(n * kk);
      expect(s.length).toBe(kk);
      for (let i = 1; i < kk; i++) expect(s[i]!).toBeLessThanOrEqual(s[i - 1]!);
      const back = new Float64Array(m * n);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++)
          for (let l = 0; l < kk; l++) back[i * n + j]! += u[i * kk + l]! * s[l]! * v[j * kk + l]!;
      expect(maxAbsDiff(back, a.data)).toBeLessThanOrEqual(unit(m, n) * s[0]!);
      expect(maxAbsDiff(gramOf(u, m, kk), eye(kk))).toBeLessThanOrEqual(unit(m, n));
      expect(maxAbsDiff(gramOf(v, n, kk), eye(kk))).toBeLessThanOrEqual(unit(m, n));
    },
  );

  test.prop([shape], { numRuns: 100 })(
    'fullRightSingularVectors of a tall matrix is an orthogonal V with ‖A·v_j‖ = σ_j, descending',
    ([m, extra, seed]) => {
      const n = Math.max(1, m - (extra % m));
      const a = gaussianMatrix(m, n, seed);
      const v = fullRightSingularVectors(a);
      expect(v.length).toBe(n * n);
      expect(maxAbsDiff(gramOf(v, n, n), eye(n))).toBeLessThanOrEqual(unit(m, n));
      const { s } = thinSvd(a);
      for (let j = 0; j < n; j++) {
        let ss = 0;
        for (let i = 0; i < m; i++) {
          let t = 0;
          for (let l = 0; l < n; l++) t += a.data[i * n + l]! * v[l * n + j]!;
          ss += t * t;
        }
        expect(Math.abs(Math.sqrt(ss) - s[j]!)).toBeLessThanOrEqual(unit(m, n) * maxAbs(s));
      }
    },
  );

  test('fullRightSingularVectors refuses a wide matrix', () => {
    expect(() => fullRightSingularVectors(dense(2, 3))).toThrow(
      'fullRightSingularVectors: needs rows ≥ cols',
    );
  });
});
