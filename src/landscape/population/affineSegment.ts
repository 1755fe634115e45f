import { UserError } from '../../errors.js';
import { type ActivationSpec, forward, loss, lossWeight, type Problem } from '../../nn/index.js';
import type { Rng } from '../../random.js';
import { affineFit } from '../basins/index.js';

/**
 * The affine-segment construction of Christof & Kowalczyk (2022; claim ck22-affine-segment) for deep
 * networks with one output: every hidden pre-activation on the data sits inside one affine piece of σ, with a
 * margin, and the network realises the affine least-squares fit g(x) = β·x + β₀ of the data. Inside the ball on
 * which no pre-activation leaves its piece the network is an affine function of x on the data, so L ≥ L_lin =
 * L(point): a local minimum, spurious whenever the target is not affine and some point fits better.
 * (One hidden layer, positive piece: the linear-regime point of src/landscape/basins, which this generalises to
 * any depth and to the negative piece of leaky-relu.)
 */

/** An affine piece of σ: σ(z) = slope·z on z > 0 ('positive') or on z < 0 ('negative'). */
export interface AffineSegment {
  readonly side: 'positive' | 'negative';
  readonly slope: number;
}

/**
 * The affine pieces of an activation with non-zero slope: relu (z > 0), leaky-relu (both sides; the negative side
 * only for a non-zero slope). Smooth activations (tanh, sigmoid, softplus, quadratic, polynomials of degree ≥ 2)
 * have none; identity and degree-≤1 polynomials are affine everywhere (the network is affine: no construction).
 */
export function affineSegments(spec: ActivationSpec): AffineSegment[] {
  switch (spec.name) {
    case 'relu':
      return [{ side: 'positive', slope: 1 }];
    case 'leaky-relu':
      return spec.slope === 0
        ? [{ side: 'positive', slope: 1 }]
        : [
            { side: 'positive', slope: 1 },
            { side: 'negative', slope: spec.slope },
          ];
    default:
      return [];
  }
}

/**
 * Where the construction puts every hidden pre-activation: inside an affine piece with a margin, or (for smooth σ,
 * the control) inside a window [center − halfWidth, center + halfWidth] where σ is only approximately affine.
 */
export type Placement =
  | { readonly kind: 'segment'; readonly segment: AffineSegment; readonly margin: number }
  | { readonly kind: 'window'; readonly center: number; readonly halfWidth: number };

function requireShape(problem: Problem): void {
  const sizes = problem.layout.layerSizes;
  if (sizes.length < 3 || sizes[sizes.length - 1] !== 1 || !problem.net.bias) {
    throw new UserError('the affine-segment construction needs ≥ 1 hidden layer, one output and biases');
  }
}

/**
 * The construction point. Unit 0 of hidden layer 1 computes κ·g(x) + τ, unit 0 of each later layer κ·h₀ + τ
 * (its predecessor's unit 0); units ≥ 1 get incoming weights N(0, scale²) from the rng; every unit gets the
 * (κ, τ) that places its pre-activations on the data in the piece with the margin (κ = 1) or in the window.
 * Only unit 0 of the last hidden layer reaches the output, with the weight and bias that undo its affine map
 * of g; the other output weights are exactly 0.
 */
export function affineSegmentPoint(
  problem: Problem,
  placement: Placement,
  options: { scale: number; rng: Rng },
): Float64Array {
  requireShape(problem);
  const { beta } = affineFit(problem);
  const layers = problem.layout.layers;
  const n = problem.n;
  const d = layers[0]!.inputs;
  const act = problem.act;
  const theta = new Float64Array(problem.layout.size);
  // σ on the piece (or its linearisation at the window centre): σ(z) ≈ s·z + c.
  const s = placement.kind === 'segment' ? placement.segment.slope : act.d1(placement.center);
  const c =
    placement.kind === 'segment'
      ? 0
      : act.value(placement.center) - act.d1(placement.center) * placement.center;
  if (!(s !== 0 && Number.isFinite(s)))
    throw new UserError('the affine piece (or window) must have a non-zero slope');
  let features = problem.X;
  let width = d;
  // unit 0's pre-scaling value a₀ = A·g + B (A = 1, B = 0 at the first layer, where a₀ = g itself).
  let A = 1;
  let B = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    const layer = layers[l]!;
    const m = layer.outputs;
    const next = new Float64Array(n * m);
    for (let u = 0; u < m; u++) {
      const w = new Float64Array(width);
      let b = 0;
      if (u === 0 && l === 0) {
        for (let j = 0; j < d; j++) w[j] = beta.data[j]!;
        b = beta.data[d]!;
      } else if (u === 0) {
        w[0] = 1;
      } else {
        for (let j = 0; j < width; j++) w[j] = options.scale * options.rng.normal();
      }
      const a = new Float64Array(n);
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        let v = b;
        for (let j = 0; j < width; j++) v += w[j]! * features[i * width + j]!;
        a[i] = v;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      let kappa = 1;
      let tau: number;
      if (placement.kind === 'segment') {
        tau = placement.segment.side === 'positive' ? placement.margin - lo : -placement.margin - hi;
      } else {
        const half = (hi - lo) / 2;
        kappa = half > 0 ? placement.halfWidth / half : 0;
        tau = placement.center - kappa * (lo + half);
      }
      for (let j = 0; j < width; j++) theta[layer.weightOffset + u * width + j] = kappa * w[j]!;
      theta[layer.biasOffset! + u] = kappa * b + tau;
      for (let i = 0; i < n; i++) next[i * m + u] = act.value(kappa * a[i]! + tau);
      if (u === 0) {
        const A1 = s * kappa * A;
        B = s * (kappa * B + tau) + c;
        A = A1;
      }
    }
    features = next;
    width = m;
  }
  if (!(A !== 0 && Number.isFinite(A)))
    throw new UserError('the construction degenerated (unit 0 does not carry the fit)');
  const output = layers[layers.length - 1]!;
  theta[output.weightOffset] = 1 / A;
  theta[output.biasOffset!] = -B / A;
  return theta;
}

/** The exact local argument of the construction. */
export interface SegmentProof {
  /** min over samples and units of the distance of a hidden pre-activation from the piece's end (kink at 0), per layer. */
  readonly margins: readonly number[];
  /** Radius of the parameter ball (Euclidean, all parameters) on which no hidden pre-activation leaves the piece. */
  readonly radius: number;
}

/**
 * The proof of a segment placement at θ, or null when some pre-activation is not strictly inside the piece.
 * Bound: a perturbation δ with ‖δ‖ ≤ ρ changes layer l's pre-activations by ‖Δz_l‖ ≤ E_l with
 *   E_1 = ρ·‖(x, 1)‖,   E_l = ρ·‖(h_{l−1}, 1)‖ + (‖W_l‖_F + ρ)·|s|·E_{l−1}
 * (Cauchy–Schwarz, and Δh = s·Δz while every pre-activation stays on the piece, by induction). The radius is the
 * largest ρ (bisection, 60 halvings) with E_l(x_i) < margin_l(x_i) for every layer and sample.
 */
export function segmentProof(
  problem: Problem,
  theta: Float64Array,
  segment: AffineSegment,
): SegmentProof | null {
  requireShape(problem);
  const pass = forward(problem, theta);
  const layers = problem.layout.layers;
  const hidden = layers.length - 1;
  const n = problem.n;
  const sign = segment.side === 'positive' ? 1 : -1;
  const margin: Float64Array[] = [];
  const inputNorm: Float64Array[] = [];
  const weightNorm: number[] = [];
  for (let l = 0; l < hidden; l++) {
    const layer = layers[l]!;
    const m = layer.outputs;
    const z = pass.z[l]!;
    const h = pass.h[l]!;
    const perSample = new Float64Array(n);
    const norms = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let mm = Number.POSITIVE_INFINITY;
      for (let u = 0; u < m; u++) mm = Math.min(mm, sign * z[i * m + u]!);
      if (!(mm > 0)) return null;
      perSample[i] = mm;
      let s2 = 1;
      for (let j = 0; j < layer.inputs; j++) s2 += h[i * layer.inputs + j]! ** 2;
      norms[i] = Math.sqrt(s2);
    }
    let f2 = 0;
    for (let k = layer.weightOffset; k < layer.weightOffset + layer.inputs * m; k++) f2 += theta[k]! ** 2;
    margin.push(perSample);
    inputNorm.push(norms);
    weightNorm.push(Math.sqrt(f2));
  }
  const slope = Math.abs(segment.slope);
  const inside = (rho: number): boolean => {
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let l = 0; l < hidden; l++) {
        e = rho * inputNorm[l]![i]! + (l === 0 ? 0 : (weightNorm[l]! + rho) * slope * e);
        if (!(e < margin[l]![i]!)) return false;
      }
    }
    return true;
  };
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) hi = Math.min(hi, margin[0]![i]! / inputNorm[0]![i]!);
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (inside(mid)) lo = mid;
    else hi = mid;
  }
  return { margins: margin.map((m) => Math.min(...m)), radius: lo };
}

/** A flat move of a last-hidden unit with zero output weight, then the exact best output weight for it. */
export interface HingeEscape {
  readonly unit: number;
  /** θ after the flat move (loss unchanged) and after setting the unit's output weight. */
  readonly flatPoint: Float64Array;
  readonly descentPoint: Float64Array;
  readonly descentLoss: number;
  readonly decrease: number;
}

/**
 * From θ where a last-hidden unit j has output weight exactly 0 (one output): move its incoming weights and bias
 * to (u/spread, −t/spread) so that its kink splits the samples' projections u·h_{L−2}(x_i) at t (L unchanged: the
 * unit does not reach the output), then set its output weight to the minimiser a* = −Σ r_i h_j(x_i)/Σ h_j(x_i)² of
 * the quadratic along it, lowering L by s·(Σ r_i h_j(x_i))²/Σ h_j(x_i)². Tries `directions` random u and every
 * split; keeps the largest decrease. Null when no unit qualifies or nothing decreases by more than
 * minDecreaseRtol·(1 + L). Works for any σ (the formula is exact); for relu-like σ the kink makes the feature
 * non-affine, which is what beats the affine fit.
 */
export function hingeEscape(
  problem: Problem,
  theta: Float64Array,
  rng: Rng,
  options: { directions?: number; minDecreaseRtol: number },
): HingeEscape | null {
  requireShape(problem);
  const layers = problem.layout.layers;
  const output = layers[layers.length - 1]!;
  const hidden = layers[layers.length - 2]!;
  const m = output.inputs;
  const din = hidden.inputs;
  const n = problem.n;
  const unit = Array.from({ length: m }, (_, j) => j).find((j) => theta[output.weightOffset + j] === 0);
  if (unit === undefined) return null;
  const pass = forward(problem, theta);
  const P = pass.h[layers.length - 2]!;
  const r = Float64Array.from(pass.f, (f, i) => f - problem.Y[i]!);
  const value = loss(problem, theta);
  const s = lossWeight(problem);
  let best: { w: Float64Array; b: number; a: number; decrease: number } | null = null;
  for (let attempt = 0; attempt < (options.directions ?? 8); attempt++) {
    const u = Float64Array.from({ length: din }, () => rng.normal());
    const p = Float64Array.from({ length: n }, (_, i) => {
      let v = 0;
      for (let j = 0; j < din; j++) v += u[j]! * P[i * din + j]!;
      return v;
    });
    const sorted = Array.from(p).sort((x, y) => x - y);
    const spread = sorted[n - 1]! - sorted[0]!;
    if (!(spread > 0)) continue;
    for (let split = 1; split < n; split++) {
      if (!(sorted[split]! - sorted[split - 1]! > 1e-9 * spread)) continue;
      const t = (sorted[split - 1]! + sorted[split]!) / 2;
      let rh = 0;
      let hh = 0;
      for (let i = 0; i < n; i++) {
        const h = problem.act.value((p[i]! - t) / spread);
        rh += r[i]! * h;
        hh += h * h;
      }
      if (!(hh > 0)) continue;
      const decrease = (s * rh * rh) / hh;
      if (best === null || decrease > best.decrease) {
        best = { w: Float64Array.from(u, (x) => x / spread), b: -t / spread, a: -rh / hh, decrease };
      }
    }
  }
  if (best === null) return null;
  const flatPoint = Float64Array.from(theta);
  for (let j = 0; j < din; j++) flatPoint[hidden.weightOffset + unit * din + j] = best.w[j]!;
  flatPoint[hidden.biasOffset! + unit] = best.b;
  const descentPoint = Float64Array.from(flatPoint);
  descentPoint[output.weightOffset + unit] = best.a;
  const descentLoss = loss(problem, descentPoint);
  const decrease = value - descentLoss;
  if (!(decrease > options.minDecreaseRtol * (1 + Math.abs(value)))) return null;
  return { unit, flatPoint, descentPoint, descentLoss, decrease };
}
