import { ShapeError, shapeText } from '../errors.js';

/** A dense row-major matrix: entry (i, j) is `data[i * cols + j]`. */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A rows×cols matrix; zero-filled unless `data` (row-major, length rows·cols) is given. */
export function dense(rows: number, cols: number, data?: Float64Array): DenseMatrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new ShapeError(`matrix shape must be two non-negative integers, got ${rows}×${cols}`);
  }
  if (data === undefined) return { rows, cols, data: new Float64Array(rows * cols) };
  if (data.length !== rows * cols) {
    throw new ShapeError(
      `matrix data has ${data.length} entries, expected ${rows * cols} for ${shapeText(rows, cols)}`,
    );
  }
  return { rows, cols, data };
}

/** From nested arrays (each row the same length). */
export function fromRows(rows: readonly (readonly number[])[]): DenseMatrix {
  const m = rows.length;
  const n = m === 0 ? 0 : rows[0]!.length;
  const out = dense(m, n);
  for (let i = 0; i < m; i++) {
    const row = rows[i]!;
    if (row.length !== n) throw new ShapeError(`row ${i} has ${row.length} entries, expected ${n}`);
    for (let j = 0; j < n; j++) out.data[i * n + j] = row[j]!;
  }
  return out;
}

/** To nested arrays (for JSON). */
export function toRows(a: DenseMatrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++) out.push(Array.from(a.data.subarray(i * a.cols, (i + 1) * a.cols)));
  return out;
}
