import { jacobian, loss, lossWeight, outputs, type Problem } from '../../nn/index.js';
import { GRAM_RTOL, QUADRATIC_FIT_RTOL } from './tolerances.js';

/**
 * Region linearity (docs/derivations.md#region-linearity for a network with one hidden layer and a piecewise-linear activation
 * (relu, leaky-relu): F(x) = V·σ(W x + b) + c. Inside an activation region S_A (every pre-activation keeps its
 * sign) σ acts as the fixed slopes A = σ'(z), so F is linear in (W, b) and the loss s·‖F(X) − Y‖² is an exact
 * quadratic along any segment of (W, b) inside S_A (V and c fixed).
 */

function requireTwoLayerPiecewiseLinear(problem: Problem, what: string): void {
  if (problem.layout.layers.length !== 2) {
    throw new Error(`${what}: needs exactly one hidden layer, got ${problem.layout.layers.length - 1}`);
  }
  if (!problem.act.piecewiseLinear || problem.act.kinks.length === 0) {
    throw new Error(`${what}: needs a piecewise-linear activation with a kink, got ${problem.act.spec.name}`);
  }
}

/** How far θ + t·d stays in θ's activation region, for a direction d that moves only the first layer. */
export interface RegionInterval {
  /** The first t > 0 at which some pre-activation reaches the kink (Infinity: none ahead). */
  readonly exit: number;
  /** True when some pre-activation is exactly at the kink at t = 0 (θ is on a region boundary). */
  readonly onBoundary: boolean;
}

/** Pre-activations z(t) = z0 + t·ż are affine in t, so the exit is min over ż ≠ 0 of (κ − z0)/ż > 0. */
export function regionInterval(
  problem: Problem,
  theta: Float64Array,
  direction: Float64Array,
): RegionInterval {
  requireTwoLayerPiecewiseLinear(problem, 'regionInterval');
  const first = problem.layout.layers[0]!;
  const second = problem.layout.layers[1]!;
  for (let k = second.start; k < second.end; k++) {
    if (direction[k] !== 0) throw new Error('regionInterval: the direction must not move the output layer');
  }
  const { inputs: din, outputs: width, weightOffset: w, biasOffset: b } = first;
  const kink = problem.act.kinks[0]!;
  let exit = Number.POSITIVE_INFINITY;
  let onBoundary = false;
  for (let i = 0; i < problem.n; i++) {
    for (let u = 0; u < width; u++) {
      let z = b === null ? 0 : theta[b + u]!;
      let dz = b === null ? 0 : direction[b + u]!;
      for (let j = 0; j < din; j++) {
        const x = problem.X[i * din + j]!;
        z += theta[w + u * din + j]! * x;
        dz += direction[w + u * din + j]! * x;
      }
      if (z === kink) onBoundary = true;
      if (dz === 0) continue;
      const t = (kink - z) / dz;
      if (t > 0 && t < exit) exit = t;
    }
  }
  return { exit, onBoundary };
}

/** A quadratic fitted through three losses on a segment, and how well it predicts the others. */
export interface QuadraticFit {
  /** The steps t_k = k·T/8, k = 0 … 8, and the losses there. */
  readonly steps: readonly number[];
  readonly losses: readonly number[];
  /** max over the six other steps of |L(t) − q(t)|, q the quadratic through t = 0, T/2, T. */
  readonly maxDeviation: number;
  /** s·max_t (‖F(t)‖ + ‖Y‖)²: the size of the terms the loss is summed from. */
  readonly scale: number;
  /** maxDeviation / scale (Infinity when a loss is not finite). */
  readonly relativeDeviation: number;
  readonly isQuadratic: boolean;
}

/** quadraticFit splits [0, T] into this many equal pieces (nodes 0, ½, 1 of T; the other points test the fit). */
export const QUADRATIC_FIT_PIECES = 8;

/**
 * Evaluate L(θ + t·d) at t = k·T/8 (k = 0 … 8, 8 = QUADRATIC_FIT_PIECES), fit the quadratic through k = 0, 4, 8 and measure how well it
 * predicts the other six (Lagrange form; inside the nodes each prediction is a combination with weights
 * summing to 1 in absolute value < 2). The loss is an exact quadratic iff the deviation is rounding:
 * isQuadratic is relativeDeviation ≤ QUADRATIC_FIT_RTOL. Any network and direction; the claim that it is
 * quadratic needs the segment inside one activation region of a network with one hidden layer.
 */
export function quadraticFit(
  problem: Problem,
  theta: Float64Array,
  direction: Float64Array,
  T: number,
): QuadraticFit {
  const pieces = QUADRATIC_FIT_PIECES;
  const half = pieces / 2;
  const steps = Array.from({ length: pieces + 1 }, (_, k) => (k * T) / pieces);
  const at = (t: number): Float64Array => Float64Array.from(theta, (x, i) => x + t * direction[i]!);
  const losses = steps.map((t) => loss(problem, at(t)));
  let yy = 0;
  for (let k = 0; k < problem.Y.length; k++) yy += problem.Y[k]! * problem.Y[k]!;
  let scale = 0;
  for (const t of steps) {
    const f = outputs(problem, at(t));
    let ff = 0;
    for (let k = 0; k < f.length; k++) ff += f[k]! * f[k]!;
    scale = Math.max(scale, lossWeight(problem) * (Math.sqrt(ff) + Math.sqrt(yy)) ** 2);
  }
  const [l0, lh, l1] = [losses[0]!, losses[half]!, losses[pieces]!];
  let maxDeviation = 0;
  let finite = losses.every(Number.isFinite);
  for (let k = 0; k <= pieces; k++) {
    if (k % half === 0) continue;
    // Lagrange basis on the nodes 0, ½, 1 at s = k/8: ℓ0 = 2(s−½)(s−1), ℓh = −4s(s−1), ℓ1 = 2s(s−½)
    const s = k / pieces;
    const q = 2 * (s - 0.5) * (s - 1) * l0 - 4 * s * (s - 1) * lh + 2 * s * (s - 0.5) * l1;
    const d = Math.abs(losses[k]! - q);
    if (!Number.isFinite(d)) finite = false;
    else maxDeviation = Math.max(maxDeviation, d);
  }
  const relativeDeviation =
    finite && scale > 0 ? maxDeviation / scale : finite && maxDeviation === 0 ? 0 : Number.POSITIVE_INFINITY;
  return {
    steps,
    losses,
    maxDeviation,
    scale,
    relativeDeviation,
    isQuadratic: relativeDeviation <= QUADRATIC_FIT_RTOL,
  };
}

/** The Gram identity of a region Jacobian, checked entry by entry. */
export interface GramCheck {
  /** max over entries of |(J Jᵀ)_ab − G_ab| / (entry scale), G the closed form. */
  readonly relativeError: number;
  readonly holds: boolean;
}

/**
 * Catalog §1.3(b): the Jacobian of F(X) with respect to the first layer (W, b) has rows (i, k) equal to
 * (v_ku·A_ui·x̃_i)_u with x̃_i = (x_i, 1 if bias), so
 *
 *     (J Jᵀ)_{(i,k),(i',k')} = Σ_u v_ku v_k'u A_ui A_ui' · ⟨x̃_i, x̃_i'⟩,
 *
 * i.e. (Aᵀ diag(v²) A) ∘ (X Xᵀ) for one output, with A_ui = 1 where z_ui > 0 and 0 (relu) or the slope
 * (leaky-relu) elsewhere, read from the activation spec. J comes from the core's reverse-mode `jacobian` (an
 * independent code path, with the core's σ′); the error is relative to Σ_u |v_ku v_k'u A_ui A_ui'| · Σ_j |x̃_ij x̃_i'j| (GRAM_RTOL).
 */
export function regionGram(problem: Problem, theta: Float64Array): GramCheck {
  requireTwoLayerPiecewiseLinear(problem, 'regionGram');
  const first = problem.layout.layers[0]!;
  const second = problem.layout.layers[1]!;
  const { n } = problem;
  const { inputs: din, outputs: width, weightOffset: w, biasOffset: b } = first;
  // A_ui from the sign pattern and the spec (not from the core's σ′, so the identity checks the core's Jacobian)
  const spec = problem.net.activation;
  const negativeSlope = spec.name === 'leaky-relu' ? spec.slope : 0;
  const dOut = second.outputs;
  const J = jacobian(problem, theta);
  const P = J.cols;
  // slopes A_ui = σ'(z_ui) and augmented inputs x̃_i
  const slope = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    for (let u = 0; u < width; u++) {
      let z = b === null ? 0 : theta[b + u]!;
      for (let j = 0; j < din; j++) z += theta[w + u * din + j]! * problem.X[i * din + j]!;
      slope[i * width + u] = z > 0 ? 1 : negativeSlope;
    }
  }
  const v = (k: number, u: number): number => theta[second.weightOffset + k * width + u]!;
  let worst = 0;
  for (let a = 0; a < n * dOut; a++) {
    for (let c = a; c < n * dOut; c++) {
      const [i, k] = [Math.floor(a / dOut), a % dOut];
      const [i2, k2] = [Math.floor(c / dOut), c % dOut];
      // (J Jᵀ)_ac over the first layer's columns only
      let jj = 0;
      for (let col = first.start; col < first.end; col++) jj += J.data[a * P + col]! * J.data[c * P + col]!;
      let xx = b === null ? 0 : 1;
      let xxAbs = xx;
      for (let j = 0; j < din; j++) {
        const term = problem.X[i * din + j]! * problem.X[i2 * din + j]!;
        xx += term;
        xxAbs += Math.abs(term);
      }
      let g = 0;
      let gAbs = 0;
      for (let u = 0; u < width; u++) {
        const term = v(k, u) * v(k2, u) * slope[i * width + u]! * slope[i2 * width + u]!;
        g += term;
        gAbs += Math.abs(term);
      }
      const scale = gAbs * xxAbs;
      const diff = Math.abs(jj - g * xx);
      if (!Number.isFinite(diff)) return { relativeError: Number.POSITIVE_INFINITY, holds: false };
      if (diff > 0) worst = Math.max(worst, scale > 0 ? diff / scale : Number.POSITIVE_INFINITY);
    }
  }
  return { relativeError: worst, holds: worst <= GRAM_RTOL };
}
