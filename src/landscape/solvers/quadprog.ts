import quadprog from 'quadprog';
import { UserError } from '../../errors.js';
import type { DenseMatrix } from '../../linalg/index.js';
import type { ProgramSolution } from './highs.js';

/**
 * Strictly convex QPs by Goldfarb and Idnani's dual active-set method (the `quadprog` package, a faithful port of
 * R's quadprog Fortran): exact in finitely many steps, no tuning, no cycling. Used where HiGHS's WebAssembly QP
 * solver is unreliable (it aborts on ~12% of small dense QPs and was seen to cycle on basin programs).
 *
 *   minimise ½xᵀDx − dᵀx  subject to  a_i·x ≥ b_i  (and a_i·x = b_i for the rows marked '=')
 *
 * D must be symmetric positive definite (checked by the method itself: a failure is status 'other').
 */
export interface StrictlyConvexProgram {
  readonly n: number;
  readonly D: DenseMatrix;
  readonly d: Float64Array;
  readonly rows: readonly { readonly a: Float64Array; readonly op: '>=' | '='; readonly rhs: number }[];
}

export function solveStrictlyConvexProgram(p: StrictlyConvexProgram): ProgramSolution {
  const { n, D, d, rows } = p;
  if (D.rows !== n || D.cols !== n) throw new UserError(`D is ${D.rows}×${D.cols}, expected ${n}×${n}`);
  if (d.length !== n) throw new UserError(`d has ${d.length} entries, expected ${n}`);
  // Equalities first (quadprog's meq), then inequalities; everything 1-based, constraints as columns of A.
  const ordered = [...rows.filter((r) => r.op === '='), ...rows.filter((r) => r.op === '>=')];
  ordered.forEach((row, k) => {
    if (row.a.length !== n)
      throw new UserError(`constraint ${k} has ${row.a.length} coefficients, expected ${n}`);
  });
  const meq = rows.filter((r) => r.op === '=').length;
  const Dmat: number[][] = [[]];
  const Amat: number[][] = [[]];
  const dvec: number[] = [0];
  for (let i = 0; i < n; i++) {
    const Drow = [0];
    for (let j = 0; j < n; j++) Drow.push(D.data[i * n + j]!);
    Dmat.push(Drow);
    dvec.push(d[i]!);
    const Arow = [0];
    for (const row of ordered) Arow.push(row.a[i]!);
    Amat.push(Arow);
  }
  const bvec = [0, ...ordered.map((r) => r.rhs)];
  if (ordered.length === 0) {
    // quadprog needs at least one constraint column: add the vacuous 0·x ≥ −1.
    for (let i = 1; i <= n; i++) Amat[i]!.push(0);
    bvec.push(-1);
  }
  const result = quadprog.solveQP(Dmat, dvec, Amat, bvec, meq);
  if (result.message !== '') {
    const infeasible = /inconsistent/.test(result.message);
    return {
      status: infeasible ? 'infeasible' : 'other',
      statusText: result.message,
      x: null,
      objective: null,
    };
  }
  const x = Float64Array.from({ length: n }, (_, i) => result.solution[i + 1]!);
  if (!x.every(Number.isFinite))
    return { status: 'other', statusText: 'non-finite solution', x: null, objective: null };
  return { status: 'optimal', statusText: 'Optimal', x, objective: result.value[1]! };
}
