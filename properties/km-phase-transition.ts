// Karhadkar, Murray, Tseran, Montúfar (2023), "Mildly Overparameterized ReLU Networks Have a Favorable Loss
// Landscape", arXiv 2305.19510 (TMLR 2024), the full-rank phase-transition experiment (code: github
// kedar2/loss-landscape, experiments/full_rank_regions.py and full_rank_regions.sh at 395472e) [figure numbering
// REC]. The paper's figure values are not used: this reproduces its protocol (experiments/km-phase-transition.ts)
// and reports its own numbers.
import {
  analysePhase,
  BOOTSTRAP_PERCENT,
  BOOTSTRAP_RESAMPLES,
  CHECK_PANELS,
  CHECK_TRIALS,
  INDEPENDENCE_SLOPE,
  panelText,
  phaseExperiment,
  RUN_TRIALS,
} from '../experiments/km-phase-transition.js';
import { TESTS_CONSTANTS, TESTS_TEXT } from '../experiments/regionCounts.js';
import { defineClaim, type TrendEvidence, trendCertify, trendOutcome } from '../src/claims/index.js';
import { type PhaseGenome, phaseGenomeArb } from '../src/generate/regions.js';
import { cellStream, phasePanels, runPhaseGrid } from '../src/landscape/regions/index.js';
import { sources } from './sources.js';

export type { PhaseGenome } from '../src/generate/regions.js';

type Panels = readonly Parameters<typeof panelText>[0][];
const grids = (panels: Panels) => panels.map(panelText).join('; ');
/** The numbers of a grid's text: d0 (or its ratio to n, from the key 'd0=2' or 'r=0.5'), the n and d1 lists. */
const gridNumbers = (panels: Panels) =>
  panels.map((p) => ({ d0: Number(p.key.split('=')[1]), ns: p.ns, d1s: p.d1s }));

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
    `src/landscape/regions/fullRowRank.ts). \`landscape run km-phase-transition\`: ${RUN_TRIALS} trials per cell on ` +
    `the authors' grids ${grids(phasePanels('all'))}. \`check\`: ${CHECK_TRIALS} trials per cell on ` +
    `${grids(CHECK_PANELS)}. Claims (qualitative, as the paper states them): P(full rank) does not drop as d1 grows ` +
    '(every row); along every d0 ∝ n row it rises from the narrowest to the widest d1 and is above ½ at the widest ' +
    `(${TESTS_TEXT}); below the counting bound d1·(d0+1) < n no trial is full rank (exact); with d0 ∝ n the ` +
    `transition width is roughly independent of n (slope of log d1*_½ on log n ≤ ${INDEPENDENCE_SLOPE} at the upper ` +
    `end of a ${BOOTSTRAP_PERCENT}% parametric bootstrap interval, ${BOOTSTRAP_RESAMPLES} resamples; our quantitative reading). The ` +
    'paper’s figure values are unconfirmed and not used.',
  constants: {
    ...TESTS_CONSTANTS,
    RUN_TRIALS,
    RUN_GRIDS: gridNumbers(phasePanels('all')),
    CHECK_TRIALS,
    CHECK_GRIDS: gridNumbers(CHECK_PANELS),
    INDEPENDENCE_SLOPE,
    BOOTSTRAP_PERCENT,
    BOOTSTRAP_RESAMPLES,
  },
  literals: ['d0 → d1 → 1', '±1/√d0', 'N(0, 1)', 'U[0,1]^{n×d0}', 'd1(d0+1)', 'd1·(d0+1) < n'],
  kind: 'empirical',
  expect: 'holds',
  hypotheses: phaseGenomeArb(false),
  budget: { test: 2, check: 10 },
  check(h) {
    const cells = runPhaseGrid(CHECK_PANELS, CHECK_TRIALS, (k) => cellStream(h.seed, k), {
      variant: { duplicateSamples: h.duplicate },
    });
    return trendOutcome(analysePhase(cells, h.seed).assertions);
  },
  certify: trendCertify,
  control: {
    description: 'every sample duplicated (outside the distinct-data protocol): rank J ≤ ⌈n/2⌉, P stays 0',
    hypotheses: phaseGenomeArb(true),
    expect: 'refuted',
    runs: 1,
  },
  experiment: phaseExperiment,
});
