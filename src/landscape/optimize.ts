import { symmetricEigen } from '../linalg/index.js';
import { moveBy, type Objective } from './objective.js';
import { GRAD_ZERO_TOL } from './tolerances.js';

export interface OptimizeResult {
  readonly theta: Float64Array;
  readonly value: number;
  readonly gradientNorm: number;
  readonly iterations: number;
  /** True when the stopping test (gradient or value target) was met; false on budget or breakdown. */
  readonly converged: boolean;
  readonly reason:
    | 'gradient'
    | 'value-target'
    | 'max-iterations'
    | 'line-search-failed'
    | 'non-finite'
    | 'stalled'
    | 'diverged';
}

/**
 * Fixed-step descent has diverged when the loss exceeds DIVERGENCE_FACTOR·(1 + |L(θ₀)|): far beyond any
 * overshoot a stable step produces, and before the relative gradient test ‖∇‖ ≤ tol·(1 + |L|) could
 * mistake a huge loss for convergence.
 */
export const DIVERGENCE_FACTOR = 1e6;

export interface OptimizeOptions {
  readonly maxIterations?: number;
  /** Stop when ‖∇‖ ≤ gradTol·(1 + |L|). */
  readonly gradTol?: number;
  /** Stop when the value drops to or below this (e.g. 1e-10 for realisable problems). */
  readonly valueTarget?: number;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function scaled(v: Float64Array, c: number): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = c * v[i]!;
  return out;
}

/** The stopping tests both optimisers share, in order: non-finite, diverged, gradient, value target, budget. */
function stopTest(
  theta: Float64Array,
  value: number,
  g: number,
  iteration: number,
  rule: { gradTol: number; maxIterations: number; limit: number; valueTarget: number | undefined },
): OptimizeResult | null {
  const end = (converged: boolean, reason: OptimizeResult['reason']): OptimizeResult => ({
    theta,
    value,
    gradientNorm: g,
    iterations: iteration,
    converged,
    reason,
  });
  if (!Number.isFinite(value) || !Number.isFinite(g)) return end(false, 'non-finite');
  if (value > rule.limit) return end(false, 'diverged');
  if (g <= rule.gradTol * (1 + Math.abs(value))) return end(true, 'gradient');
  if (rule.valueTarget !== undefined && value <= rule.valueTarget) return end(true, 'value-target');
  if (iteration >= rule.maxIterations) return end(false, 'max-iterations');
  return null;
}

/**
 * Plain gradient descent with a fixed step: θ ← θ − η∇L(θ) (Riemannian: retract(θ, −η∇L)). This is the
 * protocol of Safran–Shamir (2018), so it must stay fixed-step; use `lbfgs` for fast convergence.
 */
export function gradientDescent(
  objective: Objective,
  theta0: Float64Array,
  step: number,
  options: OptimizeOptions = {},
): OptimizeResult {
  const maxIterations = options.maxIterations ?? 100_000;
  const gradTol = options.gradTol ?? GRAD_ZERO_TOL;
  let theta: Float64Array = Float64Array.from(theta0);
  let limit = Number.POSITIVE_INFINITY;
  for (let iteration = 0; ; iteration++) {
    const { value, gradient } = objective.valueAndGradient(theta);
    const g = norm(gradient);
    if (iteration === 0) limit = DIVERGENCE_FACTOR * (1 + Math.abs(value));
    const stop = stopTest(theta, value, g, iteration, {
      gradTol,
      maxIterations,
      limit,
      valueTarget: options.valueTarget,
    });
    if (stop !== null) return stop;
    theta =
      objective.retract === undefined
        ? stepped(theta, -step, gradient)
        : moveBy(objective, theta, scaled(gradient, -step));
  }
}

/**
 * θ + c·v in one new array: moveBy(θ, scaled(v, c)) without the intermediate one (the same products and sums, so
 * the same numbers; GD takes up to 60 000 of these steps a run in ss18-spurious-rate, and every L-BFGS line-search
 * trial makes one).
 */
function stepped(theta: Float64Array, c: number, v: Float64Array): Float64Array {
  const out = new Float64Array(theta.length);
  for (let i = 0; i < theta.length; i++) out[i] = theta[i]! + c * v[i]!;
  return out;
}

/**
 * L-BFGS stops as 'stalled' when the loss fell by at most STALL_RTOL·(1 + |L|) over STALL_WINDOW iterations: once
 * ‖∇L‖ is near √(ε·L·λ) the line search sees only rounding and would spin to the iteration cap; Newton
 * polishing (descendAndExamine does it) converges from there in a few steps.
 */
const STALL_WINDOW = 40;
const STALL_RTOL = 1e-12;

/** Armijo constant c₁ of the backtracking line search (the usual 1e-4: accept any step with a real decrease). */
const ARMIJO_C1 = 1e-4;
/** Backtracking halvings before the line search gives up: 2^-60 ≈ 1e-18 of the initial step. */
const MAX_BACKTRACKS = 60;

/**
 * Limited-memory BFGS with an Armijo backtracking line search. On a manifold (objective.retract) the memory is
 * dropped and each step is a Riemannian gradient step with backtracking, which is all the spin-glass needs.
 */
export function lbfgs(
  objective: Objective,
  theta0: Float64Array,
  options: OptimizeOptions & { memory?: number } = {},
): OptimizeResult {
  const maxIterations = options.maxIterations ?? 10_000;
  const gradTol = options.gradTol ?? GRAD_ZERO_TOL;
  const memory = objective.retract === undefined ? (options.memory ?? 10) : 0;
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  let theta: Float64Array = Float64Array.from(theta0);
  let { value, gradient } = objective.valueAndGradient(theta);
  let lastStep = 1;
  let windowStart = value;
  for (let iteration = 0; ; iteration++) {
    const g = norm(gradient);
    const stop = stopTest(theta, value, g, iteration, {
      gradTol,
      maxIterations,
      limit: Number.POSITIVE_INFINITY,
      valueTarget: options.valueTarget,
    });
    if (stop !== null) return stop;
    if (iteration > 0 && iteration % STALL_WINDOW === 0) {
      if (windowStart - value <= STALL_RTOL * (1 + Math.abs(value))) {
        return { theta, value, gradientNorm: g, iterations: iteration, converged: false, reason: 'stalled' };
      }
      windowStart = value;
    }
    // Two-loop recursion: direction = −H_k ∇L.
    const q = Float64Array.from(gradient);
    const alphas: number[] = [];
    for (let k = sList.length - 1; k >= 0; k--) {
      const rho = 1 / dot(yList[k]!, sList[k]!);
      const alpha = rho * dot(sList[k]!, q);
      alphas[k] = alpha;
      for (let i = 0; i < q.length; i++) q[i]! -= alpha * yList[k]![i]!;
    }
    let gamma = 1;
    if (sList.length > 0) {
      const s = sList[sList.length - 1]!;
      const y = yList[yList.length - 1]!;
      gamma = dot(s, y) / dot(y, y);
    } else {
      gamma = Math.min(1, lastStep) / Math.max(g, 1e-300);
    }
    for (let i = 0; i < q.length; i++) q[i]! *= gamma;
    for (let k = 0; k < sList.length; k++) {
      const rho = 1 / dot(yList[k]!, sList[k]!);
      const beta = rho * dot(yList[k]!, q);
      for (let i = 0; i < q.length; i++) q[i]! += (alphas[k]! - beta) * sList[k]![i]!;
    }
    let direction = scaled(q, -1);
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Not a descent direction (curvature pairs went bad): restart from steepest descent.
      sList.length = 0;
      yList.length = 0;
      direction = scaled(gradient, -Math.min(1, lastStep) / Math.max(g, 1e-300));
      slope = dot(direction, gradient);
    }
    let t = 1;
    let accepted = false;
    let next = theta;
    let nextValue = value;
    for (let back = 0; back < MAX_BACKTRACKS; back++) {
      next =
        objective.retract === undefined
          ? stepped(theta, t, direction)
          : moveBy(objective, theta, scaled(direction, t));
      nextValue = objective.value(next);
      if (Number.isFinite(nextValue) && nextValue <= value + ARMIJO_C1 * t * slope) {
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      return {
        theta,
        value,
        gradientNorm: g,
        iterations: iteration,
        converged: false,
        reason: 'line-search-failed',
      };
    }
    const evaluated = objective.valueAndGradient(next);
    if (memory > 0) {
      const s = new Float64Array(theta.length);
      const y = new Float64Array(theta.length);
      for (let i = 0; i < s.length; i++) {
        s[i] = next[i]! - theta[i]!;
        y[i] = evaluated.gradient[i]! - gradient[i]!;
      }
      if (dot(s, y) > 1e-12 * norm(s) * norm(y)) {
        sList.push(s);
        yList.push(y);
        if (sList.length > memory) {
          sList.shift();
          yList.shift();
        }
      }
    }
    lastStep = t * norm(direction);
    theta = next;
    value = evaluated.value;
    gradient = evaluated.gradient;
  }
}

/** Eigenvalues with |λ| ≤ NEWTON_PINV_RTOL·|λ|_max are treated as 0 by the Newton pseudo-inverse (flat directions). */
const NEWTON_PINV_RTOL = 1e-10;

/**
 * Newton polishing of a nearby critical point: θ ← θ − H⁺∇L (pseudo-inverse via the symmetric
 * eigendecomposition, flat directions left alone). Converges quadratically to the critical point near theta,
 * whatever its index; it is for polishing a point that an optimiser already brought close, not for descent.
 * Stops when the gradient stops shrinking. Unconstrained objectives only.
 */
export function newtonPolish(
  objective: Objective,
  theta0: Float64Array,
  options: OptimizeOptions = {},
): OptimizeResult {
  if (objective.retract !== undefined)
    throw new Error('newtonPolish: constrained objectives are not supported');
  const maxIterations = options.maxIterations ?? 30;
  const gradTol = options.gradTol ?? GRAD_ZERO_TOL;
  let theta: Float64Array = Float64Array.from(theta0);
  let { value, gradient } = objective.valueAndGradient(theta);
  let g = norm(gradient);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const { values, vectors } = symmetricEigen(objective.hessian(theta));
    const p = theta.length;
    let maxAbs = 0;
    for (let i = 0; i < p; i++) maxAbs = Math.max(maxAbs, Math.abs(values[i]!));
    const step = new Float64Array(p);
    for (let k = 0; k < p; k++) {
      const lambda = values[k]!;
      if (Math.abs(lambda) <= NEWTON_PINV_RTOL * maxAbs) continue;
      let c = 0;
      for (let i = 0; i < p; i++) c += vectors.data[i * p + k]! * gradient[i]!;
      c /= lambda;
      for (let i = 0; i < p; i++) step[i]! -= c * vectors.data[i * p + k]!;
    }
    const next = moveBy(objective, theta, step);
    const evaluated = objective.valueAndGradient(next);
    const nextG = norm(evaluated.gradient);
    if (!(nextG < g) || !Number.isFinite(evaluated.value)) break;
    theta = next;
    value = evaluated.value;
    gradient = evaluated.gradient;
    g = nextG;
    if (g <= gradTol * 1e-3 * (1 + Math.abs(value))) break;
  }
  const converged = g <= gradTol * (1 + Math.abs(value));
  return {
    theta,
    value,
    gradientNorm: g,
    iterations: maxIterations,
    converged,
    reason: converged ? 'gradient' : 'max-iterations',
  };
}
