import { requireShape } from './checks.js';
import type { DenseMatrix } from './matrix.js';
import { numericalRank, rankIsDecidable } from './numericalRank.js';
import { MACHINE_EPS } from './tolerances.js';
import { GRAM_WASM } from './wasm/gramBytes.js';
import { ensureMemory, lazyKernel, type WasmMemory } from './wasm/load.js';

/** Unit roundoff of float64 with round-to-nearest, u = ε/2 = 2^-53: the u of Higham's γ_j = j·u/(1 − j·u). */
const UNIT_ROUNDOFF = MACHINE_EPS / 2;

/**
 * docs/derivations.md#certified-full-rank: κ = GRAM_BOUND_FACTOR·(N + k + 2)·u·T̂ bounds every rounding error of
 * the test (the Gram product, the shift, the Cholesky factorisation) with room to spare: their sum is at most
 * 1.031·(N + k + 2)·u·T̂ whenever N·u ≤ 0.009 (N ≤ 8·10¹³, any matrix that fits in memory), and the remaining
 * 1.8 % covers the bound's own arithmetic and underflow (see GRAM_TRACE_RANGE).
 */
export const GRAM_BOUND_FACTOR = 1.05;

/**
 * The test runs only when the computed trace T̂ = fl(‖A‖_F²) lies in [2^-500, 2^500] (else the SVD decides): then
 * no product in the Gram matrix or its Cholesky factor overflows (entries ≤ 2^250, products ≤ 2^500), and
 * underflow adds at most (k·N + k²)·2^-1074 in norm, against the ≥ 2^-559 that 1.8 % of κ leaves. A NaN or
 * ±Infinity entry makes T̂ NaN or Infinity, so such a matrix always goes to the SVD, which rejects it.
 */
export const GRAM_TRACE_RANGE: readonly [number, number] = [2 ** -500, 2 ** 500];

/**
 * The fast path claims "rank = min(m, n)" only when its certified lower bound on σ_min exceeds an upper bound on
 * the SVD path's cut by this factor, so the SVD, which errs by a small multiple of max(m, n)·ε·σ_max (at most 1.9
 * units measured, 16 allowed by the tests: TEST_SPECTRUM_UNITS), would count every singular value as well: a
 * difference needs an SVD error 60 times what the tests allow.
 */
export const RANK_CERTIFY_OVER_CUT = 1e3;

/**
 * Upper bound on the SVD path's cut relative to max(m, n)·ε·√T̂: its σ̂_max is at most σ_max + 16·max(m, n)·ε·σ_max
 * ≤ ‖A‖_F·(1 + 1e-9) for any size below 10⁵, and ‖A‖_F² ≤ T̂·(1 + 2·10⁻⁹) for the computed trace T̂; 1.01 covers both.
 */
const CUT_SLACK = 1.01;

/** How `decideRank` reached its answer: the certified Gram test (full rank only) or the SVD (numericalRank). */
export type RankMethod = 'gram' | 'svd';

/** numericalRank's rank and rankIsDecidable's answer, without the singular values. */
export interface RankDecision {
  /** What numericalRank(a).rank is (numpy's default cut). */
  readonly rank: number;
  /** What rankIsDecidable(numericalRank(a)) is. */
  readonly decidable: boolean;
  readonly method: RankMethod;
}

/** A certified lower bound on σ_min(A) and the scale it is measured against. */
export interface GramBound {
  /** σ_k(A) ≥ sigmaLower, k = min(m, n) (0 when the test failed or did not run: nothing is certified then). */
  readonly sigmaLower: number;
  /** ‖A‖_F ≤ frobeniusUpper (up to CUT_SLACK), from the computed Gram trace (NaN or ±Infinity if that is). */
  readonly frobeniusUpper: number;
}

interface GramKernel {
  readonly memory: WasmMemory;
  readonly gram: (a: number, rows: number, stride: number, g: number) => void;
}

const gramKernel = lazyKernel<GramKernel>(GRAM_WASM, (exports) => ({
  memory: exports.memory as WasmMemory,
  gram: exports.gram as GramKernel['gram'],
}));

/**
 * numericalRank(a).rank and rankIsDecidable of it, faster where A has full rank with room to spare: a certified
 * Gram test (gramLowerBound) proves σ_min(A) ≥ RANK_CERTIFY_OVER_CUT × the SVD's cut and answers rank = min(m, n)
 * (decidable: nothing lies on the other side); otherwise, and for rank-deficient or nearly deficient matrices, it
 * runs numericalRank. Either way the answer is numericalRank's (docs/derivations.md#certified-full-rank).
 * Costs k²·N flops for the Gram matrix against 2k²N + 8k³/3 for the SVD (k = min(m, n), N = max(m, n)).
 *
 * Throws NonFiniteError on NaN/±Infinity entries, as numericalRank does.
 */
export function decideRank(a: DenseMatrix): RankDecision {
  requireShape('decideRank', 'matrix', a);
  if (Math.min(a.rows, a.cols) > 0 && certifiesFullRank(gramLowerBound(a), a.rows, a.cols)) {
    return { rank: Math.min(a.rows, a.cols), decidable: true, method: 'gram' };
  }
  const ranked = numericalRank(a);
  return { rank: ranked.rank, decidable: rankIsDecidable(ranked), method: 'svd' };
}

/**
 * Does the bound prove numericalRank's answer "rank = min(m, n)"? Only when σ_min ≥ sigmaLower > 0 clears the upper
 * bound max(m, n)·ε·frobeniusUpper on the SVD path's cut by RANK_CERTIFY_OVER_CUT (NaN never does).
 */
export function certifiesFullRank(bound: GramBound, rows: number, cols: number): boolean {
  const cutUpper = bound.frobeniusUpper * Math.max(rows, cols) * MACHINE_EPS;
  return bound.sigmaLower > 0 && bound.sigmaLower >= RANK_CERTIFY_OVER_CUT * cutUpper;
}

/**
 * A certified lower bound on σ_k(A), k = min(m, n) ≥ 1 (docs/derivations.md#certified-full-rank). A is laid out wide
 * (k rows of length N; Aᵀ for a tall A); Ĝ = fl(A·Aᵀ), T̂ = Σ Ĝ_ii, κ = GRAM_BOUND_FACTOR·(N + k + 2)·u·T̂. If T̂
 * lies in GRAM_TRACE_RANGE and the floating-point Cholesky factorisation of fl(Ĝ − 2κ·I) runs to completion, then
 * λ_min(A·Aᵀ) ≥ κ and σ_k(A) ≥ √κ; otherwise sigmaLower = 0. Entries are not checked: NaN or ±Infinity give 0.
 */
export function gramLowerBound(a: DenseMatrix, useKernel = true): GramBound {
  const { rows: m, cols: n } = a;
  const k = Math.min(m, n);
  const wide = Math.max(m, n);
  // Rows padded to a multiple of 4 and to an even stride with zeros, which change no sum (the kernel's layout).
  const rows = 4 * Math.ceil(k / 4);
  const stride = 2 * Math.ceil(wide / 2);
  const g = wideGram(a.data, m, n, rows, stride, useKernel);
  let trace = 0;
  for (let i = 0; i < k; i++) trace += g[i * rows + i]!;
  const frobeniusUpper = CUT_SLACK * Math.sqrt(trace);
  if (!(trace >= GRAM_TRACE_RANGE[0] && trace <= GRAM_TRACE_RANGE[1]))
    return { sigmaLower: 0, frobeniusUpper };
  const kappa = GRAM_BOUND_FACTOR * (wide + k + 2) * UNIT_ROUNDOFF * trace;
  for (let i = 0; i < k; i++) g[i * rows + i]! -= 2 * kappa;
  if (!choleskyLower(g, k, rows)) return { sigmaLower: 0, frobeniusUpper };
  return { sigmaLower: Math.sqrt(kappa), frobeniusUpper };
}

/**
 * The lower triangle of Ĝ = fl(B·Bᵀ), B = A laid out wide (Aᵀ for a tall A) in `rows` × `stride` with zero
 * padding, as a rows×rows row-major array (entries above the diagonal are not meaningful). In the WebAssembly
 * SIMD kernel where it exists (then a view of its memory, valid until the next call), else (or with `useKernel`
 * false, for the tests) in plain JavaScript.
 */
export function wideGram(
  data: Float64Array,
  m: number,
  n: number,
  rows: number,
  stride: number,
  useKernel = true,
): Float64Array {
  const k = Math.min(m, n);
  const gk = useKernel ? gramKernel() : null;
  const gBytes = 8 * rows * rows;
  const aBytes = 8 * rows * stride;
  let b: Float64Array;
  if (gk === null) {
    b = new Float64Array(rows * stride);
  } else {
    ensureMemory(gk.memory, aBytes + gBytes);
    b = new Float64Array(gk.memory.buffer, 0, rows * stride);
    // The padding column (N odd) must be zero; rows past k may hold anything: they reach only G's rows and
    // columns past k, which nothing reads.
    if (stride > Math.max(m, n)) for (let i = 0; i < k; i++) b[i * stride + stride - 1] = 0;
  }
  if (m <= n) {
    for (let i = 0; i < m; i++) {
      const from = i * n;
      const to = i * stride;
      for (let j = 0; j < n; j++) b[to + j] = data[from + j]!;
    }
  } else {
    for (let i = 0; i < m; i++) {
      const from = i * n;
      for (let j = 0; j < n; j++) b[j * stride + i] = data[from + j]!;
    }
  }
  if (gk !== null) {
    gk.gram(0, rows, stride, aBytes);
    return new Float64Array(gk.memory.buffer, aBytes, rows * rows);
  }
  const g = new Float64Array(rows * rows);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let c = 0; c < stride; c++) s += b[i * stride + c]! * b[j * stride + c]!;
      g[i * rows + j] = s;
    }
  }
  return g;
}

/**
 * In-place Cholesky factorisation of the k×k leading block of `h` (row stride `stride`, lower triangle read and
 * overwritten). Returns false as soon as a pivot is not a positive finite number. When it returns true, whatever
 * the order of its inner products, Higham's Theorem 10.3 applies (its proof uses only that the algorithm ran to
 * completion): R·Rᵀ = H + ΔH, |ΔH| ≤ γ_{k+1}·|R|·|Rᵀ|, so λ_min(H) ≥ −γ_{k+1}·tr(H)/(1 − γ_{k+1}).
 */
export function choleskyLower(h: Float64Array, k: number, stride: number): boolean {
  for (let i = 0; i < k; i++) {
    const ri = i * stride;
    for (let j = 0; j <= i; j++) {
      const rj = j * stride;
      // h_ij − Σ_{t<j} r_it·r_jt, the sum in four interleaved parts
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t = 0;
      for (; t + 3 < j; t += 4) {
        s0 += h[ri + t]! * h[rj + t]!;
        s1 += h[ri + t + 1]! * h[rj + t + 1]!;
        s2 += h[ri + t + 2]! * h[rj + t + 2]!;
        s3 += h[ri + t + 3]! * h[rj + t + 3]!;
      }
      for (; t < j; t++) s0 += h[ri + t]! * h[rj + t]!;
      const s = h[ri + j]! - (s0 + s1 + (s2 + s3));
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return false;
        h[ri + i] = Math.sqrt(s);
      } else {
        h[ri + j] = s / h[rj + j]!;
      }
    }
  }
  return true;
}
