import { requireTolerance } from './checks.js';
import type { DenseMatrix } from './matrix.js';
import { singularValues } from './singularValues.js';
import { MACHINE_EPS, RANK_UNDECIDABLE_GAP, RANK_UNDECIDABLE_RTOL } from './tolerances.js';

/** A rank decision with what it rests on, so a certificate can record it. */
export interface RankResult {
  /** Number of singular values strictly above `tol`. */
  readonly rank: number;
  /** σ_1 ≥ … ≥ σ_k, k = min(m, n). */
  readonly singularValues: Float64Array;
  /** The cut actually used. */
  readonly tol: number;
  /** σ_r / σ_{r+1}; Infinity when r = 0 or r = k (nothing on one side), or when σ_{r+1} = 0. */
  readonly gap: number;
}

/** numpy's matrix_rank default: σ_max · max(m, n) · ε, with ε = 2^-52. */
export function defaultRankTolerance(rows: number, cols: number, sigmaMax: number): number {
  return sigmaMax * Math.max(rows, cols) * MACHINE_EPS;
}

/**
 * Numerical rank of A (m×n): the number of singular values above
 * tol = σ_max · max(m, n) · ε  (numpy's default; ε = 2^-52), or above the given `tol` (≥ 0).
 * Returns the singular values too, so callers can record the gap σ_r / σ_{r+1}.
 *
 * Throws NonFiniteError on NaN/±Infinity entries, UserError for a negative or non-finite `tol`.
 */
export function numericalRank(a: DenseMatrix, tol?: number): RankResult {
  if (tol !== undefined) requireTolerance('numericalRank', tol);
  const sv = singularValues(a);
  const cut = tol ?? defaultRankTolerance(a.rows, a.cols, sv[0] ?? 0);
  let rank = 0;
  while (rank < sv.length && sv[rank]! > cut) rank++;
  const gap = rank === 0 || rank === sv.length ? Number.POSITIVE_INFINITY : sv[rank - 1]! / sv[rank]!;
  return { rank, singularValues: sv, tol: cut, gap };
}

/**
 * docs/derivations.md#numeric-conventions: a rank is undecidable when the last kept singular value is tiny,
 * σ_r < RANK_UNDECIDABLE_RTOL · σ_max, and nothing separates it from the next, σ_r / σ_{r+1} <
 * RANK_UNDECIDABLE_GAP. Rank 0 and full rank (gap = Infinity) are always decidable. Claims should
 * discard (fc.pre) samples whose rank is undecidable rather than assert on them.
 */
export function rankIsDecidable(result: RankResult): boolean {
  if (result.rank === 0) return true;
  const sigmaMax = result.singularValues[0]!;
  const sigmaR = result.singularValues[result.rank - 1]!;
  return !(sigmaR < RANK_UNDECIDABLE_RTOL * sigmaMax && result.gap < RANK_UNDECIDABLE_GAP);
}
