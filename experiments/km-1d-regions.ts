// The protocol behind the claim `km-1d-regions` (properties/km-1d-regions.ts): one input with a bias, regions sampled
// uniformly as the authors do; per (n, d1) the fraction of regions whose Jacobian has rank n and the fraction that
// contain an affine set of global minima (region LP, HiGHS), with exact tests. `check` runs a small grid through
// `runOneD` + `analyseOneD`; `landscape run km-1d-regions` runs `oneDExperiment`.
import {
  countListOption,
  countOption,
  defineExperiment,
  type ExperimentResult,
  type Plot,
} from '../src/claims/index.js';
import { examineStepRegion, sampleStepRegion } from '../src/landscape/regions/index.js';
import { seededRng } from '../src/random.js';
import { wilsonInterval } from '../src/stats/index.js';
import { type CountRow, mostAssertion, noDropAssertion, riseAssertion } from './regionCounts.js';

export interface OneDCell {
  readonly n: number;
  readonly d1: number;
  readonly trials: number;
  /** Regions whose Jacobian has rank n. */
  readonly fullRank: number;
  /** Regions containing an affine set of global minima (an interior zero-loss point, region LP). */
  readonly globalMinima: number;
}

/** `check`'s grid: n = 6, d1 ∈ {3, 6, 24}, CHECK_TRIALS regions a cell. */
export const CHECK_SHAPES: readonly { n: number; d1s: readonly number[] }[] = [{ n: 6, d1s: [3, 6, 24] }];
export const CHECK_TRIALS = 30;
/** `landscape run`'s widths: d1 = round(c·n) for c ∈ RUN_WIDTH_RATIOS (n from --n). */
export const RUN_WIDTH_RATIOS: readonly number[] = [0.5, 1, 2, 4, 8];

/** Run the 1-D cells; every (n, d1) has its own stream seeded from (seed, index). The HiGHS solver must be loaded. */
export function runOneD(
  shapes: readonly { n: number; d1s: readonly number[] }[],
  trials: number,
  seed: number,
  positive = false,
  progress?: (done: number, total: number, unit: string) => void,
): OneDCell[] {
  const cells: OneDCell[] = [];
  const total = shapes.reduce((a, s) => a + s.d1s.length, 0);
  let index = 0;
  for (const { n, d1s } of shapes) {
    for (const d1 of d1s) {
      const rng = seededRng(seed * 104729 + index++);
      let fullRank = 0;
      let globalMinima = 0;
      for (let t = 0; t < trials; t++) {
        const r = examineStepRegion(sampleStepRegion(n, d1, rng, { positiveOutputs: positive }), true);
        if (r.fullRank) fullRank++;
        if (r.globalMinimaInside === true) globalMinima++;
      }
      cells.push({ n, d1, trials, fullRank, globalMinima });
      progress?.(index, total, 'cells');
    }
  }
  return cells;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Table, two lines plots and the assertions: both fractions rise in d1 to "most"; the full-rank one monotonically. */
export function analyseOneD(cells: readonly OneDCell[]): ExperimentResult {
  const byN = new Map<number, OneDCell[]>();
  for (const c of cells) byN.set(c.n, [...(byN.get(c.n) ?? []), c]);
  const rowsOf = (pick: (c: OneDCell) => number): CountRow[] =>
    [...byN].map(([n, row]) => ({
      label: `n = ${n}`,
      groups: row.map((c) => ({ label: `d1 = ${c.d1}`, successes: pick(c), trials: c.trials })),
    }));
  const rank = rowsOf((c) => c.fullRank);
  const minima = rowsOf((c) => c.globalMinima);
  const assertions = [
    noDropAssertion('the fraction of full-rank regions is non-decreasing in d1', rank),
    riseAssertion('the fraction of full-rank regions rises with d1 (Theorem 10)', rank),
    mostAssertion('most non-empty regions have a full-rank Jacobian at the widest d1 (Theorem 10)', rank),
    riseAssertion('the fraction of regions containing global minima rises with d1 (Theorem 12)', minima),
    mostAssertion(
      'with output weights of both signs, most regions contain an affine set of global minima at the widest d1 (Theorem 12)',
      minima,
    ),
  ];
  const lines = (title: string, pick: (c: OneDCell) => number): Plot => ({
    type: 'lines',
    title,
    xLabel: 'd1/n',
    yLabel: 'fraction of sampled regions (Wilson 95%, display only)',
    series: [...byN].map(([n, row]) => {
      const w = row.map((c) => wilsonInterval(pick(c), c.trials));
      return {
        name: `n=${n}`,
        x: row.map((c) => c.d1 / n),
        y: w.map((v) => v.p),
        lo: w.map((v) => v.lo),
        hi: w.map((v) => v.hi),
      };
    }),
  });
  return {
    columns: [
      'n',
      'd1',
      'trials',
      'full rank',
      'P(full rank)',
      'lo95',
      'hi95',
      'global minima inside',
      'P(minima)',
      'lo95',
      'hi95',
    ],
    rows: cells.map((c) => {
      const fr = wilsonInterval(c.fullRank, c.trials);
      const gm = wilsonInterval(c.globalMinima, c.trials);
      return [
        c.n,
        c.d1,
        c.trials,
        c.fullRank,
        round(fr.p),
        round(fr.lo),
        round(fr.hi),
        c.globalMinima,
        round(gm.p),
        round(gm.lo),
        round(gm.hi),
      ];
    }),
    plots: [
      lines('1-D regions: full-rank Jacobian (uniform non-empty regions)', (c) => c.fullRank),
      lines(
        '1-D regions: containing an affine set of global minima (v of both signs)',
        (c) => c.globalMinima,
      ),
    ],
    assertions,
    data: {
      sampler:
        'x sorted U[0,1); each unit row a step vector: k uniform in {0..n−1}, fair flip (suffix from k, or prefix before k), as sample_step_vector(n)',
      minima:
        'v = (−1, …, −1, +1, …, +1) (⌊d1/2⌋ negative), y ~ N(0, 1); a region counts when the region LP (HiGHS) finds a zero-loss point with margin > 1e-5 inside it',
      cells,
    },
  };
}

/** `landscape run km-1d-regions`. */
export const oneDExperiment = defineExperiment({
  options: [
    countOption('trials', 'regions per cell', 50, 1, 100_000),
    countListOption('n', 'sample counts, comma-separated', '6,8,16,32', 1, 10_000, 16),
  ],
  run({ trials, n: ns }, context) {
    const shapes = ns.map((n) => ({
      n,
      d1s: [...new Set(RUN_WIDTH_RATIOS.map((c) => Math.max(1, Math.round(c * n))))],
    }));
    context.log(`km-1d-regions: n ∈ {${ns.join(', ')}}, ${trials} regions per cell (region LPs by HiGHS)`);
    return analyseOneD(runOneD(shapes, trials, context.seed, false, context.progress));
  },
});
