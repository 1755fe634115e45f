// The protocol behind the claim `ss18-spurious-rate` (properties/ss18-spurious-rate.ts): GD runs on the Safran–Shamir
// population loss per (k, n) cell, the rates with Wilson intervals, and the statistical and exact sub-assertions.
// `check` runs the small version (`smallRateRun`); `landscape run ss18-spurious-rate` runs `ss18RateExperiment`.
import {
  countOption,
  defineExperiment,
  type ExperimentResult,
  type Outcome,
  type Plot,
  rangeListOption,
  reversalOf,
  type TrendEvidence,
  type TrendReversal,
  trendOutcome,
  type Verdict,
} from '../src/claims/index.js';
import type { RateGenome } from '../src/generate/ss18.js';
import { GRAD_ZERO_TOL, PSD_EIG_RTOL, STRICT_EIG_RTOL } from '../src/landscape/index.js';
import {
  catalogPoint,
  embeddedSpectrum,
  nearSplitTeacherMinEigenvalue,
  polishEndpoint,
  polishedCatalogPoint,
  type Spectrum,
  type Ss18Outcome,
  SYSS21_ZERO_EIG_RTOL,
  splitTeacherSpectrum,
  ss18Run,
  teacherSpectrum,
} from '../src/landscape/population/index.js';
import { seededRng } from '../src/random.js';
import { decideRise, fisherLessPValue, spearman, wilsonInterval } from '../src/stats/index.js';

/**
 * F and ‖∇F‖ at an embedded global minimum (V with split neurons) are 0 up to the rounding of O(n²) kernel terms of
 * size ≤ 1 (≈ 1e-15 at k = 20): EXACT_ZERO_ABS = 1e-12 leaves three decades.
 */
export const EXACT_ZERO_ABS = 1e-12;

/** Level of the one-sided trend tests here (stated in each assertion). */
export const ALPHA = 0.05;

/**
 * A trend's opposite ("a drop", "higher with more neurons") is tested at this family level, Bonferroni over the
 * pairs: a true trend is refuted on at most one seed in a thousand.
 */
export const OPPOSITE_FAMILY_ALPHA = 1e-3;

/**
 * (1) The rise with k is powered for 0.05 → 0.35 (measured at 20 runs: k = 7 about 0.05, k = 13 about 0.6); (2) the
 * drop with one extra neuron for 0.1 → 0.35 pooled over k (n = k + 1 rates are [REC]; the design effect is smaller
 * than the measured one).
 */
export const RISE_DESIGN = { alpha: ALPHA, effect: 0.3, baseline: 0.05, trialsFlag: 'runs' } as const;
export const OVER_DESIGN = { alpha: ALPHA, effect: 0.25, baseline: 0.1, trialsFlag: 'runs' } as const;

/**
 * Random points at each radius near the split teacher, sampled until one has negative curvature. Measured over 300
 * points a radius (k = 7, α = 0.3, radii 1e-2…1e-4) a point has λ_min < −1e-7·λ_max with probability 0.80–0.84, so
 * 24 points miss on every try with probability ≤ 0.2^24 ≈ 2e-17: the check is decided by design, not by the seed
 * (with 3 fixed points it missed on about one seed in twelve, e.g. --seed 2).
 */
export const NEAR_POINTS_MAX = 24;

export interface Cell {
  readonly k: number;
  readonly n: number;
  readonly runs: number;
  readonly spurious: number;
  readonly outcomes: Readonly<Partial<Record<Ss18Outcome, number>>>;
  readonly lowestSpurious: number | null;
  /** Spurious minima found (n = k cells only, up to the cap), for the embedding check. */
  readonly minima: readonly Float64Array[];
  readonly meanIterations: number;
  readonly ms: number;
}

/** Runs of one (k, n) cell, initialisations from a stream seeded by (seed, k, role) so cells are independent. */
export function runCell(
  k: number,
  n: number,
  runs: number,
  seed: number,
  role: number,
  keepMinima: number,
): Cell {
  const started = performance.now();
  const seeds = seededRng(seed * 1_000_003 + k * 1009 + role * 7919);
  const outcomes: Partial<Record<Ss18Outcome, number>> = {};
  const minima: Float64Array[] = [];
  let spurious = 0;
  let lowest: number | null = null;
  let iterations = 0;
  for (let r = 0; r < runs; r++) {
    const run = ss18Run(k, n, seeds.int(0, 2 ** 31 - 1));
    outcomes[run.outcome] = (outcomes[run.outcome] ?? 0) + 1;
    iterations += run.iterations;
    if (run.outcome === 'spurious-min') {
      spurious++;
      lowest = lowest === null ? run.value : Math.min(lowest, run.value);
      if (minima.length < keepMinima) minima.push(polishEndpoint(k, n, run.student));
    }
  }
  return {
    k,
    n,
    runs,
    spurious,
    outcomes,
    lowestSpurious: lowest,
    minima,
    meanIterations: iterations / runs,
    ms: performance.now() - started,
  };
}

export interface Assertion {
  readonly name: string;
  readonly verdict: Verdict;
  readonly detail: string;
  readonly reversal?: TrendReversal | undefined;
}

/** A cell's spurious count as a group of a two-group test. */
const group = (label: string, c: Pick<Cell, 'spurious' | 'runs'>) => ({
  label,
  successes: c.spurious,
  trials: c.runs,
});

const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toPrecision(digits) : String(x));
/** A p-value; the normal CDF underflows to 0 far in the tail, which is shown as a bound. */
const fmtP = (p: number): string => (p > 0 ? fmt(p) : '< 1e-15');

/** Runs that ended undecided (not global, not a certified spurious minimum, not a saddle). */
export function undecided(cell: Cell): number {
  return cell.runs - cell.spurious - (cell.outcomes.global ?? 0) - (cell.outcomes.saddle ?? 0);
}

/** Drops shown between any two cells (one-sided Fisher, Bonferroni at OPPOSITE_FAMILY_ALPHA over the pairs). */
function shownDrops(cells: readonly Cell[], name: string): { drops: string[]; reversal?: TrendReversal } {
  const pairs = Math.max(1, (cells.length * (cells.length - 1)) / 2);
  const drops: string[] = [];
  let reversal: TrendReversal | undefined;
  for (let i = 0; i < cells.length; i++)
    for (let j = i + 1; j < cells.length; j++) {
      const a = cells[i]!;
      const b = cells[j]!;
      const p = fisherLessPValue(b.spurious, b.runs, a.spurious, a.runs);
      if (p <= OPPOSITE_FAMILY_ALPHA / pairs) {
        drops.push(`k = ${a.k} → ${b.k} (p = ${fmtP(p)})`);
        reversal ??= reversalOf(
          `${name}: k = ${a.k} below k = ${b.k}`,
          group(`k = ${a.k}`, a),
          group(`k = ${b.k}`, b),
          OPPOSITE_FAMILY_ALPHA / pairs,
        );
      }
    }
  return reversal === undefined ? { drops } : { drops, reversal };
}

/**
 * (1) The n = k spurious fraction rises with k: refuted when a drop between two k is shown (Bonferroni), else
 * decided by a one-sided Fisher exact test smallest k < largest k (holds, refuted, or underpowered).
 */
export function risingAssertion(base: readonly Cell[]): Assertion {
  const first = base[0]!;
  const last = base[base.length - 1]!;
  const name = 'spurious fraction rises with k (n = k)';
  const rise = decideRise(
    { ...RISE_DESIGN, name },
    { label: `k = ${first.k}`, successes: first.spurious, trials: first.runs },
    { label: `k = ${last.k}`, successes: last.spurious, trials: last.runs },
  );
  const rho = spearman(
    base.map((c) => c.k),
    base.map((c) => c.spurious / c.runs),
  );
  const { drops, reversal } = shownDrops(base, name);
  return {
    name,
    verdict: drops.length > 0 ? 'refuted' : rise.verdict,
    reversal:
      drops.length > 0
        ? reversal
        : rise.verdict === 'refuted'
          ? reversalOf(name, group(`k = ${first.k}`, first), group(`k = ${last.k}`, last), ALPHA)
          : undefined,
    detail:
      `drop between two k (one-sided Fisher, family α = ${OPPOSITE_FAMILY_ALPHA}): ${drops.join(', ') || 'none shown'}; ` +
      `${rise.detail}; Spearman ρ(k, fraction) = ${fmt(rho)}`,
  };
}

/**
 * (2) n = k + over has a lower spurious fraction than n = k: pooled over k by a one-sided Fisher exact test
 * (decideRise from n = k + over to n = k), and refuted when a k shows the opposite (Bonferroni over k).
 */
export function overAssertion(base: readonly Cell[], over: readonly Cell[], o: number): Assertion {
  const sum = (cells: readonly Cell[], f: (c: Cell) => number) => cells.reduce((a, c) => a + f(c), 0);
  const name = `spurious fraction is lower with n = k + ${o} than with n = k`;
  const overGroup = {
    label: `n = k + ${o}`,
    successes: sum(over, (c) => c.spurious),
    trials: sum(over, (c) => c.runs),
  };
  const baseGroup = {
    label: 'n = k',
    successes: sum(base, (c) => c.spurious),
    trials: sum(base, (c) => c.runs),
  };
  const pooled = decideRise({ ...OVER_DESIGN, name }, overGroup, baseGroup);
  const level = OPPOSITE_FAMILY_ALPHA / Math.max(1, base.length);
  const reversed = base
    .map((c, i) => ({
      k: c.k,
      p: fisherLessPValue(c.spurious, c.runs, over[i]!.spurious, over[i]!.runs),
    }))
    .filter((r) => r.p <= level);
  const first = reversed[0];
  const at = first === undefined ? -1 : base.findIndex((c) => c.k === first.k);
  return {
    name,
    verdict: reversed.length > 0 ? 'refuted' : pooled.verdict,
    // The pooled reversal when the pooled test shows it, else the first k that does.
    reversal:
      (pooled.verdict === 'refuted' ? reversalOf(name, overGroup, baseGroup, ALPHA) : undefined) ??
      (at < 0
        ? undefined
        : reversalOf(
            `${name} at k = ${first!.k}`,
            group(`k = ${first!.k}, n = k + ${o}`, over[at]!),
            group(`k = ${first!.k}, n = k`, base[at]!),
            level,
          )),
    detail:
      `pooled over k: ${pooled.detail}; k where n = k + ${o} is significantly higher (one-sided Fisher, family ` +
      `α = ${OPPOSITE_FAMILY_ALPHA}): ${reversed.map((r) => r.k).join(', ') || 'none'}`,
  };
}

function lambdaScale(s: Spectrum): number {
  return Math.max(Math.abs(s.eigenvalues[0]!), Math.abs(s.eigenvalues[s.eigenvalues.length - 1]!));
}

/** (3a) Strong convexity at W = V for n = k, every k. */
export function strongConvexityAssertion(ks: readonly number[]): Assertion {
  const bad: string[] = [];
  let lowest = Number.POSITIVE_INFINITY;
  for (const k of ks) {
    const s = teacherSpectrum(k);
    lowest = Math.min(lowest, s.eigenvalues[0]!);
    if (!(s.eigenvalues[0]! > STRICT_EIG_RTOL * lambdaScale(s)))
      bad.push(`k = ${k}: λ_min = ${fmt(s.eigenvalues[0]!)}`);
  }
  return {
    name: 'F is strongly convex at the global minimum W = V for n = k (exact Hessian)',
    verdict: bad.length === 0 ? 'holds' : 'refuted',
    detail: `λ_min(∇²F(V)) > ${STRICT_EIG_RTOL}·λ_max for k ∈ {${ks.join(', ')}}; smallest λ_min = ${fmt(lowest, 6)}${bad.length > 0 ? `; fails: ${bad.join('; ')}` : ''}`,
  };
}

/** (3b) Only PSD at the embedded global minimum for n = k + o; negative curvature arbitrarily close by. */
export function onlyPsdAssertion(
  ks: readonly number[],
  o: number,
  nearK: number,
  radii: readonly number[],
  trials: number,
  seed: number,
): Assertion {
  const bad: string[] = [];
  for (const k of ks) {
    const s = splitTeacherSpectrum(k, o, 0.3);
    const scale = lambdaScale(s);
    const zero = Math.abs(s.eigenvalues[0]!) <= SYSS21_ZERO_EIG_RTOL * scale;
    if (!(Math.abs(s.value) <= EXACT_ZERO_ABS && s.gradientNorm <= EXACT_ZERO_ABS && zero)) {
      bad.push(
        `k = ${k}: F = ${fmt(s.value)}, ‖∇F‖ = ${fmt(s.gradientNorm)}, λ_min = ${fmt(s.eigenvalues[0]!)}`,
      );
    }
  }
  const rng = seededRng(seed);
  const scale = lambdaScale(splitTeacherSpectrum(nearK, o, 0.3));
  // Sample points one at a time until one shows negative curvature (at most `trials`; see NEAR_POINTS_MAX).
  const near = radii.map((r) => {
    let lambda = Number.POSITIVE_INFINITY;
    let used = 0;
    while (used < trials && !(lambda < -PSD_EIG_RTOL * scale)) {
      lambda = Math.min(lambda, nearSplitTeacherMinEigenvalue(nearK, o, 0.3, r, 1, rng));
      used++;
    }
    return { r, lambda, used };
  });
  const nonConvex = near.every((x) => x.lambda < -PSD_EIG_RTOL * scale);
  return {
    name: `after over-parameterisation (n = k + ${o}) the global minimum is only PSD and not locally convex`,
    verdict: bad.length === 0 && nonConvex ? 'holds' : 'refuted',
    detail:
      `V with ${o} neuron(s) split at α = 0.3: F = 0, ∇F = 0 and |λ_min| ≤ ${SYSS21_ZERO_EIG_RTOL}·λ_max for k ∈ {${ks.join(', ')}}` +
      `${bad.length > 0 ? ` (fails: ${bad.join('; ')})` : ''}; at k = ${nearK}, random points at distance r sampled until one has ` +
      `λ_min < −${PSD_EIG_RTOL}·λ_max (at most ${trials}): ${near.map((x) => `r = ${x.r}: ${fmt(x.lambda)} after ${x.used}`).join(', ')} (found at every r: ${nonConvex})`,
  };
}

/** (3c) Embedding a spurious minimum of n = k into n = k + 1 (split one neuron) gives a saddle. */
export function embeddedSaddleAssertion(
  minima: readonly { k: number; student: Float64Array; label: string }[],
): Assertion {
  const bad: string[] = [];
  let worst = Number.NEGATIVE_INFINITY;
  for (const m of minima) {
    for (const alpha of [0.5, 0.2]) {
      const s = embeddedSpectrum(m.k, m.student, 0, alpha);
      worst = Math.max(worst, s.eigenvalues[0]!);
      const critical = s.gradientNorm <= GRAD_ZERO_TOL * (1 + Math.abs(s.value));
      if (!(critical && s.eigenvalues[0]! < -PSD_EIG_RTOL * lambdaScale(s))) {
        bad.push(
          `${m.label}, α = ${alpha}: ‖∇F‖ = ${fmt(s.gradientNorm)}, λ_min = ${fmt(s.eigenvalues[0]!)}`,
        );
      }
    }
  }
  return {
    name: 'a spurious minimum of n = k, embedded into n = k + 1 by splitting a neuron, is a saddle',
    verdict:
      bad.length === 0 && minima.length > 0 ? 'holds' : minima.length === 0 ? 'inconclusive' : 'refuted',
    detail:
      `${minima.length} minima (Safran–Shamir's k = 7 point and GD endpoints), neuron 0 split at α ∈ {0.5, 0.2}: critical, and λ_min < 0 ` +
      `in every case; largest λ_min = ${fmt(worst)}${bad.length > 0 ? `; fails: ${bad.join('; ')}` : ''}`,
  };
}

/** The polished catalog k = 7 spurious minimum (src/landscape/population/catalogPoints.ts). */
export function catalogK7(): { k: number; student: Float64Array; label: string } {
  return { k: 7, student: polishedCatalogPoint(catalogPoint('k7')), label: 'catalog k = 7' };
}

/**
 * The small experiment of `check`: k ∈ {7, 13}, SMALL_RUNS runs per cell. Measured rates at 20 runs: k = 7
 * 0–2, k = 11 6–9, k = 13 9–16 spurious endpoints; with k = 11 the one-sided test at 5% failed on about one CI
 * seed in twenty (2/20 against 6/20 gives p = 0.057), with k = 13 on well under one in a hundred.
 */
export const SMALL_KS = [7, 13] as const;
export const SMALL_RUNS = 20;

function experimentResult(
  ks: readonly number[],
  overs: readonly number[],
  runs: number,
  embedCap: number,
  seed: number,
  log: (line: string) => void,
  progress?: (done: number, total: number, unit: string) => void,
): ExperimentResult {
  const cells = new Map<string, Cell>();
  for (const k of ks) {
    for (const o of overs) {
      progress?.(cells.size, ks.length * overs.length, 'cells');
      const cell = runCell(k, k + o, runs, seed, o, o === 0 ? embedCap : 0);
      cells.set(`${k}:${o}`, cell);
      log(`k = ${k}, n = ${k + o}: ${cell.spurious}/${runs} spurious (${(cell.ms / 1000).toFixed(1)} s)`);
    }
  }
  const rows = [...cells.values()].map((c) => {
    const w = wilsonInterval(c.spurious, c.runs);
    return [
      c.k,
      c.n,
      c.runs,
      c.spurious,
      Number(w.p.toFixed(3)),
      Number(w.lo.toFixed(3)),
      Number(w.hi.toFixed(3)),
      c.lowestSpurious === null ? '—' : Number(c.lowestSpurious.toFixed(7)),
      c.outcomes.global ?? 0,
      c.outcomes.saddle ?? 0,
      undecided(c),
      Math.round(c.meanIterations),
    ];
  });
  const assertions: Assertion[] = [];
  const base = ks.map((k) => cells.get(`${k}:0`)).filter((c): c is Cell => c !== undefined);
  if (base.length >= 2) assertions.push(risingAssertion(base));
  for (const o of overs) {
    if (o === 0 || base.length === 0) continue;
    assertions.push(
      overAssertion(
        base,
        ks.map((k) => cells.get(`${k}:${o}`)!),
        o,
      ),
    );
  }
  assertions.push(strongConvexityAssertion(ks));
  for (const o of overs)
    if (o > 0) assertions.push(onlyPsdAssertion(ks, o, ks[0]!, [1e-2, 1e-3, 1e-4], NEAR_POINTS_MAX, seed));
  const minima = [
    catalogK7(),
    ...base.flatMap((c) =>
      c.minima.map((student, i) => ({ k: c.k, student, label: `k = ${c.k} GD minimum ${i + 1}` })),
    ),
  ];
  assertions.push(embeddedSaddleAssertion(minima));
  const series = overs.map((o) => {
    const row = ks.map((k) => cells.get(`${k}:${o}`)!);
    const intervals = row.map((c) => wilsonInterval(c.spurious, c.runs));
    return {
      name: `n = k${o === 0 ? '' : ` + ${o}`}`,
      x: [...ks],
      y: intervals.map((w) => w.p),
      lo: intervals.map((w) => w.lo),
      hi: intervals.map((w) => w.hi),
    };
  });
  const lowestSeries = overs.map((o) => {
    const row = ks.map((k) => cells.get(`${k}:${o}`)!).filter((c) => c.lowestSpurious !== null);
    return {
      name: `n = k${o === 0 ? '' : ` + ${o}`}`,
      x: row.map((c) => c.k),
      y: row.map((c) => c.lowestSpurious!),
    };
  });
  const plots: Plot[] = [
    {
      type: 'lines',
      title: `GD runs ending at a spurious minimum (Wilson 95%, ${runs} runs per point)`,
      xLabel: 'teacher neurons k',
      yLabel: 'fraction of runs',
      series,
    },
    {
      type: 'lines',
      title: 'lowest spurious F found',
      xLabel: 'teacher neurons k',
      yLabel: 'F',
      series: lowestSeries,
    },
  ];
  return {
    columns: [
      'k',
      'n',
      'runs',
      'spurious',
      'fraction',
      'wilson lo',
      'wilson hi',
      'lowest spurious F',
      'global',
      'saddle',
      'undecided',
      'mean iterations',
    ],
    rows,
    plots,
    assertions,
    data: {
      protocol:
        'teacher I_k, d = k; GD step 5/k from W_ij ~ N(0, 1/k); stop ‖∇F‖ ≤ 1e-9 (n > k also F < 1e-10), cap 60000; spurious: F ≥ 1e-6 with a positive definite exact Hessian',
      cells: [...cells.values()].map(({ minima: _minima, ...c }) => c),
    },
  };
}

/** More than this fraction of undecided GD runs makes the small run inconclusive (the rates would be biased). */
export const MAX_UNDECIDED_FRACTION = 0.2;

/**
 * The small run of `check`: k ∈ SMALL_KS, SMALL_RUNS runs per cell, n = k against n = k + |over| (over < 0, the
 * control, swaps the roles), the rise, the over-parameterisation test and the exact facts at k = 7.
 */
export function smallRateRun(g: RateGenome): Outcome<TrendEvidence> {
  const ks = [...SMALL_KS];
  const nk = ks.map((k) => runCell(k, k, SMALL_RUNS, g.seed, 0, g.over > 0 ? 3 : 0));
  const more = ks.map((k) => runCell(k, k + Math.abs(g.over), SMALL_RUNS, g.seed, 100 + Math.abs(g.over), 0));
  // over < 0 (the control) swaps the roles: "lower with more neurons" is then false, and shown false.
  const [base, over] = g.over > 0 ? [nk, more] : [more, nk];
  const open = [...base, ...over].reduce((a, c) => a + undecided(c), 0);
  const total = 2 * ks.length * SMALL_RUNS;
  if (open > MAX_UNDECIDED_FRACTION * total)
    return { status: 'inconclusive', reason: `${open} of ${total} GD runs ended undecided` };
  const assertions = [
    ...(g.over > 0 ? [risingAssertion(base)] : []),
    overAssertion(base, over, g.over),
    strongConvexityAssertion([7]),
  ];
  if (g.over > 0) assertions.push(onlyPsdAssertion([7], g.over, 7, [1e-2, 1e-3], NEAR_POINTS_MAX, g.seed));
  assertions.push(
    embeddedSaddleAssertion([
      catalogK7(),
      ...nk[1]!.minima.map((student, i) => ({
        k: ks[1]!,
        student,
        label: `k = ${ks[1]} minimum ${i + 1}`,
      })),
    ]),
  );
  // An archived reversal names the setting of the smallest cell (teacher I_k, the student at its global minimum
  // V) and keeps the run's counts; the test and p-value are recomputed from the groups on replay.
  const identity = (k: number) =>
    Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => +(i === j)));
  return trendOutcome(assertions, {
    subject: { kind: 'gaussian-teacher-student', teacher: identity(ks[0]!), student: identity(ks[0]!) },
    table: {
      columns: ['k', 'n', 'runs', 'spurious', 'undecided'],
      rows: [...nk, ...more].map((c) => [c.k, c.n, c.runs, c.spurious, undecided(c)]),
    },
  });
}

export const ss18RateExperiment = defineExperiment({
  // The main job (npm run check) runs a reduced protocol, ~20–30 s; `landscape run` defaults to the full one.
  mainJob: { k: '6..14', runs: '30' },
  options: [
    rangeListOption(
      'k',
      'teacher sizes k (= d), a list or a range a..b; the step 5/k needs k ≥ 4',
      '6..20',
      4,
      60,
    ),
    rangeListOption('over', 'over-parameterisations n − k to run (0 = n = k is the baseline)', '0,1', 0, 10),
    countOption('runs', 'GD runs per (k, n)', 100, 2, 100_000),
    countOption('embed', 'spurious minima per k embedded into n = k + 1 for the saddle check', 5, 0, 1000),
  ],
  run({ k, over, runs, embed }, context): ExperimentResult {
    const ks = [...new Set(k)].sort((a, b) => a - b);
    const overs = [...new Set([0, ...over])].sort((a, b) => a - b);
    return experimentResult(ks, overs, runs, embed, context.seed, context.log, context.progress);
  },
});
