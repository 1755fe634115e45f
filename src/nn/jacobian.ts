import { ShapeError } from '../errors.js';
import { type DenseMatrix, dense } from '../linalg/index.js';
import { backward } from './backprop.js';
import { type ForwardPass, forward } from './forward.js';
import { type Problem, requireTheta } from './problem.js';

/**
 * The Jacobian of the parameterisation map θ ↦ (f(x_1), …, f(x_n)): shape (n·d_L)×p, row i·d_L + k is
 * ∂f_k(x_i)/∂θ (in the layout of paramLayout). Computed by one reverse pass per output k over all samples at
 * once (outputSensitivities), then per-sample outer products delta_l[i] ⊗ h_l[i].
 */
export function jacobian(problem: Problem, theta: Float64Array): DenseMatrix {
  requireTheta(problem, theta);
  return jacobianFromPass(problem, theta, forward(problem, theta));
}

/**
 * Output sensitivities: sens[k][l] (n×d_{l+1}, sample-major) holds ∂f_k(x_i)/∂z_l for every sample i, by one
 * reverse pass per output k over all samples (delta_{L−1} = e_k). The Jacobian's W_l columns are
 * sens[k][l][i] ⊗ h_l[i] and its b_l columns sens[k][l][i].
 */
export function outputSensitivities(
  problem: Problem,
  theta: Float64Array,
  pass: ForwardPass,
): Float64Array[][] {
  const { layout, act, n } = problem;
  const L = layout.layers.length;
  const dL = layout.layerSizes[L]!;
  const sens: Float64Array[][] = [];
  for (let k = 0; k < dL; k++) {
    const perLayer: Float64Array[] = new Array(L);
    let delta = new Float64Array(n * dL);
    for (let i = 0; i < n; i++) delta[i * dL + k] = 1;
    perLayer[L - 1] = delta;
    // delta_{l−1} = σ'(z_{l−1}) ∘ (delta_l W_l)
    for (let l = L - 1; l >= 1; l--) {
      const { inputs: din, outputs: dout, weightOffset: w } = layout.layers[l]!;
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
      perLayer[l - 1] = delta;
    }
    sens.push(perLayer);
  }
  return sens;
}

/**
 * `jacobian` from a forward pass at θ already computed. With `transposed`, the p×(n·d_L) matrix Jᵀ instead
 * (row = parameter), which is what Gram products want.
 */
export function jacobianFromPass(
  problem: Problem,
  theta: Float64Array,
  pass: ForwardPass,
  transposed = false,
): DenseMatrix {
  return jacobianFromSensitivities(problem, pass, outputSensitivities(problem, theta, pass), transposed);
}

/** `jacobianFromPass` with the output sensitivities already computed. */
export function jacobianFromSensitivities(
  problem: Problem,
  pass: ForwardPass,
  sens: readonly (readonly Float64Array[])[],
  transposed = false,
): DenseMatrix {
  const { layout, n } = problem;
  const L = layout.layers.length;
  const dL = layout.layerSizes[L]!;
  const p = layout.size;
  const N = n * dL;
  const J = transposed ? dense(p, N) : dense(N, p);
  const Jd = J.data;
  if (!transposed) {
    // Row-major J, each row written left to right with unit stride (the hot case: ranks, SVDs, Gram tests).
    for (let k = 0; k < dL; k++) {
      for (let l = 0; l < L; l++) {
        const { inputs: din, outputs: dout, weightOffset: w, biasOffset: b } = layout.layers[l]!;
        const h = pass.h[l]!;
        const delta = sens[k]![l]!;
        for (let i = 0; i < n; i++) {
          const row = (i * dL + k) * p;
          const hi = i * din;
          const di = i * dout;
          for (let o = 0; o < dout; o++) {
            const d = delta[di + o]!;
            const at = row + w + o * din;
            for (let j = 0; j < din; j++) Jd[at + j] = d * h[hi + j]!;
          }
          if (b !== null) for (let o = 0; o < dout; o++) Jd[row + b + o] = delta[di + o]!;
        }
      }
    }
    return J;
  }
  // entry (row r, parameter c) lives at r·p + c, or at c·N + r when transposed
  const rowStride = transposed ? 1 : p;
  const colStride = transposed ? N : 1;
  // J[i·d_L + k, W_l[o][j]] = sens[k][l][i][o]·h_l[i][j],  J[i·d_L + k, b_l[o]] = sens[k][l][i][o]
  for (let k = 0; k < dL; k++) {
    for (let l = 0; l < L; l++) {
      const { inputs: din, outputs: dout, weightOffset: w, biasOffset: b } = layout.layers[l]!;
      const h = pass.h[l]!;
      const delta = sens[k]![l]!;
      for (let i = 0; i < n; i++) {
        const row = (i * dL + k) * rowStride;
        for (let o = 0; o < dout; o++) {
          const d = delta[i * dout + o]!;
          const at = w + o * din;
          for (let j = 0; j < din; j++) Jd[row + (at + j) * colStride] = d * h[i * din + j]!;
          if (b !== null) Jd[row + (b + o) * colStride] = d;
        }
      }
    }
  }
  return J;
}

/**
 * J·v by forward mode (an independent code path from `jacobian`), n·d_L entries, sample-major:
 * Ṙz_l = Ṙh_l·W_lᵀ + h_l·V_lᵀ + β_l, Ṙh_{l+1} = σ'(z_l) ∘ Ṙz_l, J·v = Ṙz_{L−1}, where (V_l, β_l) are v's blocks.
 */
export function jacobianVectorProduct(problem: Problem, theta: Float64Array, v: Float64Array): Float64Array {
  requireTheta(problem, theta);
  requireTheta(problem, v, 'direction v');
  const { layout, act, n } = problem;
  const L = layout.layers.length;
  const pass = forward(problem, theta);
  let Rh = new Float64Array(n * layout.layerSizes[0]!); // R{h_0} = 0: the inputs do not depend on θ
  let Rz = Rh;
  // R{z_l} = R{h_l} W_lᵀ + h_l V_lᵀ + β_l ;  R{h_{l+1}} = σ'(z_l) ∘ R{z_l}
  for (let l = 0; l < L; l++) {
    const { inputs: din, outputs: dout, weightOffset: w, biasOffset: b } = layout.layers[l]!;
    const h = pass.h[l]!;
    Rz = new Float64Array(n * dout);
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < dout; o++) {
        let s = b === null ? 0 : v[b + o]!;
        const wo = w + o * din;
        for (let j = 0; j < din; j++) s += theta[wo + j]! * Rh[i * din + j]! + v[wo + j]! * h[i * din + j]!;
        Rz[i * dout + o] = s;
      }
    }
    if (l < L - 1) {
      const z = pass.z[l]!;
      Rh = new Float64Array(n * dout);
      for (let k = 0; k < Rz.length; k++) Rh[k] = act.d1(z[k]!) * Rz[k]!;
    }
  }
  return Rz;
}

/** Jᵀu by backpropagation, for u with n·d_L entries (sample-major, like the residuals). */
export function vectorJacobianProduct(problem: Problem, theta: Float64Array, u: Float64Array): Float64Array {
  requireTheta(problem, theta);
  const outputsCount = problem.n * problem.layout.layerSizes[problem.layout.layers.length]!;
  if (u.length !== outputsCount) {
    throw new ShapeError(`vector u has ${u.length} entries, expected n·d_L = ${outputsCount}`);
  }
  return backward(problem, theta, forward(problem, theta), u);
}
