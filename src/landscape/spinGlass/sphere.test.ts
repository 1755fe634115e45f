import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { ShapeError, UserError } from '../../errors.js';
import { symmetricEigenvalues } from '../../linalg/index.js';
import { type Rng, seededRng } from '../../random.js';
import { saddleCertificate, spuriousMinimumCertificate } from '../certificates.js';
import { examinePoint } from '../examinePoint.js';
import { subjectModel } from '../subjectModel.js';
import type { SphericalSpinGlassJson } from '../subjectTypes.js';
import { verifyCertificate } from '../verifyCertificate.js';
import { randomCouplings, randomSpinGlass, spinGlassEnergy, spinGlassFromCouplings } from './hamiltonian.js';
import {
  criticalIndex,
  fromTangentCoordinates,
  minimizeOnSphere,
  newtonOnSphere,
  randomSpherePoint,
  tangentFrame,
  tangentHessian,
  toTangentCoordinates,
} from './minimize.js';
import { spinGlassModel } from './model.js';
import { riemannianGradient, riemannianHessian, sphereObjective } from './sphere.js';
import { SPHERE_GRAD_TOL, SPIN_FD_RTOL, SPIN_FD_STEP, SPIN_FD2_RTOL, SPIN_FD2_STEP } from './tolerances.js';

const shape = fc.record({
  H: fc.integer({ min: 2, max: 5 }),
  N: fc.integer({ min: 2, max: 8 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

function dot(a: Float64Array, b: Float64Array): number {
  return a.reduce((s, x, i) => s + x * b[i]!, 0);
}

/** A random unit tangent vector at w. */
/**
 * A random unit tangent vector at w. Projected twice (Gram–Schmidt's "twice is enough"): after one projection a v
 * nearly parallel to w keeps a part along w of order ε·|v|/|t|, which normalising blows up and which the frame
 * round trip below rightly drops (CI seed 109900980 failed so at N = 2). Over 700,000 cases (N = 2…8) one
 * projection broke the round trip's bound 1e-14·N 232 times (worst 173 times the bound); two, never (worst 0.033).
 */
function tangentUnit(w: Float64Array, rng: Rng): Float64Array {
  let t = Float64Array.from(w, () => rng.normal());
  for (let pass = 0; pass < 2; pass++) {
    const c = dot(t, w) / dot(w, w);
    t = t.map((x, i) => x - c * w[i]!);
  }
  const n = Math.sqrt(dot(t, t));
  return t.map((x) => x / n);
}

describe('Riemannian derivatives on the sphere |w|² = N', () => {
  test.prop([shape], { numRuns: 80 })(
    `the Riemannian gradient is tangent and equals d/dt L(R_w(tξ)) by central differences (rel. err ≤ ${SPIN_FD_RTOL})`,
    ({ H, N, seed }) => {
      const rng = seededRng(seed);
      const glass = randomSpinGlass(H, N, rng);
      const objective = sphereObjective(glass);
      const w = randomSpherePoint(N, rng);
      const xi = tangentUnit(w, rng);
      const { value, gradient } = objective.valueAndGradient(w);
      expect(Math.abs(dot(gradient, w))).toBeLessThanOrEqual(1e-13 * N * (1 + Math.abs(value)));
      const phi = (t: number) =>
        objective.value(
          objective.retract!(
            w,
            xi.map((x) => t * x),
          ),
        );
      const d1 = (h: number) => (phi(h) - phi(-h)) / (2 * h);
      const fd = (4 * d1(SPIN_FD_STEP / 2) - d1(SPIN_FD_STEP)) / 3;
      expect(Math.abs(dot(gradient, xi) - fd)).toBeLessThanOrEqual(SPIN_FD_RTOL * (1 + Math.abs(value)));
    },
  );

  test.prop([shape], { numRuns: 80 })(
    `⟨ξ, Hess ξ⟩ equals the second derivative of L(R_w(tξ)) (projection retraction is second order; rel. err ≤ ${SPIN_FD2_RTOL})`,
    ({ H, N, seed }) => {
      const rng = seededRng(seed);
      const glass = randomSpinGlass(H, N, rng);
      const objective = sphereObjective(glass);
      const w = randomSpherePoint(N, rng);
      const xi = tangentUnit(w, rng);
      const hess = riemannianHessian(glass, w);
      let quadratic = 0;
      for (let i = 0; i < N; i++)
        for (let j = 0; j < N; j++) quadratic += xi[i]! * hess.data[i * N + j]! * xi[j]!;
      const phi = (t: number) =>
        objective.value(
          objective.retract!(
            w,
            xi.map((x) => t * x),
          ),
        );
      const d2 = (h: number) => (phi(h) - 2 * phi(0) + phi(-h)) / (h * h);
      const fd = (4 * d2(SPIN_FD2_STEP / 2) - d2(SPIN_FD2_STEP)) / 3;
      expect(Math.abs(quadratic - fd)).toBeLessThanOrEqual(SPIN_FD2_RTOL * (1 + Math.abs(phi(0))));
    },
  );

  test.prop([shape], { numRuns: 40 })(
    'the Riemannian Hessian is symmetric, annihilates w and maps into the tangent space',
    ({ H, N, seed }) => {
      const rng = seededRng(seed);
      const glass = randomSpinGlass(H, N, rng);
      const w = randomSpherePoint(N, rng);
      const hess = riemannianHessian(glass, w);
      const scale = 1e-13 * N * (1 + Math.max(...hess.data.map(Math.abs)));
      for (let i = 0; i < N; i++) {
        let hw = 0;
        for (let j = 0; j < N; j++) {
          expect(hess.data[i * N + j]).toBe(hess.data[j * N + i]);
          hw += hess.data[i * N + j]! * w[j]!;
        }
        expect(Math.abs(hw)).toBeLessThanOrEqual(scale * Math.sqrt(N));
      }
    },
  );

  test.prop([shape], { numRuns: 40 })(
    'the Householder tangent frame is orthonormal, orthogonal to w, and carries the Hessian exactly',
    ({ H, N, seed }) => {
      const rng = seededRng(seed);
      const glass = randomSpinGlass(H, N, rng);
      const w = randomSpherePoint(N, rng);
      const frame = tangentFrame(w);
      const basis = Array.from({ length: N - 1 }, (_, k) => {
        const z = new Float64Array(N - 1);
        z[k] = 1;
        return fromTangentCoordinates(frame, z);
      });
      for (let a = 0; a < N - 1; a++) {
        expect(Math.abs(dot(basis[a]!, w))).toBeLessThanOrEqual(1e-14 * N);
        for (let b = 0; b < N - 1; b++)
          expect(Math.abs(dot(basis[a]!, basis[b]!) - (a === b ? 1 : 0))).toBeLessThanOrEqual(1e-14 * N);
      }
      const xi = tangentUnit(w, rng);
      const back = fromTangentCoordinates(frame, toTangentCoordinates(frame, xi));
      for (let i = 0; i < N; i++) expect(Math.abs(back[i]! - xi[i]!)).toBeLessThanOrEqual(1e-14 * N);
      // Eigenvalues in the frame = the nonzero-block eigenvalues of P·Hess·P (which has an extra 0 along w).
      const inFrame = symmetricEigenvalues(tangentHessian(glass, w, frame));
      const full = Array.from(symmetricEigenvalues(riemannianHessian(glass, w)));
      const zero = full.reduce((best, x, i) => (Math.abs(x) < Math.abs(full[best]!) ? i : best), 0);
      full.splice(zero, 1);
      const scale = 1e-12 * N * (1 + Math.max(...full.map(Math.abs)));
      for (let k = 0; k < N - 1; k++) expect(Math.abs(inFrame[k]! - full[k]!)).toBeLessThanOrEqual(scale);
    },
  );
});

describe('minimisation on the sphere and the Hessian index', () => {
  test.prop([fc.integer({ min: 4, max: 30 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 15 })(
    `L-BFGS + Riemannian Newton reach ‖grad_S L‖ ≤ ${SPHERE_GRAD_TOL}·(1+|L|) below the start, on the sphere`,
    (N, seed) => {
      const rng = seededRng(seed);
      const glass = randomSpinGlass(3, N, rng);
      const w0 = randomSpherePoint(N, rng);
      const m = minimizeOnSphere(glass, w0);
      expect(m.converged).toBe(true);
      expect(Math.abs(dot(m.w, m.w) - N)).toBeLessThanOrEqual(1e-12 * N);
      expect(m.value).toBeLessThan(spinGlassEnergy(glass, w0));
      expect(m.gradientNorm).toBeLessThanOrEqual(SPHERE_GRAD_TOL * (1 + Math.abs(m.value)));
      const { index, degenerate } = criticalIndex(glass, m.w);
      expect(degenerate).toBe(false);
      expect(index).toBeGreaterThanOrEqual(0);
    },
  );

  test('at a minimiser endpoint examinePoint (tangent Hessian, retracted perturbations) says strict-local-min, index 0', () => {
    const rng = seededRng(11);
    const glass = randomSpinGlass(3, 12, rng);
    const m = minimizeOnSphere(glass, randomSpherePoint(12, rng));
    const exam = examinePoint(sphereObjective(glass), m.w, { rng, radii: [1e-2, 1e-4], trials: 100 });
    expect(exam.classification).toBe('strict-local-min');
    expect(exam.excludedDirections).toBe(1);
    expect(exam.hessianEigenvalues!.length).toBe(11);
    expect(criticalIndex(glass, m.w).index).toBe(0);
    // The same eigenvalues as the Householder frame's.
    const frame = symmetricEigenvalues(tangentHessian(glass, m.w));
    for (let k = 0; k < 11; k++)
      expect(Math.abs(exam.hessianEigenvalues![k]! - frame[k]!)).toBeLessThanOrEqual(1e-10 * 12);
  });

  test('Newton from random points finds saddles too; their index is the count of negative tangent eigenvalues and examinePoint agrees', () => {
    const rng = seededRng(5);
    const N = 8;
    const glass = randomSpinGlass(3, N, rng);
    const indices = new Set<number>();
    for (let t = 0; t < 40; t++) {
      const p = newtonOnSphere(glass, randomSpherePoint(N, rng), 30);
      if (!(p.gradientNorm <= SPHERE_GRAD_TOL * (1 + Math.abs(p.value)))) continue;
      const ci = criticalIndex(glass, p.w);
      if (ci.degenerate) continue;
      indices.add(ci.index);
      const exam = examinePoint(sphereObjective(glass), p.w, { rng, radii: [1e-3], trials: 50 });
      expect(exam.classification).toBe(ci.index === 0 ? 'strict-local-min' : 'saddle');
    }
    expect([...indices].some((k) => k > 0)).toBe(true);
  });
});

describe('the spherical-spin-glass subject kind', () => {
  function subject(N: number, H: number, seed: number, point?: number[]): SphericalSpinGlassJson {
    const rng = seededRng(seed);
    const couplings = Array.from(randomCouplings(H, N, rng));
    return {
      kind: 'spherical-spin-glass',
      H,
      N,
      couplings,
      point: point ?? Array.from(randomSpherePoint(N, rng)),
    };
  }

  test('subjectModel builds the sphere objective from raw couplings; toPoint/fromPoint round-trip', () => {
    const s = subject(5, 3, 1);
    const model = subjectModel(s);
    expect(model.kind).toBe('spherical-spin-glass');
    const glass = spinGlassFromCouplings(3, 5, s.couplings);
    expect(model.objective.value(model.theta)).toBe(spinGlassEnergy(glass, Float64Array.from(s.point)));
    expect(Array.from(model.fromPoint(model.toPoint(model.theta)))).toEqual(s.point);
    const { gradient } = riemannianGradient(glass, model.theta);
    expect(Array.from(model.objective.valueAndGradient(model.theta).gradient)).toEqual(Array.from(gradient));
  });

  test('user errors name what is wrong: couplings count, point length, point off the sphere, non-finite entries', () => {
    const s = subject(4, 3, 2);
    expect(() => spinGlassModel({ ...s, couplings: s.couplings.slice(1) })).toThrow(ShapeError);
    expect(() => spinGlassModel({ ...s, point: s.point.slice(1) })).toThrow(/has 3 entries, expected N = 4/);
    expect(() => spinGlassModel({ ...s, point: s.point.map((x) => 2 * x) })).toThrow(/not on the sphere/);
    expect(() => spinGlassModel({ ...s, point: [Number.NaN, 0, 0, 2] })).toThrow(/entry 0 is NaN/);
    const model = spinGlassModel(s);
    expect(() => model.fromPoint([[1, 2]])).toThrow(UserError);
    expect(() => model.fromPoint([1, 2, 3])).toThrow(ShapeError);
    // A vector off the sphere is read through its radial projection: scaling never changes the energy.
    const w = model.fromPoint(s.point);
    const onSphere = model.objective.value(w);
    expect(Math.abs(model.objective.value(w.map((x) => 0.5 * x)) - onSphere)).toBeLessThanOrEqual(
      1e-14 * (1 + Math.abs(onSphere)),
    );
  });

  test('certificates of a spin-glass subject verify: a saddle (descent direction) and a minimum against a lower one', () => {
    const N = 8;
    const base = subject(N, 3, 3);
    const glass = spinGlassFromCouplings(3, N, base.couplings);
    const rng = seededRng(9);
    // Critical points from Newton at random starts: keep a saddle and the two lowest minima.
    let saddle: Float64Array | null = null;
    const minima: { w: Float64Array; value: number }[] = [];
    for (let t = 0; t < 200 && (saddle === null || minima.length < 2); t++) {
      const start = randomSpherePoint(N, rng);
      const p = t % 2 === 0 ? newtonOnSphere(glass, start, 30) : minimizeOnSphere(glass, start);
      if (!(p.gradientNorm <= SPHERE_GRAD_TOL * (1 + Math.abs(p.value)))) continue;
      const ci = criticalIndex(glass, p.w);
      if (ci.index > 0 && saddle === null) saddle = p.w;
      if (ci.index === 0 && !minima.some((m) => Math.abs(m.value - p.value) < 1e-6))
        minima.push({ w: p.w, value: p.value });
    }
    expect(saddle).not.toBeNull();
    const atSaddle: SphericalSpinGlassJson = { ...base, point: Array.from(saddle!) };
    const saddleModel = subjectModel(atSaddle);
    const exam = examinePoint(saddleModel.objective, saddleModel.theta, { rng, radii: [1e-3], trials: 20 });
    const certificate = saddleCertificate(saddleModel, exam);
    expect(certificate).not.toBeNull();
    expect(verifyCertificate(atSaddle, certificate!, seededRng(1))).toEqual([]);
    // A higher minimum is a (strict) local minimum that is not global: certified against a lower one.
    expect(minima.length).toBe(2);
    minima.sort((a, b) => b.value - a.value);
    const atHigh: SphericalSpinGlassJson = { ...base, point: Array.from(minima[0]!.w) };
    const model = subjectModel(atHigh);
    const examHigh = examinePoint(model.objective, model.theta, { rng, radii: [1e-2, 1e-4], trials: 200 });
    expect(examHigh.classification).toBe('strict-local-min');
    const cert = spuriousMinimumCertificate(model, examHigh, minima[1]!.w);
    expect(verifyCertificate(atHigh, cert, seededRng(2))).toEqual([]);
  });
});
