import { UserError } from '../../errors.js';
import { dense, symmetricEigen, symmetricEigenvalues } from '../../linalg/index.js';
import { NEWTON_MAX_DIM } from '../descend.js';
import { lbfgs, newtonPolish } from '../optimize.js';
import { liftedMatrix, quadraticNetworkObjective } from './quadraticNetwork.js';
import { LIFTED_GAP_RTOL, LIFTED_RANK_RTOL, POLISH_GRAD_TOL } from './tolerances.js';

/**
 * The convex lifting of a quadratic network with fixed output weights v_j ∈ {+1, −1} and weight decay λ‖W‖²_F
 * (Du–Lee 2018). With M = Σ_j v_j w_j w_jᵀ the network value is ½Σ(x_iᵀMx_i − y_i)² + λ‖W‖² and
 * min{‖W‖² : Σ_j v_j w_j w_jᵀ = M} = ‖M‖_* (tr M for M ⪰ 0 when every v_j = +1), so
 *
 *     P(M) = ½ Σ_i (⟨x_i x_iᵀ, M⟩ − y_i)² + λ·R(M),   R = ‖·‖_* over symmetric M ('symmetric'),
 *                                                      R = tr over M ⪰ 0 ('psd'),
 *
 * bounds the network from below, with equality at the optimum once the network has enough units of each sign
 * (Pataki: some optimum has rank r with r(r+1)/2 ≤ n, hence k ≥ √(2n) units).
 *
 * Method: FISTA (accelerated proximal gradient, Beck–Teboulle 2009) with step 1/L, L = λ_max of the Gram matrix
 * ((x_iᵀx_j)²) (the Lipschitz constant of the smooth part's gradient), and O'Donoghue–Candès function-value
 * restarts; the prox is eigenvalue soft-thresholding (sign(μ)(|μ| − tλ)₊, or (μ − tλ)₊ for 'psd'). It converges
 * for any convex instance (O(1/k²) in the worst case), but its end game is slow, so every FISTA_CHUNK iterations
 * a factorised polish (below) proposes a candidate (first after FIRST_POLISH); candidates are only ever accepted through the certificate.
 *
 * Certificate: Fenchel duality. For any u ∈ R^n with ‖𝒜*u‖_op ≤ λ ('symmetric') or −𝒜*u ⪯ λI ('psd'),
 * D(u) = −½‖u‖² − ⟨u, y⟩ ≤ P* ≤ P(M). We take u = s·r (r = 𝒜M − y, the optimal dual at the optimum) scaled by
 * the largest s ≤ 1 that makes it feasible, so [D(u), P(M)] brackets the optimum and the gap P(M) − D(u) is a
 * proof of accuracy, not an estimate.
 */
export interface LiftedProblem {
  readonly inputs: readonly (readonly number[])[];
  readonly targets: readonly number[];
  /** λ > 0 (with λ = 0 the dual bound degenerates; that problem is plain least squares). */
  readonly lambda: number;
  readonly cone: 'symmetric' | 'psd';
}

export interface LiftedSolution {
  /** The primal iterate with the lowest P, d×d row-major. */
  readonly M: Float64Array;
  readonly d: number;
  /** P(M): an upper bound on the optimum. */
  readonly primal: number;
  /** D(u): a lower bound on the optimum. */
  readonly dual: number;
  readonly gap: number;
  /** gap ≤ LIFTED_GAP_RTOL·(1 + |P|) (or the tolerance asked for). */
  readonly converged: boolean;
  readonly iterations: number;
  /** Eigenvalues of M (ascending) and the number that are not 0 within LIFTED_RANK_RTOL·max|μ|. */
  readonly eigenvalues: Float64Array;
  readonly rank: number;
  readonly positiveRank: number;
  readonly negativeRank: number;
}

interface Lifted {
  n: number;
  d: number;
  X: Float64Array;
  y: Float64Array;
}

/** 𝒜M = (x_iᵀMx_i)_i. */
function apply(p: Lifted, M: Float64Array): Float64Array {
  const out = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) {
    let s = 0;
    for (let a = 0; a < p.d; a++) {
      const xa = p.X[i * p.d + a]!;
      for (let b = 0; b < p.d; b++) s += xa * M[a * p.d + b]! * p.X[i * p.d + b]!;
    }
    out[i] = s;
  }
  return out;
}

/** 𝒜*u = Σ_i u_i x_i x_iᵀ. */
function adjoint(p: Lifted, u: Float64Array): Float64Array {
  const G = new Float64Array(p.d * p.d);
  for (let i = 0; i < p.n; i++) {
    for (let a = 0; a < p.d; a++) {
      const c = u[i]! * p.X[i * p.d + a]!;
      for (let b = 0; b < p.d; b++) G[a * p.d + b]! += c * p.X[i * p.d + b]!;
    }
  }
  return G;
}

function eigenvaluesOf(M: Float64Array, d: number): Float64Array {
  return symmetricEigenvalues(dense(d, d, Float64Array.from(M)));
}

function regulariser(M: Float64Array, d: number, cone: LiftedProblem['cone']): number {
  const mu = eigenvaluesOf(M, d);
  let s = 0;
  for (const x of mu) s += cone === 'psd' ? x : Math.abs(x);
  return s;
}

/** P(M) = ½‖𝒜M − y‖² + λR(M) (for 'psd', M is assumed ⪰ 0: the prox keeps it there). */
export function liftedObjective(problem: LiftedProblem, M: Float64Array): number {
  const p = prepare(problem);
  const r = apply(p, M);
  let s = 0;
  for (let i = 0; i < p.n; i++) s += 0.5 * (r[i]! - p.y[i]!) ** 2;
  return s + problem.lambda * regulariser(M, p.d, problem.cone);
}

function prepare(problem: LiftedProblem): Lifted {
  const n = problem.inputs.length;
  if (n === 0) throw new UserError('lifted problem: no samples');
  const d = problem.inputs[0]!.length;
  if (problem.targets.length !== n)
    throw new UserError(`lifted problem: ${problem.targets.length} targets for ${n} inputs`);
  if (!(problem.lambda > 0)) throw new UserError(`lifted problem: λ must be > 0, got ${problem.lambda}`);
  return { n, d, X: Float64Array.from(problem.inputs.flat()), y: Float64Array.from(problem.targets) };
}

/** The prox of t·λ·R at Z: eigenvalue soft-thresholding. */
function prox(Z: Float64Array, d: number, threshold: number, cone: LiftedProblem['cone']): Float64Array {
  const { values, vectors } = symmetricEigen(dense(d, d, Float64Array.from(Z)));
  const out = new Float64Array(d * d);
  for (let k = 0; k < d; k++) {
    const mu = values[k]!;
    const shrunk =
      cone === 'psd' ? Math.max(0, mu - threshold) : Math.sign(mu) * Math.max(0, Math.abs(mu) - threshold);
    if (shrunk === 0) continue;
    for (let a = 0; a < d; a++) {
      const ua = shrunk * vectors.data[a * d + k]!;
      for (let b = 0; b < d; b++) out[a * d + b]! += ua * vectors.data[b * d + k]!;
    }
  }
  return out;
}

/** The dual bound D(s·r) at the residual r of M, with s the largest feasible scale ≤ 1. */
function dualBound(p: Lifted, problem: LiftedProblem, residual: Float64Array): number {
  const G = adjoint(p, residual);
  const mu = eigenvaluesOf(G, p.d);
  const worst = problem.cone === 'psd' ? -mu[0]! : Math.max(Math.abs(mu[0]!), Math.abs(mu[p.d - 1]!));
  const s = worst > problem.lambda ? problem.lambda / worst : 1;
  let uu = 0;
  let uy = 0;
  for (let i = 0; i < p.n; i++) {
    uu += (s * residual[i]!) ** 2;
    uy += s * residual[i]! * p.y[i]!;
  }
  return -0.5 * uu - uy;
}

/**
 * The certified lower bound D(s·u) ≤ P* for any u ∈ R^n: u scaled by the largest s ∈ [0, 1] that makes it dual
 * feasible (‖𝒜*(su)‖_op ≤ λ, or −𝒜*(su) ⪯ λI for 'psd').
 */
export function liftedDualBound(problem: LiftedProblem, u: ArrayLike<number>): number {
  const p = prepare(problem);
  if (u.length !== p.n) throw new UserError(`lifted dual: u has ${u.length} entries, expected ${p.n}`);
  return dualBound(p, problem, Float64Array.from(u));
}

/** Iterations of FISTA between two polishing attempts, and the iteration of the first one. */
const FISTA_CHUNK = 2000;
const FIRST_POLISH = 200;

/**
 * Solve the lifted problem: FISTA with restarts, and every FISTA_CHUNK iterations a polishing attempt (the
 * current M factored by its eigenvalue signs into r₊ + r₋ units, the smooth factorised objective minimised by
 * L-BFGS and Newton from there). Whatever produced a candidate M, the Fenchel bound D(s·r(M)) certifies it, so
 * the polish only speeds up the end game; it stops when the certified gap is ≤ gapRtol·(1 + |P|).
 */
export function solveLifted(
  problem: LiftedProblem,
  options: { gapRtol?: number; maxIterations?: number } = {},
): LiftedSolution {
  const p = prepare(problem);
  const { n, d } = p;
  const gapRtol = options.gapRtol ?? LIFTED_GAP_RTOL;
  const maxIterations = options.maxIterations ?? 100_000;
  // L = λ_max((x_iᵀx_j)²): ‖𝒜*𝒜‖ = ‖𝒜𝒜*‖ and (𝒜𝒜*)_ij = ⟨x_ix_iᵀ, x_jx_jᵀ⟩.
  const gram = dense(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let a = 0; a < d; a++) s += p.X[i * d + a]! * p.X[j * d + a]!;
      gram.data[i * n + j] = s * s;
    }
  }
  const gramValues = symmetricEigenvalues(gram);
  const step = 1 / gramValues[n - 1]!;
  const value = (M: Float64Array, r: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += 0.5 * r[i]! ** 2;
    return s + problem.lambda * regulariser(M, d, problem.cone);
  };
  const residualOf = (M: Float64Array) => {
    const r = apply(p, M);
    for (let i = 0; i < n; i++) r[i]! -= p.y[i]!;
    return r;
  };

  let M: Float64Array = new Float64Array(d * d);
  let Y: Float64Array = Float64Array.from(M);
  let t = 1;
  const r = residualOf(M);
  let current = value(M, r);
  let best = { M, primal: current };
  let dual = dualBound(p, problem, r);
  let iterations = 0;
  const offer = (candidate: Float64Array) => {
    const rc = residualOf(candidate);
    const pc = value(candidate, rc);
    if (pc < best.primal) best = { M: candidate, primal: pc };
    dual = Math.max(dual, dualBound(p, problem, rc));
  };
  const gapOk = () => best.primal - dual <= gapRtol * (1 + Math.abs(best.primal));
  while (iterations < maxIterations && !gapOk()) {
    iterations++;
    if (iterations % FISTA_CHUNK === FIRST_POLISH) {
      const polished = polish(problem, best.M, d);
      if (polished !== null) offer(polished);
      if (gapOk()) break;
    }
    const ry = residualOf(Y);
    const grad = adjoint(p, ry);
    const Z = new Float64Array(d * d);
    for (let q = 0; q < d * d; q++) Z[q] = Y[q]! - step * grad[q]!;
    const next = prox(Z, d, step * problem.lambda, problem.cone);
    const rNext = residualOf(next);
    const nextValue = value(next, rNext);
    if (nextValue > current) {
      // Function-value restart: drop the momentum and take a plain proximal step from M instead.
      t = 1;
      Y = Float64Array.from(M);
      continue;
    }
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const beta = (t - 1) / tNext;
    const Ynext = new Float64Array(d * d);
    for (let q = 0; q < d * d; q++) Ynext[q] = next[q]! + beta * (next[q]! - M[q]!);
    M = next;
    Y = Ynext;
    t = tNext;
    current = nextValue;
    if (current < best.primal) best = { M, primal: current };
    if (iterations % 10 === 0 || iterations < 10) dual = Math.max(dual, dualBound(p, problem, rNext));
  }
  offer(best.M);
  const eigenvalues = eigenvaluesOf(best.M, d);
  let maxAbs = 0;
  for (const x of eigenvalues) maxAbs = Math.max(maxAbs, Math.abs(x));
  let positiveRank = 0;
  let negativeRank = 0;
  for (const x of eigenvalues) {
    if (x > LIFTED_RANK_RTOL * maxAbs) positiveRank++;
    else if (x < -LIFTED_RANK_RTOL * maxAbs) negativeRank++;
  }
  const gap = best.primal - dual;
  return {
    M: best.M,
    d,
    primal: best.primal,
    dual,
    gap,
    converged: gap <= gapRtol * (1 + Math.abs(best.primal)),
    iterations,
    eigenvalues,
    rank: positiveRank + negativeRank,
    positiveRank,
    negativeRank,
  };
}

/**
 * The end game: factor M by the signs of its eigenvalues into units v = (+1^{r₊}, −1^{r₋}) (for 'psd' only the
 * positive part), minimise the smooth objective ½‖𝒜(Σ v_j w_j w_jᵀ) − y‖² + λ‖W‖² from there (L-BFGS, then
 * Newton), and return the M of the result. Null when M = 0.
 */
function polish(problem: LiftedProblem, M: Float64Array, d: number): Float64Array | null {
  const mu = eigenvaluesOf(M, d);
  let maxAbs = 0;
  for (const x of mu) maxAbs = Math.max(maxAbs, Math.abs(x));
  const v: number[] = [];
  for (const x of mu) {
    if (x > LIFTED_RANK_RTOL * maxAbs) v.push(1);
    else if (x < -LIFTED_RANK_RTOL * maxAbs && problem.cone === 'symmetric') v.push(-1);
  }
  if (v.length === 0) return null;
  const W0 = factorLifted(M, d, v);
  if (W0 === null) return null;
  const objective = quadraticNetworkObjective({
    inputs: problem.inputs,
    targets: problem.targets,
    v,
    lambda: problem.lambda,
  });
  let result = lbfgs(objective, W0, { gradTol: POLISH_GRAD_TOL, maxIterations: 2000 });
  if (result.theta.length <= NEWTON_MAX_DIM) {
    const newton = newtonPolish(objective, result.theta, { gradTol: POLISH_GRAD_TOL });
    // Newton converges to the critical point L-BFGS approached; its value may differ by rounding only.
    const rounding = 1e-12 * (1 + Math.abs(result.value));
    if (newton.gradientNorm < result.gradientNorm && newton.value <= result.value + rounding) result = newton;
  }
  return liftedMatrix(result.theta, v, d);
}

/**
 * A network W (k×d, flat row-major) with Σ_j v_j w_j w_jᵀ = M and ‖W‖²_F = Σ_i |μ_i|/|v|: each eigenpair (μ, u) of
 * M goes to an unused unit j of the same sign, w_j = √(|μ|/|v_j|)·u; other units are 0. Null when M has more
 * eigenvalues of one sign than v has units of that sign (eigenvalues within LIFTED_RANK_RTOL·max|μ| of 0 are
 * dropped).
 */
export function factorLifted(M: Float64Array, d: number, v: readonly number[]): Float64Array | null {
  const { values, vectors } = symmetricEigen(dense(d, d, Float64Array.from(M)));
  let maxAbs = 0;
  for (const x of values) maxAbs = Math.max(maxAbs, Math.abs(x));
  const W = new Float64Array(v.length * d);
  const used = new Array<boolean>(v.length).fill(false);
  for (let k = 0; k < d; k++) {
    const mu = values[k]!;
    if (Math.abs(mu) <= LIFTED_RANK_RTOL * maxAbs) continue;
    const j = v.findIndex((vj, idx) => !used[idx] && vj !== 0 && Math.sign(vj) === Math.sign(mu));
    if (j < 0) return null;
    used[j] = true;
    const scale = Math.sqrt(Math.abs(mu) / Math.abs(v[j]!));
    for (let a = 0; a < d; a++) W[j * d + a] = scale * vectors.data[a * d + k]!;
  }
  return W;
}
