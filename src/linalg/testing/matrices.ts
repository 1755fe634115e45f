/**
 * Test-only matrix builders (excluded from the build by tsconfig.build.json). Randomness comes from
 * seedrandom streams seeded by integers, so a fast-check-generated seed reproduces a matrix exactly.
 */
import seedrandom from 'seedrandom';
import { type DenseMatrix, dense } from '../matrix.js';

/*
 * The products here are plain loops, not ops.ts's matmul: under mutation testing (npm run test:mutation) the code
 * of src/linalg is instrumented and many times slower, and a generator that builds its test matrices with it
 * made a 40×40 property test exceed its two-minute timeout. These helpers are never mutated.
 */

/** A·B (m×k times k×n), row-major, in plain loops. */
function product(a: DenseMatrix, b: DenseMatrix): DenseMatrix {
  const { rows: m, cols: k } = a;
  const n = b.cols;
  const out = dense(m, n);
  for (let i = 0; i < m; i++)
    for (let l = 0; l < k; l++) {
      const ail = a.data[i * k + l]!;
      for (let j = 0; j < n; j++) out.data[i * n + j]! += ail * b.data[l * n + j]!;
    }
  return out;
}

/** Aᵀ in a plain loop. */
function transposed(a: DenseMatrix): DenseMatrix {
  const out = dense(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j]!;
  return out;
}

/** Standard normal draws from a seeded stream (Box–Muller on seedrandom's uniforms). */
export function gaussianStream(seed: number): () => number {
  const rng = seedrandom(`linalg-test-${seed}`);
  return () => {
    let u = 0;
    while (u === 0) u = rng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  };
}

/**
 * An m×n matrix with independent standard normal entries. Such a matrix is generic: with probability 1
 * it has full rank min(m, n), and its smallest singular value is of order |√m − √n| or 1/√n for square
 * ones — far above any rank tolerance (~1e-13) for the sizes tested.
 */
export function gaussianMatrix(rows: number, cols: number, seed: number): DenseMatrix {
  const next = gaussianStream(seed);
  const a = dense(rows, cols);
  for (let i = 0; i < a.data.length; i++) a.data[i] = next();
  return a;
}

/** A matrix with entries k / denominator for integers k (exact for small k and power-of-two denominators). */
export function scaledIntegerMatrix(
  rows: number,
  cols: number,
  ints: readonly number[],
  denominator: number,
): DenseMatrix {
  return dense(
    rows,
    cols,
    Float64Array.from(ints.slice(0, rows * cols), (k) => k / denominator),
  );
}

/** A random orthogonal n×n matrix: the product of the Householder reflectors of a Gaussian matrix's QR. */
export function randomOrthogonal(n: number, seed: number): DenseMatrix {
  const g = gaussianMatrix(n, n, seed);
  const q = dense(n, n);
  for (let i = 0; i < n; i++) q.data[i * n + i] = 1;
  const qu = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // Reflector H = I − 2uuᵀ/uᵀu from column k of g, entries k…n−1; Q ← Q·H = Q − (2/uᵀu)·(Q·u)·uᵀ.
    const u = new Float64Array(n);
    let ss = 0;
    for (let i = k; i < n; i++) {
      u[i] = g.data[i * n + k]!;
      ss += u[i]! * u[i]!;
    }
    if (ss === 0) continue;
    for (let i = 0; i < n; i++) {
      let t = 0;
      for (let j = k; j < n; j++) t += q.data[i * n + j]! * u[j]!;
      qu[i] = (2 * t) / ss;
    }
    for (let i = 0; i < n; i++) for (let j = k; j < n; j++) q.data[i * n + j]! -= qu[i]! * u[j]!;
  }
  return q;
}

/** U·diag(σ)·Vᵀ (m×n) with random orthogonal U, V: prescribed singular values σ (length ≤ min(m, n)). */
export function withSingularValues(
  rows: number,
  cols: number,
  sigma: ArrayLike<number>,
  seed: number,
): DenseMatrix {
  const u = randomOrthogonal(rows, seed);
  const v = randomOrthogonal(cols, seed + 1_000_003);
  const s = dense(rows, cols);
  for (let i = 0; i < sigma.length; i++) s.data[i * cols + i] = sigma[i]!;
  return product(product(u, s), transposed(v));
}

/** Q·diag(λ)·Qᵀ with a random orthogonal Q: a symmetric matrix with prescribed eigenvalues. */
export function withEigenvalues(lambda: ArrayLike<number>, seed: number): DenseMatrix {
  const n = lambda.length;
  const q = randomOrthogonal(n, seed);
  const d = dense(n, n);
  for (let i = 0; i < n; i++) d.data[i * n + i] = lambda[i]!;
  const a = product(product(q, d), transposed(q));
  // Exact symmetry (rounding leaves the two triangles a few ulps apart).
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a.data[j * n + i] = a.data[i * n + j]!;
  return a;
}

/** A product (m×r)·(r×n) of Gaussian factors: rank exactly r generically. */
export function lowRankMatrix(rows: number, cols: number, rank: number, seed: number): DenseMatrix {
  return product(gaussianMatrix(rows, rank, seed), gaussianMatrix(rank, cols, seed + 7_919));
}
