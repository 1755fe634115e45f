/** Typings for `quadprog` (a port of R's quadprog: Goldfarb–Idnani's dual method; arrays are 1-based). */
declare module 'quadprog' {
  export interface QuadprogResult {
    readonly solution: number[];
    readonly Lagrangian: number[];
    readonly value: number[];
    readonly iterations: number[];
    readonly iact: number[];
    readonly message: string;
  }
  /** min −dᵀb + ½bᵀDb subject to Aᵀb ≥ b0, the first `meq` constraints as equalities. Mutates Dmat and dvec. */
  export function solveQP(
    Dmat: number[][],
    dvec: number[],
    Amat: number[][],
    bvec?: number[],
    meq?: number,
    factorized?: number[],
  ): QuadprogResult;
}
