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
  // Every sum adds its terms in the same order as the plain triple loops (over samples i ascending for ∇W_l,
  // ∇b_l; over outputs o ascending for delta_{l−1}), in registers rather than memory, so the result is the
  // same bit for bit. A zero delta (every dead relu unit) is skipped where its partner row is finite: d·x is
  // then ±0, and adding ±0 leaves a sum that starts at +0 unchanged (such a sum is never −0). Rows holding
  // ±Infinity or NaN are not skipped, so 0·∞ = NaN propagates exactly as before.
  for (let l = L - 1; l >= 0; l--) {
    const { inputs: din, outputs: dout, weightOffset: w, biasOffset: b } = layout.layers[l]!;
    const h = pass.h[l]!;
    const hFinite = new Uint8Array(n);
    for (let i = 0; i < n; i++) hFinite[i] = finiteRange(h, i * din, din) ? 1 : 0;
    for (let o = 0; o < dout; o++) {
      const wo = w + o * din;
      let j = 0;
      for (; j + 3 < din; j += 4) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let i = 0; i < n; i++) {
          const d = delta[i * dout + o]!;
          if (d === 0 && hFinite[i] === 1) continue;
          const hi = i * din + j;
          s0 += d * h[hi]!;
          s1 += d * h[hi + 1]!;
          s2 += d * h[hi + 2]!;
          s3 += d * h[hi + 3]!;
        }
        grad[wo + j] = s0;
        grad[wo + j + 1] = s1;
        grad[wo + j + 2] = s2;
        grad[wo + j + 3] = s3;
      }
      for (; j < din; j++) {
        let s0 = 0;
        for (let i = 0; i < n; i++) {
          const d = delta[i * dout + o]!;
          if (d === 0 && hFinite[i] === 1) continue;
          s0 += d * h[i * din + j]!;
        }
        grad[wo + j] = s0;
      }
      if (b !== null) {
        let sb = 0;
        for (let i = 0; i < n; i++) sb += delta[i * dout + o]!;
        grad[b + o] = sb;
      }
    }
    if (l === 0) break;
    const z = pass.z[l - 1]!;
    // Wᵀ (din×dout), so that Σ_o delta[i][o]·W[o][j] runs along contiguous memory.
    const wt = new Float64Array(din * dout);
    for (let o = 0; o < dout; o++) for (let j = 0; j < din; j++) wt[j * dout + o] = theta[w + o * din + j]!;
    const prev = new Float64Array(n * din);
    for (let i = 0; i < n; i++) {
      const di = i * dout;
      for (let j = 0; j < din; j++) {
        let u = 0;
        const wj = j * dout;
        for (let o = 0; o < dout; o++) u += delta[di + o]! * wt[wj + o]!;
        prev[i * din + j] = act.d1(z[i * din + j]!) * u;
      }
    }
    delta = prev;
  }
  return grad;
}

/** True when x[from … from+count) holds no NaN and no ±Infinity. */
function finiteRange(x: Float64Array, from: number, count: number): boolean {
  let s = 0;
  for (let j = from; j < from + count; j++) s += x[j]! * 0;
  return s === 0;
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
