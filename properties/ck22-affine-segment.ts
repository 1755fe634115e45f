// Christof & Kowalczyk (2022), "On the Omnipresence of Spurious Local Minima in Certain Neural Network Training
// Problems", arXiv 2202.12262 (Constructive Approximation, 2023), main theorem [REC numbering]. The claim below is
// the false one their theorem refutes; see `statement`. Construction: see `statement`.
import { hingeOf, radiiFor, segmentCertificate, verifySegmentDetails } from '../src/certify/affineSegment.js';
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  mutateSegment,
  SEGMENT_NETWORKS,
  SEGMENT_SUBJECT,
  type SegmentGenome,
  segmentArb,
  segmentOf,
  segmentSubject,
  WITH_SEGMENT,
  WITHOUT_SEGMENT,
} from '../src/generate/affineSegments.js';
import { affineFit } from '../src/landscape/basins/index.js';
import { examinePoint, isSpuriousGap, subjectModel } from '../src/landscape/index.js';
import { segmentProof } from '../src/landscape/population/index.js';
import { loss, subjectProblem } from '../src/nn/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** Targets are "affine" when the affine least-squares loss is below AFFINE_FIT_RTOL·(1 + ½‖y‖²) (rounding of the solve). */
const AFFINE_FIT_RTOL = 1e-12;
/** Random directions per radius when the check examines the construction point. */
const CHECK_TRIALS = 40;

interface Evidence {
  readonly better: number[];
}

export const ck22AffineSegment = defineClaim<SegmentGenome, Evidence>({
  id: 'ck22-affine-segment',
  title:
    'Networks whose activation has an affine segment have no spurious local minimum for non-affine targets (false)',
  source: sources.christofKowalczyk2022.at(
    'main theorem: a continuum of spurious local minima for every non-affine target [REC numbering]',
  ),
  statement:
    `Claim (false): for a fully connected network with one output, hidden widths ≥ ${SEGMENT_NETWORKS.minWidth}, any depth, biases, an activation ` +
    'σ that is affine with non-zero slope on an interval (relu on z > 0; leaky-relu on z > 0 and on z < 0), squared loss ' +
    'and data whose targets no affine map fits, every local minimum is global. Refutation (Christof–Kowalczyk): place ' +
    'every hidden pre-activation on the data inside the affine piece with margin m (unit 0 of each layer carries the ' +
    'affine least-squares fit g(x), the other units random affine maps kept on the piece, output weights 0) and let the ' +
    "output undo unit 0's affine map: f = g on the data, L = L_lin. Exact argument: on the ball of the recorded radius " +
    '(E_1 = ρ‖(x,1)‖, E_l = ρ‖(h_{l−1},1)‖ + (‖W_l‖_F + ρ)|s|E_{l−1} < margin) no pre-activation leaves the piece, the ' +
    'network is affine in x on the data and L ≥ L_lin: a local minimum. Spurious: a unit with output weight 0 moves its ' +
    'kink between samples (L unchanged) and then its output weight takes the exact minimiser, which lowers L (the better ' +
    'point). For tanh, sigmoid and softplus there is no affine piece; the same placement in a window around 0 is not even ' +
    'critical (the control).',
  constants: { SEGMENT_NETWORKS },
  literals: ['z > 0', 'z < 0', 'unit 0', 'weights 0', 'weight 0', 'E_1', '(x,1)', '{l−1}', ',1)', 'around 0'],
  kind: 'construction',
  expect: 'refuted',
  hypotheses: segmentArb(WITH_SEGMENT),
  budget: { test: 20, check: 100 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses(SEGMENT_SUBJECT),
  },
  check(g) {
    const subject = segmentSubject(g);
    if (subject === null) return { status: 'discard', reason: 'the affine fit is constant on the data' };
    const { problem, theta } = subjectProblem(subject);
    const linear = affineFit(problem).loss;
    const zero = 0.5 * subject.data.targets.reduce((a, y) => a + y[0]! ** 2, 0);
    if (linear <= AFFINE_FIT_RTOL * (1 + zero))
      return { status: 'discard', reason: 'targets are affine in x' };
    const segment = segmentOf(g);
    const proof = segment === null ? null : segmentProof(problem, theta, segment);
    if (segment !== null && proof === null)
      return { status: 'inconclusive', reason: 'a pre-activation left the piece (internal error)' };
    const model = subjectModel(subject);
    const radii = radiiFor(proof?.radius ?? null);
    const exam = examinePoint(model.objective, model.theta, {
      rng: seededRng(g.seed + 1),
      radii,
      trials: CHECK_TRIALS,
    });
    if (exam.classification === 'not-critical' || exam.classification === 'saddle') {
      const says = `the sampled examination says ${exam.classification}, the exact argument says local minimum`;
      return segment === null
        ? { status: 'pass', score: -(exam.gradientNorm ?? 1) }
        : { status: 'inconclusive', reason: says };
    }
    const hinge = hingeOf(subject, g.seed + 2);
    if (hinge === null)
      return { status: 'inconclusive', reason: 'no hinge move lowered the loss (no better point)' };
    const value = loss(problem, theta);
    if (!isSpuriousGap(value, hinge.descentLoss))
      return { status: 'pass', score: (value - hinge.descentLoss) / (1 + value) };
    return { status: 'fail', evidence: { better: Array.from(hinge.descentPoint) }, score: 1 };
  },
  certify: (g, e) => segmentCertificate(segmentSubject(g), segmentOf(g), e.better, g.seed),
  verifyDetails: verifySegmentDetails,
  mutate: mutateSegment,
  control: {
    description:
      'tanh, sigmoid, softplus (no affine piece): the same placement in a window around 0 is not a local minimum',
    hypotheses: segmentArb(WITHOUT_SEGMENT),
    expect: 'holds',
    runs: 20,
  },
});
