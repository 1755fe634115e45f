import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { maxAbsDiff } from './close.js';
import { type DenseMatrix, dense } from './matrix.js';
import { maxAbs } from './ops.js';
import { symmetricLowerFrom } from './symmetrize.js';
import { gaussianMatrix } from './testing/matrices.js';
import { mostlyZeroSquare } from './testing/sparse.js';
import { MACHINE_EPS, TEST_SPECTRUM_UNITS } from './tolerances.js';
import { tridiagonalEigenvalues } from './tridiagonalEigenvalues.js';
import { tridiagonalize, tridiagonalizeScalar } from './tridiagonalize.js';
import { householderPassKernel } from './tridiagonalizeSimd.js';

type Reduce = typeof tridiagonalize;

/** Eigenvalues of T from one reduction of (A + Aᵀ)/2, ascending. */
function viaReduction(reduce: Reduce, a: DenseMatrix): Float64Array {
  const n = a.rows;
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  reduce(symmetricLowerFrom(a, 1), n, d, e);
  tridiagonalEigenvalues(d, e, n);
  return d.sort();
}

function oracle(a: DenseMatrix): Float64Array {
  const n = a.rows;
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) s[i * n + j] = 0.5 * (a.data[i * n + j]! + a.data[j * n + i]!);
  const evd = new EigenvalueDecomposition(Matrix.from1DArray(n, n, s), { assumeSymmetric: true });
  return Float64Array.from(evd.realEigenvalues).sort();
}

const tol = (n: number, values: Float64Array) => TEST_SPECTRUM_UNITS * n * MACHINE_EPS * maxAbs(values);

describe('tridiagonalize (WebAssembly SIMD pass) and tridiagonalizeScalar', () => {
  it('has the SIMD kernel in Node (a silent fallback to the scalar loop would go unnoticed)', () => {
    expect(householderPassKernel()).not.toBeNull();
  });

  // Sizes 1…40 reach every branch of the pass: four-row blocks, paired and leftover columns, leftover rows.
  test.prop([fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 1_000_000 })], { numRuns: 60 })(
    'both reductions give T with the eigenvalues of ml-matrix EVD (|Δλ| ≤ 16·n·ε·‖A‖₂)',
    (n, seed) => {
      const a = gaussianMatrix(n, n, seed);
      const o = oracle(a);
      expect(maxAbsDiff(viaReduction(tridiagonalize, a), o)).toBeLessThanOrEqual(tol(n, o));
      expect(maxAbsDiff(viaReduction(tridiagonalizeScalar, a), o)).toBeLessThanOrEqual(tol(n, o));
    },
  );

  // The scalar loop's reflectors are what symmetricEigen's vectors rest on where WebAssembly SIMD is missing; in
  // Node symmetricEigen always takes the kernel, so they are checked here directly: Qᵀ·A·Q = T for each reduction.
  test.prop([fc.integer({ min: 3, max: 24 }), fc.integer({ min: 0, max: 1_000_000 })], { numRuns: 40 })(
    'both reductions record reflectors with Qᵀ·A·Q = T, Q = H_0⋯H_{n−3}',
    (n, seed) => {
      const a = gaussianMatrix(n, n, seed);
      const sym = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) sym[i * n + j] = 0.5 * (a.data[i * n + j]! + a.data[j * n + i]!);
      const bound = TEST_SPECTRUM_UNITS * n * MACHINE_EPS * n * maxAbs(sym);
      for (const reduce of [tridiagonalize, tridiagonalizeScalar]) {
        const d = new Float64Array(n);
        const e = new Float64Array(n);
        const reflectors = { v: new Float64Array(n * n), tau: new Float64Array(n) };
        reduce(symmetricLowerFrom(a, 1), n, d, e, reflectors);
        const m = Float64Array.from(sym);
        const v = new Float64Array(n);
        for (let k = 0; k <= n - 3; k++) {
          // H_k = I − τ_k·v·vᵀ on indices k+1…n−1, v_{k+1} = 1; M ← H_k·M·H_k.
          v.fill(0);
          v[k + 1] = 1;
          for (let i = k + 2; i < n; i++) v[i] = reflectors.v[k * n + i]!;
          const tau = reflectors.tau[k]!;
          for (let j = 0; j < n; j++) {
            let t = 0;
            for (let i = 0; i < n; i++) t += v[i]! * m[i * n + j]!;
            for (let i = 0; i < n; i++) m[i * n + j]! -= tau * v[i]! * t;
          }
          for (let i = 0; i < n; i++) {
            let t = 0;
            for (let j = 0; j < n; j++) t += m[i * n + j]! * v[j]!;
            for (let j = 0; j < n; j++) m[i * n + j]! -= tau * t * v[j]!;
          }
        }
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            const want = i === j ? d[i]! : i === j + 1 ? e[j]! : j === i + 1 ? e[i]! : 0;
            expect(Math.abs(m[i * n + j]! - want)).toBeLessThanOrEqual(bound);
          }
      }
    },
  );

  // Exact zeros below the subdiagonal skip a reflector (τ = 0); in Node only the SIMD path saw them elsewhere.
  test.prop([mostlyZeroSquare(12)], { numRuns: 150 })(
    'both reductions of mostly-zero matrices give the eigenvalues of ml-matrix EVD',
    (a) => {
      const o = oracle(a);
      expect(maxAbsDiff(viaReduction(tridiagonalize, a), o)).toBeLessThanOrEqual(tol(a.rows, o));
      expect(maxAbsDiff(viaReduction(tridiagonalizeScalar, a), o)).toBeLessThanOrEqual(tol(a.rows, o));
    },
  );

  it('gives the same T as the scalar loop on a 97×97 matrix, up to rounding', () => {
    const n = 97;
    const packed = symmetricLowerFrom(gaussianMatrix(n, n, 7), 1);
    const d1 = new Float64Array(n);
    const e1 = new Float64Array(n);
    const d2 = new Float64Array(n);
    const e2 = new Float64Array(n);
    tridiagonalize(packed.slice(), n, d1, e1);
    tridiagonalizeScalar(packed.slice(), n, d2, e2);
    const scale = Math.max(maxAbs(d2), maxAbs(e2));
    // Same reflectors, same signs; only S·v's summation order differs, amplified over the n steps.
    expect(maxAbsDiff(d1, d2)).toBeLessThanOrEqual(TEST_SPECTRUM_UNITS * n * MACHINE_EPS * scale);
    expect(maxAbsDiff(e1, e2)).toBeLessThanOrEqual(TEST_SPECTRUM_UNITS * n * MACHINE_EPS * scale);
  });

  it('runs the committed module compiled from householderPass.wat (scripts/build-wasm.js --check)', () => {
    const script = fileURLToPath(new URL('../../scripts/build-wasm.js', import.meta.url));
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  /**
   * Mostly-zero matrices (three in four entries exactly 0, the rest k/8): columns and rows that are already
   * reduced, split blocks and zero diagonals, which send the reductions and the QR iterations down their
   * early-exit and deflation branches.
   */
  const sparseEntry = fc.oneof(
    { arbitrary: fc.constant(0), weight: 3 },
    { arbitrary: fc.integer({ min: -40, max: 40 }).map((k) => k / 8), weight: 1 },
  );

  test.prop(
    [
      fc
        .integer({ min: 1, max: 14 })
        .chain((n) =>
          fc
            .array(sparseEntry, { minLength: n * n, maxLength: n * n })
            .map((xs) => dense(n, n, Float64Array.from(xs))),
        ),
    ],
    { numRuns: 200 },
  )('both reductions of mostly-zero matrices give T with the eigenvalues of ml-matrix EVD', (a) => {
    const n = a.rows;
    const o = oracle(a);
    expect(maxAbsDiff(viaReduction(tridiagonalize, a), o)).toBeLessThanOrEqual(tol(n, o));
    expect(maxAbsDiff(viaReduction(tridiagonalizeScalar, a), o)).toBeLessThanOrEqual(tol(n, o));
  });
});
