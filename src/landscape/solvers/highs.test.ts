import * as highsModule from 'highs';
import { expect, test } from 'vitest';
import { dense } from '../../linalg/index.js';
import { programBytes, programText } from './highs.js';
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

test('a HiGHS crash on a QP is reported as an undecided solve, and the solver keeps working', async () => {
  await loadHighs();
  // A convex QP on which HiGHS 1.15.3 (WebAssembly) aborts with "memory access out of bounds".
  const Q = dense(
    2,
    2,
    Float64Array.from([4.042756797785639, -1.9278778208723577, -1.9278778208723577, 1.8478654699734394]),
  );
  const slopes = [
    -0.022893038668541754, 0.03901678235307093, 1.152055480190867, 0.9411597618468819, 1.6402515956289285,
    -0.9545257852796551, 0.8247457347337863, 1.2110662744043927,
  ];
  const crash = solveProgram({
    n: 2,
    Q,
    c: Float64Array.from([-4.475995252828281, -4.106074709293493]),
    rows: slopes.map((s) => ({ a: Float64Array.from([s, 1]), op: '>=' as const, rhs: 0 })),
  });
  // Pinned highs 1.15.3 crashes here; if an upgrade solves it, this expectation is the one to revisit.
  expect(crash.status).toBe('other');
  expect(crash.statusText).toMatch(/HiGHS failed: .*memory access out of bounds/);
  const after = solveProgram({
    n: 2,
    Q: dense(2, 2, Float64Array.from([2, 0, 0, 2])),
    c: Float64Array.from([1, 1]),
    rows: [{ a: Float64Array.from([1, 1]), op: '>=', rhs: 1 }],
  });
  expect(after.objective).toBeCloseTo(1.5, 9);
});

test('a solve that hits the time limit is undecided, not a result', async () => {
  await loadHighs();
  // 60 variables, 400 random rows: far more than a 1-microsecond budget allows.
  const n = 60;
  const rows = Array.from({ length: 400 }, (_, r) => ({
    a: Float64Array.from({ length: n }, (_, i) => Math.sin(r * 7.3 + i * 1.1)),
    op: '>=' as const,
    rhs: -1,
  }));
  const c = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
  const lower = new Float64Array(n).fill(-5);
  const upper = new Float64Array(n).fill(5);
  const limited = solveProgram({ n, Q: null, c, rows, lower, upper }, { timeLimitSeconds: 1e-6 });
  expect(limited.status).toBe('other');
  expect(limited.statusText).toMatch(/[Tt]ime limit/);
  expect(solveProgram({ n, Q: null, c, rows, lower, upper }).status).toBe('optimal');
});

test('HiGHS reads the model from UTF-8 bytes exactly as from the LP text (solveProgram passes bytes)', async () => {
  const loader = highsModule.default as unknown as typeof highsModule.default.default;
  const highs = await loader();
  const lp = {
    n: 3,
    Q: null,
    c: Float64Array.from([1, -2.5, 0.125]),
    rows: [
      { a: Float64Array.from([1, 1, 1]), op: '<=' as const, rhs: 4 },
      { a: Float64Array.from([-1, 2, 0]), op: '>=' as const, rhs: -1.75 },
    ],
    lower: Float64Array.from([0, 0, -1]),
    upper: Float64Array.from([3, Number.POSITIVE_INFINITY, 2]),
  };
  const qp = { ...lp, Q: dense(3, 3, Float64Array.from([2, 0.5, 0, 0.5, 1, 0, 0, 0, 3])) };
  for (const p of [lp, qp]) {
    const fromText = highs.solve(programText(p));
    const fromBytes = highs.solve(programBytes(p) as unknown as string);
    expect(fromBytes).toEqual(fromText);
    expect(fromText.Status).toBe('Optimal');
  }
});
