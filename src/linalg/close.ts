/**
 * Closeness that never passes on NaN or ±Infinity (unlike tfjs's areClose, which counts NaN as close to
 * +∞): |a − b| ≤ tol · scale with every operand finite and tol·scale ≥ 0.
 */
export function isClose(a: number, b: number, tol: number, scale = 1): boolean {
  const bound = tol * scale;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(bound) || bound < 0) return false;
  return Math.abs(a - b) <= bound;
}

/** max_i |a_i − b_i|, or NaN when the lengths differ or any entry is non-finite. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.NaN;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return Number.NaN;
    const d = Math.abs(x - y);
    if (d > m) m = d;
  }
  return m;
}

/** Every |a_i − b_i| ≤ tol · scale; false on a length mismatch or any non-finite entry or bound. */
export function allClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number, scale = 1): boolean {
  const bound = tol * scale;
  if (!Number.isFinite(bound) || bound < 0) return false;
  const d = maxAbsDiff(a, b);
  return !Number.isNaN(d) && d <= bound;
}
