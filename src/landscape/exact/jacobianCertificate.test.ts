import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { problemArb } from '../../generate/index.js';
import { makeProblem } from '../../nn/index.js';
import { jacobianCertificate } from './jacobianCertificate.js';

describe('jacobianCertificate', () => {
  test.prop([problemArb({ hiddenLayers: { min: 0, max: 2 }, width: { min: 1, max: 6 } })], { numRuns: 300 })(
    '2s‖r‖σ_N(J) ≤ ‖∇L‖(1 + 1e-10) + floor on generated networks of every activation',
    ({ problem, theta }) => {
      const cert = jacobianCertificate(problem, theta);
      expect(cert.holds, JSON.stringify(cert)).toBe(true);
      expect(cert.k).toBe(cert.rows);
    },
  );

  test('one sample, one output: the bound is an equality (‖∇L‖ = 2s|r|·‖J‖ = 2s|r|σ_1)', () => {
    const problem = makeProblem(
      { layerSizes: [2, 3, 1], activation: { name: 'tanh' }, bias: true },
      { inputs: [[0.5, -1]], targets: [[2]] },
    );
    const theta = Float64Array.from({ length: problem.layout.size }, (_, k) => Math.sin(k + 1));
    const cert = jacobianCertificate(problem, theta);
    expect(cert.holds).toBe(true);
    expect(Math.abs(cert.lowerBound - cert.gradientNorm)).toBeLessThanOrEqual(1e-14 * cert.gradientNorm);
  });

  test.prop(
    [problemArb({ n: { min: 3, max: 6 }, hiddenLayers: { min: 1, max: 2 }, width: { min: 2, max: 6 } })],
    {
      numRuns: 50,
    },
  )(
    'with σ_1 in place of σ_N the inequality reverses: 2s‖r‖σ_1 ≥ ‖∇L‖ (so the σ_1 "bound" is false off equality)',
    ({ problem, theta }) => {
      const cert = jacobianCertificate(problem, theta, 1);
      // ‖Jᵀr‖ ≤ σ_1‖r‖ always: equality needs r along the top left singular vector
      expect(cert.lowerBound).toBeGreaterThanOrEqual(cert.gradientNorm * (1 - 1e-10));
    },
  );

  test('an index beyond min(N, P) gives σ = 0 (the bound is then trivial)', () => {
    const problem = makeProblem(
      { layerSizes: [1, 1, 2], activation: { name: 'relu' }, bias: false },
      {
        inputs: [[1], [2], [3]],
        targets: [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
      },
    );
    const cert = jacobianCertificate(problem, Float64Array.of(0.5, 1, -1));
    expect(cert.cols).toBeLessThan(cert.rows);
    expect(cert.sigma).toBe(0);
    expect(cert.holds).toBe(true);
  });
});
