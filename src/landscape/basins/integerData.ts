/**
 * Datasets from a genome of small integers (the claims' hypotheses are integer records, which fast-check
 * shrinks without context and which read well when shrunk). Values are integers / 4.
 */

/**
 * n inputs of dimension d whose first coordinate is strictly increasing, hence distinct ("distinct in at
 * least one dimension", Li–Ding–Sun's hypothesis): x_{i,0} = (−8 + Σ_{k ≤ i} gaps_k)/4 with gaps ≥ 1, and the
 * other coordinates xs/4 (read cyclically). `gaps` and `xs` must be non-empty.
 */
export function distinctInputs(
  gaps: readonly number[],
  xs: readonly number[],
  n: number,
  d: number,
): number[][] {
  const out: number[][] = [];
  let first = -8;
  for (let i = 0; i < n; i++) {
    first += Math.max(1, gaps[i % gaps.length]!);
    const row = [first / 4];
    for (let j = 1; j < d; j++) row.push(xs[(i * (d - 1) + j - 1) % xs.length]! / 4);
    out.push(row);
  }
  return out;
}

/** n targets of dimension dy: ys/4 read cyclically. */
export function integerTargets(ys: readonly number[], n: number, dy: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: dy }, (_, o) => ys[(i * dy + o) % ys.length]! / 4),
  );
}
