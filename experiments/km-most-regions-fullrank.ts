// The protocol behind the claim `km-most-regions-fullrank` (properties/km-most-regions-fullrank.ts): the fraction of
// random binary activation patterns A whose Jacobian J_A has rank n, per (n, d0, d1), with exact tests that it does
// not drop, rises and is "most" at the widest width. `check` runs a small grid through `runCounting` +
// `analyseCounting`; `landscape run km-most-regions-fullrank` runs `countingExperiment`.
import {
  countListOption,
  countOption,
  defineExperiment,
  type ExperimentResult,
  type Plot,
} from '../src/claims/index.js';
import { randomPatternFullRank } from '../src/landscape/regions/index.js';
import { seededRng } from '../src/random.js';
import { wilsonInterval } from '../src/stats/index.js';
import { type CountRow, mostAssertion, noDropAssertion, riseAssertion } from './regionCounts.js';

export interface CountingCell {
  readonly n: number;
  readonly d0: number;
  readonly d1: number;
  readonly trials: number;
  readonly full: number;
}

/** Widths d1 = ⌈c·n/d0⌉ for the multipliers c (deduplicated). */
export function widthsFor(n: number, d0: number, multipliers: readonly number[]): number[] {
  return [...new Set(multipliers.map((c) => Math.max(1, Math.ceil((c * n) / d0))))].sort((a, b) => a - b);
}

/** `check`'s grid: n = CHECK_N, d0 ∈ CHECK_D0S, d1 = ⌈c·n/d0⌉ for c ∈ CHECK_MULTIPLIERS, CHECK_TRIALS patterns a cell. */
export const CHECK_N = 12;
export const CHECK_D0S: readonly number[] = [2, 3];
export const CHECK_MULTIPLIERS: readonly number[] = [0.25, 0.5, 1, 1.5, 2, 4];
export const CHECK_TRIALS = 60;
export const CHECK_SHAPES = CHECK_D0S.map((d0) => ({
  n: CHECK_N,
  d0,
  d1s: widthsFor(CHECK_N, d0, CHECK_MULTIPLIERS),
}));

/** `landscape run`'s grid: d0 ∈ RUN_D0S, d1 = ⌈c·n/d0⌉ for c ∈ RUN_MULTIPLIERS (n from --n). */
export const RUN_D0S: readonly number[] = [1, 2, 4];
export const RUN_MULTIPLIERS: readonly number[] = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];

/** The ε of the reported calibration of C (display only): the first width with P ≥ 1 − ε gives C. */
export const CALIBRATION_EPS = 0.1;

/** Run the cells; every (n, d0, d1) has its own stream seeded from (seed, index). */
export function runCounting(
  shapes: readonly { n: number; d0: number; d1s: readonly number[] }[],
  trials: number,
  seed: number,
  shared = false,
): CountingCell[] {
  const cells: CountingCell[] = [];
  let index = 0;
  for (const { n, d0, d1s } of shapes) {
    for (const d1 of d1s) {
      const rng = seededRng(seed * 7919 + index++);
      let full = 0;
      for (let t = 0; t < trials; t++)
        if (randomPatternFullRank(n, d0, d1, rng, { sharedPattern: shared }).full) full++;
      cells.push({ n, d0, d1, trials, full });
    }
  }
  return cells;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Table, lines plot (P against d1·d0/n, one series per (n, d0)) and the assertions. */
export function analyseCounting(cells: readonly CountingCell[]): ExperimentResult {
  const series = new Map<string, CountingCell[]>();
  for (const c of cells)
    series.set(`n=${c.n}, d0=${c.d0}`, [...(series.get(`n=${c.n}, d0=${c.d0}`) ?? []), c]);
  const rows: CountRow[] = [...series].map(([label, row]) => ({
    label,
    groups: row.map((c) => ({ label: `d1 = ${c.d1}`, successes: c.full, trials: c.trials })),
  }));
  // Karhadkar et al.'s width condition [REC]: d1 ≳ C·(n/d0)·log(n/ε); with ε = CALIBRATION_EPS this reads off C at
  // the first width with P ≥ 1 − ε. Reported, not asserted (the paper's constant is unconfirmed).
  const calibration = [...series].map(([name, row]) => {
    const at90 = row.find((c) => c.full / c.trials >= 1 - CALIBRATION_EPS)?.d1 ?? null;
    const { n, d0 } = row[0]!;
    return {
      series: name,
      d1At90: at90,
      constant: at90 === null ? null : round(at90 / ((n / d0) * Math.log(n / CALIBRATION_EPS))),
    };
  });
  const most = mostAssertion('most patterns give rank J_A = n at the widest d1', rows);
  const assertions = [
    noDropAssertion('P(rank J_A = n) is non-decreasing in d1', rows),
    riseAssertion('P(rank J_A = n) rises from the narrowest to the widest d1', rows),
    {
      ...most,
      detail:
        `${most.detail}. Calibrated C in d1 ≳ C·(n/d0)·log(n/ε), ε = ${CALIBRATION_EPS} (not asserted): ` +
        calibration.map((c) => `${c.series}: ${c.constant ?? 'n/a'}`).join('; '),
    },
  ];
  const plots: Plot[] = [
    {
      type: 'lines',
      title: 'P(rank J_A = n) for random binary patterns (Wilson 95% intervals, display only)',
      xLabel: 'd1·d0/n',
      yLabel: 'P(full rank)',
      series: [...series].map(([name, row]) => {
        const w = row.map((c) => wilsonInterval(c.full, c.trials));
        return {
          name,
          x: row.map((c) => (c.d1 * c.d0) / c.n),
          y: w.map((v) => v.p),
          lo: w.map((v) => v.lo),
          hi: w.map((v) => v.hi),
        };
      }),
    },
  ];
  return {
    columns: ['n', 'd0', 'd1', 'd1·d0/n', 'full', 'trials', 'P', 'lo95', 'hi95'],
    rows: cells.map((c) => {
      const w = wilsonInterval(c.full, c.trials);
      return [
        c.n,
        c.d0,
        c.d1,
        round((c.d1 * c.d0) / c.n),
        c.full,
        c.trials,
        round(w.p),
        round(w.lo),
        round(w.hi),
      ];
    }),
    plots,
    assertions,
    data: {
      setting:
        'A with i.i.d. Bernoulli(½) entries; X ~ N(0, I), no bias; v_j = ±(½ + U[0,1)); rank with numpy’s cut',
      calibration,
      cells,
    },
  };
}

/** `landscape run km-most-regions-fullrank`. */
export const countingExperiment = defineExperiment({
  options: [
    countOption('trials', 'patterns per cell', 200, 1, 100_000),
    countListOption('n', 'sample counts, comma-separated', '10,20,40', 1, 10_000, 16),
  ],
  run({ trials, n: ns }, context) {
    const shapes = ns.flatMap((n) =>
      RUN_D0S.map((d0) => ({ n, d0, d1s: widthsFor(n, d0, RUN_MULTIPLIERS) })),
    );
    context.log(`km-most-regions-fullrank: ${shapes.length} series × ${trials} patterns`);
    return analyseCounting(runCounting(shapes, trials, context.seed));
  },
});
