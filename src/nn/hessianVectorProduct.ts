import { lossWeight } from './forward.js';
import { type Problem, requireTheta } from './problem.js';
import { secondOrderState } from './secondOrder.js';

/**
 * H·v by the dense R-operator on the whole loss (O(n·p), any depth):
 *   R{z_l} = R{h_l} W_lᵀ + h_l V_lᵀ + β_l,  R{h_{l+1}} = σ'(z_l) ∘ R{z_l},  R{delta_{L−1}} = 2s·R{f},
 *   R{∇W_l} = R{delta_l}ᵀ h_l + delta_lᵀ R{h_l},  R{∇b_l} = Σ_i R{delta_l},
 *   R{delta_{l−1}} = σ''(z_{l−1}) ∘ R{z_{l−1}} ∘ U_{l−1} + σ'(z_{l−1}) ∘ (R{delta_l} W_l + delta_l V_l).
 */
export function hessianVectorProduct(problem: Problem, theta: Float64Array, v: Float64Array): Float64Array {
  requireTheta(problem, theta);
  requireTheta(problem, v, 'direction v');
  const { layout, n } = problem;
  const L = layout.layers.length;
  const st = secondOrderState(problem, theta);
  const { pass, s1, s2, delta, U } = st;
  const Rh: Float64Array[] = [new Float64Array(n * layout.layerSizes[0]!)];
  const Rz: Float64Array[] = [];
  // R{z_l} = R{h_l} W_lᵀ + h_l V_lᵀ + β_l ;  R{h_{l+1}} = σ'(z_l) ∘ R{z_l}
  for (let l = 0; l < L; l++) {
    const { inputs: din, outputs: dout, weightOffset: w, biasOffset: b } = layout.layers[l]!;
    const h = pass.h[l]!;
    const rh = Rh[l]!;
    const rz = new Float64Array(n * dout);
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < dout; o++) {
        let s = b === null ? 0 : v[b + o]!;
        const wo = w + o * din;
        for (let j = 0; j < din; j++) s += theta[wo + j]! * rh[i * din + j]! + v[wo + j]! * h[i * din + j]!;
        rz[i * dout + o] = s;
      }
    }
    Rz.push(rz);
    if (l < L - 1) {
      const sl = s1[l]!;
      const next = new Float64Array(rz.length);
      for (let k = 0; k < rz.length; k++) next[k] = sl[k]! * rz[k]!;
      Rh.push(next);
    }
  }
  const out = new Float64Array(layout.size);
  const twoS = 2 * lossWeight(problem);
  // R{delta_{L−1}} = 2s·R{f}
  let rd = Rz[L - 1]!.map((x) => twoS * x);
  for (let l = L - 1; l >= 0; l--) {
    const { inputs: din, outputs: dout, weightOffset: w, biasOffset: b } = layout.layers[l]!;
    const h = pass.h[l]!;
    const rh = Rh[l]!;
    const d = delta[l]!;
    // R{∇W_l} = R{delta_l}ᵀ h_l + delta_lᵀ R{h_l} ;  R{∇b_l} = Σ_i R{delta_l}[i]
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < dout; o++) {
        const x = rd[i * dout + o]!;
        const y = d[i * dout + o]!;
        const at = w + o * din;
        for (let j = 0; j < din; j++) out[at + j] = out[at + j]! + x * h[i * din + j]! + y * rh[i * din + j]!;
        if (b !== null) out[b + o] = out[b + o]! + x;
      }
    }
    if (l === 0) break;
    // R{delta_{l−1}} = σ''(z_{l−1}) ∘ R{z_{l−1}} ∘ U_{l−1} + σ'(z_{l−1}) ∘ (R{delta_l} W_l + delta_l V_l)
    const rz = Rz[l - 1]!;
    const a1 = s1[l - 1]!;
    const a2 = s2[l - 1]!;
    const u = U[l - 1]!;
    const next = new Float64Array(n * din);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < din; j++) {
        let ru = 0;
        for (let o = 0; o < dout; o++) {
          ru += rd[i * dout + o]! * theta[w + o * din + j]! + d[i * dout + o]! * v[w + o * din + j]!;
        }
        const at = i * din + j;
        next[at] = a2[at]! * rz[at]! * u[at]! + a1[at]! * ru;
      }
    }
    rd = next;
  }
  return out;
}
