import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { NonFiniteError, ShapeError } from '../errors.js';
import { type DenseMatrix, dense, fromRows } from './matrix.js';
import { numericalRank, rankIsDecidable } from './numericalRank.js';
import { matmul, transpose } from './ops.js';
import {
  certifiesFullRank,
  choleskyLower,
  decideRank,
  GRAM_BOUND_FACTOR,
  GRAM_TRACE_RANGE,
  gramLowerBound,
  RANK_CERTIFY_OVER_CUT,
  wideGram,
} from './rankDecision.js';
import { singularValues } from './singularValues.js';
import { gaussianMatrix, lowRankMatrix, withSingularValues } from './testing/matrices.js';
import { MACHINE_EPS, TEST_IDENTITY_RTOL, TEST_SPECTRUM_UNITS } from './tolerances.js';

const dims = fc.integer({ min: 1, max: 20 });
const seed = fc.integer({ min: 0, max: 1_000_000 });

/** What the SVD path says: numericalRank's rank and rankIsDecidable of it. */
function svdAnswer(a: DenseMatrix): { rank: number; decidable: boolean } {
  const ranked = numericalRank(a);
  return { rank: ranked.rank, decidable: rankIsDecidable(ranked) };
}

/**
 * m×n with prescribed singular values: σ_1 = 1, the middle ones in [0.1, 1], then `zeros` exact zeros, and the
 * smallest kept one at 10^t times numpy's cut max(m, n)·ε (t < 0: below the cut).
 */
function nearDeficient(m: number, n: number, zeros: number, t: number, s: number): DenseMatrix {
  const k = Math.min(m, n);
  const kept = Math.max(1, k - zeros);
  const sigma = Array.from({ length: k }, (_, i) => (i < kept ? 1 - (0.9 * i) / Math.max(kept, 1) : 0));
  if (kept > 1) sigma[kept - 1] = 10 ** t * Math.max(m, n) * MACHINE_EPS;
  return withSingularValues(m, n, sigma, s);
}

describe('decideRank', () => {
  test.prop(
    [dims, dims, fc.integer({ min: 0, max: 3 }), fc.double({ min: -3, max: 10, noNaN: true }), seed],
    {
      numRuns: 200,
    },
  )(
    'gives numericalRank’s rank and decidability on full-rank, deficient and nearly deficient matrices (known σ)',
    (m, n, zeros, t, s) => {
      const a = nearDeficient(m, n, zeros, t, s);
      const decided = decideRank(a);
      expect({ rank: decided.rank, decidable: decided.decidable }).toEqual(svdAnswer(a));
      if (decided.method === 'gram') expect(decided.rank).toBe(Math.min(m, n));
    },
  );

  test.prop([dims, dims, fc.integer({ min: 0, max: 20 }), seed], { numRuns: 150 })(
    'a product of Gaussian factors (m×r)(r×n): rank min(r, m, n), certified only when that is min(m, n)',
    (m, n, r, s) => {
      const a = lowRankMatrix(m, n, r, s);
      const decided = decideRank(a);
      expect(decided.rank).toBe(Math.min(r, m, n));
      expect({ rank: decided.rank, decidable: decided.decidable }).toEqual(svdAnswer(a));
      if (r < Math.min(m, n)) expect(decided.method).toBe('svd');
    },
  );

  test.prop([dims, fc.integer({ min: 0, max: 40 }), fc.boolean(), seed], { numRuns: 150 })(
    'a Gaussian matrix (wide or tall) is decided by the certified Gram test: full rank, decidable',
    (k, extra, tall, s) => {
      const a = tall ? gaussianMatrix(k + extra, k, s) : gaussianMatrix(k, k + extra, s);
      // Square Gaussian matrices can be ill-conditioned (σ_min ~ 1/√n, sometimes far less): only require the fast
      // path where the shape keeps σ_min ≥ √N − √k well clear of its threshold.
      const decided = decideRank(a);
      expect(decided.rank).toBe(k);
      expect(decided.decidable).toBe(true);
      if (extra >= 4) expect(decided.method).toBe('gram');
    },
  );

  test('the bench’s shape: a 64×321 Gaussian matrix and its transpose are decided by the Gram test', () => {
    const a = gaussianMatrix(64, 321, 7);
    expect(decideRank(a)).toEqual({ rank: 64, decidable: true, method: 'gram' });
    expect(decideRank(transpose(a))).toEqual({ rank: 64, decidable: true, method: 'gram' });
  });

  test('rank 0 for the zero and empty matrices, as numericalRank', () => {
    for (const a of [dense(3, 4), dense(0, 4), dense(2, 0)]) {
      expect(decideRank(a)).toEqual({ rank: 0, decidable: true, method: 'svd' });
    }
  });

  test('tiny and huge scales: the Gram test runs only where nothing over- or underflows, else the SVD answers', () => {
    const a = gaussianMatrix(6, 9, 3);
    for (const f of [2 ** -1060, 1e-300, 2 ** -240, 2 ** 240, 1e300]) {
      const scaled = dense(
        6,
        9,
        a.data.map((x) => x * f),
      );
      const inRange = f >= 2 ** -240 && f <= 2 ** 240;
      expect(decideRank(scaled)).toEqual({ rank: 6, decidable: true, method: inRange ? 'gram' : 'svd' });
    }
  });

  test('the trace range is closed at both ends (no overflow in the products, underflow far below κ)', () => {
    // One entry 2^±250: T̂ = 2^±500 exactly, the ends of GRAM_TRACE_RANGE.
    for (const [v, expected] of [
      [2 ** -250, 'gram'],
      [2 ** 250, 'gram'],
      [2 ** -250.5, 'svd'],
      [2 ** 250.5, 'svd'],
    ] as const) {
      expect(decideRank(fromRows([[v]])).method).toBe(expected);
    }
    expect(GRAM_TRACE_RANGE).toEqual([2 ** -500, 2 ** 500]);
  });

  test('gramLowerBound outside the trace range certifies nothing and still reports the norm bound', () => {
    for (const v of [2 ** -251, 2 ** 251]) {
      for (const useKernel of [true, false]) {
        expect(gramLowerBound(fromRows([[v, 0]]), useKernel)).toEqual({
          sigmaLower: 0,
          frobeniusUpper: 1.01 * v,
        });
      }
    }
  });

  test.prop(
    [
      dims,
      dims,
      seed,
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      fc.nat(),
    ],
    { numRuns: 100 },
  )('a NaN or ±Infinity entry never passes: NonFiniteError, as numericalRank', (m, n, s, bad, at) => {
    const a = gaussianMatrix(m, n, s);
    a.data[at % a.data.length] = bad;
    expect(() => decideRank(a)).toThrow(NonFiniteError);
    expect(() => numericalRank(a)).toThrow(NonFiniteError);
  });

  it('rejects a matrix whose data does not match its shape', () => {
    expect(() => decideRank({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(ShapeError);
    expect(() => decideRank({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(
      'decideRank: matrix has 3 entries',
    );
  });

  it('certifiesFullRank: σ-bound ≥ 1e3 × max(m, n)·ε·‖A‖_F-bound, strictly positive, never NaN', () => {
    const cut = (f: number, m: number, n: number) => f * Math.max(m, n) * MACHINE_EPS;
    const at = RANK_CERTIFY_OVER_CUT * cut(2, 3, 5);
    expect(certifiesFullRank({ sigmaLower: at, frobeniusUpper: 2 }, 3, 5)).toBe(true);
    expect(certifiesFullRank({ sigmaLower: at, frobeniusUpper: 2 }, 5, 3)).toBe(true);
    expect(certifiesFullRank({ sigmaLower: at * (1 - 1e-15), frobeniusUpper: 2 }, 3, 5)).toBe(false);
    expect(certifiesFullRank({ sigmaLower: at, frobeniusUpper: 2 }, 3, 6)).toBe(false);
    expect(certifiesFullRank({ sigmaLower: at, frobeniusUpper: 2 * (1 + 1e-15) }, 3, 5)).toBe(false);
    expect(certifiesFullRank({ sigmaLower: 0, frobeniusUpper: 0 }, 3, 5)).toBe(false);
    expect(certifiesFullRank({ sigmaLower: 1, frobeniusUpper: Number.NaN }, 3, 5)).toBe(false);
    expect(certifiesFullRank({ sigmaLower: Number.NaN, frobeniusUpper: 1 }, 3, 5)).toBe(false);
    expect(RANK_CERTIFY_OVER_CUT).toBe(1e3);
  });

  it('the Gram path and the SVD agree where the bound is tight: a random 64×321 Jacobian-like matrix', () => {
    const a = gaussianMatrix(64, 321, 11);
    const bound = gramLowerBound(a);
    expect(bound.sigmaLower).toBeGreaterThan(0);
    // √κ for N = 321, k = 64: the bound is the formula's value, not something larger.
    const kappa = GRAM_BOUND_FACTOR * (321 + 64 + 2) * (MACHINE_EPS / 2) * (bound.frobeniusUpper / 1.01) ** 2;
    expect(bound.sigmaLower).toBeCloseTo(Math.sqrt(kappa), 12);
    expect(bound.sigmaLower).toBeLessThanOrEqual(singularValues(a)[63]!);
  });
});

describe('gramLowerBound', () => {
  test.prop(
    [
      dims,
      dims,
      fc.array(fc.double({ min: -8, max: 0, noNaN: true }), { minLength: 20, maxLength: 20 }),
      seed,
    ],
    {
      numRuns: 200,
    },
  )(
    'never exceeds σ_min (prescribed singular values 10^x, up to the construction’s rounding)',
    (m, n, logs, s) => {
      const k = Math.min(m, n);
      const sigma = logs.slice(0, k).map((x) => 10 ** x);
      const a = withSingularValues(m, n, sigma, s);
      const sMin = Math.min(...sigma);
      const sMax = Math.max(...sigma);
      // U·Σ·Vᵀ in floating point has singular values within a few max(m, n)·ε·σ_max of Σ's.
      const slack = TEST_SPECTRUM_UNITS * Math.max(m, n) * MACHINE_EPS * sMax;
      for (const useKernel of [true, false]) {
        const { sigmaLower, frobeniusUpper } = gramLowerBound(a, useKernel);
        expect(sigmaLower).toBeLessThanOrEqual(sMin + slack);
        expect(sigmaLower).toBeGreaterThanOrEqual(0);
        const frobenius = Math.sqrt(sigma.reduce((t, x) => t + x * x, 0));
        expect(frobeniusUpper).toBeGreaterThanOrEqual(frobenius * (1 - TEST_IDENTITY_RTOL));
        expect(frobeniusUpper).toBeLessThanOrEqual(frobenius * 1.02);
      }
    },
  );

  test.prop([dims, dims, seed], { numRuns: 100 })(
    'certifies a well-conditioned matrix: the bound is within √κ-size of σ_min, not vacuous',
    (m, n, s) => {
      const k = Math.min(m, n);
      const sigma = Array.from({ length: k }, (_, i) => 1 - i / (2 * k));
      const a = withSingularValues(m, n, sigma, s);
      const { sigmaLower, frobeniusUpper } = gramLowerBound(a);
      const kappa = GRAM_BOUND_FACTOR * (Math.max(m, n) + k + 2) * (MACHINE_EPS / 2) * frobeniusUpper ** 2;
      expect(sigmaLower).toBeGreaterThan(0);
      // The certified value is √κ itself (σ_min² ≫ 2κ here), at most about twice the rounding of the scale.
      expect(sigmaLower).toBeLessThanOrEqual(Math.sqrt(kappa) * 2);
      expect(sigmaLower).toBeGreaterThanOrEqual(
        RANK_CERTIFY_OVER_CUT * Math.max(m, n) * MACHINE_EPS * frobeniusUpper,
      );
    },
  );

  test.prop([dims, dims, fc.double({ min: -1.5, max: 1.5, noNaN: true }), seed], { numRuns: 200 })(
    'at its threshold (σ_min = 10^x·√κ): sound, and it fails well below √κ',
    (m, n, x, s) => {
      const k = Math.min(m, n);
      const sigma = Array.from({ length: k }, (_, i) => 1 - i / (2 * k));
      const frobenius2 = sigma.reduce((t, v) => t + v * v, 0);
      const rootKappa = Math.sqrt(
        GRAM_BOUND_FACTOR * (Math.max(m, n) + k + 2) * (MACHINE_EPS / 2) * frobenius2,
      );
      sigma[k - 1] = 10 ** x * rootKappa;
      const a = withSingularValues(m, n, sigma, s);
      const slack = TEST_SPECTRUM_UNITS * Math.max(m, n) * MACHINE_EPS;
      for (const useKernel of [true, false]) {
        const { sigmaLower } = gramLowerBound(a, useKernel);
        expect(sigmaLower).toBeLessThanOrEqual(sigma[k - 1]! + slack);
        // (k = 1: σ_min is ‖A‖_F itself, always far above √κ.) λ_min(G) = σ_min² ≤ κ/10 < 2κ − (rounding): the
        // shifted Cholesky must fail.
        if (k > 1 && x <= -0.5) expect(sigmaLower).toBe(0);
        // σ_min² ≥ 10κ > 2κ + (rounding, far below κ in practice): it succeeds and reports about √κ.
        if (k > 1 && x >= 0.5) expect(sigmaLower).toBeGreaterThan(0.5 * rootKappa);
      }
    },
  );

  test('fails (returns 0) on a rank-deficient matrix and on one whose σ_min is below √κ', () => {
    const deficient = lowRankMatrix(8, 12, 5, 1);
    expect(gramLowerBound(deficient).sigmaLower).toBe(0);
    const near = withSingularValues(8, 12, [1, 1, 1, 1, 1, 1, 1, 1e-9], 2);
    expect(gramLowerBound(near).sigmaLower).toBe(0);
    expect(gramLowerBound(near, false).sigmaLower).toBe(0);
  });

  test.prop([fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 13 }), seed], { numRuns: 100 })(
    'the WebAssembly and JavaScript Gram products agree (lower triangle, padding ignored) and match AAᵀ',
    (m, n, s) => {
      const a = gaussianMatrix(m, n, s);
      const k = Math.min(m, n);
      const rows = 4 * Math.ceil(k / 4);
      const stride = 2 * Math.ceil(Math.max(m, n) / 2);
      const simd = wideGram(a.data, m, n, rows, stride, true).slice();
      const plain = wideGram(a.data, m, n, rows, stride, false);
      const exact = m <= n ? matmul(a, transpose(a)) : matmul(transpose(a), a);
      for (let i = 0; i < k; i++) {
        for (let j = 0; j <= i; j++) {
          const want = exact.data[i * k + j]!;
          const scaleOf = Math.sqrt(exact.data[i * k + i]! * exact.data[j * k + j]!);
          expect(Math.abs(simd[i * rows + j]! - want)).toBeLessThanOrEqual(TEST_IDENTITY_RTOL * scaleOf);
          expect(Math.abs(plain[i * rows + j]! - want)).toBeLessThanOrEqual(TEST_IDENTITY_RTOL * scaleOf);
        }
      }
    },
  );
});

describe('choleskyLower', () => {
  it('factors a positive definite matrix in place (R·Rᵀ = H) and refuses an indefinite, singular or NaN one', () => {
    const h = fromRows([
      [4, 0, 0, 0],
      [2, 5, 0, 0],
      [0, 0, 0, 0],
    ]);
    // 2×2 leading block [[4, 2], [2, 5]] at stride 4: R = [[2, 0], [1, 2]].
    expect(choleskyLower(h.data, 2, 4)).toBe(true);
    expect(Array.from(h.data.subarray(0, 6))).toEqual([2, 0, 0, 0, 1, 2]);
    expect(choleskyLower(Float64Array.from([1, 0, 2, 1]), 2, 2)).toBe(false);
    expect(choleskyLower(Float64Array.from([1, 0, 1, 1]), 2, 2)).toBe(false);
    expect(choleskyLower(Float64Array.from([-1]), 1, 1)).toBe(false);
    expect(choleskyLower(Float64Array.from([Number.NaN]), 1, 1)).toBe(false);
    expect(choleskyLower(Float64Array.from([Number.POSITIVE_INFINITY]), 1, 1)).toBe(false);
    expect(choleskyLower(new Float64Array(0), 0, 0)).toBe(true);
  });

  test.prop([fc.integer({ min: 1, max: 12 }), seed], { numRuns: 50 })(
    'R·Rᵀ reproduces a Gram matrix',
    (k, s) => {
      const a = gaussianMatrix(k, k + 3, s);
      const g = matmul(a, transpose(a));
      const h = g.data.slice();
      expect(choleskyLower(h, k, k)).toBe(true);
      for (let i = 0; i < k; i++) {
        for (let j = 0; j <= i; j++) {
          let s2 = 0;
          for (let t = 0; t <= j; t++) s2 += h[i * k + t]! * h[j * k + t]!;
          expect(Math.abs(s2 - g.data[i * k + j]!)).toBeLessThanOrEqual(
            TEST_IDENTITY_RTOL * (g.data[i * k + i]! + g.data[j * k + j]!),
          );
        }
      }
    },
  );
});

describe('the Gram kernel', () => {
  it('runs the committed module compiled from gram.wat (scripts/build-wasm.js --check)', () => {
    const script = fileURLToPath(new URL('../../scripts/build-wasm.js', import.meta.url));
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the singular values it is compared with come from the SVD path (sanity of the test matrices)', () => {
    const a = withSingularValues(5, 7, [3, 2, 1, 0.5, 0.25], 9);
    const sv = singularValues(a);
    expect(sv[4]!).toBeCloseTo(0.25, 12);
  });
});
