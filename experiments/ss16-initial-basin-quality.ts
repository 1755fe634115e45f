// The protocol behind the claim `ss16-initial-basin-quality` (properties/ss16-initial-basin-quality.ts): per hidden
// width, the fraction of random initialisations whose initial basin contains a point of loss ≤ ε, with Wilson
// intervals, and the two statistical assertions of the trend. `check` runs a small version through
// `basinRates` + `trendAssertions`; `landscape run ss16-initial-basin-quality` runs `basinQualityExperiment`.
import { countOption, defineExperiment, type ExperimentResult } from '../src/claims/index.js';
import { BASIN_EPS_RTOL, initialBasinMinimum, randomBasinInstance } from '../src/landscape/basins/index.js';
import { seededRng } from '../src/random.js';
import { decideRise, fisherLessPValue, type RiseDesign, wilsonInterval } from '../src/stats/index.js';

/** Width multipliers of n: m ∈ {n/4, n/2, n, 2n, 4n}. */
export const WIDTH_MULTIPLIERS: readonly number[] = [0.25, 0.5, 1, 2, 4];

/**
 * The growth test: one-sided Fisher exact, P(n/4) < P(4n), at α = 0.05, powered for a rise of 0.4 from a base rate
 * of 0.05 (our reading of "more likely"; the paper's quantitative form is [REC]). Measured rates at n = 8 are about
 * 0 at m = n/4 and 0.75 at m = 4n, so the design effect is about half the observed one. Power 0.77 at 16 trials
 * (check), 1.0 at 100 (main job).
 */
export const GROWTH: Omit<RiseDesign, 'name'> = {
  alpha: 0.05,
  effect: 0.4,
  baseline: 0.05,
  trialsFlag: 'trials',
};

/**
 * Level of each one-sided Fisher test for a drop between two widths (Bonferroni over the pairs): the pairs share
 * DROP_FAMILY_ALPHA = 1e-3, so a true non-decreasing trend is called refuted on at most one seed in a thousand.
 */
export const DROP_FAMILY_ALPHA = 1e-3;

export interface WidthRate {
  readonly m: number;
  readonly trials: number;
  readonly small: number;
  /** Basins the program could not decide (solver status or the box); left out of `trials`. */
  readonly undecided: number;
  readonly p: number;
  readonly lo: number;
  readonly hi: number;
  /** Median of min-basin loss / L_zero. */
  readonly medianRatio: number;
}

/** P[min over the initial basin ≤ ε] per width, from independent instances (data, targets, init) per trial. */
export function basinRates(
  options: {
    n: number;
    d: number;
    trials: number;
    seed: number;
    widths: readonly number[];
    teacher?: number;
    clusters?: number;
  },
  log: (line: string) => void = () => {},
  progress?: (done: number, total: number, unit: string) => void,
): WidthRate[] {
  return options.widths.map((m, wi) => {
    let small = 0;
    let undecided = 0;
    const ratios: number[] = [];
    for (let t = 0; t < options.trials; t++) {
      const rng = seededRng(options.seed + 7919 * wi + 104_729 * t);
      const instance = randomBasinInstance(rng, {
        n: options.n,
        d: options.d,
        m,
        ...(options.teacher === undefined ? {} : { teacher: options.teacher }),
        ...(options.clusters === undefined ? {} : { clusters: options.clusters }),
      });
      const result = initialBasinMinimum(instance);
      progress?.(wi * options.trials + t + 1, options.widths.length * options.trials, 'inits');
      if (result.status !== 'optimal') {
        undecided++;
        continue;
      }
      if (result.small) small++;
      ratios.push(result.minLoss / result.zeroLoss);
    }
    const decided = options.trials - undecided;
    const interval = wilsonInterval(small, decided);
    ratios.sort((a, b) => a - b);
    log(`m = ${m}: ${small}/${decided} basins with min ≤ ε (${undecided} undecided)`);
    return {
      m,
      trials: decided,
      small,
      undecided,
      ...interval,
      medianRatio: ratios[ratios.length >> 1] ?? Number.NaN,
    };
  });
}

/**
 * The two assertions of the trend: no significant drop between any two widths (one-sided Fisher, Bonferroni at
 * DROP_FAMILY_ALPHA), and P grows from the narrowest to the widest (decideRise: holds, refuted or underpowered).
 */
export function trendAssertions(rates: readonly WidthRate[], label: string): ExperimentResult['assertions'] {
  const first = rates[0]!;
  const last = rates[rates.length - 1]!;
  const pairs = (rates.length * (rates.length - 1)) / 2;
  const level = DROP_FAMILY_ALPHA / Math.max(1, pairs);
  const drops: string[] = [];
  for (let i = 0; i < rates.length; i++)
    for (let j = i + 1; j < rates.length; j++) {
      const a = rates[i]!;
      const b = rates[j]!;
      const p = fisherLessPValue(b.small, b.trials, a.small, a.trials);
      if (p <= level) drops.push(`m = ${a.m} → ${b.m}: p = ${p.toExponential(1)}`);
    }
  const growth = decideRise(
    { ...GROWTH, name: `${label}: P grows from m = ${first.m} to m = ${last.m}` },
    { label: `m = ${first.m}`, successes: first.small, trials: first.trials },
    { label: `m = ${last.m}`, successes: last.small, trials: last.trials },
  );
  return [
    {
      name: `${label}: P[min_basin L ≤ ε] non-decreasing in the width`,
      verdict: drops.length === 0 ? 'holds' : 'refuted',
      detail:
        `one-sided Fisher exact test for a drop between every two widths, α = ${DROP_FAMILY_ALPHA} over ${pairs} pairs ` +
        `(Bonferroni); ${drops.length === 0 ? 'no drop shown' : `drops: ${drops.join('; ')}`}; rates ${rates.map((r) => `${r.m}: ${r.small}/${r.trials}`).join(', ')}`,
    },
    { name: growth.name, verdict: growth.verdict, detail: growth.detail },
  ];
}

/** The widths m = k·n for k in WIDTH_MULTIPLIERS (at least 1). */
export function widthsFor(n: number): number[] {
  return WIDTH_MULTIPLIERS.map((k) => Math.max(1, Math.round(k * n)));
}

/** `landscape run ss16-initial-basin-quality`: the full protocol (and the main job's reduced one). */
export const basinQualityExperiment = defineExperiment({
  // The main job (npm run check) runs a reduced protocol in seconds; `landscape run` defaults to the full one.
  mainJob: { trials: '100' },
  options: [
    countOption('trials', 'initialisations per width', 200, 1, 100_000),
    countOption('n', 'samples', 8, 2, 64),
    countOption('d', 'input dimension', 2, 1, 32),
    countOption('clusters', 'also run data in k tiny clusters (0: no)', 0, 0, 64),
    countOption(
      'teacher',
      'targets from a random relu teacher of this width (0: Gaussian targets)',
      0,
      0,
      256,
    ),
  ],
  run({ trials, n, d, clusters, teacher }, context): ExperimentResult {
    const widths = widthsFor(n);
    const base = { n, d, trials, widths, ...(teacher > 0 ? { teacher } : {}) };
    const series: { label: string; rates: WidthRate[] }[] = [
      {
        label: 'gaussian data',
        rates: basinRates({ ...base, seed: context.seed }, context.log, context.progress),
      },
    ];
    if (clusters > 0) {
      series.push({
        label: `${clusters} clusters`,
        rates: basinRates({ ...base, seed: context.seed + 1, clusters }, context.log, context.progress),
      });
    }
    const rows = series.flatMap((s) =>
      s.rates.map((r) => [
        s.label,
        r.m,
        r.m / n,
        r.trials,
        r.small,
        r.p,
        r.lo,
        r.hi,
        r.medianRatio,
        r.undecided,
      ]),
    );
    return {
      columns: [
        'data',
        'm',
        'm/n',
        'inits',
        'min ≤ ε',
        'rate',
        'Wilson lo',
        'Wilson hi',
        'median min/L(0)',
        'undecided',
      ],
      rows,
      plots: [
        {
          type: 'lines',
          title: `Safran–Shamir 2016: P[initial basin contains a point of loss ≤ ${BASIN_EPS_RTOL}·L(0)] (n = ${n}, d = ${d}, ${trials} inits per width)`,
          xLabel: 'hidden width m',
          yLabel: 'fraction of inits (Wilson 95%)',
          series: series.map((s) => ({
            name: s.label,
            x: s.rates.map((r) => r.m),
            y: s.rates.map((r) => r.p),
            lo: s.rates.map((r) => r.lo),
            hi: s.rates.map((r) => r.hi),
          })),
        },
      ],
      assertions: series.flatMap((s) => trendAssertions(s.rates, s.label)),
      data: { n, d, trials, epsilon: `${BASIN_EPS_RTOL}·L(0)`, seed: context.seed, series },
    };
  },
});
