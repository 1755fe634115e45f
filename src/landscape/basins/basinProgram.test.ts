import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { seededRng } from '../../random.js';
import { loadHighs } from '../solvers/index.js';
import {
  type BasinInstance,
  basinNetworkLoss,
  initialBasinMinimum,
  randomBasinInstance,
} from './basinProgram.js';
import { BASIN_FEASIBILITY_RTOL } from './tolerances.js';

beforeAll(async () => {
  await loadHighs();
});

const small = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  n: fc.integer({ min: 3, max: 8 }),
  d: fc.integer({ min: 2, max: 3 }),
  m: fc.integer({ min: 1, max: 10 }),
});

describe('the Safran–Shamir initial-basin program (HiGHS, proximal steps)', () => {
  test('the minimum is feasible (pattern kept to 1e-6), at most the loss at the initialisation, and ≥ 0', () => {
    fc.assert(
      fc.property(small, ({ seed, n, d, m }) => {
        const result = initialBasinMinimum(randomBasinInstance(seededRng(seed), { n, d, m }));
        expect(result.status).toBe('optimal');
        expect(result.maxViolation).toBeLessThanOrEqual(BASIN_FEASIBILITY_RTOL);
        expect(result.minLoss).toBeGreaterThanOrEqual(0);
        expect(result.minLoss).toBeLessThanOrEqual(result.initialLoss * (1 + 1e-9));
      }),
      { numRuns: 30 },
    );
  });

  test('planted: targets produced by another point of the basin give a basin minimum ≤ ε (small)', () => {
    fc.assert(
      fc.property(small, ({ seed, n, d, m }) => {
        const base = randomBasinInstance(seededRng(seed), { n, d, m });
        const signs = Float64Array.from(base.v, (x) => (x >= 0 ? 1 : -1));
        // another point of the same cone: each u_j rescaled by a positive factor (not the initialisation itself)
        const rng = seededRng(seed + 1);
        const factors = Float64Array.from({ length: m }, () => 0.25 + 2 * rng.uniform());
        const u = Float64Array.from(base.W, (w, k) => factors[Math.floor(k / d)]! * w);
        const y = planted(base, u, signs);
        if (y.every((t) => t === 0)) return; // every unit dead: L(0) = 0 and ε = 0
        expect(initialBasinMinimum({ ...base, y }).small).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  test('invariances: permuting the units leaves the minimum unchanged; scaling y by 2 scales it by 4 (rel. 1e-3)', () => {
    const base = randomBasinInstance(seededRng(17), { n: 6, d: 2, m: 3 });
    const a = initialBasinMinimum(base);
    const order = [2, 0, 1];
    const permuted: BasinInstance = {
      ...base,
      W: Float64Array.from(
        { length: base.W.length },
        (_, k) => base.W[order[Math.floor(k / 2)]! * 2 + (k % 2)]!,
      ),
      v: Float64Array.from(order, (j) => base.v[j]!),
    };
    const b = initialBasinMinimum(permuted);
    const c = initialBasinMinimum({ ...base, y: Float64Array.from(base.y, (t) => 2 * t) });
    expect(Math.abs(a.minLoss - b.minLoss)).toBeLessThanOrEqual(1e-3 * a.minLoss + 1e-12);
    expect(Math.abs(c.minLoss - 4 * a.minLoss)).toBeLessThanOrEqual(4e-3 * a.minLoss + 1e-12);
  });
});

/** y_t = Σ_j s_j relu(⟨u_j, x_t⟩): the targets of the network at (u, s). */
function planted(instance: BasinInstance, u: Float64Array, signs: Float64Array): Float64Array {
  const { X, n, d, m } = instance;
  const y = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    for (let j = 0; j < m; j++) {
      let z = 0;
      for (let k = 0; k < d; k++) z += u[j * d + k]! * X[t * d + k]!;
      y[t]! += signs[j]! * Math.max(0, z);
    }
  }
  expect(basinNetworkLoss({ ...instance, y }, u, signs)).toBeLessThan(1e-20);
  return y;
}
