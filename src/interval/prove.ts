import { dense, symmetricEigen } from '../linalg/index.js';
import * as I from './interval.js';
import type { Enclosure, IntervalProblem } from './problem.js';

/**
 * The interval prover of a strict local minimum of a C² function F: Rⁿ → R (the smooth subjects re-derived in
 * src/interval). Around a float centre x̂, the box X = x̂ ± r (every coordinate):
 *
 * 1. Interval Cholesky of H (step 2 below) first: a saddle or an unprovable Hessian stops here.
 * 2. Krawczyk: with G ⊇ ∇F(x̂), H ⊇ {∇²F(x) : x ∈ X} and Y ≈ mid(H)⁻¹ (any float matrix),
 *    K = x̂ − Y·G + (I − Y·H)(X − x̂). If K ⊂ int X, the gradient has exactly one zero x* in X, and x* ∈ K
 *    (Krawczyk 1969; Neumaier, Interval Methods for Systems of Equations, 1990, Thm 5.1.7). If K ∩ X = ∅,
 *    X holds no critical point.
 * 3. Interval Cholesky of H (else the eigenvector-Gershgorin congruence test, eigenGershgorin): if it runs with every pivot's lower end > 0, every symmetric matrix in H is
 *    positive definite (Alefeld, Mayer 1993), so ∇²F ≻ 0 on X and x* is a strict local minimum (the only
 *    critical point, and the minimiser of F over X).
 * 4. F(x*) ∈ F(K): the value enclosed over K.
 * Not global: a point y with sup F(y) < inf F(K) ≤ F(x*).
 */

/** Box radii tried in turn, relative to max(1, ‖x̂‖∞): the first that proves is kept. */
export const PROOF_RADII: readonly number[] = [1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4];

export type Interval2 = readonly [number, number];

/** What a successful proof records (the `proof` of an interval-proof certificate). */
export interface IntervalProof {
  readonly method: 'krawczyk+interval-cholesky';
  readonly coordinates: string;
  readonly dimension: number;
  /** X = x̂ ± radius in every coordinate, x̂ the subject's point. */
  readonly radius: number;
  /** K ⊂ int X: the box holding the unique critical point x*. */
  readonly krawczyk: readonly Interval2[];
  /** max_i Σ_j |I − Y·H|_ij: the contraction bound of the Krawczyk operator (below 1 when it proves). */
  readonly contraction: number;
  /** The smallest lower end of a squared pivot l_jj² of the interval Cholesky of H (> 0: H ≻ 0 on X). */
  readonly choleskyMinPivot?: number;
  /** Absent: interval Cholesky proved H ≻ 0; 'eigenvector-gershgorin': the congruence test (eigenGershgorin). */
  readonly pdTest?: 'eigenvector-gershgorin';
  /** The smallest Gershgorin lower end of Vᵀ·H·V (> 0: H ≻ 0 on X), when pdTest is eigenvector-gershgorin. */
  readonly gershgorinMargin?: number;
  /** F(x*) ⊆ F(K). */
  readonly lossEnclosure: Interval2;
  /** F(betterPoint), when a better point was given: its upper end lies below lossEnclosure's lower end. */
  readonly betterLossEnclosure?: Interval2;
  readonly arithmetic: string;
}

export const ARITHMETIC =
  'float64 interval arithmetic, each end stepped one ulp outward after + − × ÷ √; fdlibm exp/log1p/tanh/acos/sin/cos stepped 4 ulps (src/interval/interval.ts)';

export type ProofOutcome =
  | { readonly ok: true; readonly proof: IntervalProof }
  | { readonly ok: false; readonly reason: string };

function pair(a: I.Interval): Interval2 {
  return [a.lo, a.hi];
}

/** Gauss–Jordan inverse with partial pivoting (float; any approximation is sound for Krawczyk). */
export function floatInverse(a: Float64Array, n: number): Float64Array | null {
  const m = Float64Array.from(a);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]!) > Math.abs(m[p * n + c]!)) p = r;
    const pivot = m[p * n + c]!;
    if (!(Math.abs(pivot) > 0) || !Number.isFinite(pivot)) return null;
    if (p !== c)
      for (let k = 0; k < n; k++) {
        [m[c * n + k], m[p * n + k]] = [m[p * n + k]!, m[c * n + k]!];
        [inv[c * n + k], inv[p * n + k]] = [inv[p * n + k]!, inv[c * n + k]!];
      }
    for (let k = 0; k < n; k++) {
      m[c * n + k] = m[c * n + k]! / pivot;
      inv[c * n + k] = inv[c * n + k]! / pivot;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r * n + c]!;
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        m[r * n + k] = m[r * n + k]! - f * m[c * n + k]!;
        inv[r * n + k] = inv[r * n + k]! - f * inv[c * n + k]!;
      }
    }
  }
  return inv;
}

/** Σ_k y_k·[lo_k, hi_k] with outward rounding (y floats). */
function dot(
  y: Float64Array,
  yOff: number,
  lo: Float64Array,
  hi: Float64Array,
  stride: number,
  off: number,
  n: number,
): I.Interval {
  let sLo = 0;
  let sHi = 0;
  for (let k = 0; k < n; k++) {
    const c = y[yOff + k]!;
    if (c === 0) continue;
    const l = lo[off + k * stride]!;
    const h = hi[off + k * stride]!;
    const p = c > 0 ? c * l : c * h;
    const q = c > 0 ? c * h : c * l;
    sLo = I.nextDown(sLo + I.nextDown(p));
    sHi = I.nextUp(sHi + I.nextUp(q));
  }
  return I.interval(sLo, sHi);
}

/**
 * The interval Cholesky factorisation of a symmetric interval matrix (full n×n lower/upper arrays). Returns the
 * smallest lower end of a squared pivot, or the failing pivot.
 */
export function intervalCholesky(
  hlo: Float64Array,
  hhi: Float64Array,
  n: number,
): { ok: true; minPivot: number } | { ok: false; pivot: number; lower: number } {
  const llo = new Float64Array(n * n);
  const lhi = new Float64Array(n * n);
  let minPivot = Number.POSITIVE_INFINITY;
  for (let j = 0; j < n; j++) {
    let d = I.interval(hlo[j * n + j]!, hhi[j * n + j]!);
    for (let k = 0; k < j; k++) d = I.sub(d, I.sqr(I.interval(llo[j * n + k]!, lhi[j * n + k]!)));
    if (!(d.lo > 0) || !Number.isFinite(d.hi)) return { ok: false, pivot: j, lower: d.lo };
    minPivot = Math.min(minPivot, d.lo);
    const ljj = I.sqrt(d);
    llo[j * n + j] = ljj.lo;
    lhi[j * n + j] = ljj.hi;
    for (let i = j + 1; i < n; i++) {
      let s = I.interval(hlo[i * n + j]!, hhi[i * n + j]!);
      for (let k = 0; k < j; k++) {
        s = I.sub(
          s,
          I.mul(I.interval(llo[i * n + k]!, lhi[i * n + k]!), I.interval(llo[j * n + k]!, lhi[j * n + k]!)),
        );
      }
      const lij = I.div(s, ljj);
      llo[i * n + j] = lij.lo;
      lhi[i * n + j] = lij.hi;
    }
  }
  return { ok: true, minPivot };
}

/**
 * Positive definiteness of every symmetric matrix in [H] by congruence: with V the float eigenvectors of
 * mid(H) (an untrusted preconditioner from src/linalg; any float matrix is sound), B = Vᵀ·[H]·V is enclosed in
 * interval arithmetic; if every Gershgorin disc of B lies right of 0 (B_ii − Σ_{j≠i} |B_ij| > 0), every
 * VᵀAV (A ∈ [H] symmetric) is positive definite, so V is nonsingular and A ≻ 0 by Sylvester's law of inertia.
 * Used when interval Cholesky fails from overestimation (large, ill-conditioned Hessians). Returns the
 * smallest disc's lower end.
 */
export function eigenGershgorin(
  hlo: Float64Array,
  hhi: Float64Array,
  n: number,
): { ok: true; margin: number } | { ok: false; row: number; lower: number } {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const a = I.mid(I.interval(hlo[i * n + j]!, hhi[i * n + j]!));
      const b = I.mid(I.interval(hlo[j * n + i]!, hhi[j * n + i]!));
      m[i * n + j] = a / 2 + b / 2;
    }
  let v: Float64Array;
  try {
    v = symmetricEigen(dense(n, n, m)).vectors.data;
  } catch {
    return { ok: false, row: -1, lower: Number.NaN };
  }
  // vt: row j = column j of V
  const vt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vt[j * n + i] = v[i * n + j]!;
  // C = [H]·V: C_ij = Σ_k H_ik V_kj
  const clo = new Float64Array(n * n);
  const chi = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const c = dot(vt, j * n, hlo, hhi, 1, i * n, n);
      clo[i * n + j] = c.lo;
      chi[i * n + j] = c.hi;
    }
  let margin = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    let diag = Number.NEGATIVE_INFINITY;
    let off = 0;
    for (let j = 0; j < n; j++) {
      // B_ij = Σ_k V_ki C_kj
      const b = dot(vt, i * n, clo, chi, n, j, n);
      if (i === j) diag = b.lo;
      else off = I.nextUp(off + I.mag(b));
    }
    const lower = I.nextDown(diag - off);
    if (!(lower > 0)) return { ok: false, row: i, lower };
    margin = Math.min(margin, lower);
  }
  return { ok: true, margin };
}

function midMatrix(e: Enclosure, n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) m[k] = I.mid(I.interval(e.hlo[k]!, e.hhi[k]!));
  return m;
}

/** One attempt at a given radius (the verifier re-runs exactly this with the recorded radius). */
export function proveAt(problem: IntervalProblem, radius: number, better: Float64Array | null): ProofOutcome {
  const { n, center } = problem;
  if (!(radius > 0) || !Number.isFinite(radius))
    return { ok: false, reason: `radius ${radius} is not positive` };
  const atCenter = problem.enclose(center, center, 1);
  const xlo = new Float64Array(n);
  const xhi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xlo[i] = I.nextDown(center[i]! - radius);
    xhi[i] = I.nextUp(center[i]! + radius);
  }
  const overBox = problem.enclose(xlo, xhi);
  const chol = intervalCholesky(overBox.hlo, overBox.hhi, n);
  const gersh = chol.ok ? null : eigenGershgorin(overBox.hlo, overBox.hhi, n);
  if (!chol.ok && gersh !== null && !gersh.ok) {
    return {
      ok: false,
      reason: `the interval Hessian over X is not provably positive definite (Cholesky pivot ${chol.pivot} has lower end ${chol.lower}; Gershgorin row ${gersh.row} of VᵀHV has lower end ${gersh.lower})`,
    };
  }
  const definite: Pick<IntervalProof, 'choleskyMinPivot' | 'pdTest' | 'gershgorinMargin'> = chol.ok
    ? { choleskyMinPivot: chol.minPivot }
    : { pdTest: 'eigenvector-gershgorin', gershgorinMargin: gersh?.ok ? gersh.margin : 0 };
  const y = floatInverse(midMatrix(overBox, n), n);
  if (y === null) return { ok: false, reason: 'the midpoint Hessian over X is singular' };
  // the rows of I − Y·H: row sums of magnitudes bound the Krawczyk term (I − Y·H)(X − x̂) ⊆ ±radius·rowsum
  let contraction = 0;
  const krawczyk: I.Interval[] = [];
  let empty = false;
  let inside = true;
  let firstOutside = -1;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < n; j++) {
      const yh = dot(y, i * n, overBox.hlo, overBox.hhi, n, j, n);
      const c = I.sub(I.point(i === j ? 1 : 0), yh);
      rowSum = I.nextUp(rowSum + I.mag(c));
    }
    contraction = Math.max(contraction, rowSum);
    const spread = I.nextUp(rowSum * I.nextUp(xhi[i]! - center[i]!));
    const yg = dot(y, i * n, atCenter.glo, atCenter.ghi, 1, 0, n);
    const k = I.interval(
      I.nextDown(I.nextDown(center[i]! - yg.hi) - spread),
      I.nextUp(I.nextUp(center[i]! - yg.lo) + spread),
    );
    krawczyk.push(k);
    const xi = I.interval(xlo[i]!, xhi[i]!);
    if (I.intersect(k, xi) === null) empty = true;
    if (!I.interior(k, xi)) {
      inside = false;
      if (firstOutside < 0) firstOutside = i;
    }
  }
  if (empty) return { ok: false, reason: `no critical point in the box of radius ${radius} (K ∩ X = ∅)` };
  if (!inside) {
    const k = krawczyk[firstOutside]!;
    return {
      ok: false,
      reason: `Krawczyk test fails at radius ${radius}: K_${firstOutside} = [${k.lo}, ${k.hi}] is not inside X (contraction ${contraction.toPrecision(3)})`,
    };
  }
  const klo = Float64Array.from(krawczyk, (k) => k.lo);
  const khi = Float64Array.from(krawczyk, (k) => k.hi);
  const loss = problem.enclose(klo, khi, 0).value;
  if (!I.isBounded(loss)) return { ok: false, reason: 'the loss over K is not finite' };
  const proof: IntervalProof = {
    method: 'krawczyk+interval-cholesky',
    coordinates: problem.coordinates,
    dimension: n,
    radius,
    krawczyk: krawczyk.map(pair),
    contraction,
    ...definite,
    lossEnclosure: pair(loss),
    arithmetic: ARITHMETIC,
  };
  if (better === null) return { ok: true, proof };
  const b = problem.valueAt(better);
  if (!(b.hi < loss.lo)) {
    return {
      ok: false,
      reason: `the better point's loss [${b.lo}, ${b.hi}] is not below the minimum's enclosure [${loss.lo}, ${loss.hi}]`,
    };
  }
  return { ok: true, proof: { ...proof, betterLossEnclosure: pair(b) } };
}

/** Try PROOF_RADII (scaled by max(1, ‖x̂‖∞)) in turn; the reasons of every failure when none proves. */
export function proveStrictMinimum(
  problem: IntervalProblem,
  better: Float64Array | null,
  radii: readonly number[] = PROOF_RADII,
): ProofOutcome {
  let scale = 1;
  for (const x of problem.center) scale = Math.max(scale, Math.abs(x));
  const reasons: string[] = [];
  for (const r of radii) {
    const out = proveAt(problem, r * scale, better);
    if (out.ok) return out;
    reasons.push(out.reason);
    // a saddle or a better point that is not better does not change with the radius
    if (out.reason.startsWith('the better point')) break;
  }
  return { ok: false, reason: reasons.join('; ') };
}

/**
 * Newton steps on the interval midpoints (x ← x − mid(H)⁻¹ mid(∇F)), to centre the box on the critical point
 * before proving. Any float centre is allowed: the proof does not trust it.
 */
export function refineCenter(problem: IntervalProblem, steps = 2): Float64Array {
  const { n } = problem;
  let x = Float64Array.from(problem.center);
  for (let s = 0; s < steps; s++) {
    const e = problem.enclose(x, x);
    const y = floatInverse(midMatrix(e, n), n);
    if (y === null) return x;
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let k = 0; k < n; k++) d += y[i * n + k]! * I.mid(I.interval(e.glo[k]!, e.ghi[k]!));
      next[i] = x[i]! - d;
    }
    x = next;
  }
  return x;
}
