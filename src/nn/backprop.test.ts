import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import {
  type GeneratedProblem,
  problemArb,
  problemWithDirectionArb,
  type SubjectOptions,
} from '../generate/index.js';
import { isClose, maxAbsDiff } from '../linalg/index.js';
import { type Activation, activation } from './activations.js';
import { gradient, lossAndGradient } from './backprop.js';
import { centralDifference, centralDifferenceVector } from './finiteDifferences.js';
import { loss, outputs } from './forward.js';
import { hessianVectorProduct } from './hessianVectorProduct.js';
import { jacobianVectorProduct } from './jacobian.js';
import { smoothAlong } from './patterns.js';
import type { Problem } from './problem.js';
import { FD_STEP, GRAD_FD_TOL } from './tolerances.js';

/** Weights in [−2, 2] on a fine grid: generic position (few exact kinks), the range tolerances.ts was measured on. */
const FD_OPTIONS: SubjectOptions = { weights: { maxAbs: 2, denominator: 1000 } };
const withDirection = (options: SubjectOptions = FD_OPTIONS) => problemWithDirectionArb(options);
const MEASURE = process.env.NN_MEASURE === '1';

/** |∇L·v − FD| / (1 + |L|). */
function gradientError({ problem, theta, v }: GeneratedProblem & { v: Float64Array }, h = FD_STEP): number {
  const { loss: L, gradient: g } = lossAndGradient(problem, theta);
  let gv = 0;
  for (let k = 0; k < g.length; k++) gv += g[k]! * v[k]!;
  const fd = centralDifference((t) => loss(problem, t), theta, v, h);
  return Math.abs(gv - fd) / (1 + Math.abs(L));
}

let worst = 0;
afterAll(() => {
  // the measured number that tolerances.ts quotes (NN_MEASURE=1 prints it)
  if (MEASURE)
    console.info(
      `backprop: worst |∇L·v − FD|/(1+|L|) = ${worst.toExponential(2)} (GRAD_FD_TOL ${GRAD_FD_TOL})`,
    );
});

describe('gradient by backpropagation', () => {
  test.prop([withDirection()], { numRuns: 200 })(
    `gradient equals central differences along a random direction (err ≤ ${GRAD_FD_TOL}·(1+|L|))`,
    (c) => {
      fc.pre(smoothAlong(c.problem, c.theta, c.v));
      const err = gradientError(c);
      worst = Math.max(worst, err);
      expect(err).toBeLessThanOrEqual(GRAD_FD_TOL);
    },
  );

  test.prop([problemArb()], { numRuns: 50 })(
    'lossAndGradient’s loss is loss(θ), its gradient is gradient(θ)',
    ({ problem, theta }) => {
      const { loss: L, gradient: g } = lossAndGradient(problem, theta);
      expect(L).toBe(loss(problem, theta));
      expect(Array.from(g)).toEqual(Array.from(gradient(problem, theta)));
    },
  );

  test('can fail: a planted 1 % error in sigmoid′ is found as a counterexample', () => {
    const sigmoid = activation({ name: 'sigmoid' });
    const planted: Activation = { ...sigmoid, d1: (z) => 1.01 * sigmoid.d1(z) };
    const property = fc.property(
      withDirection({ ...FD_OPTIONS, activation: ['sigmoid'], hiddenLayers: { min: 1, max: 2 } }),
      (c) => {
        const problem: Problem = { ...c.problem, act: planted };
        fc.pre(smoothAlong(problem, c.theta, c.v));
        return gradientError({ ...c, problem }) <= GRAD_FD_TOL;
      },
    );
    const result = fc.check(property, { numRuns: 100, seed: 1 });
    expect(result.failed).toBe(true);
  });

  test('NaN in θ gives a NaN loss and gradient, never a finite pass', () => {
    const problem = fc.sample(problemArb({ hiddenLayers: 1, activation: ['tanh'] }), {
      numRuns: 1,
      seed: 3,
    })[0]!.problem;
    const theta = new Float64Array(problem.layout.size);
    theta[0] = Number.NaN;
    const { loss: L, gradient: g } = lossAndGradient(problem, theta);
    expect(L).toBeNaN();
    expect(isClose(L, L, GRAD_FD_TOL)).toBe(false);
    expect(g.some((x) => Number.isNaN(x))).toBe(true);
  });
});

// Re-measure FD_STEP (tolerances.ts): NN_MEASURE=1 npx vitest run src/nn/backprop.test.ts
describe.runIf(MEASURE)('FD step sweep (opt-in)', () => {
  test('worst FD errors per activation family and step: gradient, H·v and J·v', () => {
    const steps = [1e-3, 3e-4, 1e-4, 3e-5, 1e-5];
    const families = [
      ['tanh'],
      ['sigmoid', 'softplus'],
      ['relu', 'leaky-relu'],
      ['identity'],
      ['quadratic', 'polynomial'],
    ] as const;
    const inf = (x: Float64Array) => x.reduce((m, y) => Math.max(m, Math.abs(y)), 0);
    for (const maxAbs of [2, 1]) {
      for (const family of families) {
        const cases = fc
          .sample(withDirection({ activation: family, weights: { maxAbs, denominator: 1000 } }), {
            numRuns: 1000,
            seed: 42,
          })
          .filter((c) => smoothAlong(c.problem, c.theta, c.v, Math.max(...steps)));
        const rows = steps.map((h) => {
          let g = 0;
          let hv = 0;
          let jv = 0;
          for (const c of cases) {
            g = Math.max(g, gradientError(c, h));
            const { problem, theta, v } = c;
            const exact = hessianVectorProduct(problem, theta, v);
            const fd = centralDifferenceVector((t) => gradient(problem, t), theta, v, h);
            hv = Math.max(hv, maxAbsDiff(exact, fd) / (1 + inf(gradient(problem, theta)) + inf(exact)));
            const jExact = jacobianVectorProduct(problem, theta, v);
            const jFd = centralDifferenceVector((t) => outputs(problem, t), theta, v, h);
            jv = Math.max(jv, maxAbsDiff(jExact, jFd) / (1 + inf(outputs(problem, theta))));
          }
          return `h=${h}: ∇ ${g.toExponential(1)}, Hv ${hv.toExponential(1)}, Jv ${jv.toExponential(1)}`;
        });
        console.info(
          `weights ≤ ${maxAbs} ${family.join('/')} (${cases.length} cases)\n  ${rows.join('\n  ')}`,
        );
      }
    }
    expect(steps).toHaveLength(5);
  });
});
