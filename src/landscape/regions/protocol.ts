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
    for (let j = 0; j < d1; j++) {
      // z_ij = w_j·x_i + b_j
      let z = b[j]!;
      const wj = j * d0;
      for (let c = 0; c < d0; c++) z += w[wj + c]! * x[xi + c]!;
      if (z > 0) s[i * d1 + j] = v[j]!;
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
