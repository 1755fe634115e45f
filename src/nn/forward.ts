import type { LayerLayout } from './layout.js';
import { type Problem, requireTheta } from './problem.js';

/**
 * Forward pass over all n samples at once, values kept for backpropagation. All arrays are sample-major:
 * row i belongs to x_i.
 *   h[0] = X (n×d_0);  z[l] = h[l]·W_lᵀ + b_l (n×d_{l+1});  h[l+1] = σ(z[l]) for l < L−1;  f = z[L−1].
 */
export interface ForwardPass {
  /** h[l], l = 0 … L−1: the input of weight layer l (h[0] is the problem's X itself, not a copy). */
  readonly h: readonly Float64Array[];
  /** z[l], l = 0 … L−1: the pre-activations of layer l+1; z[L−1] is the output f. */
  readonly z: readonly Float64Array[];
  /** f(x_i) for every sample, n×d_L (the same array as z[L−1]). */
  readonly f: Float64Array;
}

/** out = hIn·W_lᵀ + b_l for n rows: out[i][o] = b_l[o] + Σ_j W_l[o][j]·hIn[i][j]. */
export function affine(theta: Float64Array, layer: LayerLayout, hIn: Float64Array, n: number): Float64Array {
  const { inputs: din, outputs: dout, weightOffset: w, biasOffset: b } = layer;
  const out = new Float64Array(n * dout);
  for (let i = 0; i < n; i++) {
    const hi = i * din;
    let o = 0;
    // Four outputs at a time (each input loaded once for four rows of W); every sum in the same order.
    for (; o + 3 < dout; o += 4) {
      const w0 = w + o * din;
      const w1 = w0 + din;
      const w2 = w1 + din;
      const w3 = w2 + din;
      let s0 = b === null ? 0 : theta[b + o]!;
      let s1 = b === null ? 0 : theta[b + o + 1]!;
      let s2 = b === null ? 0 : theta[b + o + 2]!;
      let s3 = b === null ? 0 : theta[b + o + 3]!;
      for (let j = 0; j < din; j++) {
        const x = hIn[hi + j]!;
        s0 += theta[w0 + j]! * x;
        s1 += theta[w1 + j]! * x;
        s2 += theta[w2 + j]! * x;
        s3 += theta[w3 + j]! * x;
      }
      out[i * dout + o] = s0;
      out[i * dout + o + 1] = s1;
      out[i * dout + o + 2] = s2;
      out[i * dout + o + 3] = s3;
    }
    for (; o < dout; o++) {
      const wo = w + o * din;
      let s = b === null ? 0 : theta[b + o]!;
      for (let j = 0; j < din; j++) s += theta[wo + j]! * hIn[hi + j]!;
      out[i * dout + o] = s;
    }
  }
  return out;
}

/** The forward pass at θ. NaN/Infinity in θ propagate to the outputs (they are not errors here). */
export function forward(problem: Problem, theta: Float64Array): ForwardPass {
  requireTheta(problem, theta);
  const { layout, act, n } = problem;
  const L = layout.layers.length;
  const h: Float64Array[] = [problem.X];
  const z: Float64Array[] = [];
  // z_l = W_l h_l + b_l ;  h_{l+1} = σ(z_l) for hidden layers, f = z_{L−1}
  for (let l = 0; l < L; l++) {
    const zl = affine(theta, layout.layers[l]!, h[l]!, n);
    z.push(zl);
    if (l < L - 1) {
      const hl = new Float64Array(zl.length);
      for (let k = 0; k < zl.length; k++) hl[k] = act.value(zl[k]!);
      h.push(hl);
    }
  }
  return { h, z, f: z[L - 1]! };
}

/** f(x_i) for every sample, n×d_L sample-major. */
export function outputs(problem: Problem, theta: Float64Array): Float64Array {
  return forward(problem, theta).f;
}

/** r = f − y, n·d_L entries, sample-major (entry i·d_L + k is f_k(x_i) − y_ik). */
export function residualsOf(problem: Problem, f: Float64Array): Float64Array {
  const r = new Float64Array(f.length);
  for (let k = 0; k < f.length; k++) r[k] = f[k]! - problem.Y[k]!;
  return r;
}

/** r = f(x) − y at θ (see residualsOf). */
export function residuals(problem: Problem, theta: Float64Array): Float64Array {
  return residualsOf(problem, outputs(problem, theta));
}

/** s in L = s·Σ_i ‖f(x_i) − y_i‖²: scale (reduction sum) or scale/n (mean). Then ∇L = 2s·Jᵀr. */
export function lossWeight(problem: Problem): number {
  return problem.loss.reduction === 'sum' ? problem.loss.scale : problem.loss.scale / problem.n;
}

/** L = s·‖r‖². */
export function lossOfResiduals(problem: Problem, r: Float64Array): number {
  let ss = 0;
  for (let k = 0; k < r.length; k++) ss += r[k]! * r[k]!;
  return lossWeight(problem) * ss;
}

/** The loss L(θ) = s·Σ_i ‖f(x_i) − y_i‖². */
export function loss(problem: Problem, theta: Float64Array): number {
  return lossOfResiduals(problem, residuals(problem, theta));
}
