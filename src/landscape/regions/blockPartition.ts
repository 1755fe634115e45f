import { UserError } from '../../errors.js';
import type { Rng } from '../../random.js';

/**
 * Exact rank of an integer matrix (rows of small integers, e.g. a 0/1 activation pattern) by fraction-free
 * Gaussian elimination (Bareiss): every intermediate entry is a minor of the input, so for 0/1 matrices of
 * order ≤ 16 it stays below Hadamard's bound 17^8.5/2^16 < 2^53 and the arithmetic is exact in float64.
 */
export function exactRank(rows: readonly (readonly number[])[]): number {
  const m = rows.length;
  const n = m === 0 ? 0 : rows[0]!.length;
  if (Math.min(m, n) > 16)
    throw new UserError(`exactRank: ${m}×${n} is too large for exact float64 elimination (order ≤ 16)`);
  const a = rows.map((r) => {
    if (r.length !== n) throw new UserError(`exactRank: rows of different lengths (${r.length} and ${n})`);
    return r.map((x) => {
      if (!Number.isInteger(x)) throw new UserError(`exactRank: entries must be integers, got ${x}`);
      return x;
    });
  });
  let rank = 0;
  let previous = 1;
  for (let col = 0; col < n && rank < m; col++) {
    let pivot = -1;
    for (let r = rank; r < m; r++) {
      if (a[r]![col] !== 0) {
        pivot = r;
        break;
      }
    }
    if (pivot < 0) continue;
    [a[rank], a[pivot]] = [a[pivot]!, a[rank]!];
    const p = a[rank]!;
    for (let r = rank + 1; r < m; r++) {
      const row = a[r]!;
      for (let c = col + 1; c < n; c++) row[c] = (p[col]! * row[c]! - row[col]! * p[c]!) / previous;
      row[col] = 0;
    }
    previous = p[col]!;
    rank++;
  }
  return rank;
}

/**
 * Catalog §1.5, the block-partition sufficient condition: if the samples can be split into at most d0 groups
 * G_1…G_{d0} such that the pattern rows of each group are linearly independent (A[:, G_k] has full column rank in
 * the d1×n orientation of docs/derivations.md), then rank J_A = n for generic inputs (no bias). `pattern` is sample-major
 * n×d1 (1 = active). The search tries a greedy assignment over `tries` random sample orders (a group takes a
 * sample when its row keeps the group independent, checked exactly). Returns the partition found, or null.
 */
export function findBlockPartition(
  pattern: Uint8Array,
  n: number,
  d1: number,
  d0: number,
  rng: Rng,
  tries = 50,
): number[][] | null {
  if (pattern.length !== n * d1)
    throw new UserError(`pattern has ${pattern.length} entries, expected ${n}×${d1}`);
  const row = (i: number): number[] => Array.from(pattern.subarray(i * d1, (i + 1) * d1));
  for (let t = 0; t < tries; t++) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const groups: number[][] = Array.from({ length: d0 }, () => []);
    let placed = true;
    for (const i of order) {
      const start = rng.int(0, d0 - 1);
      let ok = false;
      for (let k = 0; k < d0 && !ok; k++) {
        const g = groups[(start + k) % d0]!;
        if (g.length >= d1) continue;
        const rows = [...g, i].map(row);
        if (exactRank(rows) === g.length + 1) {
          g.push(i);
          ok = true;
        }
      }
      if (!ok) {
        placed = false;
        break;
      }
    }
    if (placed) return groups.filter((g) => g.length > 0);
  }
  return null;
}

/**
 * The Hall-type "b-matching" bound (docs/derivations.md#block-partition warning): every sample matched to a distinct slot of a unit it
 * activates, each unit offering d0 slots. NOT the generic rank (A all ones with d0 = 1 has rank 1): kept only to
 * show, as a control, that a property using it as an oracle fails.
 */
export function bMatchingCoversAll(pattern: Uint8Array, n: number, d1: number, d0: number): boolean {
  const holders: number[][] = Array.from({ length: d1 }, () => []);
  const seen = new Uint8Array(d1);
  const augment = (i: number): boolean => {
    for (let j = 0; j < d1; j++) {
      if (pattern[i * d1 + j] !== 1 || seen[j] === 1) continue;
      seen[j] = 1;
      const held = holders[j]!;
      if (held.length < d0) {
        held.push(i);
        return true;
      }
      for (let t = 0; t < held.length; t++) {
        if (augment(held[t]!)) {
          held[t] = i;
          return true;
        }
      }
    }
    return false;
  };
  for (let i = 0; i < n; i++) {
    seen.fill(0);
    if (!augment(i)) return false;
  }
  return true;
}
