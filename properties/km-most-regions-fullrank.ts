// Karhadkar, Murray, Tseran, Montúfar (2023), "Mildly Overparameterized ReLU Networks Have a Favorable Loss
// Landscape", arXiv 2305.19510 (TMLR 2024), Theorem 5 (ICLR-2024 numbering, from reviews [SEC]; constants [REC]):
// most activation patterns give full-rank Jacobians. An empirical proxy of a counting theorem.
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
import { randomPatternFullRank } from '../src/landscape/regions/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** The check's genome: the run's seed, and the control's switch (all units share one activation column). */
export interface CountingGenome {
  readonly seed: number;
  readonly shared: boolean;
}

/** ≈1: the Wilson 95% lower bound of the widest cell is at least ALMOST_ONE. */
export const ALMOST_ONE = 0.9;

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

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Table, lines plot (P against d1·d0/n, one series per (n, d0)) and the assertions. */
export function analyseCounting(cells: readonly CountingCell[]): ExperimentResult {
  const series = new Map<string, CountingCell[]>();
  for (const c of cells)
    series.set(`n=${c.n}, d0=${c.d0}`, [...(series.get(`n=${c.n}, d0=${c.d0}`) ?? []), c]);
  const assertions: { name: string; verdict: Verdict; detail: string }[] = [];
  const broken: string[] = [];
  const notOne: string[] = [];
  const flat: string[] = [];
  const calibration: { series: string; d1At90: number | null; constant: number | null }[] = [];
  for (const [name, row] of series) {
    const w = row.map((c) => wilsonInterval(c.full, c.trials));
    if (!nonDecreasingWithinIntervals(w)) broken.push(name);
    if (w.at(-1)!.lo < ALMOST_ONE) notOne.push(name);
    if (!(w.at(-1)!.lo > w[0]!.hi)) flat.push(name);
    const at90 = row.find((c) => c.full / c.trials >= 0.9)?.d1 ?? null;
    const { n, d0 } = row[0]!;
    // Karhadkar et al.'s width condition [REC]: d1 ≳ C·(n/d0)·log(n/ε); with ε = 0.1 this reads off C at the first width with P ≥ 0.9
    calibration.push({
      series: name,
      d1At90: at90,
      constant: at90 === null ? null : round(at90 / ((n / d0) * Math.log(n / 0.1))),
    });
  }
  assertions.push({
    name: 'P(rank J_A = n) is non-decreasing in d1 within intervals',
    verdict: broken.length === 0 ? 'holds' : 'refuted',
    detail: `Wilson 95% intervals; ${series.size - broken.length} of ${series.size} series pass${broken.length === 0 ? '' : ` (broken: ${broken.join(', ')})`}`,
  });
  assertions.push({
    name: 'P(rank J_A = n) tends to 1 as d1 grows past n/d0',
    verdict: notOne.length === 0 && flat.length === 0 ? 'holds' : 'refuted',
    detail:
      `at the widest d1 the Wilson 95% lower bound must be ≥ ${ALMOST_ONE} and above the narrowest width's upper bound; ` +
      `${series.size - notOne.length - flat.length} of ${series.size} series do` +
      (notOne.length + flat.length === 0 ? '' : ` (not: ${[...new Set([...notOne, ...flat])].join(', ')})`) +
      `. Calibrated C in d1 ≳ C·(n/d0)·log(n/ε), ε = 0.1 (not asserted; the paper's constant is unconfirmed): ` +
      calibration.map((c) => `${c.series}: ${c.constant ?? 'n/a'}`).join('; '),
  });
  const plots: Plot[] = [
    {
      type: 'lines',
      title: 'P(rank J_A = n) for random binary patterns',
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

/** `npm test`: n = 12, d0 ∈ {2, 3}, 60 trials a cell. */
export const CHECK_SHAPES = [2, 3].map((d0) => ({
  n: 12,
  d0,
  d1s: widthsFor(12, d0, [0.25, 0.5, 1, 1.5, 2, 4]),
}));
export const CHECK_TRIALS = 60;

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new UserError(`--${flag} must be a positive integer, got '${text}'`);
  return value;
}

export const kmMostRegionsFullrank = defineClaim<CountingGenome, TrendEvidence>({
  id: 'km-most-regions-fullrank',
  title: 'Most activation patterns give a full-rank Jacobian once the width passes n/d0',
  source: sources.karhadkar2023.at(
    'Theorem 5 (ICLR-2024 numbering per reviews [SEC]; width condition and constants [REC], unconfirmed)',
  ),
  statement:
    'Two-layer relu net with fixed output weights (v_j ≠ 0), generic inputs X ∈ R^{n×d0}. Counting over all 2^{d1·n} ' +
    'activation patterns (A with i.i.d. Bernoulli(½) entries), the fraction with rank J_A = n tends to 1 once d1 grows ' +
    'past the n/d0 scale; the paper states ≥ 1 − ε for d1 ≳ C·(n/d0)·log(n/ε) with C and the log term UNCONFIRMED [REC], ' +
    'so no constant is asserted: the run reports a calibrated C. Check: X ~ N(0, I) without bias, rank J_A with numpy’s ' +
    'cut (certified shortcuts, numericalRank otherwise); P(full rank) per width is non-decreasing within Wilson 95% ' +
    'intervals and reaches ≈1 (lower bound ≥ 0.9) significantly above the narrowest width. `npm test`: n = 12, ' +
    'd0 ∈ {2, 3}, 60 trials; `landscape run`: n ∈ {10, 20, 40}, d0 ∈ {1, 2, 4}, d1 = ⌈c·n/d0⌉, c ∈ {¼ … 4}.',
  kind: 'empirical',
  expect: 'holds',
  hypotheses: fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), shared: fc.constant(false) }),
  budget: { test: 3, check: 20 },
  check(h) {
    const result = analyseCounting(runCounting(CHECK_SHAPES, CHECK_TRIALS, h.seed, h.shared));
    return trendOutcome(result.assertions);
  },
  certify: trendCertify,
  control: {
    description:
      'all units share one activation column (not a Bernoulli pattern): rank J_A ≤ d0 < n, P stays 0',
    hypotheses: fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), shared: fc.constant(true) }),
    expect: 'refuted',
    runs: 1,
  },
  experiment: {
    options: [
      countOption('trials', 'patterns per cell', 200, 1, 100_000),
      countListOption('n', 'sample counts, comma-separated', '10,20,40', 1, 10_000, 16),
    ],
    run(options, context) {
      const trials = positiveInteger('trials', options.trials ?? '200');
      const ns = (options.n ?? '10,20,40').split(',').map((t) => positiveInteger('n', t));
      const shapes = ns.flatMap((n) =>
        [1, 2, 4].map((d0) => ({ n, d0, d1s: widthsFor(n, d0, [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4]) })),
      );
      context.log(`km-most-regions-fullrank: ${shapes.length} series × ${trials} patterns`);
      return analyseCounting(runCounting(shapes, trials, context.seed));
    },
  },
});
