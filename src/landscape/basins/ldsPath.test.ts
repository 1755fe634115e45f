import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type ActivationSpec, loss, makeProblem, type Problem } from '../../nn/index.js';
import { seededRng } from '../../random.js';
import { distinctInputs } from './integerData.js';
import { ldsPath, quadraticMonomialRank } from './ldsPath.js';
import { lastLayers, outputWeightOf } from './networkParts.js';

const ACTIVATIONS: ActivationSpec[] = [
  { name: 'relu' },
  { name: 'leaky-relu', slope: 0.1 },
  { name: 'tanh' },
  { name: 'sigmoid' },
  { name: 'softplus' },
];

/** A random instance: distinct inputs (first coordinate increasing), width = n + extra (may be negative). */
function instance(
  activation: ActivationSpec,
  depth: number,
  n: number,
  d: number,
  extra: number,
  seed: number,
  gaussianTargets = false,
): { problem: Problem; theta: Float64Array } {
  const rng = seededRng(seed);
  const ints = (k: number) => Array.from({ length: k }, () => rng.int(-8, 8));
  const inputs = distinctInputs(
    ints(n).map((x) => 1 + (Math.abs(x) % 4)),
    ints(3 * n),
    n,
    d,
  );
  const targets = Array.from({ length: n }, () => [gaussianTargets ? rng.normal() : rng.int(-8, 8) / 4]);
  const width = Math.max(1, n + extra);
  const layerSizes = depth === 1 ? [d, width, 1] : [d, 4, width, 1];
  const problem = makeProblem({ layerSizes, activation, bias: true }, { inputs, targets });
  return { problem, theta: Float64Array.from({ length: problem.layout.size }, () => rng.normal()) };
}

describe('ldsPath (Li–Ding–Sun constructive path)', () => {
  test('width ≥ N, every activation: the loss never increases beyond 1e-9·(1+L0) and ends ≤ ε', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: ACTIVATIONS.length - 1 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 2, max: 7 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (a, depth, n, d, extra, seed) => {
          const { problem, theta } = instance(ACTIVATIONS[a]!, depth, n, d, extra, seed);
          const path = ldsPath(problem, theta, seededRng(seed + 1));
          if (path.status === 'inapplicable') return; // coinciding first-layer features (depth 2): not this test
          expect(path.status, path.reason ?? '').toBe('reached');
          expect(path.segments[0]!.profile[0]).toBe(loss(problem, theta));
          expect(path.finalRank).toBe(n);
        },
      ),
      { numRuns: 80 },
    );
  });

  test('step 2 leaves the freed units with output weight exactly 0, step 3 moves only their incoming weights, loss bit-identical', () => {
    const { problem, theta: drawn } = instance({ name: 'tanh' }, 1, 5, 2, 2, 11);
    // every unit a copy of unit 0: the features have rank 2 (with the bias), so three units must move
    const theta = Float64Array.from(drawn);
    const { hidden: h } = lastLayers(problem);
    for (let j = 1; j < h.outputs; j++) {
      for (let k = 0; k < h.inputs; k++)
        theta[h.weightOffset + j * h.inputs + k] = theta[h.weightOffset + k]!;
      theta[h.biasOffset! + j] = theta[h.biasOffset!]!;
    }
    const path = ldsPath(problem, theta, seededRng(3));
    expect(path.status).toBe('reached');
    const [, , theta2, theta3] = path.vertices;
    const { hidden, width } = lastLayers(problem);
    const moved = new Set(path.movedUnits);
    expect(moved.size).toBe(3);
    for (let j = 0; j < width; j++) {
      if (!path.keptUnits.includes(j)) expect(outputWeightOf(problem, theta2!, j)).toBe(0);
    }
    for (let k = 0; k < theta2!.length; k++) {
      if (theta2![k] === theta3![k]) continue;
      const unit =
        k < hidden.biasOffset!
          ? Math.floor((k - hidden.weightOffset) / hidden.inputs)
          : k - hidden.biasOffset!;
      expect(k >= hidden.start && k < hidden.end && moved.has(unit)).toBe(true);
    }
    const step3 = path.segments[2]!.profile;
    expect(new Set(step3).size).toBe(1);
  });

  test('width ≤ N − 2 (with an output bias), generic (Gaussian) targets: rank N is out of reach and the path ends above ε', () => {
    // Integer targets can be special (e.g. (a, a, b) is fitted exactly by one hinge and a bias), hence Gaussian ones.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: ACTIVATIONS.length - 1 }),
        fc.integer({ min: 3, max: 7 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (a, n, seed) => {
          const { problem, theta } = instance(ACTIVATIONS[a]!, 1, n, 1, -2, seed, true);
          const path = ldsPath(problem, theta, seededRng(seed));
          expect(path.status).not.toBe('reached'); // not-reached, or inapplicable (ill-conditioned features)
          if (path.status === 'not-reached') expect(path.finalRank).toBeLessThan(n);
        },
      ),
      { numRuns: 40 },
    );
  });

  test('coinciding inputs to the last hidden layer make the construction inapplicable (never a pass)', () => {
    const { problem, theta } = instance({ name: 'relu' }, 2, 4, 1, 0, 5);
    const first = problem.layout.layers[0]!;
    const dead = Float64Array.from(theta);
    for (let k = first.start; k < first.end; k++) dead[k] = k < first.biasOffset! ? 1 : -100; // every first-layer unit dead
    const path = ldsPath(problem, dead, seededRng(1));
    expect(path.status).toBe('inapplicable');
  });

  test('quadraticMonomialRank: 6 generic points in the plane have rank 6; 6 points on a circle rank 5', () => {
    expect(
      quadraticMonomialRank([
        [0, 0],
        [1, 0],
        [0, 1],
        [2, 3],
        [-1, 2],
        [3, -5],
      ]),
    ).toBe(6);
    const circle = Array.from({ length: 6 }, (_, k) => [Math.cos(k + 0.3), Math.sin(k + 0.3)]);
    expect(quadraticMonomialRank(circle)).toBe(5);
  });
});
