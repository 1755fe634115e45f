import { NonFiniteError, ShapeError, UserError } from '../../errors.js';
import { type DenseMatrix, dense } from '../../linalg/index.js';
import type { Objective } from '../objective.js';
import type { SubjectModel } from '../subjectModel.js';
import type { AnyPoint, GaussianTeacherStudentJson } from '../subjectTypes.js';
import { INV_TWO_PI, kernelShape, rowNorm, unitAngle } from './reluKernel.js';
import { NEURON_NEAR_ZERO_RTOL, NEURON_ZERO_RTOL } from './tolerances.js';

/**
 * The population loss of a two-layer ReLU student against a ReLU teacher, unit output weights, x ~ N(0, I_d):
 *   F(W) = ½ E[(Σ_i relu(w_i·x) − Σ_j relu(v_j·x))²]
 *        = ½ Σ_{i,i'} f(w_i, w_i') − Σ_{i,j} f(w_i, v_j) + ½ Σ_{j,j'} f(v_j, v_j'),
 * with the Gaussian ReLU kernel f of reluKernel.ts (docs/derivations.md#gaussian-relu-kernel). Coordinates: the student matrix W
 * (n×d, row = neuron) in row-major order. F is C² wherever every student row is non-zero.
 */
export interface TeacherStudent {
  /** Teacher neurons k, input dimension d, student neurons n. */
  readonly k: number;
  readonly d: number;
  readonly n: number;
  /** Teacher rows V (k×d, row-major). */
  readonly teacher: Float64Array;
  /** |v_j| and v̂_j (zero rows contribute nothing: f(w, 0) = 0). */
  readonly teacherNorms: Float64Array;
  readonly teacherUnits: Float64Array;
  /** ½ Σ_{j,j'} f(v_j, v_j'): F at W = 0 and the constant of the expansion. */
  readonly teacherTerm: number;
  /** max(1, max_j |v_j|): the scale of the zero-neuron thresholds. */
  readonly scale: number;
}

/** Build the problem from a teacher matrix (k×d row-major) and a student width n. */
export function teacherStudent(teacher: Float64Array, k: number, d: number, n: number): TeacherStudent {
  if (teacher.length !== k * d)
    throw new ShapeError(`teacher has ${teacher.length} entries, expected ${k}×${d}`);
  const teacherNorms = new Float64Array(k);
  const teacherUnits = new Float64Array(k * d);
  let scale = 1;
  for (let j = 0; j < k; j++) {
    const b = rowNorm(teacher, j * d, d);
    teacherNorms[j] = b;
    scale = Math.max(scale, b);
    if (b > 0) for (let c = 0; c < d; c++) teacherUnits[j * d + c] = teacher[j * d + c]! / b;
  }
  let term = 0;
  for (let j = 0; j < k; j++) {
    const bj = teacherNorms[j]!;
    if (bj === 0) continue;
    term += (bj * bj) / 2;
    for (let jj = j + 1; jj < k; jj++) {
      const bjj = teacherNorms[jj]!;
      if (bjj === 0) continue;
      const theta = unitAngle(teacherUnits, j * d, teacherUnits, jj * d, d);
      term += 2 * bj * bjj * INV_TWO_PI * kernelShape(theta);
    }
  }
  return { k, d, n, teacher, teacherNorms, teacherUnits, teacherTerm: term / 2, scale };
}

/** Row norms and unit rows of W; rows at or below the zero threshold get a zero unit vector and flag 1. */
function studentRows(
  p: TeacherStudent,
  w: Float64Array,
): { norms: Float64Array; units: Float64Array; zero: Uint8Array } {
  const { n, d } = p;
  if (w.length !== n * d) throw new ShapeError(`student has ${w.length} entries, expected ${n}×${d}`);
  const norms = new Float64Array(n);
  const units = new Float64Array(n * d);
  const zero = new Uint8Array(n);
  const threshold = NEURON_ZERO_RTOL * p.scale;
  for (let i = 0; i < n; i++) {
    const a = rowNorm(w, i * d, d);
    norms[i] = a;
    if (!(a > threshold)) {
      zero[i] = 1;
      continue;
    }
    for (let c = 0; c < d; c++) units[i * d + c] = w[i * d + c]! / a;
  }
  return { norms, units, zero };
}

/** F(W). */
export function populationLoss(p: TeacherStudent, w: Float64Array): number {
  const { n, k, d } = p;
  const { norms, units, zero } = studentRows(p, w);
  let value = p.teacherTerm;
  for (let i = 0; i < n; i++) {
    if (zero[i] === 1) continue;
    const ai = norms[i]!;
    value += (ai * ai) / 4;
    for (let ii = i + 1; ii < n; ii++) {
      if (zero[ii] === 1) continue;
      value += ai * norms[ii]! * INV_TWO_PI * kernelShape(unitAngle(units, i * d, units, ii * d, d));
    }
    for (let j = 0; j < k; j++) {
      const bj = p.teacherNorms[j]!;
      if (bj === 0) continue;
      value -= ai * bj * INV_TWO_PI * kernelShape(unitAngle(units, i * d, p.teacherUnits, j * d, d));
    }
  }
  return value;
}

/**
 * F(W) and ∇F(W): ∇_{w_i}F = w_i/2 + Σ_{i'≠i} ∇_w f(w_i, w_i') − Σ_j ∇_w f(w_i, v_j). At a zero row the
 * gradient is the convention θ := π/2 (∇_w f(0, v) := v/4), finite; F is not differentiable there.
 */
export function populationValueAndGradient(
  p: TeacherStudent,
  w: Float64Array,
): { value: number; gradient: Float64Array } {
  const { n, k, d } = p;
  const { norms, units, zero } = studentRows(p, w);
  const g = new Float64Array(n * d);
  let value = p.teacherTerm;
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    const ai = norms[i]!;
    if (zero[i] === 0) {
      value += (ai * ai) / 4;
      for (let c = 0; c < d; c++) g[oi + c]! += w[oi + c]! / 2;
    }
    for (let ii = i + 1; ii < n; ii++) {
      const oii = ii * d;
      if (zero[i] === 1 || zero[ii] === 1) {
        // Convention at a zero row: ∇_w f(0, v) = v/4; the partner's ∇_v f(0, v) = 0 (f ≤ |w||v|/2).
        if (zero[i] === 1 && zero[ii] === 0) for (let c = 0; c < d; c++) g[oi + c]! += w[oii + c]! / 4;
        if (zero[ii] === 1 && zero[i] === 0) for (let c = 0; c < d; c++) g[oii + c]! += w[oi + c]! / 4;
        continue;
      }
      const aii = norms[ii]!;
      const theta = unitAngle(units, oi, units, oii, d);
      const s = Math.sin(theta);
      const rest = (Math.PI - theta) * INV_TWO_PI;
      value += ai * aii * INV_TWO_PI * (s + (Math.PI - theta) * Math.cos(theta));
      // ∇_w f(w, v) = (1/2π)(|v| sin θ ŵ + (π − θ) v), for (w_i, w_ii) and (w_ii, w_i).
      const ci = aii * s * INV_TWO_PI;
      const cii = ai * s * INV_TWO_PI;
      for (let c = 0; c < d; c++) {
        g[oi + c]! += ci * units[oi + c]! + rest * w[oii + c]!;
        g[oii + c]! += cii * units[oii + c]! + rest * w[oi + c]!;
      }
    }
    for (let j = 0; j < k; j++) {
      const bj = p.teacherNorms[j]!;
      if (bj === 0) continue;
      const oj = j * d;
      if (zero[i] === 1) {
        for (let c = 0; c < d; c++) g[oi + c]! -= p.teacher[oj + c]! / 4;
        continue;
      }
      const theta = unitAngle(units, oi, p.teacherUnits, oj, d);
      const s = Math.sin(theta);
      const rest = (Math.PI - theta) * INV_TWO_PI;
      value -= ai * bj * INV_TWO_PI * (s + (Math.PI - theta) * Math.cos(theta));
      const ci = bj * s * INV_TWO_PI;
      for (let c = 0; c < d; c++) g[oi + c]! -= ci * units[oi + c]! + rest * p.teacher[oj + c]!;
    }
  }
  return { value, gradient: g };
}

/** unit(x − c·y) for unit rows x, y (length d) into out; returns false (out = 0) when the difference is 0. */
function orthogonalUnit(
  x: Float64Array,
  xo: number,
  y: Float64Array,
  yo: number,
  cos: number,
  d: number,
  out: Float64Array,
): boolean {
  let s = 0;
  for (let c = 0; c < d; c++) {
    const t = x[xo + c]! - cos * y[yo + c]!;
    out[c] = t;
    s += t * t;
  }
  const size = Math.sqrt(s);
  if (!(size > 0)) {
    out.fill(0);
    return false;
  }
  for (let c = 0; c < d; c++) out[c]! /= size;
  return true;
}

/** H[block (bi, bi)] += coef·(I − ûûᵀ + n̂n̂ᵀ)  (h1 times its scalar). */
function addH1(
  h: Float64Array,
  p: number,
  bi: number,
  d: number,
  coef: number,
  u: Float64Array,
  uo: number,
  nh: Float64Array,
): void {
  if (coef === 0) return;
  for (let r = 0; r < d; r++) {
    const row = (bi + r) * p + bi;
    const ur = u[uo + r]!;
    const nr = nh[r]!;
    for (let c = 0; c < d; c++) {
      h[row + c]! += coef * ((r === c ? 1 : 0) - ur * u[uo + c]! + nr * nh[c]!);
    }
  }
}

/**
 * The exact Hessian ∇²F(W) (n·d × n·d): diagonal blocks ½I + Σ_{i'≠i} h1(w_i, w_i') − Σ_j h1(w_i, v_j),
 * off-diagonal blocks h2(w_i, w_i') (reluKernel.ts). At a zero row the conventions h1 := 0, h2 := I/4 (θ := π/2)
 * keep it finite.
 */
export function populationHessian(p: TeacherStudent, w: Float64Array): DenseMatrix {
  const { n, k, d } = p;
  const dim = n * d;
  const { norms, units, zero } = studentRows(p, w);
  const out = dense(dim, dim);
  const h = out.data;
  const nh = new Float64Array(d);
  const mh = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    for (let c = 0; c < d; c++) h[(oi + c) * dim + oi + c]! += 0.5;
    const ai = norms[i]!;
    for (let ii = i + 1; ii < n; ii++) {
      const oii = ii * d;
      if (zero[i] === 1 || zero[ii] === 1) {
        for (let c = 0; c < d; c++) {
          h[(oi + c) * dim + oii + c]! += 0.25;
          h[(oii + c) * dim + oi + c]! += 0.25;
        }
        continue;
      }
      const aii = norms[ii]!;
      const theta = unitAngle(units, oi, units, oii, d);
      const s = Math.sin(theta);
      const cos = Math.cos(theta);
      // n̂ = unit(ŵ_ii − cos θ ŵ_i) (for h1(w_i, w_ii)), m̂ = unit(ŵ_i − cos θ ŵ_ii) (for h1(w_ii, w_i)).
      orthogonalUnit(units, oii, units, oi, cos, d, nh);
      orthogonalUnit(units, oi, units, oii, cos, d, mh);
      addH1(h, dim, oi, d, (aii * s * INV_TWO_PI) / ai, units, oi, nh);
      addH1(h, dim, oii, d, (ai * s * INV_TWO_PI) / aii, units, oii, mh);
      // h2(w_i, w_ii) = (1/2π)((π − θ)I + sin θ ŵ_i ŵ_iiᵀ + sin θ n̂ m̂ᵀ), and its transpose below the diagonal.
      const rest = (Math.PI - theta) * INV_TWO_PI;
      const sc = s * INV_TWO_PI;
      for (let r = 0; r < d; r++) {
        const ur = units[oi + r]!;
        const nr = nh[r]!;
        for (let c = 0; c < d; c++) {
          const v = (r === c ? rest : 0) + sc * (ur * units[oii + c]! + nr * mh[c]!);
          h[(oi + r) * dim + oii + c]! += v;
          h[(oii + c) * dim + oi + r]! += v;
        }
      }
    }
    if (zero[i] === 1) continue;
    for (let j = 0; j < k; j++) {
      const bj = p.teacherNorms[j]!;
      if (bj === 0) continue;
      const oj = j * d;
      const theta = unitAngle(units, oi, p.teacherUnits, oj, d);
      const s = Math.sin(theta);
      orthogonalUnit(p.teacherUnits, oj, units, oi, Math.cos(theta), d, nh);
      addH1(h, dim, oi, d, (-bj * s * INV_TWO_PI) / ai, units, oi, nh);
    }
  }
  return out;
}

/** The reason F is not twice differentiable at W (a student row at or near 0), or null. */
export function populationNonDifferentiable(p: TeacherStudent, w: Float64Array): string | null {
  const threshold = NEURON_NEAR_ZERO_RTOL * p.scale;
  for (let i = 0; i < p.n; i++) {
    const a = rowNorm(w, i * p.d, p.d);
    if (!(a > threshold)) {
      return `student neuron ${i} has norm ${a.toExponential(2)} ≤ NEURON_NEAR_ZERO_RTOL·scale (F is not differentiable at w = 0)`;
    }
  }
  return null;
}

/** F as an Objective over the student matrix (row-major). No continuous symmetries: permutations are discrete
 *  and the unit output weights are fixed, so there is no rescaling direction. */
export function populationObjective(p: TeacherStudent): Objective {
  return {
    dim: p.n * p.d,
    value: (w) => populationLoss(p, w),
    valueAndGradient: (w) => populationValueAndGradient(p, w),
    hessian: (w) => populationHessian(p, w),
    nonDifferentiable: (w) => populationNonDifferentiable(p, w),
    symmetryDirections: () => [],
  };
}

/** Rows of a JSON matrix as a flat row-major array; user errors name the field and the shape. */
export function matrixFromRows(
  rows: readonly (readonly number[])[],
  name: string,
  cols?: number,
): { data: Float64Array; rows: number; cols: number } {
  if (!Array.isArray(rows) || rows.length === 0)
    throw new UserError(`${name} must be a non-empty array of rows`);
  const width = cols ?? rows[0]!.length;
  if (!(width >= 1)) throw new ShapeError(`${name} rows are empty, expected at least one column`);
  const data = new Float64Array(rows.length * width);
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new ShapeError(
        `${name} is ${rows.length}×${Array.isArray(row) ? row.length : '?'} at row ${i}, expected ${rows.length}×${width}`,
      );
    }
    row.forEach((x, c) => {
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new NonFiniteError(`${name}[${i}][${c}] is ${String(x)}, expected a finite number`);
      data[i * width + c] = x;
    });
  });
  return { data, rows: rows.length, cols: width };
}

/** Row-major data (rows×cols) as nested arrays. */
export function rowsOf(data: Float64Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
}

/** The `gaussian-teacher-student` subject as an objective (closed-form population loss, exact derivatives). */
export function teacherStudentModel(subject: GaussianTeacherStudentJson): SubjectModel {
  const teacher = matrixFromRows(subject.teacher, 'teacher');
  const student = matrixFromRows(subject.student, 'student', teacher.cols);
  const problem = teacherStudent(teacher.data, teacher.rows, teacher.cols, student.rows);
  const { n, d } = problem;
  return {
    kind: 'gaussian-teacher-student',
    objective: populationObjective(problem),
    theta: student.data,
    toPoint: (theta) => {
      if (theta.length !== n * d)
        throw new ShapeError(`student vector has ${theta.length} entries, expected ${n}×${d}`);
      return rowsOf(theta, n, d);
    },
    fromPoint(point: AnyPoint) {
      if (!Array.isArray(point) || !point.every((row) => Array.isArray(row))) {
        throw new UserError('a gaussian-teacher-student point must be a student matrix (array of rows)');
      }
      const m = matrixFromRows(point as readonly (readonly number[])[], 'point', d);
      if (m.rows !== n) throw new ShapeError(`point is ${m.rows}×${d}, expected ${n}×${d}`);
      return m.data;
    },
  };
}
