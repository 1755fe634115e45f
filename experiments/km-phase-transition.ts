// The protocol behind the claim `km-phase-transition` (properties/km-phase-transition.ts): Karhadkar et al.'s
// full-rank phase-transition experiment (experiments/full_rank_regions.py of their code): P(rank J = n) per cell of
// the (n, d1) grids, heatmaps, and the paper's qualitative claims as exact tests. `check` runs CHECK_PANELS through
// `runPhaseGrid` + `analysePhase`; `landscape run km-phase-transition` runs `phaseExperiment`.
import {
  choiceOption,
  countOption,
  defineExperiment,
  type ExperimentResult,
  type Plot,
} from '../src/claims/index.js';
import {
  cellStream,
  type PhaseCell,
  type PhasePanel,
  phasePanels,
  runPhaseGrid,
} from '../src/landscape/regions/index.js';
import { seededRng } from '../src/random.js';
import { wilsonInterval } from '../src/stats/index.js';
import { type CountRow, mostAssertion, noDropAssertion, riseAssertion } from './regionCounts.js';

/**
 * "Roughly independent of n": the slope of log d1*_½ against log n (d1*_½ = the width where P crosses ½, linearly
 * interpolated) stays below INDEPENDENCE_SLOPE at the upper end of its 95% bootstrap interval. A transition that
 * scales like the parameter-count bound at fixed d0 (d1* ∝ n) has slope 1; √n growth has slope ½. [Our reading
 * of "roughly independent"; the paper states it qualitatively.]
 */
export const INDEPENDENCE_SLOPE = 0.5;

/** Parametric bootstrap resamples for the slope interval. */
export const BOOTSTRAP_RESAMPLES = 400;
/** The bootstrap interval's level in percent (two-sided, equal tails). */
export const BOOTSTRAP_PERCENT = 95;

/** `check`'s small grid: d0 = ⌈CHECK_RATIO·n⌉ and fixed d0 = CHECK_FIXED_D0, CHECK_TRIALS trials a cell. */
export const CHECK_RATIO = 0.5;
export const CHECK_FIXED_D0 = 2;
export const CHECK_PANELS: readonly PhasePanel[] = [
  {
    key: `r=${CHECK_RATIO}`,
    d0: (n) => Math.ceil(CHECK_RATIO * n),
    ns: [10, 30, 90],
    d1s: [1, 2, 3, 4, 5, 6, 8, 10, 12],
  },
  { key: `d0=${CHECK_FIXED_D0}`, d0: () => CHECK_FIXED_D0, ns: [10, 20, 40], d1s: [5, 10, 20, 40, 80, 160] },
];
export const CHECK_TRIALS = 40;
/** `landscape run`'s trials per cell (the authors' full_rank_regions.sh). */
export const RUN_TRIALS = 100;

/** A panel's grid in words, for the statement: 'd0 = ⌈0.25·n⌉, n ∈ {10, 30, …, 190}, d1 ∈ {1, 2, …, 15}'. */
export function panelText(p: PhasePanel): string {
  const d0 = p.key.startsWith('r=') ? `d0 = ⌈${p.key.slice(2)}·n⌉` : `d0 = ${p.key.slice(3)}`;
  // An arithmetic progression is abbreviated (10, 20, …, 100); any other list is written out in full.
  const arithmetic = (xs: readonly number[]) =>
    xs.every((x, k) => k === 0 || x - xs[k - 1]! === xs[1]! - xs[0]!);
  const list = (xs: readonly number[]) =>
    xs.length > 4 && arithmetic(xs) ? `${xs[0]}, ${xs[1]}, …, ${xs.at(-1)}` : xs.join(', ');
  return `${d0}, n ∈ {${list(p.ns)}}, d1 ∈ {${list(p.d1s)}}`;
}

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

type Assertion = ExperimentResult['assertions'][number];

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

  const countRows = (list: readonly Row[]): CountRow[] =>
    list.map((r) => ({
      label: `${r.panel} n=${r.n}`,
      groups: r.cells.map((c) => ({ label: `d1 = ${c.d1}`, successes: c.full, trials: c.trials })),
    }));
  const proportionalRows = countRows(rows.filter((r) => r.panel.startsWith('r=')));
  const assertions: Assertion[] = [
    // 1. Monotone in d1, row by row.
    noDropAssertion('P(full rank) is non-decreasing in d1', countRows(rows)),
    // 2. From ≈0 to ≈1: along every d0 ∝ n row P rises and is "most" at the widest d1 (the ≈0 side is exact:
    // assertion 4).
    riseAssertion(
      'P(full rank) rises from the narrowest to the widest d1 in every d0 ∝ n row',
      proportionalRows,
    ),
    mostAssertion('most trials are full rank at the widest d1 of every d0 ∝ n row', proportionalRows),
  ];
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
    const [loTail, hiTail] = [(100 - BOOTSTRAP_PERCENT) / 200, (100 + BOOTSTRAP_PERCENT) / 200];
    const lo = samples[Math.floor(loTail * samples.length)] ?? null;
    const hi = samples[Math.min(samples.length - 1, Math.ceil(hiTail * samples.length) - 1)] ?? null;
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
      `slope of log d1*_½ on log n with a ${BOOTSTRAP_PERCENT}% parametric bootstrap interval (${BOOTSTRAP_RESAMPLES} resamples of every cell's ` +
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

/** `landscape run km-phase-transition`: the authors' grids, or one of them. */
export const phaseExperiment = defineExperiment({
  options: [
    choiceOption('grid', 'fixed (d0 ∈ {1,2,3,5}), proportional (d0 = ⌈r·n⌉) or all', 'all', [
      'fixed',
      'proportional',
      'all',
    ]),
    countOption('trials', 'trials per cell', RUN_TRIALS, 1, 100_000),
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
  run({ grid, trials, rank: mode, 'rank-dtype': dtype }, context) {
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
});
