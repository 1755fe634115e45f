import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { NonFiniteError, UserError } from '../errors.js';
import { dense, fromRows } from './matrix.js';
import { defaultRankTolerance, numericalRank, type RankResult, rankIsDecidable } from './numericalRank.js';
import { matmul } from './ops.js';
import {
  gaussianMatrix,
  lowRankMatrix,
  scaledIntegerMatrix,
  withSingularValues,
} from './testing/matrices.js';
import { MACHINE_EPS, RANK_UNDECIDABLE_GAP, RANK_UNDECIDABLE_RTOL } from './tolerances.js';

const dims = fc.integer({ min: 1, max: 24 });
const seed = fc.integer({ min: 0, max: 1_000_000 });

/** A rank result with prescribed singular values (for the decidability rule alone). */
function resultFor(singular: number[], rank: number): RankResult {
  const sv = Float64Array.from(singular);
  const gap = rank === 0 || rank === sv.length ? Number.POSITIVE_INFINITY : sv[rank - 1]! / sv[rank]!;
  return { rank, singularValues: sv, tol: 0, gap };
}

describe('numericalRank', () => {
  test.prop([dims, dims, fc.integer({ min: 0, max: 24 }), seed], { numRuns: 200 })(
    'a product of Gaussian factors (m×r)(r×n) has numerical rank min(r, m, n)',
    (m, n, r, s) => {
      const a = lowRankMatrix(m, n, r, s);
      expect(numericalRank(a).rank).toBe(Math.min(r, m, n));
    },
  );

  test.prop([dims, fc.integer({ min: 0, max: 24 }), seed], { numRuns: 200 })(
    'a Gaussian n×p matrix with p ≥ n has rank n, and its rank is decidable',
    (n, extra, s) => {
      const result = numericalRank(gaussianMatrix(n, n + extra, s));
      expect(result.rank).toBe(n);
      expect(result.gap).toBe(Number.POSITIVE_INFINITY);
      expect(rankIsDecidable(result)).toBe(true);
    },
  );

  test.prop(
    [
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 64, maxLength: 64 }),
      fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 64, maxLength: 64 }),
    ],
    { numRuns: 300 },
  )(
    'an exact product of scaled-integer factors (m×r)(r×n) never has rank above r or min(m, n)',
    (m, n, r, f, g) => {
      // Entries k/8 with |k| ≤ 40 and r ≤ 4 terms: the product is computed exactly, so its true rank is ≤ r.
      const a = matmul(scaledIntegerMatrix(m, r, f, 8), scaledIntegerMatrix(r, n, g, 8));
      const { rank, singularValues } = numericalRank(a);
      expect(rank).toBeLessThanOrEqual(Math.min(r, m, n));
      expect(singularValues.length).toBe(Math.min(m, n));
    },
  );

  test.prop([dims, dims, fc.integer({ min: 1, max: 24 }), seed], { numRuns: 100 })(
    'uses numpy’s default tol = σ_max·max(m,n)·ε and reports gap = σ_r/σ_{r+1}',
    (m, n, r, s) => {
      const result = numericalRank(lowRankMatrix(m, n, r, s));
      const sv = result.singularValues;
      expect(result.tol).toBe(sv[0]! * Math.max(m, n) * MACHINE_EPS);
      expect(result.tol).toBe(defaultRankTolerance(m, n, sv[0]!));
      const k = result.rank;
      if (k > 0 && k < sv.length) {
        expect(result.gap).toBe(sv[k - 1]! / sv[k]!);
        expect(sv[k]!).toBeLessThanOrEqual(result.tol);
      }
      if (k > 0) expect(sv[k - 1]!).toBeGreaterThan(result.tol);
    },
  );

  test('counts singular values strictly above an explicit tol', () => {
    const a = withSingularValues(6, 5, [1, 1e-3, 1e-6, 1e-9, 0], 3);
    expect(numericalRank(a, 1e-4).rank).toBe(2);
    expect(numericalRank(a, 1e-7).rank).toBe(3);
    expect(numericalRank(a).rank).toBe(4);
    expect(numericalRank(a, 1e-7).tol).toBe(1e-7);
  });

  test('resolves a singular value at 1e-13·σ_max above the default tol (max(m,n)·ε ≈ 1.3e-14 here)', () => {
    const a = withSingularValues(40, 60, [1, 0.5, 1e-13, 0, 0], 11);
    const result = numericalRank(a);
    expect(result.rank).toBe(3);
    expect(rankIsDecidable(result)).toBe(true);
  });

  test('of the zero and empty matrices is 0 with an infinite gap', () => {
    for (const a of [dense(3, 4), dense(0, 4), dense(2, 0)]) {
      const result = numericalRank(a);
      expect(result.rank).toBe(0);
      expect(result.gap).toBe(Number.POSITIVE_INFINITY);
      expect(rankIsDecidable(result)).toBe(true);
      expect(result.tol).toBe(0);
    }
  });

  test('rankIsDecidable follows docs/derivations.md#numeric-conventions: undecidable iff σ_r < 1e-8·σ_max and σ_r/σ_{r+1} < 1e3', () => {
    const tiny = RANK_UNDECIDABLE_RTOL / 10;
    // σ_r tiny and no gap: undecidable.
    expect(rankIsDecidable(resultFor([1, tiny, tiny / 10], 2))).toBe(false);
    // σ_r tiny but a gap ≥ 1e3 below it: decidable.
    expect(rankIsDecidable(resultFor([1, tiny, tiny / RANK_UNDECIDABLE_GAP], 2))).toBe(true);
    // σ_r not tiny, small gap: decidable.
    expect(rankIsDecidable(resultFor([1, 1e-3, 1e-4], 2))).toBe(true);
    // Full rank: gap is Infinity, decidable even with a tiny σ_r.
    expect(rankIsDecidable(resultFor([1, tiny], 2))).toBe(true);
  });

  test('rankIsDecidable: both thresholds are strict (σ_r = 1e-8·σ_max, or a gap of exactly 1e3, is decidable)', () => {
    const at = RANK_UNDECIDABLE_RTOL;
    expect(rankIsDecidable(resultFor([1, at, at / 10], 2))).toBe(true);
    expect(rankIsDecidable(resultFor([1, at * 0.5, at / 20], 2))).toBe(false);
    const sv = Float64Array.from([2, 1e-12, 1e-15]);
    expect(rankIsDecidable({ rank: 2, singularValues: sv, tol: 0, gap: RANK_UNDECIDABLE_GAP })).toBe(true);
    expect(rankIsDecidable({ rank: 2, singularValues: sv, tol: 0, gap: RANK_UNDECIDABLE_GAP * 0.99 })).toBe(
      false,
    );
    // The threshold is relative to σ_max: 1e-7 is tiny next to σ_max = 1e3, not next to 1.
    expect(rankIsDecidable(resultFor([1e3, 1e-7, 1e-8], 2))).toBe(false);
    expect(rankIsDecidable(resultFor([1, 1e-7, 1e-8], 2))).toBe(true);
  });

  test('a singular value equal to the tol is not counted (strictly above)', () => {
    // diag(4, 2, 1): the SVD returns these exactly (already diagonal, power-of-two entries).
    const a = fromRows([
      [4, 0, 0],
      [0, 2, 0],
      [0, 0, 1],
    ]);
    expect(Array.from(numericalRank(a).singularValues)).toEqual([4, 2, 1]);
    expect(numericalRank(a, 2).rank).toBe(1);
    expect(numericalRank(a, 1).rank).toBe(2);
    expect(numericalRank(a, 0).rank).toBe(3);
    expect(numericalRank(a, 2).gap).toBe(2);
  });

  test('rejects a negative or NaN tol with UserError and NaN entries with NonFiniteError', () => {
    const a = fromRows([[1, 2]]);
    expect(() => numericalRank(a, -1)).toThrow(UserError);
    expect(() => numericalRank(a, -1)).toThrow(
      'numericalRank: tolerance must be a finite number ≥ 0, got -1',
    );
    expect(() => numericalRank(a, Number.NaN)).toThrow(UserError);
    expect(() => numericalRank(fromRows([[Number.NaN]]))).toThrow(NonFiniteError);
  });
});
