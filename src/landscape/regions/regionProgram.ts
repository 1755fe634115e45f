import { ShapeError, shapeText } from '../../errors.js';
import { type DenseMatrix, leastSquares, matvec } from '../../linalg/index.js';
import { solveProgram } from '../solvers/index.js';
import { type FactoredJacobian, faceSplitMatrix, factoredJacobian, slopesOf } from './regionJacobian.js';
import { REGION_MARGIN_CAP, REGION_MARGIN_RTOL } from './tolerances.js';

/**
 * One activation region of a two-layer network f(x) = Σ_j v_j σ(w̃_j·x̃) with the output weights v frozen and
 * σ = relu (slope 0) or leaky relu: S_A = {W̃ : (2A_ij − 1)·w̃_j·x̃_i > 0 ∀ i, j}. Inside S_A the outputs are
 * linear in W̃, f = J_A·w̃ with J_A = S ⊙ X̃ (docs/derivations.md#region-linearity, and the loss ½‖J_A·w̃ − y‖² is a convex quadratic.
 * Parameters w̃ are unit-major: w̃[j·q + c] (c = q − 1 is the bias when X̃ carries a trailing 1).
 */
export interface RegionProblem {
  readonly n: number;
  readonly d1: number;
  readonly q: number;
  /** X̃, n×q row-major. */
  readonly xt: Float64Array;
  /** A, n×d1 sample-major (1 = active). */
  readonly pattern: Uint8Array;
  readonly v: Float64Array;
  /** Slope of σ on the negative side: 0 for relu. */
  readonly slope: number;
  readonly y: Float64Array;
}

export function regionProblem(p: RegionProblem): RegionProblem {
  const { n, d1, q } = p;
  if (p.xt.length !== n * q)
    throw new ShapeError(`X̃ has ${p.xt.length} entries, expected ${shapeText(n, q)}`);
  if (p.pattern.length !== n * d1)
    throw new ShapeError(`pattern has ${p.pattern.length} entries, expected ${shapeText(n, d1)}`);
  if (p.v.length !== d1) throw new ShapeError(`v has ${p.v.length} entries, expected ${d1}`);
  if (p.y.length !== n) throw new ShapeError(`y has ${p.y.length} entries, expected ${n}`);
  return p;
}

/** J_A of the region, factored. */
export function regionJacobian(p: RegionProblem): FactoredJacobian {
  return factoredJacobian(p.n, p.d1, p.q, slopesOf(p.pattern, p.n, p.d1, p.v, p.slope), p.xt);
}

/** ½‖J_A·w̃ − y‖²: the loss at w̃ if w̃ lies in the region (the region's quadratic everywhere). */
export function regionLoss(p: RegionProblem, w: Float64Array): number {
  const r = matvec(faceSplitMatrix(regionJacobian(p)), w);
  let s = 0;
  for (let i = 0; i < p.n; i++) s += (r[i]! - p.y[i]!) ** 2;
  return 0.5 * s;
}

/**
 * The smallest signed margin of w̃ in the region, relative: min_ij (2A_ij − 1)·w̃_j·x̃_i / ‖x̃_i‖, divided by
 * 1 + max_j ‖w̃_j‖ (so it is scale-aware). Positive: w̃ is strictly inside S_A.
 */
export function regionSlack(p: RegionProblem, w: Float64Array): number {
  const { n, d1, q, xt, pattern } = p;
  let wmax = 0;
  for (let j = 0; j < d1; j++) {
    let s = 0;
    for (let c = 0; c < q; c++) s += w[j * q + c]! ** 2;
    wmax = Math.max(wmax, Math.sqrt(s));
  }
  let slack = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    let xn = 0;
    for (let c = 0; c < q; c++) xn += xt[i * q + c]! ** 2;
    xn = Math.sqrt(xn);
    if (xn === 0) continue;
    for (let j = 0; j < d1; j++) {
      let z = 0;
      for (let c = 0; c < q; c++) z += w[j * q + c]! * xt[i * q + c]!;
      const signed = (pattern[i * d1 + j] === 1 ? z : -z) / xn;
      slack = Math.min(slack, signed);
    }
  }
  return slack / (1 + wmax);
}

/** The region's constraints (2A_ij − 1)·x̃_i·w̃_j ≥ rhs, with an extra column for a margin variable when asked. */
function regionRows(p: RegionProblem, marginColumn: boolean): { a: Float64Array; op: '>='; rhs: number }[] {
  const { n, d1, q, xt, pattern } = p;
  const size = d1 * q + (marginColumn ? 1 : 0);
  const rows: { a: Float64Array; op: '>='; rhs: number }[] = [];
  for (let i = 0; i < n; i++) {
    let xn = 0;
    for (let c = 0; c < q; c++) xn += xt[i * q + c]! ** 2;
    xn = Math.sqrt(xn);
    for (let j = 0; j < d1; j++) {
      const sign = pattern[i * d1 + j] === 1 ? 1 : -1;
      const a = new Float64Array(size);
      for (let c = 0; c < q; c++) a[j * q + c] = sign * xt[i * q + c]!;
      if (marginColumn) a[d1 * q] = -xn;
      rows.push({ a, op: '>=', rhs: 0 });
    }
  }
  return rows;
}

/** w + J_A⁺(y − J_A·w): the nearest minimiser of the region's quadratic (for rank J_A = n: a zero-loss point). */
export function projectToMinimizers(p: RegionProblem, w: Float64Array): Float64Array {
  return polish(faceSplitMatrix(regionJacobian(p)), p.y, w);
}

/** w + J⁺(y − J·w): the nearest minimiser of ½‖J·w − y‖² (the least-squares correction of least norm). */
function polish(J: DenseMatrix, y: Float64Array, w: Float64Array): Float64Array {
  const f = matvec(J, w);
  const r = Float64Array.from(y, (yi, i) => yi - f[i]!);
  const step = leastSquares(J, r).x;
  return Float64Array.from(w, (wi, k) => wi + step[k]!);
}

export interface RegionLpResult {
  readonly status: 'optimal' | 'infeasible' | 'unbounded' | 'other';
  readonly statusText: string;
  /**
   * max t subject to J_A·w̃ = ŷ and (2A_ij − 1)·w̃_j·x̃_i ≥ t·‖x̃_i‖, t ≤ REGION_MARGIN_CAP (t free below, so the
   * LP is feasible whenever the equalities are), where ŷ = J_A·J_A⁺·y is
   * the projection of y on J_A's range: the largest distance (in units of the data) by which a minimiser of the
   * region's quadratic clears every kink. Null when the solver did not report an optimum.
   */
  readonly margin: number | null;
  /** The LP's point moved onto the minimisers exactly (projectToMinimizers), or null. */
  readonly w: Float64Array | null;
  /** margin > REGION_MARGIN_RTOL·(1 + max_j ‖w̃_j‖) and the projected point is still strictly inside. */
  readonly interior: boolean;
  /** ½‖y − ŷ‖²: the region quadratic's minimum, the loss at every minimiser (0 when rank J_A = n). */
  readonly minimumLoss: number;
}

/**
 * The region LP (docs/derivations.md#region-linearity (c), with HiGHS): does S_A contain a minimiser of its own quadratic
 * ½‖J_A·w̃ − y‖² in its interior? Inside the open region the network's loss is that quadratic, so the interior
 * minimisers are exactly the differentiable critical points of the network's loss in S_A (all with loss
 * ½‖y − ŷ‖²). With rank J_A = n, ŷ = y and they are the zero-loss points of S_A.
 * (A linear program on purpose: HiGHS 1.15.3's QP solver crashes on some of these small problems — "memory
 * access out of bounds" — and the minimiser set is affine, so an LP describes it exactly.)
 */
export function interiorMinimizers(p: RegionProblem): RegionLpResult {
  const J = faceSplitMatrix(regionJacobian(p));
  const fitted = matvec(J, leastSquares(J, p.y).x);
  let minimumLoss = 0;
  for (let i = 0; i < p.n; i++) minimumLoss += 0.5 * (p.y[i]! - fitted[i]!) ** 2;
  const size = J.cols + 1;
  const rows: { a: Float64Array; op: '>=' | '='; rhs: number }[] = regionRows(p, true);
  for (let i = 0; i < p.n; i++) {
    const a = new Float64Array(size);
    a.set(J.data.subarray(i * J.cols, (i + 1) * J.cols));
    rows.push({ a, op: '=', rhs: fitted[i]! });
  }
  const c = new Float64Array(size);
  c[size - 1] = -1;
  const lower = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
  const upper = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  upper[size - 1] = REGION_MARGIN_CAP;
  const solution = solveProgram({ n: size, Q: null, c, rows, lower, upper });
  if (solution.status !== 'optimal' || solution.x === null) {
    return {
      status: solution.status,
      statusText: solution.statusText,
      margin: null,
      w: null,
      interior: false,
      minimumLoss,
    };
  }
  const margin = solution.x[size - 1]!;
  const w = polish(J, p.y, solution.x.slice(0, size - 1));
  return {
    status: 'optimal',
    statusText: solution.statusText,
    margin,
    w,
    interior: margin > REGION_MARGIN_RTOL * (1 + maxUnitNorm(w, p.d1, p.q)) && regionSlack(p, w) > 0,
    minimumLoss,
  };
}

/** max_j ‖w̃_j‖. */
export function maxUnitNorm(w: Float64Array, d1: number, q: number): number {
  let out = 0;
  for (let j = 0; j < d1; j++) {
    let s = 0;
    for (let k = 0; k < q; k++) s += w[j * q + k]! ** 2;
    out = Math.max(out, Math.sqrt(s));
  }
  return out;
}
