import { ShapeError, shapeText } from '../../errors.js';
import { type DenseMatrix, dense } from '../../linalg/index.js';

/**
 * The Jacobian of a two-layer network x ↦ Σ_j v_j σ(w̃_j·x̃) with respect to the first layer only (output
 * weights v frozen), inside one activation region, in factored form (docs/derivations.md#region-linearity: row i of J is s_i ⊗ x̃_i,
 * where s_ij = v_j·σ'(z_ij) (relu: v_j·A_ji) and x̃_i is the input, with a trailing 1 when the layer has a bias.
 * J = S ⊙ X̃ (the row-wise Kronecker, "face-splitting" product), n × d1·q.
 */
export interface FactoredJacobian {
  readonly n: number;
  /** Hidden width d1 (columns of S). */
  readonly d1: number;
  /** Columns of X̃: d0 + 1 with a bias, d0 without. */
  readonly q: number;
  /** S, n×d1 row-major: s_ij = v_j·σ'(z_ij). */
  readonly s: Float64Array;
  /** X̃, n×q row-major. */
  readonly xt: Float64Array;
}

export function factoredJacobian(
  n: number,
  d1: number,
  q: number,
  s: Float64Array,
  xt: Float64Array,
): FactoredJacobian {
  if (s.length !== n * d1) throw new ShapeError(`S has ${s.length} entries, expected ${shapeText(n, d1)}`);
  if (xt.length !== n * q) throw new ShapeError(`X̃ has ${xt.length} entries, expected ${shapeText(n, q)}`);
  return { n, d1, q, s, xt };
}

/**
 * J = S ⊙ X̃ as a dense n × d1·q matrix, unit-major: column j·q + c is ∂f(x_i)/∂w̃_jc (w̃_j = (w_j, b_j)). The
 * network core orders the same columns as [W row-major, b] instead; the row space, Gram matrix and singular
 * values do not depend on the order.
 */
export function faceSplitMatrix(f: FactoredJacobian): DenseMatrix {
  const { n, d1, q, s, xt } = f;
  const p = d1 * q;
  const out = dense(n, p);
  const data = out.data;
  for (let i = 0; i < n; i++) {
    const row = i * p;
    const xi = i * q;
    for (let j = 0; j < d1; j++) {
      const sij = s[i * d1 + j]!;
      const at = row + j * q;
      if (sij === 0) continue;
      for (let c = 0; c < q; c++) data[at + c] = sij * xt[xi + c]!;
    }
  }
  return out;
}

/** X̃ = [X, 1] (bias) or X, row-major n×q, from X (n×d0 row-major). */
export function augmentInputs(x: Float64Array, n: number, d0: number, bias: boolean): Float64Array {
  if (x.length !== n * d0) throw new ShapeError(`X has ${x.length} entries, expected ${shapeText(n, d0)}`);
  if (!bias) return Float64Array.from(x);
  const q = d0 + 1;
  const out = new Float64Array(n * q);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < d0; c++) out[i * q + c] = x[i * d0 + c]!;
    out[i * q + d0] = 1;
  }
  return out;
}

/**
 * Pre-activations z_ij = w̃_j·x̃_i (n×d1 row-major) for W̃ (d1×q row-major: row j = (w_j, b_j) with a bias).
 */
export function preActivations(
  xt: Float64Array,
  n: number,
  q: number,
  wt: Float64Array,
  d1: number,
): Float64Array {
  if (wt.length !== d1 * q) throw new ShapeError(`W̃ has ${wt.length} entries, expected ${shapeText(d1, q)}`);
  const z = new Float64Array(n * d1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d1; j++) {
      let acc = 0;
      for (let c = 0; c < q; c++) acc += wt[j * q + c]! * xt[i * q + c]!;
      z[i * d1 + j] = acc;
    }
  }
  return z;
}

/**
 * The activation pattern A (n×d1 row-major, sample-major as in src/nn: A[i·d1 + j] = 1 when z_ij > 0) — the
 * transpose of the d1×n pattern matrix of docs/derivations.md.
 */
export function patternOf(z: Float64Array): Uint8Array {
  return Uint8Array.from(z, (value) => (value > 0 ? 1 : 0));
}

/**
 * S for a pattern: s_ij = v_j·(A_ij + slope·(1 − A_ij)), i.e. v_j·σ'(z_ij) for relu (slope 0) or leaky relu.
 * `pattern` is sample-major n×d1.
 */
export function slopesOf(
  pattern: Uint8Array,
  n: number,
  d1: number,
  v: Float64Array,
  slope = 0,
): Float64Array {
  if (pattern.length !== n * d1)
    throw new ShapeError(`pattern has ${pattern.length} entries, expected ${shapeText(n, d1)}`);
  if (v.length !== d1) throw new ShapeError(`v has ${v.length} entries, expected ${d1}`);
  const s = new Float64Array(n * d1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d1; j++) s[i * d1 + j] = pattern[i * d1 + j] === 1 ? v[j]! : slope * v[j]!;
  }
  return s;
}
