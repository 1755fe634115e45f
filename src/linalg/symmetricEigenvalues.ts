import { finiteMaxAbs, requireSquare } from './checks.js';
import type { DenseMatrix } from './matrix.js';
import { powerOfTwoScale } from './scaling.js';
import { symmetricLowerFrom } from './symmetrize.js';
import { tridiagonalEigenvalues } from './tridiagonalEigenvalues.js';
import { tridiagonalize } from './tridiagonalize.js';
import { householderPassKernel, householderWorkspace } from './tridiagonalizeSimd.js';

/**
 * Eigenvalues λ_1 ≤ … ≤ λ_n of the symmetric part (A + Aᵀ)/2 of a square A, ascending. Values only.
 *
 * Method: exact power-of-two scaling, Householder tridiagonalisation (lower triangle, packed), root-free
 * implicit QL with Wilkinson-type shifts (Pal–Walker–Kahan, as LAPACK's dsterf). Backward stable:
 * absolute error O(n · ε · ‖A‖₂), as LAPACK's syev/syevd.
 *
 * Throws ShapeError for a non-square A, NonFiniteError on NaN/±Infinity entries.
 */
export function symmetricEigenvalues(a: DenseMatrix): Float64Array {
  requireSquare('symmetricEigenvalues', a);
  const amax = finiteMaxAbs('symmetricEigenvalues', 'matrix', a);
  const n = a.rows;
  const d = new Float64Array(n);
  if (n === 0 || amax === 0) return d;
  const scale = powerOfTwoScale(amax);
  // Built straight into the SIMD kernel's memory where it runs (tridiagonalizeSimd.ts), saving a copy.
  const kernel = n > 2 ? householderPassKernel() : null;
  const work = symmetricLowerFrom(a, scale, kernel === null ? undefined : householderWorkspace(kernel, n));
  const e = new Float64Array(n);
  tridiagonalize(work, n, d, e);
  tridiagonalEigenvalues(d, e, n);
  d.sort();
  for (let i = 0; i < n; i++) d[i]! /= scale;
  return d;
}
