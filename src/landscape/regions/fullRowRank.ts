import { defaultRankTolerance, dense, numericalRank } from '../../linalg/index.js';
import { choleskyInPlace } from './cholesky.js';
import { rowGram } from './gram.js';
import { type FactoredJacobian, faceSplitMatrix } from './regionJacobian.js';
import { CERTIFY_OVER_CUT, EPS, GAMMA_FACTOR, SUBSET_SLACK } from './tolerances.js';

/**
 * How a full-row-rank decision was reached:
 * - `count`: p = d1·q < n columns, so rank J ≤ p < n (exact);
 * - `zero-row`: a sample activates no unit, so J has an exact zero row (exact);
 * - `patterns`: samples with identical rows s_i of S have rows s ⊗ x̃_i of J in the q-dimensional space s ⊗ R^q,
 *   so rank J ≤ Σ_patterns min(#samples, q) < n (exact; e.g. more than q samples that activate only unit j);
 * - `term-rank`: the zero pattern alone caps the rank: a maximum matching of samples to units, each unit taking
 *   at most q samples (its q columns), covers fewer than n samples, and the rank of any matrix is at most its
 *   term rank (exact; Hall's condition fails for some set of units, docs/derivations.md#block-partition);
 * - `cholesky`: the certified Gram test proved σ_n(J) far above numpy's cut (see `decideFullRowRank`);
 * - `svd`: our numericalRank of (an orthogonally equivalent form of) J with numpy's cut for the n×p matrix.
 */
export type RankMethod = 'count' | 'zero-row' | 'patterns' | 'term-rank' | 'cholesky' | 'svd';

export interface FullRowRankDecision {
  /** rank J = n, as numpy's matrix_rank(J) (default tolerance) would say. */
  readonly full: boolean;
  readonly method: RankMethod;
  /** The numerical rank where an SVD decided, else null. */
  readonly rank: number | null;
  /** The cut σ_max·max(n, p)·ε used where an SVD decided, else null. */
  readonly tol: number | null;
  /**
   * `svd`: σ_n / tol (how far the decision is from the cut; < 1 means rank deficient); `cholesky`: the certified
   * lower bound on σ_n divided by an upper bound on the cut; null for the exact structural decisions.
   */
  readonly margin: number | null;
}

function structural(method: 'count' | 'zero-row' | 'patterns' | 'term-rank'): FullRowRankDecision {
  return { full: false, method, rank: null, tol: null, margin: null };
}

/**
 * Does J = S ⊙ X̃ (n × p, p = d1·q) have rank n with numpy's default cut σ_max·max(n, p)·ε? Gives numericalRank(J)'s
 * answer — every shortcut below is either exact or certified with a margin of CERTIFY_OVER_CUT, and the tests
 * compare them with numericalRank of the plain J trial by trial — while avoiding the 2n²·p SVD on almost every call:
 *
 * 1. Exact structural deficiencies (cheap, see RankMethod): p < n, a zero row, repeated rows of S. With one
 *    input and a bias the repeated-rows bound is the whole story of the coupon-collector effect:
 *    the samples between two consecutive unit breakpoints share one pattern and span min(2, #samples) dims.
 * 2. Certified full rank. For unit and input-column subsets U, C, G_UC = (S_U·S_Uᵀ) ∘ (X̃_C·X̃_Cᵀ) ⪯ J·Jᵀ
 *    (`certifiedMargin`), and its floating-point value Ĝ is within γ_{k1+k2+1}·T of it in norm (T = tr Ĝ, since
 *    |Ĝ − G| ≤ γ·|J_UC|·|J_UC|ᵀ). If the floating-point Cholesky of Ĝ − 2κ·I succeeds, κ = 1.01·(n + k1 + k2 + 6)·ε·T,
 *    then by Demmel's bound (cholesky.ts) plus the rounding of the shift λ_min(G_UC) ≥ 2κ − κ = κ, so
 *    σ_n(J) ≥ √κ. Numpy's cut is at most max(n, p)·ε·‖J‖_F; the decision is taken only when √κ exceeds that by
 *    CERTIFY_OVER_CUT. A sub-Gram with |U|·|C| ≈ SUBSET_SLACK·n is tried first, then the full one (U, C = all).
 *    Cost: n²(k1 + k2)/2 + n³/6 instead of 2n²·p.
 * 3. If that fails: the term-rank bound (exact), then an SVD: unit columns of S that are constant on the same
 *    support (relu: v_j·1_support) are merged into one column of norm √Σv_j² — an orthogonal change of J's
 *    columns, so the singular values are unchanged — and numericalRank runs on the merged S' ⊙ X̃, counting
 *    singular values above numpy's cut for the original n×p shape.
 */
export function decideFullRowRank(f: FactoredJacobian): FullRowRankDecision {
  const { n, d1, q, s, xt } = f;
  const p = d1 * q;
  if (p < n) return structural('count');
  const bound = patternRankBound(f);
  if (bound === 'zero-row') return structural('zero-row');
  if (bound < n) return structural('patterns');

  // ‖J‖_F² = Σ_i ‖s_i‖²·‖x̃_i‖² bounds σ_1(J)², hence numpy's cut, from above.
  let frobenius2 = 0;
  for (let i = 0; i < n; i++) {
    let si = 0;
    let xi = 0;
    for (let j = 0; j < d1; j++) si += s[i * d1 + j]! ** 2;
    for (let c = 0; c < q; c++) xi += xt[i * q + c]! ** 2;
    frobenius2 += si * xi;
  }
  // (inflated by the rounding bound of the sums that formed it)
  const cutBound = defaultRankTolerance(
    n,
    p,
    Math.sqrt(frobenius2 * (1 + GAMMA_FACTOR * (d1 + q + n) * EPS)),
  );
  // Input columns are generic, unit columns may miss samples: drop input columns first, then units.
  const columns = Math.min(q, Math.ceil((SUBSET_SLACK * n) / d1));
  const units = Math.min(d1, Math.ceil((SUBSET_SLACK * n) / columns));
  if (units < d1 || columns < q) {
    const margin = certifiedMargin(f, units, columns, cutBound);
    if (margin >= CERTIFY_OVER_CUT) return { full: true, method: 'cholesky', rank: null, tol: null, margin };
  }
  const margin = certifiedMargin(f, d1, q, cutBound);
  if (margin >= CERTIFY_OVER_CUT) return { full: true, method: 'cholesky', rank: null, tol: null, margin };
  if (termRank(f) < n) return structural('term-rank');
  return svdDecision(f);
}

/**
 * The certified lower bound on σ_n(J) (divided by `cutBound`) from the first `units` live unit columns of S and
 * the first `columns` − 1 columns of X̃ plus its last (the bias column when there is one), or 0 when the
 * Cholesky test fails. Sound for any subsets U, C: S·Sᵀ = S_U·S_Uᵀ + (PSD) and X̃·X̃ᵀ = X̃_C·X̃_Cᵀ + (PSD), and
 * Hadamard products of PSD matrices are PSD (Schur), so J·Jᵀ ⪰ (S_U·S_Uᵀ) ∘ (X̃_C·X̃_Cᵀ) =: G_UC; the bound of
 * `decideFullRowRank` step 2 applied to G_UC bounds λ_min(J·Jᵀ) from below.
 */
function certifiedMargin(f: FactoredJacobian, units: number, columns: number, cutBound: number): number {
  const { n, d1, q, s, xt } = f;
  const su = units === d1 ? s : takeColumns(s, n, d1, liveColumns(s, n, d1, units));
  const cols = columns === q ? null : [...Array.from({ length: columns - 1 }, (_, c) => c), q - 1];
  const xc = cols === null ? xt : takeColumns(xt, n, q, cols);
  const k1 = units === d1 ? d1 : su.length / n;
  const g = rowGram(su, n, k1);
  const gx = rowGram(xc, n, columns);
  let trace = 0;
  for (let k = 0; k < n * n; k++) g[k]! *= gx[k]!;
  for (let i = 0; i < n; i++) trace += g[i * n + i]!;
  if (!(trace > 0) || !Number.isFinite(trace)) return 0;
  const kappa = GAMMA_FACTOR * (n + k1 + columns + 6) * EPS * trace;
  for (let i = 0; i < n; i++) g[i * n + i]! -= 2 * kappa;
  if (!choleskyInPlace(g, n)) return 0;
  return Math.sqrt(kappa) / cutBound;
}

/** Indices of the first `count` columns of S (n×d1) that are not identically zero (fewer if there are fewer). */
function liveColumns(s: Float64Array, n: number, d1: number, count: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < d1 && out.length < count; j++) {
    for (let i = 0; i < n; i++) {
      if (s[i * d1 + j] !== 0) {
        out.push(j);
        break;
      }
    }
  }
  return out;
}

/** The listed columns of a row-major rows×cols matrix, as a compact row-major matrix. */
function takeColumns(a: Float64Array, rows: number, cols: number, which: readonly number[]): Float64Array {
  const k = which.length;
  const out = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) for (let t = 0; t < k; t++) out[i * k + t] = a[i * cols + which[t]!]!;
  return out;
}

/**
 * Rank bound from repeated rows of S: samples whose rows s_i are identical (for relu: the same set of active
 * units) have J-rows s ⊗ x̃_i in the q-dimensional space s ⊗ R^q, so rank J ≤ Σ_groups min(|group|, q). Returns
 * 'zero-row' when some s_i = 0 (then J has a zero row). Rows are grouped by their support and compared entry by
 * entry with the group's first row; a row that differs counts as a group of its own (the bound stays valid).
 */
export function patternRankBound(f: FactoredJacobian): number | 'zero-row' {
  const { n, d1, q, s } = f;
  const words = Math.ceil(d1 / 16);
  const groups = new Map<string, { first: number; count: number }>();
  let bound = 0;
  const codes = new Array<number>(words);
  for (let i = 0; i < n; i++) {
    codes.fill(0);
    let live = false;
    for (let j = 0; j < d1; j++) {
      if (s[i * d1 + j] !== 0) {
        codes[j >> 4]! |= 1 << (j & 15);
        live = true;
      }
    }
    if (!live) return 'zero-row';
    const key = String.fromCharCode(...codes);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { first: i, count: 1 });
      bound++;
      continue;
    }
    let same = true;
    for (let j = 0; j < d1 && same; j++) same = s[i * d1 + j] === s[group.first * d1 + j];
    if (!same) {
      bound++;
      continue;
    }
    group.count++;
    if (group.count <= q) bound++;
  }
  return bound;
}

/**
 * The term rank of J's zero pattern: the largest number of samples that can be matched to units they activate
 * (s_ij ≠ 0), each unit taking at most q samples (one per column of its block). Augmenting paths (Kuhn's
 * algorithm on the capacity-q bipartite graph), O(n²·d1) at worst.
 */
export function termRank(f: FactoredJacobian): number {
  const { n, d1, q, s } = f;
  const holders: number[][] = Array.from({ length: d1 }, () => []);
  let matched = 0;
  const seen = new Uint8Array(d1);
  const augment = (i: number): boolean => {
    for (let j = 0; j < d1; j++) {
      if (s[i * d1 + j] === 0 || seen[j] === 1) continue;
      seen[j] = 1;
      const held = holders[j]!;
      if (held.length < q) {
        held.push(i);
        return true;
      }
      for (let t = 0; t < held.length; t++) {
        if (augment(held[t]!)) {
          held[t] = i;
          return true;
        }
      }
    }
    return false;
  };
  for (let i = 0; i < n; i++) {
    seen.fill(0);
    if (augment(i)) matched++;
  }
  return matched;
}

/** Step 3 of `decideFullRowRank`, also the reference the tests compare the fast path with (`mergeColumns: false`). */
export function svdDecision(
  f: FactoredJacobian,
  options: { mergeColumns?: boolean } = {},
): FullRowRankDecision {
  const { n, d1, q } = f;
  const p = d1 * q;
  const reduced = options.mergeColumns === false ? f : mergeConstantColumns(f);
  const result = numericalRank(faceSplitMatrix(reduced));
  const sv = result.singularValues;
  const tol = defaultRankTolerance(n, p, sv[0] ?? 0);
  let rank = 0;
  while (rank < sv.length && sv[rank]! > tol) rank++;
  const sigmaN = sv.length >= n ? sv[n - 1]! : 0;
  return { full: rank === n, method: 'svd', rank, tol, margin: tol > 0 ? sigmaN / tol : 0 };
}

/**
 * S' with the unit columns that are constant on one common support merged: c_j = v_j·1_U for every j in a group
 * becomes one column √(Σ_j v_j²)·1_U. J's columns for the group, (v_j·1_U ∘ x̃_c)_{j,c}, are then replaced by an
 * orthogonal combination of themselves, so J'·J'ᵀ = J·Jᵀ exactly (up to the rounding of the norm). Columns that
 * are not constant on their support (leaky relu) are kept as they are.
 */
export function mergeConstantColumns(f: FactoredJacobian): FactoredJacobian {
  const { n, d1, q, s, xt } = f;
  const groups = new Map<string, number>();
  const weights: number[] = [];
  const supports: Uint8Array[] = [];
  const kept: number[] = [];
  for (let j = 0; j < d1; j++) {
    let value = 0;
    let constant = true;
    const support = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const sij = s[i * d1 + j]!;
      if (sij === 0) continue;
      support[i] = 1;
      if (value === 0) value = sij;
      else if (sij !== value) constant = false;
    }
    if (value === 0) continue; // a dead unit contributes a zero block
    if (!constant) {
      kept.push(j);
      continue;
    }
    const key = support.join('');
    const at = groups.get(key);
    if (at === undefined) {
      groups.set(key, weights.length);
      weights.push(value * value);
      supports.push(support);
    } else {
      weights[at]! += value * value;
    }
  }
  const k = weights.length + kept.length;
  const merged = dense(n, k).data;
  weights.forEach((w2, g) => {
    const norm = Math.sqrt(w2);
    const support = supports[g]!;
    for (let i = 0; i < n; i++) if (support[i] === 1) merged[i * k + g] = norm;
  });
  kept.forEach((j, t) => {
    for (let i = 0; i < n; i++) merged[i * k + weights.length + t] = s[i * d1 + j]!;
  });
  return { n, d1: k, q, s: merged, xt };
}
