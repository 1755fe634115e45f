import seedrandom from 'seedrandom';
import { UserError } from '../../errors.js';
import type { RankMethod } from './fullRowRank.js';
import {
  type ProtocolVariant,
  protocolTrialFullRank,
  type RankMode,
  type UniformSource,
} from './protocol.js';

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
): PhaseCell {
  const methods = emptyMethodCounts();
  let full = 0;
  let closest: number | null = null;
  for (let t = 0; t < trials; t++) {
    const decision = protocolTrialFullRank(n, d0, d1, uniform, mode, variant);
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
  options: { mode?: RankMode; variant?: ProtocolVariant; onCell?: (cell: PhaseCell) => void } = {},
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
        );
        cells.push(cell);
        options.onCell?.(cell);
      }
    }
  }
  return cells;
}
