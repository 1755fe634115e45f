import { finiteMaxAbs } from './checks.js';
import type { DenseMatrix } from './matrix.js';
import { numericalRank, rankIsDecidable } from './numericalRank.js';
import { powerOfTwoScale } from './scaling.js';
import { MACHINE_EPS } from './tolerances.js';
import { GRAM_WASM } from './wasm/gramBytes.js';
import { ensureMemory, instantiateWasm, type WasmMemory } from './wasm/load.js';

/** Unit roundoff of float64 with round-to-nearest, u = ε/2 = 2^-53: the u of Higham's γ_j = j·u/(1 − j·u). */
const UNIT_ROUNDOFF = MACHINE_EPS / 2;

/**
 * docs/derivations.md#certified-full-rank: κ = GRAM_BOUND_FACTOR·(N + k + 2)·u·T̂ bounds every rounding error of
 * the test (the Gram product, the shift, the Cholesky factorisation) with room to spare: their sum is at most
 * 1.031·(N + k + 2)·u·T̂ whenever N·u ≤ 0.009 (N ≤ 8·10¹³, any matrix that fits in memory), and the remaining
 * 1.8 % covers the bound's own arithmetic and underflow (≤ k·N·2^-1074 after scaling, against u·T̂ ≥ 2^-55).
 */
export const GRAM_BOUND_FACTOR = 1.05;

/**
 * The fast path claims "rank = min(m, n)" only when its certified lower bound on σ_min exceeds an upper bound on
 * the SVD path's cut by this factor, so the SVD, which errs by a small multiple of max(m, n)·ε·σ_max (at most 1.9
 * units measured, 16 allowed by the tests: TEST_SPECTRUM_UNITS), would count every singular value as well: a
 * difference needs an SVD error 60 times what the tests allow.
 */
export const RANK_CERTIFY_OVER_CUT = 1e3;

/**
 * Upper bound on the SVD path's cut relative to max(m, n)·ε·‖A‖_F: its σ̂_max is at most σ_max + 16·max(m, n)·ε·σ_max
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
  /** σ_k(A) ≥ sigmaLower, k = min(m, n) (0 when the test failed: nothing is certified then). */
  readonly sigmaLower: number;
  /** ‖A‖_F ≤ frobeniusUpper (up to CUT_SLACK), from the computed Gram trace. */
  readonly frobeniusUpper: number;
}

interface GramKernel {
  readonly memory: WasmMemory;
  readonly gram: (a: number, rows: number, stride: number, g: number) => void;
}

let kernel: GramKernel | null | undefined;

function gramKernel(): GramKernel | null {
  if (kernel === undefined) {
    const exports = instantiateWasm(GRAM_WASM);
    kernel =
      exports === null
        ? null
        : { memory: exports.memory as WasmMemory, gram: exports.gram as GramKernel['gram'] };
  }
  return kernel;
}

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
  const amax = finiteMaxAbs('decideRank', 'matrix', a);
  const k = Math.min(a.rows, a.cols);
  if (k > 0 && amax > 0) {
    const { sigmaLower, frobeniusUpper } = gramLowerBound(a, amax);
    const cutUpper = frobeniusUpper * Math.max(a.rows, a.cols) * MACHINE_EPS;
    if (sigmaLower >= RANK_CERTIFY_OVER_CUT * cutUpper) return { rank: k, decidable: true, method: 'gram' };
  }
  const ranked = numericalRank(a);
  return { rank: ranked.rank, decidable: rankIsDecidable(ranked), method: 'svd' };
}

/**
 * A certified lower bound on σ_k(A), k = min(m, n), for a finite A whose largest |entry| is `amax` > 0
 * (docs/derivations.md#certified-full-rank). B = s·A (s a power of two, max |b| in [½, 1)), laid out wide (k rows
 * of length N, Bᵀ for a tall A); Ĝ = fl(B·Bᵀ), T̂ = Σ Ĝ_ii, κ = GRAM_BOUND_FACTOR·(N + k + 2)·u·T̂. If the
 * floating-point Cholesky factorisation of fl(Ĝ − 2κ·I) runs to completion, then λ_min(B·Bᵀ) ≥ κ and
 * σ_k(A) ≥ √κ / s; otherwise sigmaLower = 0.
 */
export function gramLowerBound(a: DenseMatrix, amax: number, useKernel = true): GramBound {
  const { rows: m, cols: n, data } = a;
  const k = Math.min(m, n);
  const wide = Math.max(m, n);
  const scale = powerOfTwoScale(amax);
  // Rows padded to a multiple of 4 and to an even stride with zeros, which change no sum (the kernel's layout).
  const rows = 4 * Math.ceil(k / 4);
  const stride = 2 * Math.ceil(wide / 2);
  const g = scaledGram(data, m, n, scale, rows, stride, useKernel);
  let trace = 0;
  for (let i = 0; i < k; i++) trace += g[i * rows + i]!;
  const frobeniusUpper = (CUT_SLACK * Math.sqrt(trace)) / scale;
  const kappa = GRAM_BOUND_FACTOR * (wide + k + 2) * UNIT_ROUNDOFF * trace;
  if (!(kappa > 0) || !Number.isFinite(kappa)) return { sigmaLower: 0, frobeniusUpper };
  for (let i = 0; i < k; i++) g[i * rows + i]! -= 2 * kappa;
  if (!choleskyLower(g, k, rows)) return { sigmaLower: 0, frobeniusUpper };
  return { sigmaLower: Math.sqrt(kappa) / scale, frobeniusUpper };
}

/**
 * The lower triangle of Ĝ = fl(B·Bᵀ), B = scale·A laid out wide (Aᵀ for a tall A) in `rows` × `stride` with zero
 * padding, as a rows×rows row-major array (entries above the diagonal are not meaningful). In the WebAssembly
 * SIMD kernel where it exists (then a view of its memory, valid until the next call), else (or with `useKernel`
 * false, for the tests) in plain JavaScript.
 */
export function scaledGram(
  data: Float64Array,
  m: number,
  n: number,
  scale: number,
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
    b.fill(0);
  }
  if (m <= n) {
    for (let i = 0; i < m; i++) {
      const from = i * n;
      const to = i * stride;
      for (let j = 0; j < n; j++) b[to + j] = data[from + j]! * scale;
    }
  } else {
    for (let i = 0; i < m; i++) {
      const from = i * n;
      for (let j = 0; j < n; j++) b[j * stride + i] = data[from + j]! * scale;
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
      let s = h[ri + j]!;
      for (let t = 0; t < j; t++) s -= h[ri + t]! * h[rj + t]!;
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
