import type { GaussianTeacherStudentJson } from '../landscape/subjectTypes.js';
import * as I from './interval.js';
import { add, constant, type Jet, mul, scale, sub, variable } from './jet.js';
import { acosJet, reciprocalJet, sqrtJet } from './jetFunctions.js';
import { UnprovableSubject } from './mlp.js';
import type { Enclosure, IntervalProblem } from './problem.js';

/**
 * The Safran–Shamir population loss re-derived in interval arithmetic (separate from
 * src/landscape/population): for x ~ N(0, I_d), unit output weights,
 *   F(W) = ½ Σ_{i,i'} f(w_i, w_i') − Σ_{i,j} f(w_i, v_j) + ½ Σ_{j,j'} f(v_j, v_j'),
 *   f(w, v) = (1/2π)(√(|w|²|v|² − (w·v)²) + (π − arccos(w·v / (|w||v|))) w·v),
 * which is the Gaussian ReLU kernel |w||v|(sin θ + (π − θ) cos θ)/2π written without sin and cos, and
 * f(w, w) = |w|²/2. f is C² where |w||v| > 0 and w, v are not parallel; a box where that fails gives ENTIRE
 * enclosures (no proof). Each pair term is a function g(a, b, p) of a = |w|², b = |v|², p = w·v, enclosed on
 * 3-variable jets and pulled back by the chain rule ∇²f = Σ g_αβ ∇α∇βᵀ + Σ g_α ∇²α.
 * Coordinates: the student matrix W row-major (neuron by neuron). There are no continuous symmetries (the
 * output weights are fixed to 1, so relu's rescaling does not act); neuron permutations map a strict minimum
 * to another strict minimum and do not affect the proof at a point.
 */

export const POPULATION_COORDINATES = 'the student matrix W (n×d), row-major';

/** g(a, b, p) on 3-variable jets over the given intervals. */
function kernelJet(a: I.Interval, b: I.Interval, p: I.Interval): Jet {
  const ja = variable(3, 0, a);
  const jb = variable(3, 1, b);
  const jp = variable(3, 2, p);
  const ab = mul(ja, jb);
  const s = sqrtJet(sub(ab, mul(jp, jp)));
  const c = mul(jp, reciprocalJet(sqrtJet(ab)));
  const angle = sub(constant(3, I.PI), acosJet(c));
  return scale(add(s, mul(angle, jp)), I.div(I.point(1), I.scale(I.PI, 2)));
}

/** Enclosures of a pair term's value, gradient and Hessian, accumulated into the global arrays. */
class Accumulator {
  lo = 0;
  hi = 0;
  readonly glo: Float64Array;
  readonly ghi: Float64Array;
  readonly hlo: Float64Array;
  readonly hhi: Float64Array;
  constructor(
    readonly n: number,
    /** 0: value only, 1: value and gradient, 2: also the Hessian (the work below the order is skipped). */
    readonly order: 0 | 1 | 2 = 2,
  ) {
    this.glo = new Float64Array(n);
    this.ghi = new Float64Array(n);
    this.hlo = new Float64Array(n * n);
    this.hhi = new Float64Array(n * n);
  }
  value(v: I.Interval): void {
    this.lo = I.nextDown(this.lo + v.lo);
    this.hi = I.nextUp(this.hi + v.hi);
  }
  grad(i: number, v: I.Interval): void {
    if (this.order < 1) return;
    this.glo[i] = I.nextDown(this.glo[i]! + v.lo);
    this.ghi[i] = I.nextUp(this.ghi[i]! + v.hi);
  }
  hess(i: number, j: number, v: I.Interval): void {
    if (this.order < 2) return;
    const k = i * this.n + j;
    this.hlo[k] = I.nextDown(this.hlo[k]! + v.lo);
    this.hhi[k] = I.nextUp(this.hhi[k]! + v.hi);
  }
}

/** One entry of a local gradient: which global coordinate and the interval value (empty for constants). */
interface Local {
  readonly index: readonly number[];
  /** ∇a, ∇b, ∇p restricted to `index` (null: that quantity is constant). */
  readonly grads: readonly (readonly I.Interval[] | null)[];
}

export function populationIntervalProblem(subject: GaussianTeacherStudentJson): IntervalProblem {
  const n = subject.student.length;
  const d = subject.student[0]!.length;
  if (subject.teacher.some((row) => row.length !== d) || subject.student.some((row) => row.length !== d))
    throw new UnprovableSubject('student and teacher rows must have the same length');
  const center = Float64Array.from(subject.student.flat());
  const dim = n * d;
  const teacher = subject.teacher.map((row) => row.map((x) => I.point(x)));

  function dotIv(u: readonly I.Interval[], v: readonly I.Interval[]): I.Interval {
    let s = I.point(0);
    for (let c = 0; c < u.length; c++) s = I.add(s, I.mul(u[c]!, v[c]!));
    return s;
  }
  function norm2(u: readonly I.Interval[]): I.Interval {
    let s = I.point(0);
    for (const x of u) s = I.add(s, I.sqr(x));
    return s;
  }

  /** Add sign·f(w, v) for local coordinates `local` with quantities a, b, p and their ∇²: 2I for a, b; I (cross) for p. */
  function addPair(
    acc: Accumulator,
    sign: number,
    a: I.Interval,
    b: I.Interval,
    p: I.Interval,
    local: Local,
    secondOrder: (g: readonly I.Interval[]) => void,
  ): void {
    const g = kernelJet(a, b, p);
    acc.value(I.scale(g.value, sign));
    if (acc.order < 1) return;
    const m = local.index.length;
    const ga = [g.gradient(0), g.gradient(1), g.gradient(2)].map((x) => I.scale(x, sign));
    for (let t = 0; t < m; t++) {
      let v = I.point(0);
      for (let alpha = 0; alpha < 3; alpha++) {
        const grad = local.grads[alpha];
        if (grad !== null && grad !== undefined) v = I.add(v, I.mul(ga[alpha]!, grad[t]!));
      }
      acc.grad(local.index[t]!, v);
    }
    if (acc.order < 2) return;
    const gh: I.Interval[][] = [0, 1, 2].map((x) => [0, 1, 2].map((y) => I.scale(g.hessian(x, y), sign)));
    for (let s = 0; s < m; s++)
      for (let t = 0; t < m; t++) {
        let v = I.point(0);
        for (let alpha = 0; alpha < 3; alpha++) {
          const gs = local.grads[alpha];
          if (gs === null || gs === undefined) continue;
          for (let beta = 0; beta < 3; beta++) {
            const gt = local.grads[beta];
            if (gt === null || gt === undefined) continue;
            v = I.add(v, I.mul(gh[alpha]![beta]!, I.mul(gs[s]!, gt[t]!)));
          }
        }
        acc.hess(local.index[s]!, local.index[t]!, v);
      }
    secondOrder(ga);
  }

  function enclose(lo: Float64Array, hi: Float64Array, order: 0 | 1 | 2 = 2): Enclosure {
    const acc = new Accumulator(dim, order);
    const w: I.Interval[][] = [];
    for (let i = 0; i < n; i++) {
      const row: I.Interval[] = [];
      for (let c = 0; c < d; c++) row.push(I.interval(lo[i * d + c]!, hi[i * d + c]!));
      w.push(row);
    }
    const norms = w.map(norm2);
    const teacherNorms = teacher.map(norm2);
    // the teacher term ½ Σ_{j,j'} f(v_j, v_j'): ¼|v_j|² on the diagonal, f(v_j, v_j') for j < j'
    for (let j = 0; j < teacher.length; j++) {
      acc.value(I.scale(teacherNorms[j]!, 0.25));
      for (let jj = j + 1; jj < teacher.length; jj++)
        acc.value(kernelJet(teacherNorms[j]!, teacherNorms[jj]!, dotIv(teacher[j]!, teacher[jj]!)).value);
    }
    for (let i = 0; i < n; i++) {
      const idx = Array.from({ length: d }, (_, c) => i * d + c);
      // ¼|w_i|²: gradient w_i/2, Hessian I/2
      acc.value(I.scale(norms[i]!, 0.25));
      for (let c = 0; c < d; c++) {
        acc.grad(i * d + c, I.scale(w[i]![c]!, 0.5));
        acc.hess(i * d + c, i * d + c, I.point(0.5));
      }
      const twoW = w[i]!.map((x) => I.scale(x, 2));
      for (let ii = i + 1; ii < n; ii++) {
        const idx2 = Array.from({ length: d }, (_, c) => ii * d + c);
        const twoW2 = w[ii]!.map((x) => I.scale(x, 2));
        const zeros = w[i]!.map(() => I.point(0));
        addPair(
          acc,
          1,
          norms[i]!,
          norms[ii]!,
          dotIv(w[i]!, w[ii]!),
          {
            index: [...idx, ...idx2],
            grads: [
              [...twoW, ...zeros],
              [...zeros, ...twoW2],
              [...w[ii]!, ...w[i]!],
            ],
          },
          (ga) => {
            // Σ g_α ∇²α: ∇²a = 2I on block (i,i), ∇²b = 2I on (ii,ii), ∇²p = I on (i,ii) and (ii,i)
            for (let c = 0; c < d; c++) {
              acc.hess(i * d + c, i * d + c, I.scale(ga[0]!, 2));
              acc.hess(ii * d + c, ii * d + c, I.scale(ga[1]!, 2));
              acc.hess(i * d + c, ii * d + c, ga[2]!);
              acc.hess(ii * d + c, i * d + c, ga[2]!);
            }
          },
        );
      }
      for (let j = 0; j < teacher.length; j++) {
        addPair(
          acc,
          -1,
          norms[i]!,
          teacherNorms[j]!,
          dotIv(w[i]!, teacher[j]!),
          { index: idx, grads: [twoW, null, teacher[j]!] },
          (ga) => {
            for (let c = 0; c < d; c++) acc.hess(i * d + c, i * d + c, I.scale(ga[0]!, 2));
          },
        );
      }
    }
    return { value: I.interval(acc.lo, acc.hi), glo: acc.glo, ghi: acc.ghi, hlo: acc.hlo, hhi: acc.hhi };
  }

  /** F at a point by the interval kernels alone (no derivatives: parallel rows, e.g. W = V, are allowed). */
  function valueAt(x: Float64Array): I.Interval {
    const rows = Array.from({ length: x.length / d }, (_, i) =>
      Array.from({ length: d }, (_, c) => I.point(x[i * d + c]!)),
    );
    const kernel = (u: readonly I.Interval[], v: readonly I.Interval[]): I.Interval => {
      const a = norm2(u);
      const b = norm2(v);
      const p = dotIv(u, v);
      const ab = I.mul(a, b);
      if (ab.hi === 0) return I.point(0);
      const c = I.div(p, I.sqrt(ab));
      const s = I.sqrt(I.sub(ab, I.sqr(p)));
      return I.div(I.add(s, I.mul(I.sub(I.PI, I.acos(c)), p)), I.scale(I.PI, 2));
    };
    let total = I.point(0);
    const half = (u: readonly I.Interval[][]): I.Interval => {
      let t = I.point(0);
      u.forEach((row, i) => {
        t = I.add(t, I.scale(norm2(row), 0.25));
        for (let ii = i + 1; ii < u.length; ii++) t = I.add(t, kernel(row, u[ii]!));
      });
      return t;
    };
    total = I.add(half(rows), half(teacher));
    for (const row of rows) for (const v of teacher) total = I.sub(total, kernel(row, v));
    return total;
  }

  return { n: dim, coordinates: POPULATION_COORDINATES, center, enclose, valueAt };
}
