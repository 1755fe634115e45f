import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isClose, maxAbsDiff } from '../../linalg/index.js';
import { centralDifference, centralDifferenceVector, FD_STEP } from '../../nn/index.js';
import { seededRng } from '../../random.js';
import { subjectModel } from '../subjectModel.js';
import {
  populationHessian,
  populationLoss,
  populationNonDifferentiable,
  populationValueAndGradient,
  type TeacherStudent,
  teacherStudent,
} from './model.js';
import { reluKernel } from './reluKernel.js';
import { POPULATION_FD_RTOL } from './tolerances.js';

/**
 * Rows with norm in [0.1, 10] (docs/derivations.md#gaussian-relu-kernel's range): an integer direction in [−8, 8]^d (non-zero) scaled to
 * norm 10^(e/4), e ∈ [−4, 4]. Integers shrink without context and keep generic positions readable.
 */
function rowArb(d: number): fc.Arbitrary<number[]> {
  return fc
    .tuple(
      fc.array(fc.integer({ min: -8, max: 8 }), { minLength: d, maxLength: d }),
      fc.integer({ min: -4, max: 4 }),
    )
    .filter(([dir]) => dir.some((x) => x !== 0))
    .map(([dir, e]) => {
      const size = Math.hypot(...dir);
      return dir.map((x) => (x / size) * 10 ** (e / 4));
    });
}

interface Case {
  readonly p: TeacherStudent;
  readonly w: Float64Array;
  /** A unit direction in the student space. */
  readonly u: Float64Array;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    d: fc.integer({ min: 1, max: 4 }),
    n: fc.integer({ min: 1, max: 4 }),
    k: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ d, n, k }) =>
    fc.record({
      teacher: fc.array(rowArb(d), { minLength: k, maxLength: k }),
      student: fc.array(rowArb(d), { minLength: n, maxLength: n }),
      u: fc
        .array(fc.integer({ min: -8, max: 8 }), { minLength: n * d, maxLength: n * d })
        .filter((a) => a.some((x) => x !== 0)),
      d: fc.constant(d),
    }),
  )
  .map(({ teacher, student, u, d }) => {
    const size = Math.hypot(...u);
    return {
      p: teacherStudent(Float64Array.from(teacher.flat()), teacher.length, d, student.length),
      w: Float64Array.from(student.flat()),
      u: Float64Array.from(u, (x) => x / size),
    };
  });

function dotv(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function matVec(p: TeacherStudent, w: Float64Array, u: Float64Array): Float64Array {
  const h = populationHessian(p, w);
  const out = new Float64Array(h.rows);
  for (let r = 0; r < h.rows; r++) out[r] = dotv(h.data.subarray(r * h.cols, (r + 1) * h.cols), u);
  return out;
}

/** The smallest angle between two rows of the student or between a student row and a teacher row. */
function minAngleGap(p: TeacherStudent, w: Float64Array): number {
  const rows: number[][] = [];
  for (let i = 0; i < p.n; i++) rows.push(Array.from(w.subarray(i * p.d, (i + 1) * p.d)));
  const teach: number[][] = [];
  for (let j = 0; j < p.k; j++) teach.push(Array.from(p.teacher.subarray(j * p.d, (j + 1) * p.d)));
  let gap = Math.PI;
  const angle = (a: number[], b: number[]) => {
    const c = a.reduce((s, x, i) => s + x * b[i]!, 0) / (Math.hypot(...a) * Math.hypot(...b));
    return Math.acos(Math.max(-1, Math.min(1, c)));
  };
  for (let i = 0; i < rows.length; i++) {
    for (let ii = i + 1; ii < rows.length; ii++) {
      const t = angle(rows[i]!, rows[ii]!);
      gap = Math.min(gap, t, Math.PI - t);
    }
    for (const v of teach) {
      const t = angle(rows[i]!, v);
      gap = Math.min(gap, t, Math.PI - t);
    }
  }
  return gap;
}

// ---- Randomised quasi-Monte-Carlo: Halton points, Cranley–Patterson shifts, Box–Muller pairs -----------------

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19];

function radicalInverse(index: number, base: number): number {
  let result = 0;
  let f = 1 / base;
  let i = index;
  while (i > 0) {
    result += f * (i % base);
    i = Math.floor(i / base);
    f /= base;
  }
  return result;
}

/**
 * F(W) = ½E[(Σ relu(w_i·x) − Σ relu(v_j·x))²] by R independent random shifts of an N-point Halton set in
 * 2⌈d/2⌉ dimensions, mapped to N(0, I) by Box–Muller on consecutive pairs. Returns the mean of the R replicate
 * estimates and its standard error (the replicates are i.i.d. given the seed).
 */
function qmcPopulationLoss(
  p: TeacherStudent,
  w: Float64Array,
  seed: number,
  points = 4096,
  replicates = 16,
): { mean: number; se: number } {
  const { n, k, d } = p;
  const dims = 2 * Math.ceil(d / 2);
  const rng = seededRng(seed);
  const estimates: number[] = [];
  const x = new Float64Array(dims);
  for (let r = 0; r < replicates; r++) {
    const shift = Array.from({ length: dims }, () => rng.uniform());
    let sum = 0;
    for (let t = 1; t <= points; t++) {
      for (let q = 0; q < dims; q += 2) {
        let u1 = (radicalInverse(t, PRIMES[q]!) + shift[q]!) % 1;
        const u2 = (radicalInverse(t, PRIMES[q + 1]!) + shift[q + 1]!) % 1;
        if (u1 === 0) u1 = Number.MIN_VALUE;
        const radius = Math.sqrt(-2 * Math.log(u1));
        x[q] = radius * Math.cos(2 * Math.PI * u2);
        x[q + 1] = radius * Math.sin(2 * Math.PI * u2);
      }
      let out = 0;
      for (let i = 0; i < n; i++) {
        let z = 0;
        for (let c = 0; c < d; c++) z += w[i * d + c]! * x[c]!;
        out += Math.max(z, 0);
      }
      for (let j = 0; j < k; j++) {
        let z = 0;
        for (let c = 0; c < d; c++) z += p.teacher[j * d + c]! * x[c]!;
        out -= Math.max(z, 0);
      }
      sum += 0.5 * out * out;
    }
    estimates.push(sum / points);
  }
  const mean = estimates.reduce((a, b) => a + b, 0) / replicates;
  const variance = estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (replicates - 1);
  return { mean, se: Math.sqrt(variance / replicates) };
}

/** Two-sided 99.99% quantile of Student's t with 15 degrees of freedom (16 replicates): a false alarm in 10⁴. */
const T15_9999 = 5.239;

describe('Gaussian ReLU kernel', () => {
  test('E[relu(w·x)²] = |w|²/2 and f(w, −w) = 0 (θ = 0 and θ = π)', () => {
    for (const w of [
      [1, 0],
      [0.3, -2.5],
      [1e-3, 4e3, 2],
    ]) {
      const sq = w.reduce((s, x) => s + x * x, 0);
      expect(isClose(reluKernel(w, w), sq / 2, 1e-15, sq)).toBe(true);
      expect(
        isClose(
          reluKernel(
            w,
            w.map((x) => -x),
          ),
          0,
          1e-15,
          sq,
        ),
      ).toBe(true);
    }
  });

  test('orthogonal unit vectors: f = 1/(2π)', () => {
    expect(isClose(reluKernel([1, 0, 0], [0, 1, 0]), 1 / (2 * Math.PI), 1e-15)).toBe(true);
  });
});

describe('population loss F(W) (closed form, docs/derivations.md#gaussian-relu-kernel)', () => {
  test.prop([caseArb, fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 15 })(
    'closed form equals a randomised Halton quasi-Monte-Carlo estimate within t₁₅ 99.99% of its standard error',
    ({ p, w }, seed) => {
      const exact = populationLoss(p, w);
      const { mean, se } = qmcPopulationLoss(p, w, seed);
      expect(Number.isFinite(exact) && Number.isFinite(mean) && Number.isFinite(se)).toBe(true);
      expect(Math.abs(exact - mean)).toBeLessThanOrEqual(T15_9999 * se + 1e-12 * (1 + exact));
    },
  );

  test('the [VER] Monte-Carlo value: F at the k = 7 spurious point ≈ 0.02320 (2·10⁶ samples there)', () => {
    // Safran–Shamir's example (catalogPoints.ts), not Newton-refined: F agrees with the MC estimate to 3 digits.
    const d = 7;
    const w = new Float64Array(d * d);
    for (let c = 0; c < d; c++) w[c] = c === 0 ? -0.6327039049 : 0.1859910463;
    for (let i = 1; i < d; i++)
      for (let c = 0; c < d; c++)
        w[i * d + c] = c === 0 ? 0.2616910758 : c === i ? 0.9969227988 : -0.0350801559;
    const eye = new Float64Array(d * d);
    for (let c = 0; c < d; c++) eye[c * d + c] = 1;
    const p = teacherStudent(eye, d, d, d);
    expect(Math.abs(populationLoss(p, w) - 0.0232)).toBeLessThan(5e-5);
  });

  test.prop([caseArb], { numRuns: 60 })(
    'F ≥ 0, F(V) = 0 and F is invariant under permutations of the student rows',
    ({ p, w }) => {
      const value = populationLoss(p, w);
      const scale = p.teacherTerm + populationLoss({ ...p, teacherTerm: 0 }, w) + 1;
      expect(value).toBeGreaterThanOrEqual(-1e-14 * scale);
      const teacherAsStudent = teacherStudent(p.teacher, p.k, p.d, p.k);
      expect(Math.abs(populationLoss(teacherAsStudent, p.teacher))).toBeLessThanOrEqual(
        1e-14 * (1 + p.teacherTerm),
      );
      const reversed = new Float64Array(w.length);
      for (let i = 0; i < p.n; i++) reversed.set(w.subarray(i * p.d, (i + 1) * p.d), (p.n - 1 - i) * p.d);
      expect(isClose(populationLoss(p, reversed), value, 1e-13, 1 + Math.abs(value))).toBe(true);
    },
  );

  test.prop([caseArb], { numRuns: 80 })(
    `gradient equals Richardson central differences along a unit direction (rel. err ≤ ${POPULATION_FD_RTOL})`,
    ({ p, w, u }) => {
      const { value, gradient } = populationValueAndGradient(p, w);
      expect(isClose(value, populationLoss(p, w), 1e-14, 1 + Math.abs(value))).toBe(true);
      const fd = centralDifference((t) => populationLoss(p, t), w, u, FD_STEP);
      expect(
        isClose(dotv(gradient, u), fd, POPULATION_FD_RTOL, 1 + Math.abs(value) + Math.hypot(...gradient)),
      ).toBe(true);
    },
  );

  test.prop([caseArb], { numRuns: 80 })(
    `Hessian·u equals central differences of the gradient (rel. err ≤ ${POPULATION_FD_RTOL}) away from θ ∈ {0, π}`,
    ({ p, w, u }) => {
      // The kernel's third derivative jumps at θ ∈ {0, π} (the θ³ term); keep the probes 100·h away in angle.
      fc.pre(minAngleGap(p, w) > 100 * FD_STEP);
      const h = populationHessian(p, w);
      const hu = matVec(p, w, u);
      const fd = centralDifferenceVector((t) => populationValueAndGradient(p, t).gradient, w, u, FD_STEP);
      let scale = 1;
      for (let i = 0; i < h.data.length; i++) scale = Math.max(scale, Math.abs(h.data[i]!));
      expect(maxAbsDiff(hu, fd)).toBeLessThanOrEqual(POPULATION_FD_RTOL * scale);
      // symmetric
      for (let r = 0; r < h.rows; r++)
        for (let c = 0; c < r; c++)
          expect(isClose(h.data[r * h.cols + c]!, h.data[c * h.cols + r]!, 1e-14, scale)).toBe(true);
    },
  );
});

describe('degenerate angles and collapsing neurons', () => {
  const d = 3;
  const v = Float64Array.from([0.6, -1.2, 0.9]);
  const p = teacherStudent(v, 1, d, 2);

  test('θ = 0 and θ = π: gradient equals finite differences and the Hessian is the limit of nearby Hessians', () => {
    // student rows: one parallel to the teacher (θ = 0), one antiparallel (θ = π); also parallel to each other.
    for (const w of [
      Float64Array.from([...v, ...v.map((x) => -2 * x)]),
      Float64Array.from([...v.map((x) => 0.5 * x), ...v]),
    ]) {
      const { value, gradient } = populationValueAndGradient(p, w);
      const hw = populationHessian(p, w);
      expect(gradient.every(Number.isFinite) && hw.data.every(Number.isFinite)).toBe(true);
      const u = Float64Array.from([0.3, -0.1, 0.5, 0.2, 0.7, -0.4]);
      const size = Math.hypot(...u);
      for (let i = 0; i < u.length; i++) u[i]! /= size;
      const fd = centralDifference((t) => populationLoss(p, t), w, u);
      expect(isClose(dotv(gradient, u), fd, POPULATION_FD_RTOL, 1 + Math.abs(value))).toBe(true);
      // ∇²F is continuous at θ ∈ {0, π} (F is C² there): H(W + εu) → H(W) linearly in ε.
      const errors = [1e-3, 1e-5].map((eps) => {
        const near = Float64Array.from(w, (x, i) => x + eps * u[i]!);
        return maxAbsDiff(populationHessian(p, near).data, hw.data);
      });
      expect(errors[1]!).toBeLessThanOrEqual(errors[0]! / 30 + 1e-12);
    }
  });

  test('rows with |w| from 1e-320 to 1e-12 and exactly 0: value, gradient and Hessian finite; the kink is reported', () => {
    for (const size of [0, 1e-320, 1e-300, 1e-200, 1e-160, 1e-120, 1e-40, 1e-12]) {
      const w = Float64Array.from([size, -size / 3, size / 7, 0.4, 0.1, -0.8]);
      const value = populationLoss(p, w);
      const { gradient } = populationValueAndGradient(p, w);
      const h = populationHessian(p, w);
      expect(Number.isFinite(value), `value at |w| = ${size}`).toBe(true);
      expect(gradient.every(Number.isFinite), `gradient at |w| = ${size}`).toBe(true);
      expect(h.data.every(Number.isFinite), `Hessian at |w| = ${size}`).toBe(true);
      expect(populationNonDifferentiable(p, w)).toMatch(/neuron 0/);
      // F is continuous at w = 0: the zero-row value is the limit.
      const zero = Float64Array.from([0, 0, 0, 0.4, 0.1, -0.8]);
      expect(isClose(value, populationLoss(p, zero), 1e-10, 1)).toBe(true);
    }
    expect(populationNonDifferentiable(p, Float64Array.from([1e-6, 0, 0, 0.4, 0.1, -0.8]))).toBeNull();
  });

  test('the subject kind: JSON in, same objective; bad shapes are user errors naming both shapes', () => {
    const model = subjectModel({
      kind: 'gaussian-teacher-student',
      student: [
        [1, 0],
        [0, 1],
      ],
      teacher: [
        [1, 0],
        [0, 1],
      ],
    });
    expect(model.objective.value(model.theta)).toBeCloseTo(0, 14);
    expect(model.toPoint(model.theta)).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(() => model.fromPoint([[1, 0, 0]])).toThrow(/1×3 at row 0, expected 1×2/);
    expect(() => model.fromPoint([[1, 0]])).toThrow(/point is 1×2, expected 2×2/);
    expect(() =>
      subjectModel({ kind: 'gaussian-teacher-student', student: [[1, 0]], teacher: [[1, 0, 1]] }),
    ).toThrow(/student is 1×2/);
    expect(() =>
      subjectModel({ kind: 'gaussian-teacher-student', student: [[Number.NaN, 0]], teacher: [[1, 0]] }),
    ).toThrow(/finite/);
  });
});
