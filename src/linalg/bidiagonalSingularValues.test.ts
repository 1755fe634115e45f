import { fc, test } from '@fast-check/vitest';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect } from 'vitest';
import { bidiagonalSingularValues } from './bidiagonalSingularValues.js';
import { maxAbsDiff } from './close.js';
import { MACHINE_EPS, TEST_SPECTRUM_UNITS } from './tolerances.js';

/**
 * Entries of a bidiagonal: exactly 0 one time in three (a split, or a zero diagonal that the iteration must chase
 * out with rotations), else k/8 times 2^g with g ∈ [−30, 0] (graded magnitudes, many deflations).
 */
const entry = fc.oneof(
  { arbitrary: fc.constant(0), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -30, max: 0 }))
      .map(([k, g]) => (k / 8) * 2 ** g),
    weight: 2,
  },
);
const bidiagonal = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.tuple(
      fc.array(entry, { minLength: n, maxLength: n }),
      fc.array(entry, { minLength: n - 1, maxLength: n - 1 }),
    ),
  );

/** Singular values of the upper bidiagonal with diagonal s and superdiagonal e, by ml-matrix, descending. */
function oracle(s: readonly number[], e: readonly number[]): Float64Array {
  const n = s.length;
  const b = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) {
    b.set(i, i, s[i]!);
    if (i + 1 < n) b.set(i, i + 1, e[i]!);
  }
  const svd = new SingularValueDecomposition(b, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  });
  return Float64Array.from(svd.diagonal);
}

function run(s: readonly number[], e: readonly number[], last = 0): Float64Array {
  const d = Float64Array.from(s);
  bidiagonalSingularValues(d, Float64Array.from([...e, last]), s.length);
  return d;
}

describe('bidiagonalSingularValues (implicit-shift QR on a bidiagonal)', () => {
  test.prop([bidiagonal], { numRuns: 300 })(
    'agree with ml-matrix SVD, descending and non-negative, on bidiagonals with zeros and graded entries',
    ([s, e]) => {
      const got = run(s, e);
      const o = oracle(s, e);
      const n = s.length;
      expect(maxAbsDiff(got, o)).toBeLessThanOrEqual(TEST_SPECTRUM_UNITS * n * MACHINE_EPS * (o[0] ?? 0));
      for (let i = 0; i < n; i++) {
        expect(got[i]!).toBeGreaterThanOrEqual(0);
        if (i > 0) expect(got[i]!).toBeLessThanOrEqual(got[i - 1]!);
      }
    },
  );

  test.prop([bidiagonal], { numRuns: 200 })('converge in at most 3 sweeps per singular value', ([s, e]) => {
    // Worst seen: 2 per value over 5,000 random bidiagonals up to 13×13.
    const n = s.length;
    expect(
      bidiagonalSingularValues(Float64Array.from(s), Float64Array.from([...e, 0]), n),
    ).toBeLessThanOrEqual(3 * n);
  });

  test('of the 60×60 all-ones bidiagonal: 2cos(kπ/121), in at most 132 sweeps', () => {
    // Its singular values are 2cos(kπ/(2n+1)), k = 1…n. Measured: 128 sweeps. The shift from the trailing 2×2
    // converges fastest; shift 0 takes 155, the sign of e² in b flipped 137, the shift subtracted 176 (same values).
    const n = 60;
    const d = new Float64Array(n).fill(1);
    const e = new Float64Array(n).fill(1);
    const sweeps = bidiagonalSingularValues(d, e, n);
    const exact = Float64Array.from({ length: n }, (_, k) => 2 * Math.cos(((k + 1) * Math.PI) / (2 * n + 1)));
    expect(maxAbsDiff(d, exact)).toBeLessThanOrEqual(TEST_SPECTRUM_UNITS * n * MACHINE_EPS * 2);
    expect(sweeps).toBeLessThanOrEqual(132);
  });

  test.prop([bidiagonal, fc.double({ min: -1e3, max: 1e3, noNaN: true })], { numRuns: 100 })(
    'ignore e[n−1], which is outside the bidiagonal',
    ([s, e], last) => {
      expect(Array.from(run(s, e, last))).toEqual(Array.from(run(s, e)));
    },
  );

  test.prop([fc.integer({ min: 2, max: 12 }), fc.nat(11), fc.nat(11)], { numRuns: 50 })(
    'chase a zero on the diagonal out of an otherwise full bidiagonal: exactly one zero singular value',
    (n, at, other) => {
      // d = (1, 2, …), e = (1, 1, …) with d_at = 0: a zero diagonal entry makes B exactly singular, once.
      const s = Array.from({ length: n }, (_, i) => (i === at % n ? 0 : 1 + i));
      const e = Array.from({ length: n - 1 }, (_, i) => (i === other % (n - 1) ? 0.5 : 1));
      const got = run(s, e);
      const o = oracle(s, e);
      expect(maxAbsDiff(got, o)).toBeLessThanOrEqual(TEST_SPECTRUM_UNITS * n * MACHINE_EPS * o[0]!);
      expect(got[n - 1]).toBe(0);
      expect(got[n - 2]!).toBeGreaterThan(0.01);
    },
  );

  test('give up with an error, not a hang, when the iteration cannot converge (a NaN entry)', () => {
    expect(() => run([1, Number.NaN, 2], [1, 1])).toThrow(
      'bidiagonalSingularValues: QR iteration did not converge',
    );
  });

  test('of 1×1 and 0×0 are |s₀| and nothing', () => {
    expect(Array.from(run([-3], []))).toEqual([3]);
    expect(Array.from(run([], []))).toEqual([]);
  });
});
