import { expect, test } from 'vitest';
import { dense } from '../../linalg/index.js';
import { loadHighs, solveProgram } from './index.js';

test('qp', async () => {
  await loadHighs();
  const Q = dense(2, 2, Float64Array.from([2, 0, 0, 2]));
  const r = solveProgram({
    n: 2,
    Q,
    c: Float64Array.from([1, 1]),
    rows: [{ a: Float64Array.from([1, 1]), op: '>=', rhs: 1 }],
  });
  expect(r.status).toBe('optimal');
  expect(r.objective).toBeCloseTo(1.5);
  const r2 = solveProgram({
    n: 1,
    Q: null,
    c: Float64Array.from([1]),
    rows: [
      { a: Float64Array.from([1]), op: '>=', rhs: 1 },
      { a: Float64Array.from([1]), op: '<=', rhs: 0 },
    ],
  });
  expect(r2.status).toBe('infeasible');
});
