import { UserError } from '../../errors.js';
import { dense } from '../../linalg/index.js';
import { loss, makeProblem } from '../../nn/index.js';
import type { Rng } from '../../random.js';
import { solveProgram } from '../solvers/index.js';
import {
  BASIN_BOX,
  BASIN_EPS_RTOL,
  BASIN_FEASIBILITY_RTOL,
  BASIN_PROX_RIDGE,
  BASIN_PROX_STEPS,
  BASIN_STALL_RTOL,
} from './tolerances.js';

/**
 * The initial basin of Safran & Shamir (2016), §"basins" [REC numbering]: for N(x) = Σ_j v_j relu(⟨w_j, x⟩)
 * write u_j = |v_j|·w_j and s_j = sign(v_j), so N(x) = Σ_j s_j relu(⟨u_j, x⟩). The basin of an initialisation
 * is the set of u with the same activation pattern A_jt = [⟨w_j, x_t⟩ > 0] and the same signs: an open
 * polyhedral cone, on which N(x_t) = Σ_j s_j A_jt ⟨u_j, x_t⟩ is linear in u, so the loss is convex there.
 * Its quality is the minimum of the loss over the cone's closure, a convex QP:
 *   minimise (1/n)·Σ_t r_t²  subject to  r_t = Σ_j s_j A_jt ⟨u_j, x_t⟩ − y_t,
 *                                       (2A_jt − 1)·⟨u_j, x_t⟩ ≥ 0  for every (j, t),
 * solved with HiGHS (`loadHighs()` must have resolved).
 */
export interface BasinInstance {
  /** Samples n×d (row-major) and targets (n). */
  readonly X: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly d: number;
  /** The initialisation: first-layer weights m×d (row = unit) and output weights (m). */
  readonly W: Float64Array;
  readonly v: Float64Array;
  readonly m: number;
}

export interface BasinMinimum {
  /** `other` also when the solution touches the box (the optimum may lie outside it: not decided). */
  readonly status: 'optimal' | 'infeasible' | 'unbounded' | 'other';
  /** The loss (1/n)Σ(N(x_t) − y_t)² at the last iterate, recomputed through the network (src/nn). */
  readonly minLoss: number;
  /** The zero predictor's loss (1/n)Σy_t² and the loss at the initialisation. */
  readonly zeroLoss: number;
  readonly initialLoss: number;
  /** The last iterate u (m×d), or null. */
  readonly u: Float64Array | null;
  /** max over (j, t) of the pattern violation, relative to max_j‖u_j‖·‖x_t‖ (0 when feasible). */
  readonly maxViolation: number;
  /** Proximal steps taken (QP solves). */
  readonly steps: number;
  /** minLoss ≤ ε = BASIN_EPS_RTOL·zeroLoss at a feasible point: the basin's closure contains such a point. */
  readonly small: boolean;
}

export interface BasinOptions {
  /** Proximal weight δ, relative to 2·max|x|²/n (default BASIN_PROX_RIDGE). */
  readonly ridge?: number;
  /** Box half-width relative to max(1, max|y|)/max|x| (default BASIN_BOX). */
  readonly box?: number;
  /** Largest number of proximal steps (default BASIN_PROX_STEPS). */
  readonly maxSteps?: number;
  /** Stop when a step gains ≤ stall relative (default BASIN_STALL_RTOL). */
  readonly stall?: number;
}

/**
 * The basin's minimum by the proximal-point method on the QP: u_{k+1} = argmin over the cone's closure (and the
 * box) of (1/n)‖r‖² + (δ/2)‖u − u_k‖², from u_0 = the initialisation (inside the basin), with only the facet
 * constraints of each unit's cone (`facetSamples`) and the objective divided by δ. Each step is then a
 * well-scaled strictly convex QP, which HiGHS's active-set solver handles reliably; the plain QP is only
 * semidefinite (flat along null(M) and along the cone's recession directions), and HiGHS reported
 * "Non-convex" or cycled for minutes on some instances. The losses decrease monotonically to the basin's minimum (proximal-point
 * theory); we stop when the loss is ≤ ε (the iterate is a feasible point of loss ≤ ε: `small`) or when a step
 * gains less than BASIN_STALL_RTOL relative (the minimum is then taken to be above ε).
 */
export function initialBasinMinimum(instance: BasinInstance, options: BasinOptions = {}): BasinMinimum {
  const { X, y, n, d, W, v, m } = instance;
  if (X.length !== n * d || y.length !== n || W.length !== m * d || v.length !== m) {
    throw new UserError(
      `basin instance: X has ${X.length} entries (n·d = ${n * d}), y ${y.length} (n = ${n}), W ${W.length} (m·d = ${m * d}), v ${v.length} (m = ${m})`,
    );
  }
  const signs = Float64Array.from(v, (x) => (x >= 0 ? 1 : -1));
  const active = new Uint8Array(m * n);
  for (let j = 0; j < m; j++) {
    for (let t = 0; t < n; t++) {
      let z = 0;
      for (let k = 0; k < d; k++) z += W[j * d + k]! * X[t * d + k]!;
      active[j * n + t] = z > 0 ? 1 : 0;
    }
  }
  const nu = m * d;
  const vars = nu + n;
  const rows: { a: Float64Array; op: '<=' | '>=' | '='; rhs: number }[] = [];
  for (let t = 0; t < n; t++) {
    // Σ_j s_j A_jt ⟨u_j, x_t⟩ − r_t = y_t
    const a = new Float64Array(vars);
    for (let j = 0; j < m; j++) {
      if (active[j * n + t] === 0) continue;
      for (let k = 0; k < d; k++) a[j * d + k] = signs[j]! * X[t * d + k]!;
    }
    a[nu + t] = -1;
    rows.push({ a, op: '=', rhs: y[t]! });
  }
  for (let j = 0; j < m; j++) {
    for (const t of facetSamples(instance, j, active)) {
      // (2A_jt − 1)·⟨u_j, x_t⟩ ≥ 0, for the samples whose constraint is a facet of unit j's cone
      const a = new Float64Array(vars);
      const sign = active[j * n + t] === 1 ? 1 : -1;
      for (let k = 0; k < d; k++) a[j * d + k] = sign * X[t * d + k]!;
      rows.push({ a, op: '>=', rhs: 0 });
    }
  }
  let xMax = 0;
  for (let k = 0; k < X.length; k++) xMax = Math.max(xMax, Math.abs(X[k]!));
  let yMax = 0;
  for (let t = 0; t < n; t++) yMax = Math.max(yMax, Math.abs(y[t]!));
  const delta = ((options.ridge ?? BASIN_PROX_RIDGE) * 2 * xMax * xMax) / n;
  // The objective (1/n)‖r‖² + (δ/2)‖u − u_k‖² divided by δ, so the u-block of the Hessian is the identity:
  // with entries of size δ (~1e-5) HiGHS warns of "excessively small" values and its active-set method was
  // seen to cycle (10⁶ iterations on a 12-variable program); scaled, the same program takes 4 iterations.
  const Q = dense(vars, vars);
  for (let t = 0; t < n; t++) Q.data[(nu + t) * vars + nu + t] = 2 / (n * delta);
  for (let k = 0; k < nu; k++) Q.data[k * vars + k] = 1;
  const box = ((options.box ?? BASIN_BOX) * Math.max(yMax, 1)) / Math.max(xMax, 1e-300);
  const lower = new Float64Array(vars).fill(Number.NEGATIVE_INFINITY);
  const upper = new Float64Array(vars).fill(Number.POSITIVE_INFINITY);
  lower.fill(-box, 0, nu);
  upper.fill(box, 0, nu);
  let zeroLoss = 0;
  for (let t = 0; t < n; t++) zeroLoss += y[t]! ** 2;
  zeroLoss /= n;
  const epsilon = BASIN_EPS_RTOL * zeroLoss;
  let u = Float64Array.from(W, (w, k) => Math.abs(v[Math.floor(k / d)]!) * w);
  const initialLoss = basinNetworkLoss(instance, u, signs);
  let value = initialLoss;
  const maxSteps = options.maxSteps ?? BASIN_PROX_STEPS;
  let steps = 0;
  while (steps < maxSteps) {
    const c = new Float64Array(vars);
    for (let k = 0; k < nu; k++) c[k] = -u[k]!;
    const solution = solveProgram({ n: vars, Q, c, rows, lower, upper });
    steps++;
    let boxActive = false;
    if (solution.x !== null)
      for (let k = 0; k < nu; k++) if (Math.abs(solution.x[k]!) >= 0.99 * box) boxActive = true;
    if (solution.status !== 'optimal' || solution.x === null || boxActive) {
      return {
        status: boxActive ? 'other' : solution.status,
        minLoss: Number.NaN,
        zeroLoss,
        initialLoss,
        u: null,
        maxViolation: Number.NaN,
        steps,
        small: false,
      };
    }
    u = solution.x.slice(0, nu);
    const previous = value;
    value = basinNetworkLoss(instance, u, signs);
    if (value <= epsilon || previous - value <= (options.stall ?? BASIN_STALL_RTOL) * previous) break;
  }
  const maxViolation = patternViolation(instance, active, u);
  return {
    status: 'optimal',
    minLoss: value,
    zeroLoss,
    initialLoss,
    u,
    maxViolation,
    steps,
    small: maxViolation <= BASIN_FEASIBILITY_RTOL && value <= epsilon,
  };
}

/**
 * The samples whose constraints are facets of unit j's cone {u : a_t·u ≥ 0}, a_t = (2A_jt − 1)·x_t; the others
 * are implied (a_t is a non-negative combination of the facet normals) and only make the apex u_j = 0 a
 * degenerate vertex, on which HiGHS's active-set QP was seen to cycle for minutes. The initial w_j is strictly
 * inside the cone (a_t·w_j > 0 for all t), so the facet normals are the extreme rays of cone{a_t}: the
 * extreme points of the normalised a_t/(a_t·w_j) in the hyperplane {z : z·w_j = 1}. For d = 2 those are the
 * two ends of an interval, for d = 3 the vertices of a planar convex hull; for d > 3 (no hull code here) every
 * constraint is kept. Zero samples (x_t = 0) give no constraint.
 */
export function facetSamples(instance: BasinInstance, j: number, active: Uint8Array): number[] {
  const { X, n, d, W } = instance;
  const w = W.subarray(j * d, (j + 1) * d);
  const all = Array.from({ length: n }, (_, t) => t).filter((t) =>
    X.subarray(t * d, (t + 1) * d).some((x) => x !== 0),
  );
  if (d > 3 || all.length <= d) return all;
  let ww = 0;
  for (let k = 0; k < d; k++) ww += w[k]! ** 2;
  // an orthonormal basis e1 (, e2) of w⊥, and the coordinates of z_t = a_t/(a_t·w) − w/‖w‖² in it
  const basis = orthonormalComplement(w);
  const points = all.map((t) => {
    const sign = active[j * n + t] === 1 ? 1 : -1;
    const a = Float64Array.from({ length: d }, (_, k) => sign * X[t * d + k]!);
    let aw = 0;
    for (let k = 0; k < d; k++) aw += a[k]! * w[k]!;
    return { t, coords: basis.map((e) => e.reduce((acc, ek, k) => acc + ek * (a[k]! / aw - w[k]! / ww), 0)) };
  });
  if (d === 2) {
    let lo = points[0]!;
    let hi = points[0]!;
    for (const p of points) {
      if (p.coords[0]! < lo.coords[0]!) lo = p;
      if (p.coords[0]! > hi.coords[0]!) hi = p;
    }
    return [...new Set([lo.t, hi.t])];
  }
  return hullVertices(points);
}

function orthonormalComplement(w: Float64Array): Float64Array[] {
  const d = w.length;
  const out: Float64Array[] = [];
  const wn = Math.hypot(...w);
  for (let i = 0; i < d && out.length < d - 1; i++) {
    const e = Float64Array.from({ length: d }, (_, k) => (k === i ? 1 : 0));
    for (const q of [Float64Array.from(w, (x) => x / wn), ...out]) {
      let c = 0;
      for (let k = 0; k < d; k++) c += q[k]! * e[k]!;
      for (let k = 0; k < d; k++) e[k]! -= c * q[k]!;
    }
    const size = Math.hypot(...e);
    if (size > 1e-8) out.push(Float64Array.from(e, (x) => x / size));
  }
  return out;
}

/** Vertices of the convex hull of planar points (Andrew's monotone chain; collinear points dropped). */
function hullVertices(points: readonly { t: number; coords: number[] }[]): number[] {
  const sorted = [...points].sort((a, b) => a.coords[0]! - b.coords[0]! || a.coords[1]! - b.coords[1]!);
  const cross = (o: number[], a: number[], b: number[]) =>
    (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
  const chain = (list: typeof sorted) => {
    const out: typeof sorted = [];
    for (const p of list) {
      while (
        out.length >= 2 &&
        cross(out[out.length - 2]!.coords, out[out.length - 1]!.coords, p.coords) <= 0
      )
        out.pop();
      out.push(p);
    }
    return out.slice(0, -1);
  };
  return [...new Set([...chain(sorted), ...chain([...sorted].reverse())].map((p) => p.t))];
}

/** The network's loss (1/n)Σ(Σ_j s_j relu(⟨u_j, x_t⟩) − y_t)² through the numeric core. */
export function basinNetworkLoss(instance: BasinInstance, u: Float64Array, signs: Float64Array): number {
  const { n, d, m } = instance;
  const problem = makeProblem(
    { layerSizes: [d, m, 1], activation: { name: 'relu' }, bias: false },
    {
      inputs: Array.from({ length: n }, (_, t) => Array.from(instance.X.subarray(t * d, (t + 1) * d))),
      targets: Array.from(instance.y, (y) => [y]),
    },
    { name: 'squared', scale: 1, reduction: 'mean' },
  );
  const theta = new Float64Array(m * d + m);
  theta.set(u, 0);
  theta.set(signs, m * d);
  return loss(problem, theta);
}

/** max over (j, t) of the violation of (2A_jt − 1)⟨u_j, x_t⟩ ≥ 0, relative to max_j‖u_j‖·‖x_t‖. */
function patternViolation(instance: BasinInstance, active: Uint8Array, u: Float64Array): number {
  const { X, n, d, m } = instance;
  let uMax = 0;
  for (let j = 0; j < m; j++) {
    let uu = 0;
    for (let k = 0; k < d; k++) uu += u[j * d + k]! ** 2;
    uMax = Math.max(uMax, Math.sqrt(uu));
  }
  let worst = 0;
  for (let j = 0; j < m; j++) {
    for (let t = 0; t < n; t++) {
      let z = 0;
      let xx = 0;
      for (let k = 0; k < d; k++) {
        z += u[j * d + k]! * X[t * d + k]!;
        xx += X[t * d + k]! ** 2;
      }
      const wrong = active[j * n + t] === 1 ? Math.max(0, -z) : Math.max(0, z);
      const scale = uMax * Math.sqrt(xx);
      if (wrong > 0) worst = Math.max(worst, scale > 0 ? wrong / scale : Number.POSITIVE_INFINITY);
    }
  }
  return worst;
}

/**
 * A random instance: X, y ~ N(0, 1) entries (or y from a relu teacher of width `teacher`), W ~ N(0, 1/d),
 * v ~ N(0, 1/m). With `clusters` = k: the samples lie in k tiny clusters (centres N(0, I), spread 0.05) and
 * Gaussian targets are one label per cluster.
 */
export function randomBasinInstance(
  rng: Rng,
  options: { n: number; d: number; m: number; teacher?: number; clusters?: number },
): BasinInstance {
  const { n, d, m } = options;
  const X = new Float64Array(n * d);
  if (options.clusters !== undefined && options.clusters > 0) {
    // k tiny clusters: centres N(0, I), spread 0.05
    const centres = Float64Array.from({ length: options.clusters * d }, () => rng.normal());
    for (let t = 0; t < n; t++) {
      const c = t % options.clusters;
      for (let k = 0; k < d; k++) X[t * d + k] = centres[c * d + k]! + 0.05 * rng.normal();
    }
  } else {
    for (let k = 0; k < X.length; k++) X[k] = rng.normal();
  }
  let y: Float64Array;
  if (options.teacher !== undefined && options.teacher > 0) {
    const k0 = options.teacher;
    const T = Float64Array.from({ length: k0 * d }, () => rng.normal() / Math.sqrt(d));
    const a = Float64Array.from({ length: k0 }, () => rng.normal());
    y = Float64Array.from({ length: n }, (_, t) => {
      let s = 0;
      for (let j = 0; j < k0; j++) {
        let z = 0;
        for (let k = 0; k < d; k++) z += T[j * d + k]! * X[t * d + k]!;
        s += a[j]! * Math.max(0, z);
      }
      return s;
    });
  } else if (options.clusters !== undefined && options.clusters > 0) {
    // clustered data carries its cluster's label
    const labels = Float64Array.from({ length: options.clusters }, () => rng.normal());
    y = Float64Array.from({ length: n }, (_, t) => labels[t % options.clusters!]!);
  } else {
    y = Float64Array.from({ length: n }, () => rng.normal());
  }
  const W = Float64Array.from({ length: m * d }, () => rng.normal() / Math.sqrt(d));
  const v = Float64Array.from({ length: m }, () => rng.normal() / Math.sqrt(m));
  return { X, y, n, d, W, v, m };
}
