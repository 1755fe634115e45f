import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loss, makeProblem, vectorToPoint } from '../../nn/index.js';
import { seededRng } from '../../random.js';
import { mlpModel } from '../index.js';
import { gradientContinuation, lastLayerScaling, scaleLastLayer, scalingFacts } from './lastLayerScaling.js';

function instance(seed: number, n: number, width: number, outScale: number) {
  const rng = seededRng(seed);
  const inputs = Array.from({ length: n }, () => [rng.int(-8, 8) / 4, rng.int(-8, 8) / 4]);
  const targets = Array.from({ length: n }, () => [rng.int(-8, 8) / 4]);
  const problem = makeProblem(
    { layerSizes: [2, width, 1], activation: { name: 'relu' }, bias: true },
    { inputs, targets },
    { name: 'squared', scale: 1, reduction: 'mean' },
  );
  const out = problem.layout.layers[1]!;
  const theta = Float64Array.from(
    { length: problem.layout.size },
    (_, k) => (k >= out.start ? outScale : 1) * rng.normal(),
  );
  return { problem, theta };
}

const cases = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  n: fc.integer({ min: 2, max: 8 }),
  width: fc.integer({ min: 1, max: 6 }),
  outScale: fc.constantFrom(0.25, 1, 4),
});

describe('Safran–Shamir last-layer rescaling', () => {
  test('g(c) through the network equals (1/m)‖c·f − y‖² (rel. 1e-12) and c* minimises it', () => {
    fc.assert(
      fc.property(cases, ({ seed, n, width, outScale }) => {
        const { problem, theta } = instance(seed, n, width, outScale);
        const sc = lastLayerScaling(problem, theta);
        for (const c of [-1, 0, 0.3, 1, 2.5]) {
          const net = loss(problem, scaleLastLayer(problem, theta, c));
          expect(Math.abs(net - sc.g(c))).toBeLessThanOrEqual(1e-12 * (1 + net));
        }
        expect(sc.g(0)).toBeCloseTo(sc.zeroLoss, 12);
        if (sc.ff > 0)
          for (const h of [1e-3, -1e-3]) expect(sc.g(sc.cStar + h)).toBeGreaterThanOrEqual(sc.g(sc.cStar));
      }),
      { numRuns: 150 },
    );
  });

  test('L(W0) > L(0) ⇔ c* < ½ (f ≠ 0), and then every exact fact holds', () => {
    fc.assert(
      fc.property(cases, ({ seed, n, width, outScale }) => {
        const { problem, theta } = instance(seed, n, width, outScale);
        const facts = scalingFacts(problem, theta);
        if (!Number.isFinite(facts.cStar)) return;
        if (Math.abs(facts.initialLoss - facts.zeroLoss) > 1e-9 * (1 + facts.zeroLoss))
          expect(facts.hypothesis).toBe(facts.cStarBelowHalf);
        if (facts.hypothesis) {
          expect([
            facts.decreasing,
            facts.minimumBelowZeroLoss,
            facts.closedFormAgrees,
            facts.convex,
          ]).toEqual([true, true, true, true]);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('gradient continuation from c*·W_last with a small step is monotone and lowers the loss', () => {
    const { problem, theta } = instance(3, 6, 12, 1);
    const facts = scalingFacts(problem, theta);
    const start = scaleLastLayer(problem, theta, facts.cStar);
    const inputs = Array.from({ length: problem.n }, (_, i) => [problem.X[2 * i]!, problem.X[2 * i + 1]!]);
    const model = mlpModel({
      kind: 'mlp',
      network: problem.net,
      data: { inputs, targets: Array.from(problem.Y, (y) => [y]) },
      loss: problem.loss,
      point: vectorToPoint(problem.net, start),
    });
    const run = gradientContinuation(model.objective, model.theta, {
      step: 1e-2,
      maxIterations: 2000,
      target: 0,
      record: 500,
    });
    expect(run.startLoss).toBeCloseTo(loss(problem, start), 12);
    expect(run.monotone).toBe(true);
    expect(run.finalLoss).toBeLessThan(run.startLoss);
    expect(run.trace.length).toBe(5);
  });
});
