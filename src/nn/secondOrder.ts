import { type ForwardPass, forward, lossWeight } from './forward.js';
import type { Problem } from './problem.js';

// Shared by the second-order kernels (curvature.ts, hessianVectorProduct.ts): one forward pass, σ' and σ''
// at every hidden pre-activation, and the adjoints of φ = Σ_i delta_{L−1}[i]·f(x_i) with delta_{L−1} = 2s·r
// (so ∇_θ φ = ∇L).

/** Values at θ that the second-order kernels share: forward pass, σ', σ'' and the adjoints. */
export interface SecondOrderState {
  readonly pass: ForwardPass;
  /** σ'(z_l), σ''(z_l) for hidden l = 0 … L−2, n×d_{l+1}. */
  readonly s1: readonly Float64Array[];
  readonly s2: readonly Float64Array[];
  /** delta_l = ∂φ/∂z_l for l = 0 … L−1 with delta_{L−1} = 2s·r (n×d_{l+1}). */
  readonly delta: readonly Float64Array[];
  /** U_l = delta_{l+1}·W_{l+1} = ∂φ/∂h_{l+1}, for l = 0 … L−2 (so delta_l = σ'(z_l) ∘ U_l). */
  readonly U: readonly Float64Array[];
}

export function secondOrderState(problem: Problem, theta: Float64Array): SecondOrderState {
  const { layout, act, n } = problem;
  const L = layout.layers.length;
  const pass = forward(problem, theta);
  const s1: Float64Array[] = [];
  const s2: Float64Array[] = [];
  for (let l = 0; l < L - 1; l++) {
    const z = pass.z[l]!;
    const a = new Float64Array(z.length);
    const b = new Float64Array(z.length);
    for (let k = 0; k < z.length; k++) {
      a[k] = act.d1(z[k]!);
      b[k] = act.d2(z[k]!);
    }
    s1.push(a);
    s2.push(b);
  }
  const delta: Float64Array[] = new Array(L);
  const U: Float64Array[] = new Array(Math.max(L - 1, 0));
  const twoS = 2 * lossWeight(problem);
  const f = pass.f;
  const out = new Float64Array(f.length);
  // delta_{L−1} = 2s·(f − y)
  for (let k = 0; k < f.length; k++) out[k] = twoS * (f[k]! - problem.Y[k]!);
  delta[L - 1] = out;
  // U_{l−1} = delta_l W_l ;  delta_{l−1} = σ'(z_{l−1}) ∘ U_{l−1}
  for (let l = L - 1; l >= 1; l--) {
    const { inputs: din, outputs: dout, weightOffset: w } = layout.layers[l]!;
    const d = delta[l]!;
    const u = new Float64Array(n * din);
    const dPrev = new Float64Array(n * din);
    const sl = s1[l - 1]!;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < din; j++) {
        let acc = 0;
        for (let o = 0; o < dout; o++) acc += d[i * dout + o]! * theta[w + o * din + j]!;
        u[i * din + j] = acc;
        dPrev[i * din + j] = sl[i * din + j]! * acc;
      }
    }
    U[l - 1] = u;
    delta[l - 1] = dPrev;
  }
  return { pass, s1, s2, delta, U };
}
