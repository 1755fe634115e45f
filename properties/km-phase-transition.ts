// Karhadkar, Murray, Tseran, Montúfar (2023), "Mildly Overparameterized ReLU Networks Have a Favorable Loss
// Landscape", arXiv 2305.19510 (TMLR 2024), the full-rank phase-transition experiment (code: github
// kedar2/loss-landscape, experiments/full_rank_regions.py and full_rank_regions.sh at 395472e) [figure numbering
// REC]. The paper's figure values are not used: this reproduces its protocol and reports its
// own numbers.
import fc from 'fast-check';
import {
  choiceOption,
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
import {
  cellStream,
  type PhaseCell,
  type PhaseGridName,
  type PhasePanel,
  phasePanels,
  type RankDtype,
  type RankMode,
  runPhaseGrid,
} from '../src/landscape/regions/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** The check's genome: the run's seed, and the control's switch (duplicated samples, outside the protocol). */
export interface PhaseGenome {
  readonly seed: number;
  readonly duplicate: boolean;
}

/**
 * "≈0" and "≈1": a cell's Wilson 95% interval lies below ALMOST_ZERO or above ALMOST_ONE. With 100 trials an
 * observed 0/100 has upper bound 0.037 and 100/100 lower bound 0.963, so these leave room for a few trials.
 */
export const ALMOST_ZERO = 0.1;
export const ALMOST_ONE = 0.9;

/**
 * "Roughly independent of n": the slope of log d1*_½ against log n (d1*_½ = the width where P crosses ½, linearly
 * interpolated) stays below INDEPENDENCE_SLOPE at the upper end of its 95% bootstrap interval. A transition that
 * scales like the parameter-count bound at fixed d0 (d1* ∝ n) has slope 1; √n growth has slope ½. [Our reading
 * of "roughly independent"; the paper states it qualitatively.]
 */
export const INDEPENDENCE_SLOPE = 0.5;

/** Parametric bootstrap resamples for the slope interval. */
export const BOOTSTRAP_RESAMPLES = 400;

/** The small grid of `npm test`: d0 ∝ n (r = ½) and fixed d0 = 2, 40 trials a cell. */
export const CHECK_PANELS: readonly PhasePanel[] = [
  { key: 'r=0.5', d0: (n) => Math.ceil(n / 2), ns: [10, 30, 90], d1s: [1, 2, 3, 4, 5, 6, 8, 10, 12] },
  { key: 'd0=2', d0: () => 2, ns: [10, 20, 40], d1s: [5, 10, 20, 40, 80, 160] },
];
export const CHECK_TRIALS = 40;

interface Row {
  readonly panel: string;
  readonly n: number;
  readonly d0: number;
  readonly cells: readonly PhaseCell[];
}

function rowsOf(cells: readonly PhaseCell[]): Row[] {
  const rows = new Map<string, { panel: string; n: number; d0: number; cells: PhaseCell[] }>();
  for (const c of cells) {
    const key = `${c.panel}|${c.n}`;
    const row = rows.get(key) ?? { panel: c.panel, n: c.n, d0: c.d0, cells: [] };
    row.cells.push(c);
    rows.set(key, row);
  }
  return [...rows.values()].map((r) => ({ ...r, cells: [...r.cells].sort((a, b) => a.d1 - b.d1) }));
}

/** The width where P first reaches ½ along a row, linearly interpolated; null if never or already at the first width. */
export function halfCrossing(d1s: readonly number[], p: readonly number[]): number | null {
  for (let k = 0; k < p.length; k++) {
    if (p[k]! >= 0.5) {
      if (k === 0) return null;
      const p0 = p[k - 1]!;
      return d1s[k - 1]! + ((0.5 - p0) / (p[k]! - p0)) * (d1s[k]! - d1s[k - 1]!);
    }
  }
  return null;
}

/** Least-squares slope of log(crossing) on log(n) over the rows that cross ½ inside the grid; null with < 2 rows. */
export function crossingSlope(
  rows: readonly { n: number; d1s: readonly number[]; p: readonly number[] }[],
): number | null {
  const points = rows.flatMap((r) => {
    const c = halfCrossing(r.d1s, r.p);
    return c === null ? [] : [[Math.log(r.n), Math.log(c)] as const];
  });
  if (points.length < 2) return null;
  const mx = points.reduce((a, [x]) => a + x, 0) / points.length;
  const my = points.reduce((a, [, y]) => a + y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}

interface Assertion {
  readonly name: string;
  readonly verdict: Verdict;
  readonly detail: string;
}

/** Table rows, heatmaps and the qualitative assertions of the paper for a set of cells. */
export function analysePhase(cells: readonly PhaseCell[], seed: number): ExperimentResult {
  const rows = rowsOf(cells);
  const table = cells.map((c) => {
    const w = wilsonInterval(c.full, c.trials);
    return [c.panel, c.d0, c.n, c.d1, c.full, c.trials, round(w.p), round(w.lo), round(w.hi)];
  });
  const panels = [...new Set(cells.map((c) => c.panel))];
  const plots: Plot[] = panels.map((panel) => {
    const mine = cells.filter((c) => c.panel === panel);
    const x = [...new Set(mine.map((c) => c.d1))].sort((a, b) => a - b);
    const y = [...new Set(mine.map((c) => c.n))].sort((a, b) => a - b);
    const values = y.map((n) =>
      x.map((d1) => {
        const c = mine.find((m) => m.n === n && m.d1 === d1);
        return c === undefined ? Number.NaN : c.full / c.trials;
      }),
    );
    const d0 = mine[0]!.d0;
    const title = panel.startsWith('r=')
      ? `P(full rank), d0 = ⌈${panel.slice(2)}·n⌉`
      : `P(full rank), d0 = ${d0}`;
    return { type: 'heatmap', title, xLabel: 'd1 (hidden units)', yLabel: 'n (samples)', x, y, values };
  });

  const assertions: Assertion[] = [];
  // 1. Monotone in d1 within the Wilson intervals, row by row.
  const broken = rows.filter(
    (r) => !nonDecreasingWithinIntervals(r.cells.map((c) => wilsonInterval(c.full, c.trials))),
  );
  assertions.push({
    name: 'P(full rank) is non-decreasing in d1 within intervals',
    verdict: broken.length === 0 ? 'holds' : 'refuted',
    detail:
      `Wilson 95% intervals per cell; a row breaks when a wider cell's upper bound is below a narrower one's lower bound. ` +
      `${rows.length - broken.length} of ${rows.length} rows (panel, n) pass` +
      (broken.length === 0 ? '' : `; broken: ${broken.map((r) => `${r.panel} n=${r.n}`).join(', ')}`),
  });
  // 2. From ≈0 to ≈1 across the grid, and a significant rise along every row of the d0 ∝ n panels.
  const span = panels.map((panel) => {
    const mine = cells.filter((c) => c.panel === panel).map((c) => wilsonInterval(c.full, c.trials));
    return { panel, zero: mine.some((w) => w.hi <= ALMOST_ZERO), one: mine.some((w) => w.lo >= ALMOST_ONE) };
  });
  const gridZero = span.some((s) => s.zero);
  const gridOne = span.some((s) => s.one);
  const proportionalRows = rows.filter((r) => r.panel.startsWith('r='));
  const flat = proportionalRows.filter((r) => {
    const first = wilsonInterval(r.cells[0]!.full, r.cells[0]!.trials);
    const last = wilsonInterval(r.cells.at(-1)!.full, r.cells.at(-1)!.trials);
    return !(last.lo > first.hi);
  });
  assertions.push({
    name: 'P rises from ≈0 to ≈1 across the grid',
    verdict: gridZero && gridOne && flat.length === 0 ? 'holds' : 'refuted',
    detail:
      `≈0: Wilson 95% upper bound ≤ ${ALMOST_ZERO}; ≈1: lower bound ≥ ${ALMOST_ONE}. Panels with a ≈0 cell: ` +
      `${
        span
          .filter((s) => s.zero)
          .map((s) => s.panel)
          .join(', ') || 'none'
      }; with a ≈1 cell: ` +
      `${
        span
          .filter((s) => s.one)
          .map((s) => s.panel)
          .join(', ') || 'none'
      }. Rows of the d0 ∝ n panels must rise ` +
      `significantly from the smallest to the largest d1 (last lower bound > first upper bound): ` +
      `${proportionalRows.length - flat.length} of ${proportionalRows.length} do` +
      (flat.length === 0 ? '' : ` (not: ${flat.map((r) => `${r.panel} n=${r.n}`).join(', ')})`),
  });
  // 3. With d0 ∝ n the transition is roughly independent of n: slope of log d1*_½ on log n, bootstrap interval.
  const rng = seededRng(seed ^ 0x2545f491);
  const slopes = panels.map((panel) => {
    const mine = rows.filter((r) => r.panel === panel);
    const shape = mine.map((r) => ({
      n: r.n,
      d1s: r.cells.map((c) => c.d1),
      p: r.cells.map((c) => c.full / c.trials),
    }));
    const estimate = crossingSlope(shape);
    const samples: number[] = [];
    for (let b = 0; b < BOOTSTRAP_RESAMPLES && estimate !== null; b++) {
      const resampled = mine.map((r) => ({
        n: r.n,
        d1s: r.cells.map((c) => c.d1),
        p: r.cells.map((c) => binomial(rng, c.trials, c.full / c.trials) / c.trials),
      }));
      const s = crossingSlope(resampled);
      if (s !== null) samples.push(s);
    }
    samples.sort((a, b) => a - b);
    const lo = samples[Math.floor(0.025 * samples.length)] ?? null;
    const hi = samples[Math.min(samples.length - 1, Math.ceil(0.975 * samples.length) - 1)] ?? null;
    return { panel, estimate, lo, hi, resamples: samples.length };
  });
  const proportional = slopes.filter((s) => s.panel.startsWith('r='));
  const undecided = proportional.filter((s) => s.estimate === null || s.hi === null);
  const steep = proportional.filter((s) => s.hi !== null && s.hi > INDEPENDENCE_SLOPE);
  assertions.push({
    name: 'with d0 ∝ n the transition width is roughly independent of n',
    verdict:
      proportional.length === 0 || undecided.length > 0
        ? 'inconclusive'
        : steep.length === 0
          ? 'holds'
          : 'refuted',
    detail:
      `d1*_½(n): the width where P crosses ½ (linear interpolation; rows crossing at the first width or never are left out); ` +
      `slope of log d1*_½ on log n with a 95% parametric bootstrap interval (${BOOTSTRAP_RESAMPLES} resamples of every cell's ` +
      `binomial count), required ≤ ${INDEPENDENCE_SLOPE} at its upper end (d1* ∝ n would give 1). ` +
      slopes
        .map(
          (s) =>
            `${s.panel}: ${s.estimate === null ? 'n/a' : `${round(s.estimate)} [${round(s.lo ?? Number.NaN)}, ${round(s.hi ?? Number.NaN)}]`}`,
        )
        .join('; ') +
      ' (fixed-d0 panels for contrast, not asserted)',
  });
  // 4. Below the counting bound d1·(d0+1) < n no trial is full rank (a sanity check of the pipeline).
  const belowBound = cells.filter((c) => c.d1 * (c.d0 + 1) < c.n);
  const leaks = belowBound.filter((c) => c.full > 0);
  assertions.push({
    name: 'no full rank below the counting bound d1·(d0+1) < n',
    verdict: leaks.length === 0 ? 'holds' : 'refuted',
    detail: `${belowBound.length} cells below the bound, ${leaks.length} with a full-rank trial (exact: rank J ≤ d1·(d0+1))`,
  });

  const methods: Record<string, number> = {};
  for (const c of cells) for (const [k, v] of Object.entries(c.methods)) methods[k] = (methods[k] ?? 0) + v;
  return {
    columns: ['panel', 'd0', 'n', 'd1', 'full', 'trials', 'P', 'lo95', 'hi95'],
    rows: table,
    plots,
    assertions,
    data: {
      protocol:
        'two-layer relu net d0 → d1 → 1 with bias; first layer as torch.nn.Linear (W, b ~ U(±1/√d0)); v ~ N(0, 1) frozen; ' +
        'X ~ U[0,1]^{n×d0}; J = ∂f(X)/∂(W, b), n × d1(d0+1), float64; full rank: rank J = n with numpy matrix_rank’s cut',
      rankTolerance: 'σ_max·max(n, p)·ε, ε = 2^-52 (numpy matrix_rank default; our numericalRank), float64',
      rankDecisions: methods,
      crossings: rows.map((r) => ({
        panel: r.panel,
        n: r.n,
        d0: r.d0,
        d1Half: halfCrossing(
          r.cells.map((c) => c.d1),
          r.cells.map((c) => c.full / c.trials),
        ),
      })),
      slopes,
      cells,
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A Binomial(trials, p) draw by summing Bernoulli draws (trials ≤ a few hundred). */
function binomial(rng: ReturnType<typeof seededRng>, trials: number, p: number): number {
  let k = 0;
  for (let t = 0; t < trials; t++) if (rng.uniform() < p) k++;
  return k;
}

function parseTrials(text: string): number {
  const trials = Number(text);
  if (!Number.isInteger(trials) || trials < 1)
    throw new UserError(`--trials must be a positive integer, got '${text}'`);
  return trials;
}

function parseGrid(text: string): PhaseGridName | 'all' {
  if (text === 'fixed' || text === 'proportional' || text === 'all') return text;
  throw new UserError(`--grid must be fixed, proportional or all, got '${text}'`);
}

function parseRank(text: string): RankMode {
  if (text === 'fast' || text === 'svd') return text;
  throw new UserError(`--rank must be fast or svd, got '${text}'`);
}

function parseRankDtype(text: string): RankDtype {
  if (text === 'float64' || text === 'float32') return text;
  throw new UserError(`--rank-dtype must be float32 or float64, got '${text}'`);
}

export const kmPhaseTransition = defineClaim<PhaseGenome, TrendEvidence>({
  id: 'km-phase-transition',
  title:
    'The probability that a random activation region has a full-rank Jacobian has a phase transition in the width',
  source: sources.karhadkar2023.at(
    'experiments on full-rank regions (heatmaps of P(full rank)) [figure numbering REC]',
  ),
  statement:
    "Protocol (the authors' experiments/full_rank_regions.py): a two-layer relu network d0 → d1 → 1 with bias, first " +
    'layer initialised as torch.nn.Linear (W and b uniform on ±1/√d0), output weights v ~ N(0, 1) frozen, inputs X ~ ' +
    'U[0,1]^{n×d0}; J = ∂(f(x_1), …, f(x_n))/∂(W, b) (n × d1(d0+1)) in float64; "full rank" is rank J = n with numpy ' +
    "matrix_rank's cut σ_max·max(n, p)·ε (our numericalRank; certified shortcuts decide most trials identically, see " +
    'src/landscape/regions/fullRowRank.ts); 100 trials per cell; grids d0 ∈ {1, 2, 3, 5}, n ∈ {10, …, 100}, d1 ∈ {30, …, ' +
    '300} and d0 = ⌈r·n⌉, r ∈ {0.25, 0.5, 1, 2}, n ∈ {10, 30, …, 190}, d1 ∈ {1, …, 15}. Claims (qualitative, as the ' +
    'paper states them): P(full rank) is monotone in d1 (within Wilson 95% intervals); it rises from ≈0 to ≈1 across ' +
    'the grid; with d0 ∝ n the transition width is roughly independent of n (slope of log d1*_½ on log n ≤ 0.5 at the ' +
    'upper end of a 95% bootstrap interval; our quantitative reading). The paper’s figure values are unconfirmed and ' +
    'not used. `npm test` runs a small grid (r = 1 and d0 = 2, 40 trials); `landscape run km-phase-transition` the full one.',
  kind: 'empirical',
  expect: 'holds',
  hypotheses: fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), duplicate: fc.constant(false) }),
  budget: { test: 2, check: 10 },
  check(h) {
    const cells = runPhaseGrid(CHECK_PANELS, CHECK_TRIALS, (k) => cellStream(h.seed, k), {
      variant: { duplicateSamples: h.duplicate },
    });
    const result = analysePhase(cells, h.seed);
    return trendOutcome(result.assertions);
  },
  certify: trendCertify,
  control: {
    description: 'every sample duplicated (outside the distinct-data protocol): rank J ≤ ⌈n/2⌉, P stays 0',
    hypotheses: fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), duplicate: fc.constant(true) }),
    expect: 'refuted',
    runs: 1,
  },
  experiment: {
    options: [
      choiceOption('grid', 'fixed (d0 ∈ {1,2,3,5}), proportional (d0 = ⌈r·n⌉) or all', 'all', [
        'fixed',
        'proportional',
        'all',
      ]),
      countOption('trials', 'trials per cell', 100, 1, 100_000),
      choiceOption(
        'rank',
        'fast (certified shortcuts, SVD otherwise) or svd (numericalRank of every J)',
        'fast',
        ['fast', 'svd'],
      ),
      choiceOption(
        'rank-dtype',
        'float64 (ours: numpy’s cut, ε = 2^-52) or float32 (the authors’ PyTorch default, emulated: inputs, weights, ' +
          'pre-activations and J rounded to float32, cut σ_max·max(n, p)·2^-23; --rank is then ignored; every trial ' +
          'takes an n×n Gram matrix and its eigenvalues: at 100 trials about 4 min of CPU for the fixed grid and ' +
          '15 min for the proportional one)',
        'float64',
        ['float64', 'float32'],
      ),
    ],
    run(options, context) {
      const grid = parseGrid(options.grid ?? 'all');
      const trials = parseTrials(options.trials ?? '100');
      const mode = parseRank(options.rank ?? 'fast');
      const dtype = parseRankDtype(options['rank-dtype'] ?? 'float64');
      if (dtype === 'float32')
        context.log('km-phase-transition: ranks decided in emulated float32 (--rank-dtype)');
      const panels = phasePanels(grid);
      const total = panels.reduce((a, p) => a + p.ns.length * p.d1s.length, 0);
      let done = 0;
      let lastPanel = '';
      const started = performance.now();
      const cells = runPhaseGrid(panels, trials, (k) => cellStream(context.seed, k), {
        mode,
        dtype,
        onCell(cell) {
          done++;
          context.progress?.(done, total, 'cells');
          if (cell.panel !== lastPanel) {
            lastPanel = cell.panel;
            context.log(
              `km-phase-transition: panel ${cell.panel} (${done}/${total} cells, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
            );
          }
        },
      });
      return analysePhase(cells, context.seed);
    },
  },
});
