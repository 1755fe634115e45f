import { UserError } from '../../errors.js';
import { dense } from '../../linalg/index.js';
import { loss, makeProblem } from '../../nn/index.js';
import type { Rng } from '../../random.js';
import { solveStrictlyConvexProgram } from '../solvers/index.js';
import {
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
  /** Largest number of proximal steps (default BASIN_PROX_STEPS). */
  readonly maxSteps?: number;
  /** Stop when a step gains ≤ stall relative (default BASIN_STALL_RTOL). */
  readonly stall?: number;
}

/**
 * The basin's minimum by the proximal-point method on the QP: u_{k+1} = argmin over the cone's closure of
 * (1/n)‖r‖² + (δ/2)‖u − u_k‖², from u_0 = the initialisation (inside the basin). The plain QP is only
 * semidefinite (flat along null(B) and along the cone's recession directions); each proximal step is strictly
 * convex and is solved exactly by Goldfarb–Idnani (`solveStrictlyConvexProgram`). HiGHS's QP reported
 * "Non-convex", cycled for minutes or aborted on these, so it is not used here. The losses decrease
 * monotonically to the basin's minimum (proximal-point theory); we stop when the loss is ≤ ε (the iterate is a
 * feasible point of loss ≤ ε: `small`) or when a step gains less than BASIN_STALL_RTOL relative (the minimum is
 * then taken to be above ε).
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
  // On the basin's closure the network is linear in u: N(x_t) = (B·u)_t, B_t = (s_j A_jt x_t)_j.
  const B = new Float64Array(n * nu);
  for (let t = 0; t < n; t++) {
    for (let j = 0; j < m; j++) {
      if (active[j * n + t] === 0) continue;
      for (let k = 0; k < d; k++) B[t * nu + j * d + k] = signs[j]! * X[t * d + k]!;
    }
  }
  // The cone: (2A_jt − 1)·⟨u_j, x_t⟩ ≥ 0 for every unit and sample (Goldfarb–Idnani copes with the
  // redundant ones; no facet pruning needed).
  const rows: { a: Float64Array; op: '>='; rhs: number }[] = [];
  for (let j = 0; j < m; j++) {
    for (let t = 0; t < n; t++) {
      if (!X.subarray(t * d, (t + 1) * d).some((x) => x !== 0)) continue;
      const a = new Float64Array(nu);
      const sign = active[j * n + t] === 1 ? 1 : -1;
      for (let k = 0; k < d; k++) a[j * d + k] = sign * X[t * d + k]!;
      rows.push({ a, op: '>=', rhs: 0 });
    }
  }
  let xMax = 0;
  for (let k = 0; k < X.length; k++) xMax = Math.max(xMax, Math.abs(X[k]!));
  const delta = ((options.ridge ?? BASIN_PROX_RIDGE) * 2 * xMax * xMax) / n;
  // Each proximal step, divided by δ: minimise ½‖u − u_k‖² + (1/(nδ))‖B·u − y‖², i.e. ½uᵀDu − dᵀu with
  // D = I + (2/(nδ))BᵀB (positive definite) and d = u_k + (2/(nδ))Bᵀy: a strictly convex QP, solved exactly by
  // Goldfarb–Idnani (HiGHS's QP cycled or aborted on these).
  const w = 2 / (n * delta);
  const D = dense(nu, nu);
  for (let a = 0; a < nu; a++) {
    for (let b = a; b < nu; b++) {
      let sum = 0;
      for (let t = 0; t < n; t++) sum += B[t * nu + a]! * B[t * nu + b]!;
      const value = (a === b ? 1 : 0) + w * sum;
      D.data[a * nu + b] = value;
      D.data[b * nu + a] = value;
    }
  }
  const By = new Float64Array(nu);
  for (let t = 0; t < n; t++) for (let a = 0; a < nu; a++) By[a]! += B[t * nu + a]! * y[t]!;
  let zeroLoss = 0;
  for (let t = 0; t < n; t++) zeroLoss += y[t]! ** 2;
  zeroLoss /= n;
  const epsilon = BASIN_EPS_RTOL * zeroLoss;
  let u: Float64Array = Float64Array.from(W, (wv, k) => Math.abs(v[Math.floor(k / d)]!) * wv);
  const initialLoss = basinNetworkLoss(instance, u, signs);
  let value = initialLoss;
  const maxSteps = options.maxSteps ?? BASIN_PROX_STEPS;
  let steps = 0;
  while (steps < maxSteps) {
    const linear = Float64Array.from(u, (uk, a) => uk + w * By[a]!);
    const solution = solveStrictlyConvexProgram({ n: nu, D, d: linear, rows });
    steps++;
    if (solution.status !== 'optimal' || solution.x === null) {
      return {
        status: solution.status,
        minLoss: Number.NaN,
        zeroLoss,
        initialLoss,
        u: null,
        maxViolation: Number.NaN,
        steps,
        small: false,
      };
    }
    u = solution.x;
    const previous = value;
    value = basinNetworkLoss(instance, u, signs);
    if (value <= epsilon || previous - value <= (options.stall ?? BASIN_STALL_RTOL) * previous) break;
  }
  let reference = 0;
  for (let j = 0; j < m; j++) {
    let uu = 0;
    for (let k = 0; k < d; k++) uu += (Math.abs(v[j]!) * W[j * d + k]!) ** 2;
    reference = Math.max(reference, Math.sqrt(uu));
  }
  const maxViolation = patternViolation(instance, active, u, reference);
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
function patternViolation(
  instance: BasinInstance,
  active: Uint8Array,
  u: Float64Array,
  reference: number,
): number {
  const { X, n, d, m } = instance;
  // Relative to the larger of the solution's and the initialisation's scale: a solution at the cone's apex
  // (u ≈ 1e-12, feasible in the closure) must not look infeasible because its own norm is tiny.
  let uMax = reference;
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
