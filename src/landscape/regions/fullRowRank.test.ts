import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { numericalRank, singularValues } from '../../linalg/index.js';
import { seededRng } from '../../random.js';
import { choleskyInPlace } from './cholesky.js';
import {
  decideFullRowRank,
  mergeConstantColumns,
  patternRankBound,
  type RankMethod,
  svdDecision,
  termRank,
} from './fullRowRank.js';
import { rowGram } from './gram.js';
import { cellStream } from './phaseTransition.js';
import { sampleProtocolTrial, trialJacobian } from './protocol.js';
import { type FactoredJacobian, faceSplitMatrix, factoredJacobian } from './regionJacobian.js';

/** Entries k/8 for integers k: exact in binary, so the naive products below are exact too. */
const eighths = (length: number) =>
  fc.array(
    fc.integer({ min: -16, max: 16 }).map((k) => k / 8),
    { minLength: length, maxLength: length },
  );

describe('rowGram', () => {
  test.prop([fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 7 }), eighths(77)], { numRuns: 60 })(
    'equals the naive A·Aᵀ exactly on dyadic entries (every row and tile shape)',
    (rows, cols, values) => {
      const a = Float64Array.from({ length: rows * cols }, (_, k) => values[k % values.length]!);
      const g = rowGram(a, rows, cols);
      for (let i = 0; i < rows; i++) {
        for (let k = 0; k < rows; k++) {
          let s = 0;
          for (let c = 0; c < cols; c++) s += a[i * cols + c]! * a[k * cols + c]!;
          expect(g[i * rows + k]).toBe(s);
        }
      }
    },
  );
});

describe('choleskyInPlace', () => {
  test.prop([fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 40 })(
    'factors B·Bᵀ + I as R·Rᵀ (rel. err ≤ 1e-12) and rejects a matrix with a negative eigenvalue',
    (n, seed) => {
      const rng = seededRng(seed);
      const b = Float64Array.from({ length: n * n }, () => rng.normal());
      const m = rowGram(b, n, n);
      for (let i = 0; i < n; i++) m[i * n + i]! += 1;
      const r = Float64Array.from(m);
      expect(choleskyInPlace(r, n)).toBe(true);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k <= i; k++) {
          let s = 0;
          for (let t = 0; t <= k; t++) s += r[i * n + t]! * r[k * n + t]!;
          expect(Math.abs(s - m[i * n + k]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(m[i * n + i]!)));
        }
      }
      const shifted = Float64Array.from(m);
      shifted[(n - 1) * n + (n - 1)]! -= 1e6;
      expect(choleskyInPlace(shifted, n)).toBe(false);
    },
  );
});

/** A random S (relu-style: v_j on a random support) and X̃ with a bias column. */
function randomFactored(seed: number, n: number, d1: number, q: number, density: number): FactoredJacobian {
  const rng = seededRng(seed);
  const v = Float64Array.from({ length: d1 }, () => rng.normal());
  const s = Float64Array.from({ length: n * d1 }, (_, k) => (rng.uniform() < density ? v[k % d1]! : 0));
  const xt = Float64Array.from({ length: n * q }, (_, k) => (k % q === q - 1 ? 1 : rng.uniform()));
  return factoredJacobian(n, d1, q, s, xt);
}

describe('rank bounds are upper bounds of the numerical rank', () => {
  test.prop(
    [
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 2, max: 14 }),
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 1, max: 4 }),
    ],
    { numRuns: 80 },
  )('patternRankBound, termRank ≥ numericalRank(J)', (seed, n, d1, q) => {
    const f = randomFactored(seed, n, d1, q, 0.5);
    const rank = numericalRank(faceSplitMatrix(f)).rank;
    const pattern = patternRankBound(f);
    if (pattern !== 'zero-row') expect(pattern).toBeGreaterThanOrEqual(rank);
    expect(termRank(f)).toBeGreaterThanOrEqual(rank);
  });

  test.prop(
    [
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 2, max: 30 }),
      fc.integer({ min: 1, max: 40 }),
    ],
    { numRuns: 60 },
  )(
    'with one input and a bias the pattern bound is the rank (segments between breakpoints, protocol trials)',
    (seed, n, d1) => {
      const f = trialJacobian(sampleProtocolTrial(n, 1, d1, cellStream(seed, 0)));
      const bound = patternRankBound(f);
      const rank = numericalRank(faceSplitMatrix(f)).rank;
      if (bound === 'zero-row') expect(rank).toBeLessThan(n);
      else expect(bound).toBeGreaterThanOrEqual(rank);
    },
  );

  test('the Hall / term-rank bound is not the rank (docs/derivations.md#block-partition): A all ones, d0 = 1 without bias has rank 1', () => {
    const n = 5;
    const d1 = 5;
    const s = new Float64Array(n * d1).fill(1);
    const xt = Float64Array.from({ length: n }, (_, i) => i + 1);
    const f = factoredJacobian(n, d1, 1, s, xt);
    expect(termRank(f)).toBe(5);
    expect(numericalRank(faceSplitMatrix(f)).rank).toBe(1);
  });
});

describe('mergeConstantColumns', () => {
  test.prop(
    [
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 2, max: 12 }),
      fc.integer({ min: 2, max: 12 }),
    ],
    { numRuns: 50 },
  )('keeps the singular values of J (rel. 1e-12 of σ_max) while merging repeated supports', (seed, n, d1) => {
    const f = randomFactored(seed, n, 2 * d1, 2, 0.5);
    // duplicate the supports of the first d1 units in the last d1 (other v), so merges happen
    const s = Float64Array.from(f.s);
    const rng = seededRng(seed + 1);
    for (let j = 0; j < d1; j++) {
      const v = rng.normal();
      for (let i = 0; i < n; i++) s[i * 2 * d1 + d1 + j] = s[i * 2 * d1 + j] === 0 ? 0 : v;
    }
    const g = factoredJacobian(n, 2 * d1, 2, s, f.xt);
    const merged = mergeConstantColumns(g);
    expect(merged.d1).toBeLessThanOrEqual(d1);
    const a = singularValues(faceSplitMatrix(g));
    const b = singularValues(faceSplitMatrix(merged));
    const top = a[0] ?? 0;
    for (let k = 0; k < Math.min(a.length, b.length); k++)
      expect(Math.abs(a[k]! - b[k]!)).toBeLessThanOrEqual(1e-12 * (1 + top));
    for (let k = b.length; k < a.length; k++) expect(a[k]!).toBeLessThanOrEqual(1e-12 * (1 + top));
  });
});

describe('decideFullRowRank', () => {
  /**
   * Small cells of the authors' protocol around the transition (d0 = 1, 2, 3 and d0 ∝ n), 30 trials each: the
   * fast decision equals numericalRank of the plain n×p Jacobian with numpy's cut, trial by trial.
   */
  test('agrees with numericalRank of the full Jacobian on 1,530 protocol trials', () => {
    const cells: [number, number, number][] = [];
    for (const n of [6, 12, 20]) {
      for (const d1 of [2, 4, 8, 16, 30]) cells.push([n, 1, d1], [n, 2, d1], [n, 3, d1]);
      for (const d1 of [1, 2, 3, 5]) cells.push([n, Math.ceil(n / 4), d1], [n, n, d1]);
    }
    const seen = new Set<RankMethod>();
    let index = 0;
    let agreements = 0;
    for (const [n, d0, d1] of cells) {
      const uniform = cellStream(99, index++);
      for (let t = 0; t < 30; t++) {
        const f = trialJacobian(sampleProtocolTrial(n, d0, d1, uniform));
        const fast = decideFullRowRank(f);
        const reference = svdDecision(f, { mergeColumns: false });
        seen.add(fast.method);
        expect(
          fast.full,
          `n=${n} d0=${d0} d1=${d1} trial ${t}: ${fast.method} vs rank ${reference.rank}`,
        ).toBe(reference.full);
        agreements++;
      }
    }
    expect(agreements).toBe(cells.length * 30);
    for (const method of ['count', 'zero-row', 'patterns', 'cholesky'] as const)
      expect(seen.has(method), method).toBe(true);
  });

  test('agrees on random patterns and reaches the term-rank path', () => {
    const seen = new Set<RankMethod>();
    for (let seed = 0; seed < 400; seed++) {
      const rng = seededRng(seed);
      const n = rng.int(2, 14);
      const d1 = rng.int(1, 8);
      const q = rng.int(1, 4);
      const f = randomFactored(seed, n, d1, q, [0.2, 0.5, 0.9][seed % 3]!);
      const fast = decideFullRowRank(f);
      seen.add(fast.method);
      expect(fast.full).toBe(svdDecision(f, { mergeColumns: false }).full);
    }
    for (const method of ['term-rank', 'cholesky'] as const) expect(seen.has(method), method).toBe(true);
  });

  test('a certified decision is far from the cut: σ_n / tol ≥ 10³ whenever the Cholesky test accepted', () => {
    for (let seed = 0; seed < 60; seed++) {
      const f = trialJacobian(sampleProtocolTrial(15, 3, 12, cellStream(seed, 1)));
      const fast = decideFullRowRank(f);
      if (fast.method !== 'cholesky') continue;
      const reference = svdDecision(f, { mergeColumns: false });
      expect(reference.margin!).toBeGreaterThanOrEqual(1e3);
    }
  });

  test('an exactly rank-deficient J with no structural reason goes to the SVD and is deficient', () => {
    // two samples with proportional inputs and the same pattern: rows s ⊗ x̃ and s ⊗ 2x̃ (no bias)
    const s = Float64Array.from([1, 2, 1, 2, 3, 0]);
    const xt = Float64Array.from([1, 1, 2, 2, 0.5, -1]);
    const f = factoredJacobian(3, 2, 2, s, xt);
    const fast = decideFullRowRank(f);
    expect(fast).toMatchObject({ full: false, method: 'svd', rank: 2 });
    expect(numericalRank(faceSplitMatrix(f)).rank).toBe(2);
  });
});
