// Karhadkar, Murray, Tseran, Montúfar (2023), "Mildly Overparameterized ReLU Networks Have a Favorable Loss
// Landscape", arXiv 2305.19510 (TMLR 2024), Theorems 10 and 12 of the ICLR-2024 version (numbering from reviews
// [SEC]; constants [REC]); sampler of jupyter_notebooks/sampling-activation-regions.ipynb and the v of
// generate-heatmaps.ipynb [SRC].
import fc from 'fast-check';
import {
  countListOption,
  countOption,
  defineClaim,
  type ExperimentResult,
  nonDecreasingWithinIntervals,
  type Plot,
  type TrendEvidence,
  trendCertify,
  trendOutcome,
  type Verdict,
  wilsonInterval,
} from '../src/claims/index.js';
import { UserError } from '../src/errors.js';
import { examineStepRegion, sampleStepRegion } from '../src/landscape/regions/index.js';
import { loadHighs } from '../src/landscape/solvers/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** The check's genome: the run's seed, and the control's switch (all output weights positive). */
export interface OneDGenome {
  readonly seed: number;
  readonly positive: boolean;
}

export interface OneDCell {
  readonly n: number;
  readonly d1: number;
  readonly trials: number;
  /** Regions whose Jacobian has rank n. */
  readonly fullRank: number;
  /** Regions containing an affine set of global minima (an interior zero-loss point, region LP). */
  readonly globalMinima: number;
}

/** Run the 1-D cells; every (n, d1) has its own stream seeded from (seed, index). The HiGHS solver must be loaded. */
export function runOneD(
  shapes: readonly { n: number; d1s: readonly number[] }[],
  trials: number,
  seed: number,
  positive = false,
): OneDCell[] {
  const cells: OneDCell[] = [];
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
    }
  }
  return cells;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Table, two lines plots and the assertions: both fractions rise in d1; the full-rank one monotonically. */
export function analyseOneD(cells: readonly OneDCell[]): ExperimentResult {
  const byN = new Map<number, OneDCell[]>();
  for (const c of cells) byN.set(c.n, [...(byN.get(c.n) ?? []), c]);
  const assertions: { name: string; verdict: Verdict; detail: string }[] = [];
  const broken: number[] = [];
  const flatRank: number[] = [];
  const flatMinima: number[] = [];
  for (const [n, row] of byN) {
    const fr = row.map((c) => wilsonInterval(c.fullRank, c.trials));
    const gm = row.map((c) => wilsonInterval(c.globalMinima, c.trials));
    if (!nonDecreasingWithinIntervals(fr)) broken.push(n);
    if (!(fr.at(-1)!.lo > fr[0]!.hi)) flatRank.push(n);
    if (!(gm.at(-1)!.lo > gm[0]!.hi)) flatMinima.push(n);
  }
  const list = (ns: number[]) => (ns.length === 0 ? '' : ` (not: ${ns.map((n) => `n=${n}`).join(', ')})`);
  assertions.push({
    name: 'the fraction of full-rank regions is non-decreasing in d1 within intervals',
    verdict: broken.length === 0 ? 'holds' : 'refuted',
    detail: `Wilson 95% intervals per cell; ${byN.size - broken.length} of ${byN.size} rows pass${list(broken)}`,
  });
  assertions.push({
    name: 'most non-empty regions have a full-rank Jacobian as d1 grows (Theorem 10)',
    verdict: flatRank.length === 0 ? 'holds' : 'refuted',
    detail:
      `the widest cell's Wilson 95% lower bound exceeds the narrowest one's upper bound; ${byN.size - flatRank.length} of ` +
      `${byN.size} rows${list(flatRank)}. The width needed (n·polylog n [REC]) is read off the table, not asserted.`,
  });
  assertions.push({
    name: 'with output weights of both signs, most regions contain an affine set of global minima as d1 grows (Theorem 12)',
    verdict: flatMinima.length === 0 ? 'holds' : 'refuted',
    detail:
      `v = (−1, …, −1, +1, …, +1) (⌊d1/2⌋ negative), y ~ N(0, 1); a region counts when the region LP (HiGHS) finds a ` +
      `zero-loss point with margin > 1e-5 inside it; widest-cell Wilson 95% lower bound above the narrowest one's upper ` +
      `bound in ${byN.size - flatMinima.length} of ${byN.size} rows${list(flatMinima)}`,
  });
  const lines = (title: string, pick: (c: OneDCell) => number): Plot => ({
    type: 'lines',
    title,
    xLabel: 'd1/n',
    yLabel: 'fraction of sampled regions',
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
      cells,
    },
  };
}

/** `npm test`: n = 6, d1 ∈ {3, 6, 24}, 30 regions a cell. */
export const CHECK_SHAPES = [{ n: 6, d1s: [3, 6, 24] }];
export const CHECK_TRIALS = 30;

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new UserError(`--${flag} must be a positive integer, got '${text}'`);
  return value;
}

export const km1dRegions = defineClaim<OneDGenome, TrendEvidence>({
  id: 'km-1d-regions',
  title: 'One input with bias: most non-empty regions have full-rank Jacobians and contain global minima',
  source: sources.karhadkar2023.at(
    'Theorems 10 and 12 (ICLR-2024 numbering per reviews [SEC]; widths and constants [REC])',
  ),
  statement:
    'Two-layer relu net, one input with a bias, v fixed, distinct sorted samples x_1 < … < x_n. Each unit is active on ' +
    'a prefix or a suffix of the samples (a step vector), so there are ≤ (2n)^{d1} non-empty regions. Theorem 10: most ' +
    'non-empty regions have rank J = n (hence no bad differentiable local minima) once d1 ≳ n·polylog n [REC]. Theorem ' +
    '12: if v has enough positive and negative entries, most non-empty regions contain an affine set of global minima ' +
    '(dimension 2·d1 − n) [REC]. Check: regions sampled uniformly as the authors do (position uniform in {0..n−1} and a ' +
    'fair flip per unit), x sorted U[0,1), v = (−1, …, −1, +1, …, +1), y ~ N(0,1) [REC]; rank with numpy’s cut; the ' +
    'region LP (HiGHS) looks for a zero-loss point strictly inside. Both fractions must rise significantly from the ' +
    'narrowest to the widest d1 (Wilson 95%), the full-rank one monotonically within intervals. `npm test`: n = 6, ' +
    'd1 ∈ {3, 6, 24}, 30 regions; `landscape run`: n ∈ {6, 8, 16, 32}, d1/n ∈ {½, 1, 2, 4, 8}.',
  kind: 'empirical',
  expect: 'holds',
  hypotheses: fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), positive: fc.constant(false) }),
  prepare: loadHighs,
  budget: { test: 2, check: 10 },
  check(h) {
    const result = analyseOneD(runOneD(CHECK_SHAPES, CHECK_TRIALS, h.seed, h.positive));
    return trendOutcome(result.assertions);
  },
  certify: trendCertify,
  control: {
    description:
      'all output weights +1 (not both signs): f ≥ 0, so no region fits targets with a negative entry',
    hypotheses: fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), positive: fc.constant(true) }),
    expect: 'refuted',
    runs: 1,
  },
  experiment: {
    options: [
      countOption('trials', 'regions per cell', 50, 1, 100_000),
      countListOption('n', 'sample counts, comma-separated', '6,8,16,32', 1, 10_000, 16),
    ],
    run(options, context) {
      const trials = positiveInteger('trials', options.trials ?? '50');
      const ns = (options.n ?? '6,8,16,32').split(',').map((t) => positiveInteger('n', t));
      const shapes = ns.map((n) => ({
        n,
        d1s: [...new Set([0.5, 1, 2, 4, 8].map((c) => Math.max(1, Math.round(c * n))))],
      }));
      context.log(`km-1d-regions: n ∈ {${ns.join(', ')}}, ${trials} regions per cell (region LPs by HiGHS)`);
      return analyseOneD(runOneD(shapes, trials, context.seed));
    },
  },
});
