import { type ForwardPass, forward, lossWeight } from './forward.js';
import { type Problem, requireTheta } from './problem.js';

/**
 * Reverse pass: given the forward pass and the adjoint of the outputs, delta_{L−1} = ∂φ/∂f (n×d_L,
 * sample-major), returns ∇_θ φ where φ = Σ_i delta_{L−1}[i]·f(x_i) (so with delta_{L−1} = u it is Jᵀu).
 */
export function backward(
  problem: Problem,
  theta: Float64Array,
  pass: ForwardPass,
  deltaOut: Float64Array,
): Float64Array {
  const { layout, act, n } = problem;
  const L = layout.layers.length;
  const grad = new Float64Array(layout.size);
  let delta = deltaOut;
  // for l = L−1 … 0:  ∇W_l = delta_lᵀ h_l,  ∇b_l = Σ_i delta_l[i],  delta_{l−1} = σ'(z_{l−1}) ∘ (delta_l W_l)
  for (let l = L - 1; l >= 0; l--) {
    const { inputs: din, outputs: dout, weightOffset: w, biasOffset: b } = layout.layers[l]!;
    const h = pass.h[l]!;
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < dout; o++) {
        const d = delta[i * dout + o]!;
        const wo = w + o * din;
        const hi = i * din;
        for (let j = 0; j < din; j++) grad[wo + j] = grad[wo + j]! + d * h[hi + j]!;
        if (b !== null) grad[b + o] = grad[b + o]! + d;
      }
    }
    if (l === 0) break;
    const z = pass.z[l - 1]!;
    const prev = new Float64Array(n * din);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < din; j++) {
        let u = 0;
        for (let o = 0; o < dout; o++) u += delta[i * dout + o]! * theta[w + o * din + j]!;
        prev[i * din + j] = act.d1(z[i * din + j]!) * u;
      }
    }
    delta = prev;
  }
  return grad;
}

/**
 * L(θ) and ∇L(θ) by backpropagation: one loop forward (forward.ts), one loop back.
 * r = f − y, L = s·‖r‖², delta_{L−1} = ∂L/∂f = 2s·r.
 */
export function lossAndGradient(
  problem: Problem,
  theta: Float64Array,
): { readonly loss: number; readonly gradient: Float64Array } {
  requireTheta(problem, theta);
  const pass = forward(problem, theta);
  const s = lossWeight(problem);
  const Y = problem.Y;
  const f = pass.f;
  const delta = new Float64Array(f.length);
  let ss = 0;
  // r = f − y ;  L = s·Σ r² ;  delta_{L−1} = 2s·r
  for (let k = 0; k < f.length; k++) {
    const r = f[k]! - Y[k]!;
    ss += r * r;
    delta[k] = 2 * s * r;
  }
  return { loss: s * ss, gradient: backward(problem, theta, pass, delta) };
}

/** ∇L(θ) alone. */
export function gradient(problem: Problem, theta: Float64Array): Float64Array {
  return lossAndGradient(problem, theta).gradient;
}
