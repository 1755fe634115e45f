/**
 * Errors that describe bad input from a user (a file, a flag, a shape). The CLI prints the message
 * alone and exits with code 2. Internal impossibilities are plain assertions (`Error`), not these.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** Two shapes that disagree. The message names both shapes, e.g. `layer 2 weights are 3×4, expected 3×5`. */
export class ShapeError extends UserError {
  override name = 'ShapeError';
}

/** A value that must be finite is NaN or ±Infinity. */
export class NonFiniteError extends UserError {
  override name = 'NonFiniteError';
}

/** Format a shape as `rows×cols` for messages. */
export function shapeText(rows: number, cols: number): string {
  return `${rows}×${cols}`;
}
