/**
 * The performance headline (issue 5): Karhadkar et al.'s phase-transition experiment, a stated subgrid of the
 * default grid of `landscape run km-phase-transition` (or the whole grid, BENCH_FULL_GRID=1), timed against its numpy twin
 * bench/phase_transition.py, which builds each n × d1(d0+1) Jacobian and calls matrix_rank on it, as the
 * authors' script does. Ours decides the same ranks with src/landscape/regions (exact structural bounds, a
 * certified Gram/Cholesky test, our numericalRank otherwise; see fullRowRank.ts).
 *
 * Both sides draw W, b, v and X from the shared data law (bench/law.ts; the twin vectorises it by jumping
 * ahead), so they see the same trials and must count the same number of full-rank Jacobians per panel.
 */
import {
  FIXED_PANELS,
  type PhaseCell,
  type PhasePanel,
  PROPORTIONAL_PANELS,
  runPhaseGrid,
  type UniformSource,
} from '../src/landscape/regions/index.js';
import type { BenchCase, CaseCheck } from './cases.js';

const MODULUS = 2147483647;
const TWO_31 = 2147483648;
const MULTIPLIER = 48271;

/** Trials per cell and the seeds of the two grids' streams (mirrored in phase_transition.py). */
export const TRIALS = 100;
export const SEED = 20230530;

/**
 * The law of bench/law.ts (s ← 48271·s mod (2³¹ − 1), values 2s/M − 1), mapped to (0, 1) by u = (l + 1)/2. The
 * modulus is taken without `%` (slow on doubles): 48271·s < 2⁴⁷ is exact, and since 2³¹ ≡ 1 mod M,
 * p mod M = (p mod 2³¹ + ⌊p / 2³¹⌋) mod M, one conditional subtraction. Same numbers as lawStream.
 */
export function lawUniform(seed: number): UniformSource {
  let state = seed % MODULUS;
  if (state <= 0) state += MODULUS - 1;
  return () => {
    const p = state * MULTIPLIER;
    const hi = Math.floor(p / TWO_31);
    let r = p - hi * TWO_31 + hi;
    if (r >= MODULUS) r -= MODULUS;
    state = r;
    return ((2 * state) / MODULUS - 1 + 1) / 2;
  };
}

function tally(cells: readonly PhaseCell[], into: Record<string, number>): void {
  for (const c of cells) into[`full[${c.panel}]`] = (into[`full[${c.panel}]`] ?? 0) + c.full;
}

/** The whole default grid with the law's streams: fixed panels from SEED, proportional ones from SEED + 1. */
export function runLawGrid(
  trials: number,
  fixed: readonly PhasePanel[] = FIXED_PANELS,
  proportional: readonly PhasePanel[] = PROPORTIONAL_PANELS,
): CaseCheck {
  const counts: Record<string, number> = {};
  const first = lawUniform(SEED);
  tally(
    runPhaseGrid(fixed, trials, () => first),
    counts,
  );
  const second = lawUniform(SEED + 1);
  tally(
    runPhaseGrid(proportional, trials, () => second),
    counts,
  );
  counts.fullTotal = Object.values(counts).reduce((a, b) => a + b, 0);
  return counts;
}

/**
 * The stated subgrid timed by default (same cells on both sides, bench/phase_transition.py mirrors it): every
 * panel of both grids with its n and d1 lists thinned to every SUBGRID_STEP-th value from the first
 * (fixed panels: n ∈ {10, 40, 70, 100}, d1 ∈ {30, 120, 210, 300}; proportional: n ∈ {10, 70, 130, 190},
 * d1 ∈ {1, 4, 7, 10, 13}), 144 of the 1000 cells, SUBGRID_TRIALS trials each. Why: the numpy twin of the full
 * grid took 376 s of a 7:45 bench; this subgrid keeps the small and the large cells of every panel and costs
 * about 10 s a pass, so the interleaved pairs fit the 5-minute budget. BENCH_FULL_GRID=1 times the whole grid
 * (100 trials per cell) once per side instead.
 */
export const SUBGRID_STEP = 3;
export const SUBGRID_TRIALS = 20;

const thin = <T>(xs: readonly T[]): T[] => xs.filter((_, i) => i % SUBGRID_STEP === 0);
const thinPanels = (panels: readonly PhasePanel[]): PhasePanel[] =>
  panels.map((p) => ({ ...p, ns: thin(p.ns), d1s: thin(p.d1s) }));

const fullGrid = process.env.BENCH_FULL_GRID === '1';

export const phaseTransitionCase: BenchCase = fullGrid
  ? {
      name: 'phase-transition',
      size: 'km-phase-transition: full grid, 1000 cells × 100 trials',
      target: 1.0,
      warmup: 0,
      batch: 1,
      pairs: 1,
      setup: () => () => runLawGrid(TRIALS),
    }
  : {
      name: 'phase-transition',
      size: `km-phase-transition: subgrid, 144 cells × ${SUBGRID_TRIALS} trials`,
      target: 1.0,
      warmup: 0,
      batch: 1,
      pairs: 3,
      setup: () => {
        const fixed = thinPanels(FIXED_PANELS);
        const proportional = thinPanels(PROPORTIONAL_PANELS);
        return () => runLawGrid(SUBGRID_TRIALS, fixed, proportional);
      },
    };
