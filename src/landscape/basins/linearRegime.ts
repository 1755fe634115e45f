import { UserError } from '../../errors.js';
import { type DenseMatrix, dense, leastSquares } from '../../linalg/index.js';
import { forward, loss, lossWeight, type Problem } from '../../nn/index.js';
import type { Rng } from '../../random.js';
import { along, lastLayers, outputWeightOf, withIncoming } from './networkParts.js';
import { DISTINCT_RTOL, ESCAPE_DECREASE_RTOL, FLAT_RTOL } from './tolerances.js';

/**
 * The linear-regime local minimum (Yun–Sra–Jadbabaie 2019, Ding–Li–Sun 2019) and the flat
 * escape from it that shows it is not a basin (consistent with Li–Ding–Sun's no-sub-optimal-basin theorem).
 */

/** The affine least-squares fit Y ≈ [X | 1]·β: β ((d+1)×d_L, last row the intercept) and its loss. */
export function affineFit(problem: Problem): { beta: DenseMatrix; loss: number } {
  const d = problem.layout.layers[0]!.inputs;
  const dy = problem.layout.layerSizes[problem.layout.layerSizes.length - 1]!;
  const n = problem.n;
  const A = dense(n, d + 1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) A.data[i * (d + 1) + j] = problem.X[i * d + j]!;
    A.data[i * (d + 1) + d] = 1;
  }
  const solved = leastSquares(A, dense(n, dy, Float64Array.from(problem.Y)));
  return { beta: solved.x, loss: lossWeight(problem) * solved.residualNorm ** 2 };
}

function requireLinearRegimeNetwork(problem: Problem): void {
  const name = problem.act.spec.name;
  if (problem.layout.layers.length !== 2 || !problem.net.bias || (name !== 'relu' && name !== 'leaky-relu')) {
    throw new UserError(
      'the linear-regime construction needs a one-hidden-layer relu or leaky-relu network with biases',
    );
  }
}

/**
 * The linear-regime point: units j < d_L carry the affine fit (w_j = β_x[:, j], b_j = β_0[j] + C_j, output
 * weight e_j, output bias −C), with C_j = shift + max(0, −min_i(β_j·x_i + β_0j)) so every pre-activation is ≥
 * shift; the other units get random incoming weights (N(0, scale²) from the rng) with a bias that makes them
 * active on every sample with margin ≥ shift, and output weight 0. Every unit is active, so near this point
 * the network is affine in x on the data and L ≥ L_lin = L(point): a local minimum, spurious whenever the
 * data is not affinely fittable and the network can fit better. Needs width ≥ d_L and shift > 0.
 */
export function linearRegimePoint(
  problem: Problem,
  options: { shift: number; scale: number; rng: Rng },
): Float64Array {
  requireLinearRegimeNetwork(problem);
  const { hidden, output, width, outputs } = lastLayers(problem);
  if (width < outputs)
    throw new UserError(`the linear-regime construction needs width ≥ ${outputs} outputs, got ${width}`);
  if (!(options.shift > 0)) throw new UserError(`shift must be positive, got ${options.shift}`);
  const d = hidden.inputs;
  const n = problem.n;
  const { beta } = affineFit(problem);
  const theta = new Float64Array(problem.layout.size);
  const minOver = (w: Float64Array, b: number): number => {
    let m = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j]! * problem.X[i * d + j]!;
      m = Math.min(m, z);
    }
    return m;
  };
  for (let u = 0; u < width; u++) {
    const w =
      u < outputs
        ? Float64Array.from({ length: d }, (_, j) => beta.data[j * outputs + u]!)
        : Float64Array.from({ length: d }, () => options.scale * options.rng.normal());
    const b0 = u < outputs ? beta.data[d * outputs + u]! : 0;
    const lift = options.shift + Math.max(0, -minOver(w, b0));
    for (let j = 0; j < d; j++) theta[hidden.weightOffset + u * d + j] = w[j]!;
    theta[hidden.biasOffset! + u] = b0 + lift;
    if (u < outputs) {
      theta[output.weightOffset + u * width + u] = 1;
      theta[output.biasOffset! + u] = -lift;
    }
  }
  return theta;
}

/** A flat move followed by a descent step: the evidence that a point is not a (set-wise strict) basin. */
export interface FlatEscape {
  /** The unit whose incoming weights move (its output weights are exactly 0). */
  readonly unit: number;
  /** The end of the flat segment (full parameter vector) and the loss sampled along the segment. */
  readonly flatPoint: Float64Array;
  readonly flatProfile: readonly number[];
  /** The point after the descent step on the unit's output weights, its loss and the decrease. */
  readonly descentPoint: Float64Array;
  readonly descentLoss: number;
  readonly decrease: number;
}

/**
 * From a one-hidden-layer point where some unit j has output weights exactly 0: move (w_j, b_j) to a hinge
 * that splits the samples (the loss is constant along the way, since unit j does not reach the output), then
 * set unit j's output weights to the exact minimiser v* = −Σ_i r_i h_j(x_i) / Σ_i h_j(x_i)² of the loss along
 * them, which lowers L by s·‖Σ_i r_i h_j(x_i)‖² / Σ_i h_j(x_i)². Tries random directions and every split,
 * keeps the largest decrease. Null when no unit has zero output weights, or no split lowers the loss beyond
 * ESCAPE_DECREASE_RTOL (e.g. at a global minimum).
 */
export function flatEscape(
  problem: Problem,
  theta: Float64Array,
  rng: Rng,
  options: { directions?: number; samples?: number } = {},
): FlatEscape | null {
  if (problem.layout.layers.length !== 2) throw new UserError('flatEscape needs a one-hidden-layer network');
  const { output, width, outputs, hidden } = lastLayers(problem);
  const unit = Array.from({ length: width }, (_, j) => j).find(
    (j) => outputWeightOf(problem, theta, j) === 0,
  );
  if (unit === undefined || hidden.biasOffset === null) return null;
  const d = hidden.inputs;
  const n = problem.n;
  const value = loss(problem, theta);
  const pass = forward(problem, theta);
  const r = Float64Array.from(pass.f, (f, k) => f - problem.Y[k]!);
  const s = lossWeight(problem);
  let best: { w: Float64Array; b: number; h: Float64Array; decrease: number } | null = null;
  const directions = options.directions ?? 8;
  for (let attempt = 0; attempt < directions; attempt++) {
    const u = Float64Array.from({ length: d }, () => rng.normal());
    const p = Float64Array.from({ length: n }, (_, i) => {
      let z = 0;
      for (let j = 0; j < d; j++) z += u[j]! * problem.X[i * d + j]!;
      return z;
    });
    const sorted = Array.from(p).sort((a, b) => a - b);
    const spread = Math.max(sorted[n - 1]! - sorted[0]!, 1e-300);
    for (let split = 1; split < n; split++) {
      if (!(sorted[split]! - sorted[split - 1]! > DISTINCT_RTOL * spread)) continue;
      const t = (sorted[split - 1]! + sorted[split]!) / 2;
      const w = Float64Array.from(u, (x) => x / spread);
      const b = -t / spread;
      const h = Float64Array.from(p, (pi) => problem.act.value(pi / spread + b));
      let hh = 0;
      for (let i = 0; i < n; i++) hh += h[i]! * h[i]!;
      if (!(hh > 0)) continue;
      let g2 = 0;
      for (let o = 0; o < outputs; o++) {
        let g = 0;
        for (let i = 0; i < n; i++) g += r[i * outputs + o]! * h[i]!;
        g2 += g * g;
      }
      const decrease = (s * g2) / hh;
      if (best === null || decrease > best.decrease) best = { w, b, h, decrease };
    }
  }
  if (best === null) return null;
  const flatPoint = withIncoming(problem, theta, unit, best.w, best.b);
  const flatHidden = forward(problem, flatPoint).h[1]!;
  let hh = 0;
  for (let i = 0; i < n; i++) hh += flatHidden[i * width + unit]! ** 2;
  const descentPoint = Float64Array.from(flatPoint);
  for (let o = 0; o < outputs; o++) {
    let g = 0;
    for (let i = 0; i < n; i++) g += r[i * outputs + o]! * flatHidden[i * width + unit]!;
    descentPoint[output.weightOffset + o * width + unit] = -g / hh;
  }
  const samples = options.samples ?? 8;
  const flatProfile = Array.from({ length: samples + 1 }, (_, k) =>
    loss(problem, along(theta, flatPoint, k / samples)),
  );
  const descentLoss = loss(problem, descentPoint);
  const decrease = value - descentLoss;
  const flat = flatProfile.every((v) => Math.abs(v - value) <= FLAT_RTOL * (1 + Math.abs(value)));
  if (!flat || !(decrease > ESCAPE_DECREASE_RTOL * (1 + Math.abs(value)))) return null;
  return { unit, flatPoint, flatProfile, descentPoint, descentLoss, decrease };
}
