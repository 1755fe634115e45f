import { UserError } from '../../errors.js';
import { decideFullRowRank, type FullRowRankDecision, svdDecision } from './fullRowRank.js';
import { type FactoredJacobian, factoredJacobian } from './regionJacobian.js';

/** A source of numbers uniform on [0, 1) (a seeded stream; the bench passes its shared data law). */
export type UniformSource = () => number;

/**
 * One trial of Karhadkar et al.'s phase-transition protocol (Karhadkar et al.'s code, github.com/kedar2/loss-landscape, `experiments/full_rank_regions.py`):
 * a two-layer relu network d0 → d1 → 1 with bias whose first layer is initialised as PyTorch's `nn.Linear`
 * (W and b uniform on ±1/√d0), output weights v ~ N(0, 1) (frozen), inputs X ~ U[0, 1]^{n×d0}.
 * Draw order: W (d1×d0 row-major), b, v (Box–Muller pairs), X (n×d0 row-major).
 */
export interface ProtocolTrial {
  readonly n: number;
  readonly d0: number;
  readonly d1: number;
  readonly w: Float64Array;
  readonly b: Float64Array;
  readonly v: Float64Array;
  readonly x: Float64Array;
}

/** n standard normals from a uniform source, by Box–Muller on consecutive pairs (u1 → 1 − u1 keeps log finite). */
export function normals(count: number, uniform: UniformSource): Float64Array {
  const out = new Float64Array(count);
  for (let k = 0; k < count; k += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    out[k] = radius * Math.cos(angle);
    if (k + 1 < count) out[k + 1] = radius * Math.sin(angle);
  }
  return out;
}

/**
 * Variations used only by controls: `duplicateSamples` copies sample 2k into sample 2k + 1 after drawing (same
 * numbers consumed), which breaks the protocol's distinct-data hypothesis: rank J ≤ ⌈n/2⌉ < n.
 */
export interface ProtocolVariant {
  readonly duplicateSamples?: boolean;
}

export function sampleProtocolTrial(
  n: number,
  d0: number,
  d1: number,
  uniform: UniformSource,
  variant: ProtocolVariant = {},
): ProtocolTrial {
  for (const [name, value] of [
    ['n', n],
    ['d0', d0],
    ['d1', d1],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new UserError(`${name} must be a positive integer, got ${value}`);
  }
  const bound = 1 / Math.sqrt(d0);
  const w = new Float64Array(d1 * d0);
  for (let k = 0; k < w.length; k++) w[k] = -bound + 2 * bound * uniform();
  const b = new Float64Array(d1);
  for (let k = 0; k < d1; k++) b[k] = -bound + 2 * bound * uniform();
  const v = normals(d1, uniform);
  const x = new Float64Array(n * d0);
  for (let k = 0; k < x.length; k++) x[k] = uniform();
  if (variant.duplicateSamples === true)
    for (let i = 1; i < n; i += 2) x.copyWithin(i * d0, (i - 1) * d0, i * d0);
  return { n, d0, d1, w, b, v, x };
}

/**
 * The factored Jacobian of a protocol trial (bias folded in, q = d0 + 1): z_ij = w_j·x_i + b_j, s_ij = v_j when
 * z_ij > 0 (relu'(0) = 0, as PyTorch), X̃ = [X, 1].
 *
 * Each z_ij is one chain of additions (b_j, then the terms in input order); four units are summed side by side,
 * each in its own order, so the pattern is the one-unit-at-a-time loop's exactly (protocol.test.ts checks it) while
 * the adder works on four independent chains (the proportional panels have d0 up to 380).
 */
export function trialJacobian(t: ProtocolTrial): FactoredJacobian {
  const { n, d0, d1, w, b, v, x } = t;
  const q = d0 + 1;
  const s = new Float64Array(n * d1);
  const xt = new Float64Array(n * q);
  for (let i = 0; i < n; i++) {
    const xi = i * d0;
    for (let c = 0; c < d0; c++) xt[i * q + c] = x[xi + c]!;
    xt[i * q + d0] = 1;
    const si = i * d1;
    let j = 0;
    for (; j + 3 < d1; j += 4) {
      // z_ij = w_j·x_i + b_j for j … j + 3
      const w0 = j * d0;
      const w1 = w0 + d0;
      const w2 = w1 + d0;
      const w3 = w2 + d0;
      let z0 = b[j]!;
      let z1 = b[j + 1]!;
      let z2 = b[j + 2]!;
      let z3 = b[j + 3]!;
      for (let c = 0; c < d0; c++) {
        const xc = x[xi + c]!;
        z0 += w[w0 + c]! * xc;
        z1 += w[w1 + c]! * xc;
        z2 += w[w2 + c]! * xc;
        z3 += w[w3 + c]! * xc;
      }
      if (z0 > 0) s[si + j] = v[j]!;
      if (z1 > 0) s[si + j + 1] = v[j + 1]!;
      if (z2 > 0) s[si + j + 2] = v[j + 2]!;
      if (z3 > 0) s[si + j + 3] = v[j + 3]!;
    }
    for (; j < d1; j++) {
      let z = b[j]!;
      const wj = j * d0;
      for (let c = 0; c < d0; c++) z += w[wj + c]! * x[xi + c]!;
      if (z > 0) s[si + j] = v[j]!;
    }
  }
  return factoredJacobian(n, d1, q, s, xt);
}

/** How ranks are decided: `fast` (certified shortcuts, SVD otherwise) or `svd` (numericalRank of every J). */
export type RankMode = 'fast' | 'svd';

/** Sample one protocol trial and decide whether its Jacobian has full row rank n. */
export function protocolTrialFullRank(
  n: number,
  d0: number,
  d1: number,
  uniform: UniformSource,
  mode: RankMode = 'fast',
  variant: ProtocolVariant = {},
): FullRowRankDecision {
  const jac = trialJacobian(sampleProtocolTrial(n, d0, d1, uniform, variant));
  return mode === 'fast' ? decideFullRowRank(jac) : svdDecision(jac, { mergeColumns: false });
}
