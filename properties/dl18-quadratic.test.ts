import { expect, test } from 'vitest';
import { type DlGenome, dlInstance } from '../src/generate/quadraticNetworks.js';
import { factorLifted, quadraticNetworkObjective, solveLifted } from '../src/landscape/quadratic/index.js';
import { describeClaim } from '../test/claimSuite.js';
import { dl18Quadratic } from './dl18-quadratic.js';

describeClaim(dl18Quadratic);

const base: DlGenome = {
  d: 3,
  n: 8,
  xs: Array.from({ length: 40 }, (_, i) => ((i * 7) % 17) - 8),
  ys: Array.from({ length: 10 }, (_, i) => ((i * 5) % 17) - 8),
  lambda: 1,
  mixed: true,
  extra: 0,
  init: 9,
  narrow: false,
};

test('the network at the factored lifted optimum has the lifted value (‖W‖² = ‖M‖_*), so the bound is attained', () => {
  for (const mixed of [true, false]) {
    const instance = dlInstance({ ...base, mixed });
    const lifted = solveLifted(instance.lifted);
    expect(lifted.converged).toBe(true);
    const W = factorLifted(lifted.M, 3, instance.v);
    expect(W).not.toBeNull();
    const network = quadraticNetworkObjective({
      inputs: instance.inputs,
      targets: instance.targets,
      v: instance.v,
      lambda: instance.lambda,
    });
    expect(Math.abs(network.value(W!) - lifted.primal)).toBeLessThanOrEqual(1e-10 * (1 + lifted.primal));
    // ⌈√(2n)⌉ = 4 units per sign ≥ the rank of the optimum (Pataki: r(r+1)/2 ≤ n = 8 gives r ≤ 3).
    expect(lifted.positiveRank).toBeLessThanOrEqual(instance.v.filter((x) => x > 0).length);
  }
});

test('k = 1 on this instance: the lifted optimum has rank ≥ 2, and descent stops at a strict local minimum above it', () => {
  const narrow: DlGenome = {
    ...base,
    xs: Array.from({ length: 40 }, (_, i) => ((i * 3) % 17) - 8),
    ys: Array.from({ length: 10 }, (_, i) => ((i * 9) % 17) - 8),
    narrow: true,
    mixed: false,
    lambda: 0,
  };
  const instance = dlInstance(narrow);
  expect(instance.v).toEqual([1]);
  const lifted = solveLifted(instance.lifted);
  expect(lifted.rank).toBeGreaterThanOrEqual(2);
  expect(dl18Quadratic.check(narrow).status).toBe('fail');
});
