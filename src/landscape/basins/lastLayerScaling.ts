import { loss, lossWeight, outputs, type Problem } from '../../nn/index.js';
import type { Objective } from '../index.js';
import { lastLayers } from './networkParts.js';
import { SCALING_RTOL } from './tolerances.js';

/**
 * Safran & Shamir (2016)'s rescaling of the last layer. Scaling the whole output layer (weights and bias) by c
 * scales the network's outputs: N_c(x) = c·f(x). For squared loss L = s·Σ_i ‖N(x_i) − y_i‖² the function
 * g(c) = L(c·W_last) = s·‖c·f − y‖² is a convex quadratic with g(0) = L(0) (the zero predictor's loss),
 * g(1) = L(W0), minimiser c* = ⟨f, y⟩/‖f‖², and L(W0) > L(0) ⇔ ‖f‖² > 2⟨f, y⟩ ⇔ c* < ½ (for f ≠ 0).
 */
export interface LastLayerScaling {
  /** ⟨f, y⟩ and ‖f‖² of the outputs at W0. */
  readonly fy: number;
  readonly ff: number;
  /** c* = ⟨f, y⟩ / ‖f‖² (NaN when f = 0). */
  readonly cStar: number;
  /** L(0) = s·‖y‖² and L(W0) = g(1). */
  readonly zeroLoss: number;
  readonly initialLoss: number;
  /** g(c) = s·‖c·f − y‖² in closed form. */
  g(c: number): number;
}

/** θ with the output layer (weights and bias) multiplied by c. */
export function scaleLastLayer(problem: Problem, theta: Float64Array, c: number): Float64Array {
  const { output } = lastLayers(problem);
  const out = Float64Array.from(theta);
  for (let k = output.start; k < output.end; k++) out[k] = c * theta[k]!;
  return out;
}

export function lastLayerScaling(problem: Problem, theta: Float64Array): LastLayerScaling {
  const f = outputs(problem, theta);
  const y = problem.Y;
  const s = lossWeight(problem);
  let fy = 0;
  let ff = 0;
  let yy = 0;
  for (let k = 0; k < f.length; k++) {
    fy += f[k]! * y[k]!;
    ff += f[k]! * f[k]!;
    yy += y[k]! * y[k]!;
  }
  return {
    fy,
    ff,
    cStar: ff > 0 ? fy / ff : Number.NaN,
    zeroLoss: s * yy,
    initialLoss: loss(problem, theta),
    // s·‖c f − y‖² = s·(c²‖f‖² − 2c⟨f, y⟩ + ‖y‖²), summed directly to keep it accurate near the minimum
    g(c: number): number {
      let acc = 0;
      for (let k = 0; k < f.length; k++) acc += (c * f[k]! - y[k]!) ** 2;
      return s * acc;
    },
  };
}

/** What the exact part of Safran–Shamir's monotone-path argument says at one initialisation. */
export interface ScalingFacts {
  /** The hypothesis L(W0) > L(0) (strictly, beyond rounding). */
  readonly hypothesis: boolean;
  readonly cStar: number;
  readonly zeroLoss: number;
  readonly initialLoss: number;
  /** g sampled through the network at c = 1 − k(1 − c*)/K, k = 0 … K (from 1 down to c*). */
  readonly profile: readonly number[];
  /** The checks, each true when it holds. */
  readonly cStarBelowHalf: boolean;
  /** g decreasing from 1 to c*: no sampled step goes up beyond rounding and the total drop is s‖f‖²(1 − c*)² > 0. */
  readonly decreasing: boolean;
  /** g(c*) ≤ L(0). */
  readonly minimumBelowZeroLoss: boolean;
  /** The network's loss at c·W_last equals the closed form s‖c f − y‖² at every sample. */
  readonly closedFormAgrees: boolean;
  /** Second differences of g on a uniform grid of [0, 1] are ≥ 0 (convexity). */
  readonly convex: boolean;
  /** The largest relative disagreement between network and closed form. */
  readonly maxDisagreement: number;
}

/** Samples of g along [c*, 1] and on [0, 1]. */
const SCALING_SAMPLES = 16;

/** The exact facts at θ (W0); every comparison allows SCALING_RTOL·(1 + L) for rounding. */
export function scalingFacts(problem: Problem, theta: Float64Array): ScalingFacts {
  const sc = lastLayerScaling(problem, theta);
  const tol = SCALING_RTOL * (1 + Math.abs(sc.initialLoss) + sc.zeroLoss);
  const networkG = (c: number): number => loss(problem, scaleLastLayer(problem, theta, c));
  const K = SCALING_SAMPLES;
  const cs = Array.from({ length: K + 1 }, (_, k) => 1 - (k / K) * (1 - sc.cStar));
  const profile = cs.map(networkG);
  let maxDisagreement = 0;
  const grid = Array.from({ length: K + 1 }, (_, k) => k / K);
  const onGrid = grid.map(networkG);
  [...cs.map((c, k) => [c, profile[k]!] as const), ...grid.map((c, k) => [c, onGrid[k]!] as const)].forEach(
    ([c, v]) => {
      maxDisagreement = Math.max(maxDisagreement, Math.abs(v - sc.g(c)) / (1 + Math.abs(sc.g(c))));
    },
  );
  // g(c_{k−1}) − g(c_k) = s‖f‖²·Δc·(c_{k−1} + c_k − 2c*) > 0 for every step (c_k ≥ c*): each sampled step
  // must not go up beyond rounding, and the total drop must be the closed form's s‖f‖²(1 − c*)² > 0.
  const drop = lossWeight(problem) * sc.ff * (1 - sc.cStar) ** 2;
  let decreasing = Number.isFinite(sc.cStar) && drop > 0 && Math.abs(profile[0]! - profile[K]! - drop) <= tol;
  for (let k = 1; k <= K; k++) if (!(profile[k]! <= profile[k - 1]! + tol)) decreasing = false;
  let convex = true;
  for (let k = 1; k < K; k++) if (!(onGrid[k - 1]! - 2 * onGrid[k]! + onGrid[k + 1]! >= -tol)) convex = false;
  const gStar = profile[K]!;
  return {
    hypothesis: sc.initialLoss > sc.zeroLoss + tol,
    cStar: sc.cStar,
    zeroLoss: sc.zeroLoss,
    initialLoss: sc.initialLoss,
    profile,
    cStarBelowHalf: sc.cStar < 0.5,
    decreasing,
    minimumBelowZeroLoss: gStar <= sc.zeroLoss + tol,
    closedFormAgrees: maxDisagreement <= SCALING_RTOL,
    convex,
    maxDisagreement,
  };
}

/** A gradient-descent continuation and what its loss profile did. */
export interface Continuation {
  readonly iterations: number;
  readonly startLoss: number;
  readonly finalLoss: number;
  /** The loss never went up by more than SCALING_RTOL·(1 + L) from one iterate to the next. */
  readonly monotone: boolean;
  readonly maxIncrease: number;
  /** The final loss is ≤ target. */
  readonly reached: boolean;
  /** Losses every `record` iterations (and the last), for plots. */
  readonly trace: readonly number[];
}

/**
 * Gradient descent from θ (the smoke test of Safran–Shamir's "then gradient flow" continuation: a GD path is
 * evidence, not a proof). Fixed step by default; with `backtrack`, each iteration halves the step (from
 * `step`, at most BACKTRACKS times) until the Armijo condition L(θ − t∇L) ≤ L(θ) − 1e-4·t‖∇L‖² holds, which
 * makes the path monotone by construction (on relu networks fixed steps zig-zag across kinks and the loss
 * goes up now and then). Stops at `target` or `maxIterations`.
 */
export function gradientContinuation(
  objective: Objective,
  theta: Float64Array,
  options: { step: number; maxIterations: number; target: number; record?: number; backtrack?: boolean },
): Continuation {
  const record = options.record ?? 100;
  let current: Float64Array = Float64Array.from(theta);
  let { value, gradient } = objective.valueAndGradient(current);
  const startLoss = value;
  const trace = [value];
  let maxIncrease = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  while (iterations < options.maxIterations && value > options.target && Number.isFinite(value)) {
    let g2 = 0;
    for (let i = 0; i < gradient.length; i++) g2 += gradient[i]! * gradient[i]!;
    let t = options.step;
    let next = stepFrom(current, t, gradient);
    let evaluated = objective.valueAndGradient(next);
    for (
      let k = 0;
      options.backtrack === true && k < BACKTRACKS && !(evaluated.value <= value - ARMIJO_C1 * t * g2);
      k++
    ) {
      t /= 2;
      next = stepFrom(current, t, gradient);
      evaluated = objective.valueAndGradient(next);
    }
    maxIncrease = Math.max(maxIncrease, evaluated.value - value);
    current = next;
    value = evaluated.value;
    gradient = evaluated.gradient;
    iterations++;
    if (iterations % record === 0) trace.push(value);
  }
  if (iterations % record !== 0) trace.push(value);
  const monotone = Number.isFinite(value) && maxIncrease <= SCALING_RTOL * (1 + Math.abs(startLoss));
  return {
    iterations,
    startLoss,
    finalLoss: value,
    monotone,
    maxIncrease,
    reached: value <= options.target,
    trace,
  };
}

/**
 * θ − t·g as a new array, in a plain loop: Float64Array.from with a mapping callback takes V8's generic path and
 * was 56 s of ss16-monotone-path's 192 s main-job profile (each backtracking trial makes one). Same arithmetic.
 */
function stepFrom(theta: Float64Array, t: number, g: Float64Array): Float64Array {
  const out = new Float64Array(theta.length);
  for (let i = 0; i < theta.length; i++) out[i] = theta[i]! - t * g[i]!;
  return out;
}

/** Armijo's sufficient-decrease constant (the usual 1e-4) and the halvings allowed per iteration (2^-40 ≈ 1e-12). */
const ARMIJO_C1 = 1e-4;
const BACKTRACKS = 40;
