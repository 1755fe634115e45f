/** Test-only arbitraries of sparse matrices (excluded from the build by tsconfig.build.json). */
import fc from 'fast-check';
import { type DenseMatrix, dense } from '../matrix.js';

/** An entry that is exactly 0 three times in four, else k/8 for an integer k in [−40, 40]. */
const sparseEntry = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.integer({ min: -40, max: 40 }).map((k) => k / 8), weight: 1 },
);

/**
 * Mostly-zero n×n matrices, 1 ≤ n ≤ maxSize (three in four entries exactly 0, the rest k/8): columns and rows that
 * are already reduced, split blocks and zero diagonals, which send the reductions and the QR iterations down their
 * early-exit and deflation branches.
 */
export function mostlyZeroSquare(maxSize: number): fc.Arbitrary<DenseMatrix> {
  return fc
    .integer({ min: 1, max: maxSize })
    .chain((n) =>
      fc
        .array(sparseEntry, { minLength: n * n, maxLength: n * n })
        .map((xs) => dense(n, n, Float64Array.from(xs))),
    );
}
