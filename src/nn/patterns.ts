import { stepAlong } from './finiteDifferences.js';
import { forward } from './forward.js';
import { type Problem, requireTheta } from './problem.js';
import { FD_STEP, KINK_FD_CLEARANCE, KINK_TOL } from './tolerances.js';

/**
 * Activation patterns: for each hidden layer l (l = 0 … L−2, the pre-activations z_l of layer l+1), an n×d_{l+1}
 * sample-major array with 1 where z_l > 0 and 0 elsewhere (z = 0 counts as inactive, matching relu'(0) = 0).
 */
export function activationPatterns(problem: Problem, theta: Float64Array): Uint8Array[] {
  const pass = forward(problem, theta);
  const out: Uint8Array[] = [];
  for (let l = 0; l + 1 < problem.layout.layers.length; l++) {
    const z = pass.z[l]!;
    const a = new Uint8Array(z.length);
    for (let k = 0; k < z.length; k++) a[k] = z[k]! > 0 ? 1 : 0;
    out.push(a);
  }
  return out;
}

export interface PatternSummary {
  /** Per hidden layer: the number of active (sample, unit) pairs, out of n·width. */
  readonly activeCounts: readonly number[];
  /** Per hidden layer: units active on no sample (dead units). */
  readonly deadUnits: readonly number[];
  /** Per hidden layer: units active on every sample (the unit is linear on the data). */
  readonly alwaysActiveUnits: readonly number[];
  /** Per hidden layer: the number of distinct per-sample patterns of that layer. */
  readonly distinctPerLayer: readonly number[];
  /** The number of distinct per-sample patterns over all hidden layers together (the activation regions hit). */
  readonly distinctPatterns: number;
}

export function patternSummary(problem: Problem, theta: Float64Array): PatternSummary {
  const patterns = activationPatterns(problem, theta);
  const { n, layout } = problem;
  const activeCounts: number[] = [];
  const deadUnits: number[] = [];
  const alwaysActiveUnits: number[] = [];
  const distinctPerLayer: number[] = [];
  const whole: string[] = new Array(n).fill('');
  patterns.forEach((a, l) => {
    const width = layout.layerSizes[l + 1]!;
    let active = 0;
    let dead = 0;
    let always = 0;
    for (let u = 0; u < width; u++) {
      let count = 0;
      for (let i = 0; i < n; i++) count += a[i * width + u]!;
      active += count;
      if (count === 0) dead++;
      if (count === n) always++;
    }
    const keys = new Set<string>();
    for (let i = 0; i < n; i++) {
      const key = a.subarray(i * width, (i + 1) * width).join('');
      keys.add(key);
      whole[i] += `${key}|`;
    }
    activeCounts.push(active);
    deadUnits.push(dead);
    alwaysActiveUnits.push(always);
    distinctPerLayer.push(keys.size);
  });
  return {
    activeCounts,
    deadUnits,
    alwaysActiveUnits,
    distinctPerLayer,
    distinctPatterns: patterns.length === 0 ? 1 : new Set(whole).size,
  };
}

/**
 * The smallest scaled distance of a hidden pre-activation to a kink of σ:
 *
 *   min over hidden layers l, samples i, units u, kinks κ of  |z_l[i][u] − κ| / max(1, Σ_j |W_l[u][j]·h_l[i][j]| + |b_l[u]|).
 *
 * Scaled by the magnitude of the terms z was summed from, because that (times (d+1)·ε) bounds the rounding
 * error of z: a z of 1e-12 built from terms of size 1e4 is rounding noise around a kink, while one built
 * from terms of size 1 is not. The max(1, ·) keeps the measure absolute below unit scale, so shrinking all
 * weights towards 0 does not make every point look far from a kink. Infinity when σ has no kinks or the
 * network has no hidden layer (the loss is then smooth everywhere).
 */
export function kinkMargin(problem: Problem, theta: Float64Array): number {
  requireTheta(problem, theta);
  const { layout, act, n } = problem;
  const kinks = act.kinks;
  if (kinks.length === 0 || layout.layers.length < 2) return Number.POSITIVE_INFINITY;
  const pass = forward(problem, theta);
  let margin = Number.POSITIVE_INFINITY;
  for (let l = 0; l + 1 < layout.layers.length; l++) {
    const { inputs: din, outputs: dout, weightOffset: w, biasOffset: b } = layout.layers[l]!;
    const h = pass.h[l]!;
    const z = pass.z[l]!;
    for (let i = 0; i < n; i++) {
      for (let u = 0; u < dout; u++) {
        let scale = b === null ? 0 : Math.abs(theta[b + u]!);
        for (let j = 0; j < din; j++) scale += Math.abs(theta[w + u * din + j]! * h[i * din + j]!);
        const zu = z[i * dout + u]!;
        for (const kappa of kinks) {
          const m = Math.abs(zu - kappa) / Math.max(1, scale);
          // NaN anywhere makes the margin NaN, so `onKink` and `margin > tol` both fail safe
          if (Number.isNaN(m)) return Number.NaN;
          if (m < margin) margin = m;
        }
      }
    }
  }
  return margin;
}

/**
 * True when some hidden pre-activation is within `tol` (scaled as in kinkMargin) of a kink, or the margin is
 * NaN: the loss need not be differentiable there, so gradients and Hessians describe only one region.
 */
export function onKink(problem: Problem, theta: Float64Array, tol: number = KINK_TOL): boolean {
  const margin = kinkMargin(problem, theta);
  return !(margin > tol);
}

/** True when θ_a and θ_b give the same activation pattern (z > 0 or not) on every hidden unit and sample. */
export function sameActivationPattern(problem: Problem, thetaA: Float64Array, thetaB: Float64Array): boolean {
  const a = activationPatterns(problem, thetaA);
  const b = activationPatterns(problem, thetaB);
  for (let l = 0; l < a.length; l++) {
    const x = a[l]!;
    const y = b[l]!;
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  }
  return true;
}

/**
 * The guard for finite differences along v with step h: every hidden pre-activation is more than
 * KINK_FD_CLEARANCE·h from a kink (kinkMargin) and both probes θ ± h·v keep θ's activation pattern, so for a
 * piecewise-linear σ the loss is one polynomial around the probes. Always true for smooth activations.
 */
export function smoothAlong(
  problem: Problem,
  theta: Float64Array,
  v: Float64Array,
  h: number = FD_STEP,
): boolean {
  if (problem.act.kinks.length === 0) return true;
  return (
    kinkMargin(problem, theta) > KINK_FD_CLEARANCE * h &&
    sameActivationPattern(problem, theta, stepAlong(theta, v, h)) &&
    sameActivationPattern(problem, theta, stepAlong(theta, v, -h))
  );
}
