import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { NonFiniteError, ShapeError, UserError } from '../errors.js';
import {
  finiteMaxAbs,
  requireFinite,
  requireFiniteMatrix,
  requireSquare,
  requireTolerance,
} from './checks.js';
import { dense, fromRows } from './matrix.js';

const finiteEntries = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 12 });
const bad = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

describe('argument checks', () => {
  test.prop([finiteEntries])('finiteMaxAbs is max |a_ij| of a finite matrix (0 when empty)', (xs) => {
    const a = dense(1, xs.length, Float64Array.from(xs));
    expect(finiteMaxAbs('f', 'matrix', a)).toBe(xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0));
    expect(() => requireFiniteMatrix('f', 'matrix', a)).not.toThrow();
  });

  test.prop([finiteEntries, fc.nat(), bad])(
    'a NaN or ±Infinity anywhere is a NonFiniteError naming the first such entry',
    (xs, at, v) => {
      const i = xs.length === 0 ? 0 : at % (xs.length + 1);
      const data = Float64Array.from([...xs.slice(0, i), v, ...xs.slice(i)]);
      const message = `f: vector has a non-finite entry ${i} (${v})`;
      expect(() => requireFinite('f', 'vector', data)).toThrow(new NonFiniteError(message));
      const cols = 3;
      const padded = Float64Array.from(
        { length: Math.ceil(data.length / cols) * cols },
        (_, k) => data[k] ?? 0,
      );
      const a = dense(padded.length / cols, cols, padded);
      const where = `entry (${Math.floor(i / cols)}, ${i % cols})`;
      expect(() => finiteMaxAbs('g', 'matrix', a)).toThrow(
        new NonFiniteError(`g: matrix has a non-finite ${where} (${v})`),
      );
      expect(() => requireFiniteMatrix('g', 'matrix', a)).toThrow(
        new NonFiniteError(`g: matrix has a non-finite ${where} (${v})`),
      );
    },
  );

  test('without a column count (or with 0 columns) the entry is named by its flat index', () => {
    expect(() => requireFinite('f', 'vector', [1, Number.NaN])).toThrow(
      'f: vector has a non-finite entry 1 (NaN)',
    );
    expect(() => requireFinite('f', 'vector', [Number.NaN], 0)).toThrow(
      'f: vector has a non-finite entry 0 (NaN)',
    );
  });

  test('a hand-built matrix whose data does not fit its shape is a ShapeError', () => {
    const a = { rows: 2, cols: 2, data: new Float64Array(3) };
    const message = 'f: matrix has 3 entries, expected 4 for 2×2';
    expect(() => finiteMaxAbs('f', 'matrix', a)).toThrow(new ShapeError(message));
    expect(() => requireFiniteMatrix('f', 'matrix', a)).toThrow(new ShapeError(message));
  });

  test('a tolerance is a finite number ≥ 0', () => {
    for (const tol of [0, Number.MIN_VALUE, 1, 1e300]) expect(() => requireTolerance('f', tol)).not.toThrow();
    for (const tol of [-Number.MIN_VALUE, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => requireTolerance('f', tol)).toThrow(
        new UserError(`f: tolerance must be a finite number ≥ 0, got ${tol}`),
      );
    }
  });

  test('requireSquare accepts n×n and names any other shape', () => {
    expect(() => requireSquare('f', dense(3, 3))).not.toThrow();
    expect(() => requireSquare('f', dense(0, 0))).not.toThrow();
    expect(() => requireSquare('f', fromRows([[1, 2]]))).toThrow(
      new ShapeError('f: matrix is 1×2, expected a square matrix'),
    );
  });
});
