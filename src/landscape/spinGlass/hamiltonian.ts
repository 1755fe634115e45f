import { NonFiniteError, ShapeError, UserError } from '../../errors.js';
import { type DenseMatrix, dense } from '../../linalg/index.js';
import type { Rng } from '../../random.js';

/**
 * The spherical H-spin glass of Choromanska et al. (2015) (after Auffinger–Ben Arous–Černý 2013):
 *
 *     L(w) = N^{−(H−1)/2} · Σ_{i_1,…,i_H = 1}^{N} X_{i_1…i_H} w_{i_1}⋯w_{i_H},   X i.i.d. N(0, 1),   |w|² = N,
 *
 * the sum over all N^H *ordered* tuples. L is a homogeneous polynomial of degree H, so it is stored by its
 * monomials: for each non-decreasing tuple m = (i_1 ≤ … ≤ i_H) (lexicographic order) the coefficient A_m is the
 * sum of X over the distinct orderings of m (the symmetrised tensor times the number of orderings). That is
 * N^H/H! numbers instead of N^H, and one pass over them gives the value, the gradient or the Hessian.
 */
export interface SpinGlass {
  readonly H: number;
  readonly N: number;
  /** A_m for the non-decreasing tuples m in lexicographic order (length C(N+H−1, H)). */
  readonly coefficients: Float64Array;
}

/** The number of non-decreasing H-tuples of {0,…,N−1}: C(N+H−1, H). */
export function monomialCount(N: number, H: number): number {
  let c = 1;
  for (let j = 1; j <= H; j++) c = (c * (N - 1 + j)) / j;
  return Math.round(c);
}

/** The normalisation N^{−(H−1)/2}. */
export function spinGlassScale(N: number, H: number): number {
  return N ** (-(H - 1) / 2);
}

function requireShape(H: number, N: number): void {
  if (!Number.isInteger(H) || H < 2) throw new UserError(`spin glass: H must be an integer ≥ 2, got ${H}`);
  if (!Number.isInteger(N) || N < 1)
    throw new UserError(`spin glass: N must be a positive integer, got ${N}`);
}

/**
 * Visit the non-decreasing tuples of {0,…,N−1}^H in lexicographic order; `idx` is reused (do not keep it).
 * The callback gets the tuple and its position m.
 */
export function forEachMonomial(N: number, H: number, visit: (idx: Int32Array, m: number) => void): void {
  const idx = new Int32Array(H);
  let m = 0;
  for (;;) {
    visit(idx, m++);
    let p = H - 1;
    while (p >= 0 && idx[p] === N - 1) p--;
    if (p < 0) return;
    const next = idx[p]! + 1;
    for (let q = p; q < H; q++) idx[q] = next;
  }
}

/** H!/Π(multiplicity!) : the number of distinct orderings of a sorted tuple. */
export function orderings(idx: Int32Array): number {
  let count = 1;
  let run = 1;
  for (let p = 1; p < idx.length; p++) {
    run = idx[p] === idx[p - 1] ? run + 1 : 1;
    count = (count * (p + 1)) / run;
  }
  return Math.round(count);
}

/** Next permutation in lexicographic order (in place); false when `a` was the last one. */
function nextPermutation(a: Int32Array): boolean {
  let i = a.length - 2;
  while (i >= 0 && a[i]! >= a[i + 1]!) i--;
  if (i < 0) return false;
  let j = a.length - 1;
  while (a[j]! <= a[i]!) j--;
  [a[i], a[j]] = [a[j]!, a[i]!];
  for (let l = i + 1, r = a.length - 1; l < r; l++, r--) [a[l], a[r]] = [a[r]!, a[l]!];
  return true;
}

/**
 * The spin glass of raw couplings X (N^H numbers, row-major: X_{i_1…i_H} at Σ_p i_p·N^{H−1−p}), as stored in a
 * counterexample file. A_m sums X over the distinct orderings of m.
 */
export function spinGlassFromCouplings(H: number, N: number, couplings: ArrayLike<number>): SpinGlass {
  requireShape(H, N);
  const expected = N ** H;
  if (couplings.length !== expected) {
    throw new ShapeError(
      `spin glass couplings have ${couplings.length} entries, expected N^H = ${N}^${H} = ${expected}`,
    );
  }
  for (let i = 0; i < couplings.length; i++) {
    if (!Number.isFinite(couplings[i]!))
      throw new NonFiniteError(`spin glass coupling ${i} is ${couplings[i]}`);
  }
  const coefficients = new Float64Array(monomialCount(N, H));
  const perm = new Int32Array(H);
  forEachMonomial(N, H, (idx, m) => {
    perm.set(idx);
    let sum = 0;
    do {
      let flat = 0;
      for (let p = 0; p < H; p++) flat = flat * N + perm[p]!;
      sum += couplings[flat]!;
    } while (nextPermutation(perm));
    coefficients[m] = sum;
  });
  return { H, N, coefficients };
}

/** N^H i.i.d. N(0, 1) couplings, row-major (for small archived cases). */
export function randomCouplings(H: number, N: number, rng: Rng): Float64Array {
  requireShape(H, N);
  const out = new Float64Array(N ** H);
  for (let i = 0; i < out.length; i++) out[i] = rng.normal();
  return out;
}

/**
 * A random spin glass drawn directly in monomial form: A_m ~ N(0, #orderings(m)), independent, which is the
 * law of the sum of X over the orderings of m. Same law of L as `spinGlassFromCouplings(randomCouplings(…))`,
 * with N^H/H! normal draws instead of N^H (the experiments at N = 200 use this).
 */
export function randomSpinGlass(H: number, N: number, rng: Rng): SpinGlass {
  requireShape(H, N);
  const coefficients = new Float64Array(monomialCount(N, H));
  if (H === 3) {
    // The same draws in the same order as the general loop below, without its callback and index array (a run at
    // N = 200 draws 1.35·10⁶ of them): i ≤ j ≤ k has 6 orderings when distinct, 3 with one pair equal, 1 when all are.
    let m = 0;
    for (let i = 0; i < N; i++)
      for (let j = i; j < N; j++)
        for (let k = j; k < N; k++)
          coefficients[m++] = (i === j ? (j === k ? 1 : SQRT_3) : j === k ? SQRT_3 : SQRT_6) * rng.normal();
    return { H, N, coefficients };
  }
  forEachMonomial(N, H, (idx, m) => {
    coefficients[m] = Math.sqrt(orderings(idx)) * rng.normal();
  });
  return { H, N, coefficients };
}

/** √(orderings) of a cubic monomial with one pair equal, and with three distinct indices (Math.sqrt is exact-rounded). */
const SQRT_3 = Math.sqrt(3);
const SQRT_6 = Math.sqrt(6);

function requirePoint(glass: SpinGlass, w: Float64Array): void {
  if (w.length !== glass.N)
    throw new ShapeError(`spin glass point has ${w.length} entries, expected N = ${glass.N}`);
}

/** L(w) (the polynomial; w need not be on the sphere). */
export function spinGlassEnergy(glass: SpinGlass, w: Float64Array): number {
  return spinGlassEnergyAndGradient(glass, w, false).value;
}

/**
 * L(w) and its Euclidean gradient ∇L(w) (the polynomial's; w need not be on the sphere). With
 * `withGradient: false` only the value (the gradient array is then empty).
 */
export function spinGlassEnergyAndGradient(
  glass: SpinGlass,
  w: Float64Array,
  withGradient = true,
): { value: number; gradient: Float64Array } {
  requirePoint(glass, w);
  return glass.H === 3
    ? cubicValueAndGradient(glass, w, withGradient)
    : generalValueAndGradient(glass, w, withGradient);
}

/** The H = 3 kernel (three nested loops, no index arrays): the experiments' hot path. Exported for tests. */
export function cubicValueAndGradient(
  glass: SpinGlass,
  w: Float64Array,
  withGradient: boolean,
): { value: number; gradient: Float64Array } {
  const { N, coefficients: A } = glass;
  const c = spinGlassScale(N, 3);
  const g = new Float64Array(withGradient ? N : 0);
  let value = 0;
  // Monomial a·w_i w_j w_k (i ≤ j ≤ k): ∂_k += a·w_i w_j; ∂_i += w_j·Σ_k a·w_k; ∂_j += w_i·Σ_k a·w_k.
  let m = 0;
  for (let i = 0; i < N; i++) {
    const wi = w[i]!;
    for (let j = i; j < N; j++) {
      const wj = w[j]!;
      const wij = wi * wj;
      let s = 0;
      if (withGradient) {
        for (let k = j; k < N; k++) {
          const a = A[m++]!;
          s += a * w[k]!;
          g[k]! += a * wij;
        }
        g[i]! += wj * s;
        g[j]! += wi * s;
      } else {
        for (let k = j; k < N; k++) s += A[m++]! * w[k]!;
      }
      value += wij * s;
    }
  }
  for (let i = 0; i < g.length; i++) g[i]! *= c;
  return { value: c * value, gradient: g };
}

/** Any H: prefix products P_p = Π_{q<p} w_{i_q} and a running suffix S; ∂_{i_p} += a·P_p·S_{p+1}. Exported for tests. */
export function generalValueAndGradient(
  glass: SpinGlass,
  w: Float64Array,
  withGradient: boolean,
): { value: number; gradient: Float64Array } {
  const { H, N, coefficients: A } = glass;
  const c = spinGlassScale(N, H);
  const g = new Float64Array(withGradient ? N : 0);
  let value = 0;
  const prefix = new Float64Array(H + 1);
  forEachMonomial(N, H, (idx, m) => {
    const a = A[m]!;
    prefix[0] = 1;
    for (let p = 0; p < H; p++) prefix[p + 1] = prefix[p]! * w[idx[p]!]!;
    value += a * prefix[H]!;
    if (withGradient) {
      let suffix = 1;
      for (let p = H - 1; p >= 0; p--) {
        g[idx[p]!]! += a * prefix[p]! * suffix;
        suffix *= w[idx[p]!]!;
      }
    }
  });
  for (let i = 0; i < g.length; i++) g[i]! *= c;
  return { value: c * value, gradient: g };
}

/** The Euclidean Hessian ∇²L(w) (N×N, exactly symmetric). */
export function spinGlassEuclideanHessian(glass: SpinGlass, w: Float64Array): DenseMatrix {
  requirePoint(glass, w);
  return glass.H === 3 ? cubicHessian(glass, w) : generalHessian(glass, w);
}

/** (R + Rᵀ)/2 · c written to both triangles: the updates are symmetric term by term up to rounding order. */
function symmetrizeScaled(h: Float64Array, N: number, c: number): DenseMatrix {
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      const v = 0.5 * (h[i * N + j]! + h[j * N + i]!) * c;
      h[i * N + j] = v;
      h[j * N + i] = v;
    }
  }
  return dense(N, N, h);
}

/**
 * H = 3: monomial a·w_i w_j w_k; each ordered pair of positions (p, q) adds a·(the third factor) to h[i_p][i_q].
 * Entries h[r][c] and h[c][r] receive the same terms in the same order (term by term the updates are symmetric), so
 * only the upper triangle is accumulated, row by row along k (a term whose two positions name the same index lands
 * on the diagonal twice, and is added twice), and the lower one is its mirror: bit for bit the full accumulation.
 */
export function cubicHessian(glass: SpinGlass, w: Float64Array): DenseMatrix {
  const { N, coefficients: A } = glass;
  const h = new Float64Array(N * N);
  let m = 0;
  for (let i = 0; i < N; i++) {
    const wi = w[i]!;
    const rowI = i * N;
    for (let j = i; j < N; j++) {
      const wj = w[j]!;
      const rowJ = j * N;
      let s = 0;
      // k = j: (i, k) is diagonal when i = j; (j, k) always is.
      const a = A[m++]!;
      s += a * w[j]!;
      h[rowI + j]! += a * wj;
      if (i === j) h[rowI + j]! += a * wj;
      h[rowJ + j]! += a * wi;
      h[rowJ + j]! += a * wi;
      for (let k = j + 1; k < N; k++) {
        const b = A[m++]!;
        s += b * w[k]!;
        h[rowI + k]! += b * wj;
        h[rowJ + k]! += b * wi;
      }
      h[rowI + j]! += s;
      if (i === j) h[rowI + j]! += s;
    }
  }
  // The lower triangle holds what the upper does: (R + Rᵀ)/2·c = (x + x)/2·c on both sides.
  const c = spinGlassScale(N, 3);
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      const x = h[i * N + j]!;
      const v = 0.5 * (x + x) * c;
      h[i * N + j] = v;
      h[j * N + i] = v;
    }
  }
  return dense(N, N, h);
}

/** Any H: each ordered pair of positions (p, q) adds a·Π_{r≠p,q} w_{i_r} to h[i_p][i_q]. */
export function generalHessian(glass: SpinGlass, w: Float64Array): DenseMatrix {
  const { H, N, coefficients: A } = glass;
  const h = new Float64Array(N * N);
  forEachMonomial(N, H, (idx, m) => {
    const a = A[m]!;
    for (let p = 0; p < H; p++) {
      for (let q = 0; q < H; q++) {
        if (p === q) continue;
        let prod = a;
        for (let r = 0; r < H; r++) if (r !== p && r !== q) prod *= w[idx[r]!]!;
        h[idx[p]! * N + idx[q]!]! += prod;
      }
    }
  });
  return symmetrizeScaled(h, N, spinGlassScale(N, H));
}

/** L(w) by the defining sum over all N^H ordered tuples of raw couplings (the slow oracle for tests). */
export function spinGlassEnergyNaive(
  H: number,
  N: number,
  couplings: ArrayLike<number>,
  w: Float64Array,
): number {
  let sum = 0;
  const total = N ** H;
  for (let flat = 0; flat < total; flat++) {
    let prod = couplings[flat]!;
    let rest = flat;
    for (let p = 0; p < H; p++) {
      prod *= w[rest % N]!;
      rest = Math.floor(rest / N);
    }
    sum += prod;
  }
  return spinGlassScale(N, H) * sum;
}
