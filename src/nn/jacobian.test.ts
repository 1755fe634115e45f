import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { problemArb, problemWithDirectionArb, type SubjectOptions } from '../generate/index.js';
import { allClose, isClose } from '../linalg/index.js';
import { gradient } from './backprop.js';
import { centralDifferenceVector } from './finiteDifferences.js';
import { forward, lossWeight, outputs, residuals } from './forward.js';
import {
  jacobian,
  jacobianFromSensitivities,
  jacobianVectorProduct,
  outputSensitivities,
  vectorJacobianProduct,
} from './jacobian.js';
import { smoothAlong } from './patterns.js';
import { IDENTITY_RTOL, JVP_FD_TOL } from './tolerances.js';

const FD_OPTIONS: SubjectOptions = { weights: { maxAbs: 2, denominator: 1000 } };

function maxAbsOf(x: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < x.length; k++) m = Math.max(m, Math.abs(x[k]!));
  return m;
}

/** Σ|a_k b_k|, the scale of rounding in Σ a_k b_k. */
function absDot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += Math.abs(a[k]! * b[k]!);
  return s;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

/** u ∈ ℝ^{n·d_L} on a grid, drawn with the problem. */
const withU = problemWithDirectionArb(FD_OPTIONS).chain((c) => {
  const m = c.problem.n * c.problem.layout.layerSizes[c.problem.layout.layers.length]!;
  return fc
    .array(
      fc.integer({ min: -64, max: 64 }).map((k) => k / 64),
      { minLength: m, maxLength: m },
    )
    .map((u) => ({ ...c, u: Float64Array.from(u) }));
});

describe('Jacobian of θ ↦ (f(x_1), …, f(x_n))', () => {
  test.prop([withU], { numRuns: 100 })(
    `uᵀ(J·v) equals (Jᵀu)·v for forward-mode J·v and reverse-mode Jᵀu (rel. ${IDENTITY_RTOL})`,
    ({ problem, theta, v, u }) => {
      const jv = jacobianVectorProduct(problem, theta, v);
      const jtu = vectorJacobianProduct(problem, theta, u);
      const scale = 1 + absDot(u, jv) + absDot(jtu, v);
      expect(isClose(dot(u, jv), dot(jtu, v), IDENTITY_RTOL, scale)).toBe(true);
    },
  );

  test.prop([withU], { numRuns: 100 })(
    'the matrix J agrees with J·v and Jᵀu, and has shape (n·d_L)×p',
    ({ problem, theta, v, u }) => {
      const J = jacobian(problem, theta);
      const p = problem.layout.size;
      expect(J.cols).toBe(p);
      expect(J.rows).toBe(u.length);
      const Jv = new Float64Array(J.rows);
      const JvScale = new Float64Array(J.rows);
      const Jtu = new Float64Array(p);
      const JtuScale = new Float64Array(p);
      for (let r = 0; r < J.rows; r++) {
        for (let k = 0; k < p; k++) {
          const a = J.data[r * p + k]! * v[k]!;
          const b = J.data[r * p + k]! * u[r]!;
          Jv[r] = Jv[r]! + a;
          JvScale[r] = JvScale[r]! + Math.abs(a);
          Jtu[k] = Jtu[k]! + b;
          JtuScale[k] = JtuScale[k]! + Math.abs(b);
        }
      }
      const jv = jacobianVectorProduct(problem, theta, v);
      const jtu = vectorJacobianProduct(problem, theta, u);
      jv.forEach((x, r) => {
        expect(isClose(Jv[r]!, x, IDENTITY_RTOL, 1 + JvScale[r]!)).toBe(true);
      });
      jtu.forEach((x, k) => {
        expect(isClose(Jtu[k]!, x, IDENTITY_RTOL, 1 + JtuScale[k]!)).toBe(true);
      });
    },
  );

  test.prop([problemWithDirectionArb(FD_OPTIONS)], { numRuns: 150 })(
    `J·v equals the central difference of the outputs (err ≤ ${JVP_FD_TOL}·(1+‖f‖∞))`,
    ({ problem, theta, v }) => {
      fc.pre(smoothAlong(problem, theta, v));
      const fd = centralDifferenceVector((t) => outputs(problem, t), theta, v);
      const jv = jacobianVectorProduct(problem, theta, v);
      expect(allClose(jv, fd, JVP_FD_TOL, 1 + maxAbsOf(outputs(problem, theta)))).toBe(true);
    },
  );

  test.prop([problemWithDirectionArb(FD_OPTIONS)], { numRuns: 100 })(
    '2s·Jᵀr equals ∇L',
    ({ problem, theta }) => {
      const r = residuals(problem, theta);
      const s = lossWeight(problem);
      const J = jacobian(problem, theta);
      const p = J.cols;
      const viaJ = new Float64Array(p);
      const scale = new Float64Array(p);
      for (let row = 0; row < J.rows; row++) {
        for (let k = 0; k < p; k++) {
          const t = 2 * s * J.data[row * p + k]! * r[row]!;
          viaJ[k] = viaJ[k]! + t;
          scale[k] = scale[k]! + Math.abs(t);
        }
      }
      gradient(problem, theta).forEach((g, k) => {
        expect(isClose(viaJ[k]!, g, IDENTITY_RTOL, 1 + scale[k]!)).toBe(true);
      });
    },
  );

  test.prop([problemArb(FD_OPTIONS)], { numRuns: 40 })(
    'outputSensitivities: one reverse pass per output (sens[k][L−1] = e_k); from them J by default, Jᵀ when transposed',
    ({ problem, theta }) => {
      const { layout, n } = problem;
      const L = layout.layers.length;
      const dL = layout.layerSizes[L]!;
      const pass = forward(problem, theta);
      const sens = outputSensitivities(problem, theta, pass);
      expect(sens.length).toBe(dL);
      for (let k = 0; k < dL; k++) {
        expect(sens[k]!.map((s) => s.length)).toEqual(layout.layerSizes.slice(1).map((d) => n * d));
        const last = sens[k]![L - 1]!;
        for (let i = 0; i < n; i++)
          for (let o = 0; o < dL; o++) expect(last[i * dL + o]).toBe(o === k ? 1 : 0);
      }
      // without `transposed` J itself; with it the other loop (general strides) forms the same products d·h, so Jᵀ bit for bit
      const J = jacobian(problem, theta);
      const fromSens = jacobianFromSensitivities(problem, pass, sens);
      expect([fromSens.rows, fromSens.cols]).toEqual([J.rows, J.cols]);
      expect(Array.from(fromSens.data)).toEqual(Array.from(J.data));
      const Jt = jacobianFromSensitivities(problem, pass, sens, true);
      expect([Jt.rows, Jt.cols]).toEqual([J.cols, J.rows]);
      for (let r = 0; r < J.rows; r++)
        for (let c = 0; c < J.cols; c++) expect(Jt.data[c * J.rows + r]).toBe(J.data[r * J.cols + c]);
    },
  );

  test('wrong-length vectors are ShapeErrors', () => {
    const c = fc.sample(problemWithDirectionArb(), { numRuns: 1, seed: 5 })[0]!;
    expect(() => jacobianVectorProduct(c.problem, c.theta, new Float64Array(c.v.length + 1))).toThrow(
      /direction v has/,
    );
    expect(() => vectorJacobianProduct(c.problem, c.theta, new Float64Array(c.problem.n * 40))).toThrow(
      /vector u has/,
    );
  });
});
