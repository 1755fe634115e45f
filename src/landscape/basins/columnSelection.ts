/**
 * Greedy column selection with pivoting, on sample vectors of length n (the columns of a feature matrix):
 * the primitive behind steps 2 and 3 of the Li–Ding–Sun path. An orthonormal basis of the chosen span is
 * kept (classical Gram–Schmidt applied twice, which is orthogonal to working precision).
 */

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

/** v minus its projection on span(basis) (orthonormal basis), projected twice ("twice is enough"). */
export function outsideSpan(basis: readonly Float64Array[], v: Float64Array): Float64Array {
  const out = Float64Array.from(v);
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) {
      const c = dot(q, out);
      for (let i = 0; i < out.length; i++) out[i]! -= c * q[i]!;
    }
  }
  return out;
}

/** ‖v outside span(basis)‖ / ‖v‖ (0 for a zero or non-finite vector): how independent v is of the span. */
export function independence(basis: readonly Float64Array[], v: Float64Array): number {
  const size = norm(v);
  if (!(size > 0) || !Number.isFinite(size)) return 0;
  const r = norm(outsideSpan(basis, v));
  return Number.isFinite(r) ? r / size : 0;
}

export interface ColumnSelection {
  /** Indices of the chosen columns, in the order chosen (largest independent part first). */
  readonly selected: readonly number[];
  /** Orthonormal basis of the span of the chosen columns (same order), without the starting basis. */
  readonly basis: readonly Float64Array[];
  /** ‖independent part‖ of each chosen column when it was chosen. */
  readonly residuals: readonly number[];
}

/**
 * Column-pivoted Gram–Schmidt (the pivoting of rank-revealing QR): choose columns one at a time, always the
 * one whose part outside the span of those already chosen is largest in norm, until that norm is ≤ absTol,
 * `limit` columns are chosen, or the span is all of R^n. Starts from `basis` (an orthonormal basis of a span
 * already covered; default empty). Absolute norms, as in QR with pivoting, so a column of rounding-level
 * entries never counts as independent (unlike a scale-free ratio).
 */
export function selectColumns(
  columns: readonly Float64Array[],
  options: { readonly absTol: number; readonly basis?: readonly Float64Array[]; readonly limit?: number },
): ColumnSelection {
  const start = options.basis ?? [];
  const basis: Float64Array[] = [...start];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const selected: number[] = [];
  const residuals: number[] = [];
  const taken = new Set<number>();
  const n = columns[0]?.length ?? 0;
  while (selected.length < limit && basis.length < n) {
    let best = -1;
    let bestNorm = options.absTol;
    let bestResidual: Float64Array | null = null;
    for (let k = 0; k < columns.length; k++) {
      if (taken.has(k)) continue;
      const r = outsideSpan(basis, columns[k]!);
      const size = norm(r);
      if (Number.isFinite(size) && size > bestNorm) {
        bestNorm = size;
        best = k;
        bestResidual = r;
      }
    }
    if (best < 0 || bestResidual === null) break;
    basis.push(Float64Array.from(bestResidual, (x) => x / bestNorm));
    taken.add(best);
    selected.push(best);
    residuals.push(bestNorm);
  }
  return { selected, basis: basis.slice(start.length), residuals };
}
