import seedrandom from 'seedrandom';
import { UserError } from '../../errors.js';
import { dense, symmetricEigenvalues } from '../../linalg/index.js';
import type { FullRowRankDecision, RankMethod } from './fullRowRank.js';
import {
  type ProtocolTrial,
  type ProtocolVariant,
  protocolTrialFullRank,
  type RankMode,
  sampleProtocolTrial,
  type UniformSource,
} from './protocol.js';

/**
 * The precision ranks are decided in. `float64` (default): our exact-in-spirit protocol (numpy's cut with
 * ε = 2^-52). `float32`: an emulation of the authors' PyTorch default (single precision), see float32TrialFullRank.
 */
export type RankDtype = 'float64' | 'float32';

/** Machine epsilon of IEEE single precision, torch.finfo(torch.float32).eps = 2^-23. */
export const FLOAT32_EPS = 2 ** -23;

/**
 * One protocol trial with float32 emulated: the same draws as the float64 trial (sampleProtocolTrial), then W, b,
 * v and X rounded to float32 (Math.fround); every pre-activation z_ij = (Σ_c w_jc·x_ic) + b_j accumulated in
 * float32 (each product and each sum rounded, in the order c = 0…d0−1, then the bias, as addmm; PyTorch's blocked
 * matmul may sum in another order);
 * the Jacobian J[i, (j, c)] = fround(s_ij·x̃_ic) (s_ij = v_j where z_ij > 0, x̃_i = [x_i, 1]); and the cut of
 * torch.linalg.matrix_rank for float32, tol = σ_max·max(n, p)·FLOAT32_EPS. Not emulated: the SVD itself. The
 * singular values of the float32 matrix are computed in float64 as √λ(JJᵀ): products of float32 numbers are exact
 * in float64, and the eigenvalue error O(n·2^-52·σ_max²) lies below the squared cut σ_max²·(max(n, p)·2^-23)² by
 * a factor of at least 64·n, so the decision is that of the exact singular values of the rounded J. A float32 SVD
 * (what PyTorch runs) adds its own error of order 2^-23·σ_max, the size of the cut: cells whose σ_n sits near the
 * cut can differ from the authors' by that too.
 */
export function float32TrialFullRank(
  n: number,
  d0: number,
  d1: number,
  uniform: UniformSource,
  variant: ProtocolVariant = {},
): FullRowRankDecision {
  const t = sampleProtocolTrial(n, d0, d1, uniform, variant);
  const p = d1 * (d0 + 1);
  // rank J ≤ p < n: not full, in any precision (the same structural decision as the float64 path).
  if (p < n) return { full: false, method: 'count', rank: null, tol: null, margin: null };
  const jac = float32Jacobian(t);
  // G = JJᵀ in float64.
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k <= i; k++) {
      let sum = 0;
      for (let a = 0; a < p; a++) sum += jac[i * p + a]! * jac[k * p + a]!;
      g[i * n + k] = sum;
      g[k * n + i] = sum;
    }
  }
  const lambda = symmetricEigenvalues(dense(n, n, g));
  const sigma = Array.from(lambda, (l) => Math.sqrt(Math.max(0, l))).sort((a, c) => c - a);
  const sigmaMax = sigma[0] ?? 0;
  const tol = sigmaMax * Math.max(n, p) * FLOAT32_EPS;
  let rank = 0;
  while (rank < sigma.length && sigma[rank]! > tol) rank++;
  const sigmaN = sigma[n - 1] ?? 0;
  return { full: rank === n, method: 'svd', rank, tol, margin: tol > 0 ? sigmaN / tol : 0 };
}

/** The protocol trial's Jacobian (n × d1(d0+1), row-major) computed in emulated float32 (see float32TrialFullRank). */
export function float32Jacobian(t: ProtocolTrial): Float32Array {
  const { n, d0, d1 } = t;
  const f = Math.fround;
  const q = d0 + 1;
  const p = d1 * q;
  const w = Float32Array.from(t.w);
  const b = Float32Array.from(t.b);
  const v = Float32Array.from(t.v);
  const x = Float32Array.from(t.x);
  // J (n × p, row-major) with float32 entries.
  const jac = new Float32Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d1; j++) {
      // z_ij = (Σ_c w_jc·x_ic) + b_j in float32 (as addmm: the product, then the bias)
      let z = 0;
      for (let c = 0; c < d0; c++) z = f(z + f(w[j * d0 + c]! * x[i * d0 + c]!));
      z = f(z + b[j]!);
      if (!(z > 0)) continue;
      const sij = v[j]!;
      const row = i * p + j * q;
      for (let c = 0; c < d0; c++) jac[row + c] = f(sij * x[i * d0 + c]!);
      jac[row + d0] = sij;
    }
  }
  return jac;
}

/**
 * The grids of Karhadkar et al.'s phase-transition experiment (Karhadkar et al.'s code, github.com/kedar2/loss-landscape, `full_rank_regions.sh` at commit 395472e).
 * A panel fixes d0 as a function of n and sweeps n (rows of the heatmap) and d1 (columns).
 */
export interface PhasePanel {
  /** e.g. 'd0=2' or 'r=0.5'. */
  readonly key: string;
  /** d0 for a given n: a constant, or ⌈r·n⌉. */
  readonly d0: (n: number) => number;
  readonly ns: readonly number[];
  readonly d1s: readonly number[];
}

export type PhaseGridName = 'fixed' | 'proportional';

const range = (from: number, to: number, step: number): number[] =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, k) => from + k * step);

/** d0 ∈ {1, 2, 3, 5}; n ∈ {10, 20, …, 100}; d1 ∈ {30, 60, …, 300}. */
export const FIXED_PANELS: readonly PhasePanel[] = [1, 2, 3, 5].map((d0) => ({
  key: `d0=${d0}`,
  d0: () => d0,
  ns: range(10, 100, 10),
  d1s: range(30, 300, 30),
}));

/** d0 = ⌈r·n⌉, r ∈ {0.25, 0.5, 1, 2}; n ∈ {10, 30, …, 190}; d1 ∈ {1, …, 15}. */
export const PROPORTIONAL_PANELS: readonly PhasePanel[] = [0.25, 0.5, 1, 2].map((r) => ({
  key: `r=${r}`,
  d0: (n: number) => Math.ceil(r * n),
  ns: range(10, 190, 20),
  d1s: range(1, 15, 1),
}));

export function phasePanels(grid: PhaseGridName | 'all'): readonly PhasePanel[] {
  if (grid === 'fixed') return FIXED_PANELS;
  if (grid === 'proportional') return PROPORTIONAL_PANELS;
  if (grid === 'all') return [...FIXED_PANELS, ...PROPORTIONAL_PANELS];
  throw new UserError(`unknown grid '${String(grid)}'; expected fixed, proportional or all`);
}

/** One cell of the grid: how many of `trials` Jacobians had full row rank, and how each rank was decided. */
export interface PhaseCell {
  readonly panel: string;
  readonly n: number;
  readonly d0: number;
  readonly d1: number;
  readonly trials: number;
  readonly full: number;
  /** Trials per decision method (see RankMethod). */
  readonly methods: Readonly<Record<RankMethod, number>>;
  /** Smallest |log10(σ_n / tol)| over the trials an SVD decided (how close a decision came to numpy's cut), or null. */
  readonly closestToCut: number | null;
}

export function emptyMethodCounts(): Record<RankMethod, number> {
  return { count: 0, 'zero-row': 0, patterns: 0, 'term-rank': 0, cholesky: 0, svd: 0 };
}

/** Run `trials` protocol trials of one cell, drawing every number from `uniform`. */
export function runPhaseCell(
  panel: string,
  n: number,
  d0: number,
  d1: number,
  trials: number,
  uniform: UniformSource,
  mode: RankMode = 'fast',
  variant: ProtocolVariant = {},
  dtype: RankDtype = 'float64',
): PhaseCell {
  const methods = emptyMethodCounts();
  let full = 0;
  let closest: number | null = null;
  for (let t = 0; t < trials; t++) {
    const decision =
      dtype === 'float32'
        ? float32TrialFullRank(n, d0, d1, uniform, variant)
        : protocolTrialFullRank(n, d0, d1, uniform, mode, variant);
    methods[decision.method]++;
    if (decision.full) full++;
    if (decision.method === 'svd' && decision.margin !== null) {
      const distance = decision.margin > 0 ? Math.abs(Math.log10(decision.margin)) : Number.POSITIVE_INFINITY;
      if (closest === null || distance < closest) closest = distance;
    }
  }
  return { panel, n, d0, d1, trials, full, methods, closestToCut: closest };
}

/**
 * The uniform stream of one cell for a run seeded by `seed`: seedrandom's Alea generator keyed by the seed and
 * the cell's index in the grid, so every cell is reproducible on its own and independent of the others.
 */
export function cellStream(seed: number, cellIndex: number): UniformSource {
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(cellIndex)) {
    throw new UserError(`cellStream needs integer seeds, got ${seed}, ${cellIndex}`);
  }
  return seedrandom.alea(`landscape-check:phase:${seed}:${cellIndex}`);
}

/**
 * Run every cell of the panels (panel by panel, n by n, d1 by d1); `streamFor(cellIndex)` gives each cell its
 * numbers. `onCell` is called after each cell (progress).
 */
export function runPhaseGrid(
  panels: readonly PhasePanel[],
  trials: number,
  streamFor: (cellIndex: number) => UniformSource,
  options: {
    mode?: RankMode;
    variant?: ProtocolVariant;
    dtype?: RankDtype;
    onCell?: (cell: PhaseCell) => void;
  } = {},
): PhaseCell[] {
  if (!Number.isInteger(trials) || trials < 1)
    throw new UserError(`trials must be a positive integer, got ${trials}`);
  const cells: PhaseCell[] = [];
  let index = 0;
  for (const panel of panels) {
    for (const n of panel.ns) {
      const d0 = panel.d0(n);
      for (const d1 of panel.d1s) {
        const cell = runPhaseCell(
          panel.key,
          n,
          d0,
          d1,
          trials,
          streamFor(index++),
          options.mode ?? 'fast',
          options.variant ?? {},
          options.dtype ?? 'float64',
        );
        cells.push(cell);
        options.onCell?.(cell);
      }
    }
  }
  return cells;
}
