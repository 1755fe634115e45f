import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { UserError } from '../../errors.js';
import { dense, symmetricEigenvalues } from '../../linalg/index.js';
import { seededRng } from '../../random.js';
import { lbfgs } from '../optimize.js';
import { factorLifted, type LiftedProblem, liftedDualBound, liftedObjective, solveLifted } from './lifted.js';
import { liftedMatrix, quadraticNetworkObjective } from './quadraticNetwork.js';
import { LIFTED_GAP_RTOL, OPTIMUM_RTOL } from './tolerances.js';

const instance = fc.record({
  d: fc.integer({ min: 1, max: 4 }),
  n: fc.integer({ min: 1, max: 10 }),
  lambda: fc.integer({ min: 1, max: 16 }).map((k) => k / 16),
  cone: fc.constantFrom<LiftedProblem['cone']>('symmetric', 'psd'),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

function problemOf(c: {
  d: number;
  n: number;
  lambda: number;
  cone: LiftedProblem['cone'];
  seed: number;
}): LiftedProblem {
  const rng = seededRng(c.seed);
  return {
    inputs: Array.from({ length: c.n }, () => Array.from({ length: c.d }, () => rng.normal())),
    targets: Array.from({ length: c.n }, () => 2 * rng.normal()),
    lambda: c.lambda,
    cone: c.cone,
  };
}

function randomSymmetric(d: number, rng: ReturnType<typeof seededRng>, psd: boolean): Float64Array {
  const B = Float64Array.from({ length: d * d }, () => rng.normal());
  const M = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < d; b++) {
      let s = 0;
      if (psd) for (let t = 0; t < d; t++) s += B[a * d + t]! * B[b * d + t]!;
      else s = 0.5 * (B[a * d + b]! + B[b * d + a]!);
      M[a * d + b] = s;
    }
  }
  return M;
}

describe('the lifted convex problem min ½Σ(x_iᵀMx_i − y_i)² + λ‖M‖_* (or λ tr M, M ⪰ 0)', () => {
  test.prop([instance], { numRuns: 100 })(
    'weak duality: D(s·u) ≤ P(M) for random M in the cone and random u (the certificate is sound)',
    (c) => {
      const problem = problemOf(c);
      const rng = seededRng(c.seed + 1);
      const M = randomSymmetric(c.d, rng, c.cone === 'psd');
      const u = Array.from({ length: c.n }, () => 3 * rng.normal());
      const P = liftedObjective(problem, M);
      expect(liftedDualBound(problem, u)).toBeLessThanOrEqual(P + 1e-12 * (1 + Math.abs(P)));
    },
  );

  test.prop([instance], { numRuns: 40 })(
    `converges with a certified gap ≤ ${LIFTED_GAP_RTOL}·(1 + P); M is in the cone`,
    (c) => {
      const problem = problemOf(c);
      const solution = solveLifted(problem);
      expect(solution.converged).toBe(true);
      expect(solution.gap).toBeLessThanOrEqual(LIFTED_GAP_RTOL * (1 + Math.abs(solution.primal)));
      expect(solution.gap).toBeGreaterThanOrEqual(-1e-12 * (1 + Math.abs(solution.primal)));
      expect(Math.abs(liftedObjective(problem, solution.M) - solution.primal)).toBeLessThanOrEqual(
        1e-12 * (1 + solution.primal),
      );
      if (c.cone === 'psd')
        expect(solution.eigenvalues[0]!).toBeGreaterThanOrEqual(
          -1e-12 * (1 + Math.abs(solution.eigenvalues[c.d - 1]!)),
        );
    },
  );

  test.prop([instance.map((c) => ({ ...c, d: 1 }))], { numRuns: 60 })(
    'd = 1: m* = soft-threshold(Σx²y, λ)/Σx⁴ (clipped at 0 for M ⪰ 0)',
    (c) => {
      const problem = problemOf(c);
      const sx4 = problem.inputs.reduce((a, x) => a + x[0]! ** 4, 0);
      const sx2y = problem.inputs.reduce((a, x, i) => a + x[0]! ** 2 * problem.targets[i]!, 0);
      const shrunk =
        c.cone === 'psd'
          ? Math.max(0, sx2y - c.lambda)
          : Math.sign(sx2y) * Math.max(0, Math.abs(sx2y) - c.lambda);
      const exact = shrunk / sx4;
      const solution = solveLifted(problem);
      expect(Math.abs(solution.M[0]! - exact)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(exact)));
      const P = liftedObjective(problem, Float64Array.of(exact));
      expect(Math.abs(solution.primal - P)).toBeLessThanOrEqual(1e-12 * (1 + P));
    },
  );

  test.prop([instance], { numRuns: 40 })(
    'factorLifted: Σ v_j w_j w_jᵀ = M and ‖W‖² = ‖M‖_*, so the network (v = ±1) equals P at that W',
    (c) => {
      const problem = problemOf(c);
      const solution = solveLifted(problem);
      const units = c.d;
      const v = c.cone === 'psd' ? Array(units).fill(1) : [...Array(units).fill(1), ...Array(units).fill(-1)];
      const W = factorLifted(solution.M, c.d, v);
      expect(W).not.toBeNull();
      const back = liftedMatrix(W!, v, c.d);
      const scale = 1e-12 * (1 + Math.max(...solution.M.map(Math.abs)));
      for (let q = 0; q < back.length; q++)
        expect(Math.abs(back[q]! - solution.M[q]!)).toBeLessThanOrEqual(scale * 10);
      const network = quadraticNetworkObjective({
        inputs: problem.inputs,
        targets: problem.targets,
        v,
        lambda: c.lambda,
      });
      expect(Math.abs(network.value(W!) - solution.primal)).toBeLessThanOrEqual(
        1e-10 * (1 + solution.primal),
      );
    },
  );

  test('factorLifted refuses when M has more eigenvalues of a sign than v has units of that sign', () => {
    const M = Float64Array.of(1, 0, 0, -1);
    expect(factorLifted(M, 2, [1, 1])).toBeNull();
    expect(factorLifted(M, 2, [1, -1])).not.toBeNull();
  });

  test('a wide network (√(2n) units per sign) trained by L-BFGS never beats the certified lower bound, and reaches it', () => {
    for (let seed = 0; seed < 6; seed++) {
      const problem = problemOf({
        d: 3,
        n: 6,
        lambda: 0.25,
        cone: seed % 2 === 0 ? 'symmetric' : 'psd',
        seed,
      });
      const solution = solveLifted(problem);
      const k = Math.ceil(Math.sqrt(2 * 6));
      const v = problem.cone === 'psd' ? Array(k).fill(1) : [...Array(k).fill(1), ...Array(k).fill(-1)];
      const network = quadraticNetworkObjective({
        inputs: problem.inputs,
        targets: problem.targets,
        v,
        lambda: 0.25,
      });
      const rng = seededRng(seed);
      const result = lbfgs(
        network,
        Float64Array.from({ length: v.length * 3 }, () => rng.normal()),
        { gradTol: 1e-12 },
      );
      expect(result.value).toBeGreaterThanOrEqual(solution.dual - 1e-12 * (1 + solution.dual));
      expect(result.value - solution.dual).toBeLessThanOrEqual(OPTIMUM_RTOL * (1 + solution.dual));
    }
  });

  test('rank counts the non-zero eigenvalues of M; λ = 0 and a wrong-length u are user errors', () => {
    const problem = problemOf({ d: 3, n: 5, lambda: 0.5, cone: 'symmetric', seed: 3 });
    const solution = solveLifted(problem);
    const mu = symmetricEigenvalues(dense(3, 3, Float64Array.from(solution.M)));
    expect(solution.rank).toBe(mu.filter((x) => Math.abs(x) > 1e-9 * Math.max(...mu.map(Math.abs))).length);
    expect(() => solveLifted({ ...problem, lambda: 0 })).toThrow(UserError);
    expect(() => liftedDualBound(problem, [1, 2])).toThrow(/u has 2 entries, expected 5/);
  });
});
