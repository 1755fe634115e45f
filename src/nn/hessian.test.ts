import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { problemArb, problemWithDirectionArb, type SubjectOptions } from '../generate/index.js';
import { isClose, maxAbs, symmetricEigenvalues } from '../linalg/index.js';
import { gradient } from './backprop.js';
import { centralDifferenceVector } from './finiteDifferences.js';
import { gaussNewton } from './gaussNewton.js';
import { curvatureTerm, hessian } from './hessian.js';
import { hessianVectorProduct } from './hessianVectorProduct.js';
import { smoothAlong } from './patterns.js';
import { HVP_FD_TOL, IDENTITY_RTOL } from './tolerances.js';

const FD_OPTIONS: SubjectOptions = { weights: { maxAbs: 2, denominator: 1000 } };

/** y = A·x and the per-row rounding scale Σ_k |A_rk x_k|. */
function matvecWithScale(a: { rows: number; cols: number; data: Float64Array }, x: Float64Array) {
  const y = new Float64Array(a.rows);
  const scale = new Float64Array(a.rows);
  for (let r = 0; r < a.rows; r++) {
    let s = 0;
    let t = 0;
    for (let k = 0; k < a.cols; k++) {
      const term = a.data[r * a.cols + k]! * x[k]!;
      s += term;
      t += Math.abs(term);
    }
    y[r] = s;
    scale[r] = t;
  }
  return { y, scale };
}

describe('exact Hessian', () => {
  test.prop([problemArb(FD_OPTIONS)], { numRuns: 100 })(
    `the raw Hessian (before symmetrisation) is symmetric (rel. ${IDENTITY_RTOL} of max|H|)`,
    ({ problem, theta }) => {
      const R = hessian(problem, theta, { symmetrize: false });
      const p = R.rows;
      const scale = 1 + maxAbs(R.data);
      for (let a = 0; a < p; a++) {
        for (let b = a + 1; b < p; b++) {
          expect(isClose(R.data[a * p + b]!, R.data[b * p + a]!, IDENTITY_RTOL, scale)).toBe(true);
        }
      }
      // the symmetrised matrix is exactly symmetric
      const H = hessian(problem, theta);
      for (let a = 0; a < p; a++)
        for (let b = 0; b < a; b++) expect(H.data[a * p + b]).toBe(H.data[b * p + a]);
      // and is the raw one up to rounding, both halves of it: H = (R + Rᵀ)/2, Gauss–Newton part included
      for (let k = 0; k < p * p; k++)
        expect(isClose(H.data[k]!, R.data[k]!, IDENTITY_RTOL, scale)).toBe(true);
      // the curvature part alone: symmetrised by default (exactly symmetric), raw on request, equal up to rounding
      const C = curvatureTerm(problem, theta);
      const Craw = curvatureTerm(problem, theta, { symmetrize: false });
      const cScale = 1 + maxAbs(Craw.data);
      for (let a = 0; a < p; a++)
        for (let b = 0; b < p; b++) {
          expect(C.data[a * p + b]).toBe(C.data[b * p + a]);
          expect(isClose(C.data[a * p + b]!, Craw.data[a * p + b]!, IDENTITY_RTOL, cScale)).toBe(true);
        }
    },
  );

  test.prop([problemWithDirectionArb(FD_OPTIONS)], { numRuns: 150 })(
    `H·v equals the central difference of ∇L (err ≤ ${HVP_FD_TOL}·(1 + ‖∇L‖∞ + ‖Hv‖∞))`,
    ({ problem, theta, v }) => {
      fc.pre(smoothAlong(problem, theta, v));
      const { y: Hv } = matvecWithScale(hessian(problem, theta), v);
      const fd = centralDifferenceVector((t) => gradient(problem, t), theta, v);
      const scale = 1 + maxAbs(gradient(problem, theta)) + maxAbs(Hv);
      Hv.forEach((x, k) => {
        expect(isClose(x, fd[k]!, HVP_FD_TOL, scale)).toBe(true);
      });
    },
  );

  test.prop([problemWithDirectionArb(FD_OPTIONS)], { numRuns: 100 })(
    'the matrix agrees with the dense R-operator: H·v = hessianVectorProduct(v)',
    ({ problem, theta, v }) => {
      const { y, scale } = matvecWithScale(hessian(problem, theta), v);
      const hv = hessianVectorProduct(problem, theta, v);
      hv.forEach((x, k) => {
        expect(isClose(y[k]!, x, IDENTITY_RTOL, 1 + scale[k]!)).toBe(true);
      });
    },
  );

  test.prop([problemArb(FD_OPTIONS)], { numRuns: 60 })(
    'H = 2s(JᵀJ + Σ r_k∇²f_k): the R-operator columns equal gaussNewton + curvatureTerm',
    ({ problem, theta }) => {
      const p = problem.layout.size;
      const G = gaussNewton(problem, theta);
      const C = curvatureTerm(problem, theta);
      const columns: Float64Array[] = [];
      for (let j = 0; j < p; j++) {
        const e = new Float64Array(p);
        e[j] = 1;
        columns.push(hessianVectorProduct(problem, theta, e));
      }
      const scale = 1 + maxAbs(G.data) + maxAbs(C.data);
      for (let j = 0; j < p; j++) {
        for (let a = 0; a < p; a++) {
          const sum = G.data[a * p + j]! + C.data[a * p + j]!;
          expect(isClose(columns[j]![a]!, sum, IDENTITY_RTOL, scale)).toBe(true);
        }
      }
    },
  );

  test.prop([problemWithDirectionArb({ ...FD_OPTIONS, hiddenLayers: 3, width: { min: 1, max: 4 } })], {
    numRuns: 30,
  })(
    'any depth: with 3 hidden layers the matrix still agrees with the R-operator',
    ({ problem, theta, v }) => {
      const { y, scale } = matvecWithScale(hessian(problem, theta), v);
      const hv = hessianVectorProduct(problem, theta, v);
      hv.forEach((x, k) => {
        expect(isClose(y[k]!, x, IDENTITY_RTOL, 1 + scale[k]!)).toBe(true);
      });
    },
  );

  test.prop([problemArb(FD_OPTIONS)], { numRuns: 60 })(
    'the Gauss–Newton part is positive semi-definite (λ_min ≥ −1e-10·λ_max)',
    ({ problem, theta }) => {
      const eig = symmetricEigenvalues(gaussNewton(problem, theta));
      const top = Math.max(0, ...eig);
      expect(Math.min(...eig)).toBeGreaterThanOrEqual(-IDENTITY_RTOL * (1 + top));
    },
  );

  test.prop([problemArb({ ...FD_OPTIONS, hiddenLayers: 0 })], { numRuns: 30 })(
    'a network without hidden layers is linear in θ: the curvature part is exactly 0',
    ({ problem, theta }) => {
      expect(curvatureTerm(problem, theta).data.every((x) => x === 0)).toBe(true);
    },
  );

  test('H·v with a direction of the wrong length is a ShapeError naming the direction', () => {
    const c = fc.sample(problemWithDirectionArb(), { numRuns: 1, seed: 5 })[0]!;
    const p = c.problem.layout.size;
    expect(() => hessianVectorProduct(c.problem, c.theta, new Float64Array(p + 1))).toThrow(
      `direction v has ${p + 1} entries, expected ${p}`,
    );
    expect(() => hessianVectorProduct(c.problem, new Float64Array(p + 1), c.v)).toThrow(
      `parameter vector has ${p + 1} entries, expected ${p}`,
    );
  });

  test('NaN in θ gives NaN entries, never a finite Hessian', () => {
    const { problem } = fc.sample(problemArb({ hiddenLayers: 1, activation: ['tanh'] }), {
      numRuns: 1,
      seed: 9,
    })[0]!;
    const theta = new Float64Array(problem.layout.size);
    theta[0] = Number.NaN;
    expect(hessian(problem, theta).data.some((x) => Number.isNaN(x))).toBe(true);
    expect(
      hessianVectorProduct(problem, theta, new Float64Array(theta.length).fill(1)).some(Number.isNaN),
    ).toBe(true);
  });
});
