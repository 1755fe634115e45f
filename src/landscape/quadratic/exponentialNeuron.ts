import { ShapeError, UserError } from '../../errors.js';
import { dense } from '../../linalg/index.js';
import type { Objective } from '../objective.js';
import { KINK_RTOL } from './tolerances.js';

/**
 * Liang, Sun, Lee, Srikant (2018), "Adding one neuron can eliminate all bad local minima" (form
 * [REC]): binary labels y_i ∈ {−1, +1}, a one-hidden-layer relu network
 *
 *     f(x; θ) = Σ_j v_j·relu(u_jᵀx + c_j) + c_0,
 *
 * plus (optionally) one exponential neuron with a skip connection to the output, and its regulariser:
 *
 *     F(x) = f(x; θ) + a·exp(wᵀx + b),     L̃ = Σ_i ℓ(−y_i F(x_i)) + (λ/2)a²,     ℓ(z) = max(z + 1, 0)^p.
 *
 * ℓ is convex, non-decreasing, C² for p ≥ 3, and 0 for z ≤ −1: the loss is 0 exactly when every margin
 * y_i F(x_i) ≥ 1. Parameter vector: [U (m×d, row-major), c (m), v (m), c_0] and, with the neuron, [a, w (d), b].
 */
export interface ExponentialNeuronProblem {
  readonly inputs: readonly (readonly number[])[];
  /** Labels ±1. */
  readonly labels: readonly number[];
  /** Hidden relu units m ≥ 0. */
  readonly width: number;
  /** Include the exponential neuron (false: the plain network, the counter-probe). */
  readonly neuron: boolean;
  /** λ > 0. */
  readonly lambda: number;
  /** Exponent p ≥ 3 of the polynomial hinge. */
  readonly power: number;
}

/** Offsets of the parameter blocks in the flat vector. */
export interface ExponentialNeuronLayout {
  readonly d: number;
  readonly m: number;
  readonly U: number;
  readonly c: number;
  readonly v: number;
  readonly c0: number;
  /** −1 without the neuron. */
  readonly a: number;
  readonly w: number;
  readonly b: number;
  readonly size: number;
}

export function exponentialNeuronLayout(d: number, m: number, neuron: boolean): ExponentialNeuronLayout {
  const U = 0;
  const c = m * d;
  const v = c + m;
  const c0 = v + m;
  const a = neuron ? c0 + 1 : -1;
  const w = neuron ? a + 1 : -1;
  const b = neuron ? w + d : -1;
  return { d, m, U, c, v, c0, a, w, b, size: neuron ? b + 1 : c0 + 1 };
}

export interface ExponentialNeuronModel {
  readonly layout: ExponentialNeuronLayout;
  readonly objective: Objective;
  /** F(x_i) for every sample. */
  outputs(theta: Float64Array): Float64Array;
  /** min_i y_i F(x_i) (≥ 1: every margin met). */
  minMargin(theta: Float64Array): number;
  /** min_i y_i f(x_i; θ): the margins of the network alone, without the exponential neuron's term. */
  networkMargin(theta: Float64Array): number;
  /** The neuron's largest contribution |a|·max_i e^{wᵀx_i + b} (0 without the neuron). */
  neuronContribution(theta: Float64Array): number;
  /** min over samples and units of |u_jᵀx_i + c_j|: the distance to a relu kink. */
  kinkMargin(theta: Float64Array): number;
  /** Largest exponent max_i (wᵀx_i + b) (−∞ without the neuron). */
  maxExponent(theta: Float64Array): number;
}

/** The model and its objective L̃ with exact gradient and Hessian (relu'' = 0 away from kinks). */
export function exponentialNeuronModel(problem: ExponentialNeuronProblem): ExponentialNeuronModel {
  const n = problem.inputs.length;
  if (n === 0) throw new UserError('exponential-neuron problem: no samples');
  const d = problem.inputs[0]!.length;
  problem.inputs.forEach((x, i) => {
    if (x.length !== d)
      throw new ShapeError(`exponential-neuron problem: input ${i} has ${x.length} entries, expected ${d}`);
  });
  if (problem.labels.length !== n)
    throw new ShapeError(`exponential-neuron problem: ${problem.labels.length} labels for ${n} inputs`);
  if (problem.labels.some((y) => y !== 1 && y !== -1))
    throw new UserError('exponential-neuron problem: labels must be ±1');
  if (!(problem.lambda > 0))
    throw new UserError(`exponential-neuron problem: λ must be > 0, got ${problem.lambda}`);
  if (!(problem.power >= 3))
    throw new UserError(
      `exponential-neuron problem: p must be ≥ 3 (ℓ twice differentiable), got ${problem.power}`,
    );
  const m = problem.width;
  const layout = exponentialNeuronLayout(d, m, problem.neuron);
  const X = Float64Array.from(problem.inputs.flat());
  const y = Float64Array.from(problem.labels);
  const { power: p, lambda } = problem;

  const requireSize = (theta: Float64Array) => {
    if (theta.length !== layout.size)
      throw new ShapeError(`exponential-neuron parameters: ${theta.length} entries, expected ${layout.size}`);
  };

  // z_ij = u_jᵀx_i + c_j; e_i = exp(wᵀx_i + b); F_i = Σ_j v_j relu(z_ij) + c_0 + a·e_i.
  const forward = (theta: Float64Array) => {
    requireSize(theta);
    const z = new Float64Array(n * m);
    const e = new Float64Array(n);
    const F = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let f = theta[layout.c0]!;
      for (let j = 0; j < m; j++) {
        let s = theta[layout.c + j]!;
        for (let t = 0; t < d; t++) s += theta[layout.U + j * d + t]! * X[i * d + t]!;
        z[i * m + j] = s;
        if (s > 0) f += theta[layout.v + j]! * s;
      }
      if (problem.neuron) {
        let s = theta[layout.b]!;
        for (let t = 0; t < d; t++) s += theta[layout.w + t]! * X[i * d + t]!;
        e[i] = Math.exp(s);
        f += theta[layout.a]! * e[i]!;
      }
      F[i] = f;
    }
    return { z, e, F };
  };

  // ℓ(−y F) and its first two derivatives in F: φ' = −y·ℓ'(−yF), φ'' = ℓ''(−yF).
  const lossTerms = (F: Float64Array) => {
    const value = new Float64Array(n);
    const d1 = new Float64Array(n);
    const d2 = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const t = Math.max(0, 1 - y[i]! * F[i]!);
      if (t === 0) continue;
      value[i] = t ** p;
      d1[i] = -y[i]! * p * t ** (p - 1);
      d2[i] = p * (p - 1) * t ** (p - 2);
    }
    return { value, d1, d2 };
  };

  // ∇F_i (dense, length `size`).
  const gradF = (theta: Float64Array, z: Float64Array, e: Float64Array, i: number): Float64Array => {
    const g = new Float64Array(layout.size);
    for (let j = 0; j < m; j++) {
      const zij = z[i * m + j]!;
      if (zij > 0) {
        const vj = theta[layout.v + j]!;
        for (let t = 0; t < d; t++) g[layout.U + j * d + t] = vj * X[i * d + t]!;
        g[layout.c + j] = vj;
        g[layout.v + j] = zij;
      }
    }
    g[layout.c0] = 1;
    if (problem.neuron) {
      const a = theta[layout.a]!;
      g[layout.a] = e[i]!;
      for (let t = 0; t < d; t++) g[layout.w + t] = a * e[i]! * X[i * d + t]!;
      g[layout.b] = a * e[i]!;
    }
    return g;
  };

  const objective: Objective = {
    dim: layout.size,
    value(theta) {
      const { F } = forward(theta);
      const { value } = lossTerms(F);
      let s = 0;
      for (let i = 0; i < n; i++) s += value[i]!;
      return problem.neuron ? s + 0.5 * lambda * theta[layout.a]! ** 2 : s;
    },
    valueAndGradient(theta) {
      const { z, e, F } = forward(theta);
      const { value, d1 } = lossTerms(F);
      let s = 0;
      const gradient = new Float64Array(layout.size);
      for (let i = 0; i < n; i++) {
        s += value[i]!;
        if (d1[i] === 0) continue;
        const g = gradF(theta, z, e, i);
        for (let q = 0; q < layout.size; q++) gradient[q]! += d1[i]! * g[q]!;
      }
      if (problem.neuron) {
        s += 0.5 * lambda * theta[layout.a]! ** 2;
        gradient[layout.a]! += lambda * theta[layout.a]!;
      }
      return { value: s, gradient };
    },
    hessian(theta) {
      // ∇²L̃ = Σ_i [φ''_i ∇F_i ∇F_iᵀ + φ'_i ∇²F_i] + λ e_a e_aᵀ.
      const { z, e, F } = forward(theta);
      const { d1, d2 } = lossTerms(F);
      const P = layout.size;
      const h = dense(P, P);
      const add = (r: number, c: number, x: number) => {
        h.data[r * P + c]! += x;
        if (r !== c) h.data[c * P + r]! += x;
      };
      for (let i = 0; i < n; i++) {
        if (d1[i] === 0 && d2[i] === 0) continue;
        const g = gradF(theta, z, e, i);
        const c2 = d2[i]!;
        for (let r = 0; r < P; r++) {
          if (g[r] === 0) continue;
          for (let c = 0; c < P; c++) h.data[r * P + c]! += c2 * g[r]! * g[c]!;
        }
        const c1 = d1[i]!;
        // ∂²F/∂v_j∂u_j = 1[z > 0]·x, ∂²F/∂v_j∂c_j = 1[z > 0].
        for (let j = 0; j < m; j++) {
          if (!(z[i * m + j]! > 0)) continue;
          for (let t = 0; t < d; t++) add(layout.v + j, layout.U + j * d + t, c1 * X[i * d + t]!);
          add(layout.v + j, layout.c + j, c1);
        }
        if (problem.neuron) {
          // ∂²F/∂a∂w = e·x, ∂²F/∂a∂b = e, ∂²F/∂w∂wᵀ = a·e·xxᵀ, ∂²F/∂w∂b = a·e·x, ∂²F/∂b² = a·e.
          const ei = e[i]!;
          const ae = theta[layout.a]! * ei;
          for (let t = 0; t < d; t++) {
            add(layout.a, layout.w + t, c1 * ei * X[i * d + t]!);
            add(layout.w + t, layout.b, c1 * ae * X[i * d + t]!);
            for (let s = t; s < d; s++)
              add(layout.w + t, layout.w + s, c1 * ae * X[i * d + t]! * X[i * d + s]!);
          }
          add(layout.a, layout.b, c1 * ei);
          add(layout.b, layout.b, c1 * ae);
        }
      }
      if (problem.neuron) h.data[layout.a * P + layout.a]! += lambda;
      // c₂·g_r·g_c and c₂·g_c·g_r round differently: average the triangles so the matrix is exactly symmetric.
      for (let r = 0; r < P; r++) {
        for (let c = r + 1; c < P; c++) {
          const x = 0.5 * (h.data[r * P + c]! + h.data[c * P + r]!);
          h.data[r * P + c] = x;
          h.data[c * P + r] = x;
        }
      }
      return h;
    },
    nonDifferentiable(theta) {
      const margin = kinkMargin(theta);
      return margin <= KINK_RTOL
        ? `a relu pre-activation is on a kink (margin ${margin.toExponential(2)})`
        : null;
    },
    symmetryDirections(theta) {
      // relu rescaling (u_j, c_j, v_j) → (αu_j, αc_j, v_j/α): tangent (u_j, c_j, −v_j).
      const out: Float64Array[] = [];
      for (let j = 0; j < m; j++) {
        const dir = new Float64Array(layout.size);
        for (let t = 0; t < d; t++) dir[layout.U + j * d + t] = theta[layout.U + j * d + t]!;
        dir[layout.c + j] = theta[layout.c + j]!;
        dir[layout.v + j] = -theta[layout.v + j]!;
        out.push(dir);
      }
      return out;
    },
  };

  function kinkMargin(theta: Float64Array): number {
    const { z } = forward(theta);
    let margin = Number.POSITIVE_INFINITY;
    for (let j = 0; j < m; j++) {
      let scale = Math.abs(theta[layout.c + j]!);
      for (let t = 0; t < d; t++) scale = Math.max(scale, Math.abs(theta[layout.U + j * d + t]!));
      for (let i = 0; i < n; i++)
        margin = Math.min(margin, Math.abs(z[i * m + j]!) / Math.max(scale, Number.MIN_VALUE));
    }
    return margin;
  }

  return {
    layout,
    objective,
    outputs: (theta) => forward(theta).F,
    minMargin(theta) {
      const { F } = forward(theta);
      let margin = Number.POSITIVE_INFINITY;
      for (let i = 0; i < n; i++) margin = Math.min(margin, y[i]! * F[i]!);
      return margin;
    },
    networkMargin(theta) {
      const { e, F } = forward(theta);
      let margin = Number.POSITIVE_INFINITY;
      const a = problem.neuron ? theta[layout.a]! : 0;
      for (let i = 0; i < n; i++) margin = Math.min(margin, y[i]! * (F[i]! - a * e[i]!));
      return margin;
    },
    neuronContribution(theta) {
      if (!problem.neuron) return 0;
      const { e } = forward(theta);
      let max = 0;
      for (let i = 0; i < n; i++) max = Math.max(max, e[i]!);
      return Math.abs(theta[layout.a]!) * max;
    },
    kinkMargin,
    maxExponent(theta) {
      if (!problem.neuron) return Number.NEGATIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        let s = theta[layout.b]!;
        for (let t = 0; t < d; t++) s += theta[layout.w + t]! * X[i * d + t]!;
        max = Math.max(max, s);
      }
      return max;
    },
  };
}
