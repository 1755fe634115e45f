import { NonFiniteError, ShapeError, shapeText, UserError } from '../errors.js';
import type { DenseMatrix } from './matrix.js';

/** Throws NonFiniteError naming `where`, `what` and the first entry that is NaN or ±Infinity, if any. */
export function requireFinite(where: string, what: string, data: ArrayLike<number>, cols?: number): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v - v !== 0) {
      const at =
        cols === undefined || cols === 0 ? `entry ${i}` : `entry (${Math.floor(i / cols)}, ${i % cols})`;
      throw new NonFiniteError(`${where}: ${what} has a non-finite ${at} (${v})`);
    }
  }
}

/** Shape and finiteness check for a matrix argument. */
export function requireFiniteMatrix(where: string, what: string, a: DenseMatrix): void {
  requireShape(where, what, a);
  requireFinite(where, what, a.data, a.cols);
}

/** The data length matches rows·cols (a DenseMatrix built by hand may not). */
export function requireShape(where: string, what: string, a: DenseMatrix): void {
  if (a.data.length !== a.rows * a.cols) {
    throw new ShapeError(
      `${where}: ${what} has ${a.data.length} entries, expected ${a.rows * a.cols} for ${shapeText(a.rows, a.cols)}`,
    );
  }
}

/**
 * max |a_ij| of a matrix argument after the shape check, in one branch-free pass; throws NonFiniteError
 * (naming the first offending entry) when any entry is NaN or ±Infinity.
 */
export function finiteMaxAbs(where: string, what: string, a: DenseMatrix): number {
  requireShape(where, what, a);
  const data = a.data;
  let m = 0;
  for (let i = 0; i < data.length; i++) m = Math.max(m, Math.abs(data[i]!));
  if (!Number.isFinite(m)) requireFinite(where, what, data, a.cols);
  return m;
}

/** A user tolerance must be a finite number ≥ 0. */
export function requireTolerance(where: string, tol: number): void {
  if (!(tol >= 0) || !Number.isFinite(tol)) {
    throw new UserError(`${where}: tolerance must be a finite number ≥ 0, got ${tol}`);
  }
}

/** Square-matrix check. */
export function requireSquare(where: string, a: DenseMatrix): void {
  if (a.rows !== a.cols) {
    throw new ShapeError(`${where}: matrix is ${shapeText(a.rows, a.cols)}, expected a square matrix`);
  }
}
