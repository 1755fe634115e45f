import { UserError } from '../../errors.js';
import { SINGLE_NEURON_CURVATURE_RTOL, SINGLE_NEURON_ROOT_RTOL } from './tolerances.js';

/**
 * A single logistic neuron in one dimension without bias, squared loss (Auer, Herbster, Warmuth 1996;
 * claim ahw96-single-neuron):
 *   L(w) = s·Σ_i (σ(w·x_i) − y_i)²,  σ(z) = 1/(1 + e^{−z}),
 *   L′(w) = 2s·Σ_i (σ_i − y_i)·σ_i(1 − σ_i)·x_i,
 *   L″(w) = 2s·Σ_i [σ_i²(1 − σ_i)² + (σ_i − y_i)·σ_i(1 − σ_i)(1 − 2σ_i)]·x_i².
 * Its local minima are found exactly enough in 1-D: sign changes (− to +) of L′ on a fine grid in asinh
 * coordinates (uniform relative resolution from |w| ~ 1e-4 to 1e4), each bracket refined by bisection and
 * Newton, each root certified by L″ > 0.
 */

function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export interface SingleNeuronData {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** s in L = s·Σ(σ(w x_i) − y_i)² (½ for the mlp subjects' loss, 1 for the plain Σ form). */
  readonly scale: number;
}

export function singleNeuronLoss(data: SingleNeuronData, w: number): number {
  let s = 0;
  for (let i = 0; i < data.xs.length; i++) s += (logistic(w * data.xs[i]!) - data.ys[i]!) ** 2;
  return data.scale * s;
}

/** L′(w) and L″(w). σ(1 − σ) is computed as σ(z)σ(−z), accurate for large |z|. */
export function singleNeuronDerivatives(data: SingleNeuronData, w: number): { d1: number; d2: number } {
  let d1 = 0;
  let d2 = 0;
  for (let i = 0; i < data.xs.length; i++) {
    const x = data.xs[i]!;
    const z = w * x;
    const sig = logistic(z);
    const slope = sig * logistic(-z);
    const r = sig - data.ys[i]!;
    d1 += r * slope * x;
    d2 += (slope * slope + r * slope * (logistic(-z) - sig)) * x * x;
  }
  return { d1: 2 * data.scale * d1, d2: 2 * data.scale * d2 };
}

export interface SingleNeuronMinimum {
  readonly w: number;
  readonly value: number;
  readonly slope: number;
  readonly curvature: number;
}

export interface GridOptions {
  /** |w| resolved down to `inner` near 0 and up to `outer` (defaults 1e-4 and 1e4). */
  readonly inner?: number;
  readonly outer?: number;
  /** Grid points (default 200 000: relative resolution ≈ 2e-4 over the whole range). */
  readonly points?: number;
}

/** The grid w_t = inner·sinh(t), t uniform on [−T, T], T = asinh(outer/inner). */
export function asinhGrid(options: GridOptions = {}): Float64Array {
  const inner = options.inner ?? 1e-4;
  const outer = options.outer ?? 1e4;
  const points = options.points ?? 200_000;
  if (!(inner > 0 && outer > inner && points >= 3))
    throw new UserError('grid needs 0 < inner < outer and ≥ 3 points');
  const T = Math.asinh(outer / inner);
  return Float64Array.from({ length: points }, (_, k) => inner * Math.sinh(-T + (2 * T * k) / (points - 1)));
}

/** Refine a bracket [a, b] with L′(a) < 0 < L′(b): bisection to float resolution, then up to 3 Newton steps inside. */
function refineRoot(data: SingleNeuronData, a: number, b: number): number {
  let lo = a;
  let hi = b;
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (singleNeuronDerivatives(data, mid).d1 < 0) lo = mid;
    else hi = mid;
  }
  let w = (lo + hi) / 2;
  for (let it = 0; it < 3; it++) {
    const { d1, d2 } = singleNeuronDerivatives(data, w);
    if (!(d2 > 0)) break;
    const next = w - d1 / d2;
    if (!(next >= a && next <= b)) break;
    if (Math.abs(singleNeuronDerivatives(data, next).d1) >= Math.abs(d1)) break;
    w = next;
  }
  return w;
}

/**
 * Every strict local minimum of L that the grid resolves: brackets where L′ changes sign from − to +, refined
 * and certified (|L′|·(1 + |w|) ≤ SINGLE_NEURON_ROOT_RTOL·(1 + L) and L″·(1 + w²) > SINGLE_NEURON_CURVATURE_RTOL·(1 + L)).
 * Ascending in w. Pairs of critical points closer than the grid spacing are missed (the count is a lower bound).
 */
export function singleNeuronMinima(data: SingleNeuronData, options: GridOptions = {}): SingleNeuronMinimum[] {
  if (data.xs.length !== data.ys.length || data.xs.length === 0) {
    throw new UserError(
      `single neuron data: ${data.xs.length} inputs and ${data.ys.length} targets, expected equal and ≥ 1`,
    );
  }
  const grid = asinhGrid(options);
  const out: SingleNeuronMinimum[] = [];
  let previous = singleNeuronDerivatives(data, grid[0]!).d1;
  for (let t = 1; t < grid.length; t++) {
    const current = singleNeuronDerivatives(data, grid[t]!).d1;
    if (previous < 0 && current >= 0) {
      const w = refineRoot(data, grid[t - 1]!, grid[t]!);
      const value = singleNeuronLoss(data, w);
      const { d1, d2 } = singleNeuronDerivatives(data, w);
      const root = Math.abs(d1) * (1 + Math.abs(w)) <= SINGLE_NEURON_ROOT_RTOL * (1 + value);
      const strict = d2 * (1 + w * w) > SINGLE_NEURON_CURVATURE_RTOL * (1 + value);
      if (root && strict) out.push({ w, value, slope: d1, curvature: d2 });
    }
    previous = current;
  }
  return out;
}

/**
 * A block dataset: block j is one sample x_j = sign_j·10^{e_j/2} with target y_j ∈ (0, 1). Its own loss term
 * ½(σ(w x_j) − y_j)² has one valley, at w_j = logit(y_j)/x_j, of width ~1/|x_j|; at well-separated scales the
 * other blocks' terms are nearly flat there (in their w → 0 or |w| → ∞ regime), so each block keeps its valley
 * and the loss has as many local minima as blocks (AHW's mechanism in 1-D).
 */
export function blockDataset(
  blocks: readonly { readonly exponent: number; readonly sign: number; readonly target: number }[],
): {
  xs: number[];
  ys: number[];
} {
  for (const b of blocks) {
    if (!(b.target > 0 && b.target < 1)) throw new UserError(`block target ${b.target} must lie in (0, 1)`);
  }
  return {
    xs: blocks.map((b) => (b.sign < 0 ? -1 : 1) * 10 ** (b.exponent / 2)),
    ys: blocks.map((b) => b.target),
  };
}
