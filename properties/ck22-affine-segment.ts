// Christof & Kowalczyk (2022), "On the Omnipresence of Spurious Local Minima in Certain Neural Network Training
// Problems", arXiv 2202.12262 (Constructive Approximation, 2023), main theorem [REC numbering]. The claim below is
// the false one their theorem refutes; see `statement`. Construction: see `statement`.
import fc from 'fast-check';
import type { CounterexampleJson } from '../src/archive/index.js';
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import { affineFit, distinctInputs } from '../src/landscape/basins/index.js';
import {
  examinePoint,
  isSpuriousGap,
  type MlpSubjectJson,
  mlpSubjectAt,
  PERTURBATION_RADII,
  spuriousMinimumCertificate,
  subjectModel,
} from '../src/landscape/index.js';
import {
  type AffineSegment,
  affineSegmentPoint,
  affineSegments,
  hingeEscape,
  type Placement,
  segmentProof,
} from '../src/landscape/population/index.js';
import {
  type ActivationSpec,
  loss,
  makeProblem,
  type PointJson,
  pointToVector,
  subjectProblem,
  vectorToPoint,
} from '../src/nn/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** Activations with an affine piece of non-zero slope (the theorem's hypothesis). */
const WITH_SEGMENT: readonly ActivationSpec[] = [
  { name: 'relu' },
  { name: 'leaky-relu', slope: 0.1 },
  { name: 'leaky-relu', slope: 0.5 },
  { name: 'leaky-relu', slope: -0.3 },
  { name: 'leaky-relu', slope: 2 },
];

/** Smooth activations without an affine piece (outside the hypothesis; the control). */
const WITHOUT_SEGMENT: readonly ActivationSpec[] = [
  { name: 'tanh' },
  { name: 'sigmoid' },
  { name: 'softplus' },
];

/** Hypotheses as a genome of small integers (data values k/4). */
export interface SegmentGenome {
  readonly activation: ActivationSpec;
  /** Use the negative piece when σ has one (leaky-relu). */
  readonly negative: boolean;
  readonly depth: number;
  readonly widths: readonly number[];
  readonly d: number;
  readonly n: number;
  readonly gaps: readonly number[];
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Margin of every pre-activation inside the piece: margin/4 (window half-width margin/16 for smooth σ). */
  readonly margin: number;
  /** Random incoming weights of the units that do not carry the fit: N(0, (2^scale/2)²). */
  readonly scale: number;
  readonly seed: number;
}

function genome(activations: readonly ActivationSpec[]): fc.Arbitrary<SegmentGenome> {
  return fc.record({
    // σ, the piece and the depth are what a counterexample is about: kept as found (the data shrinks).
    activation: fc.noShrink(fc.constantFrom(...activations)),
    negative: fc.noShrink(fc.boolean()),
    depth: fc.noShrink(fc.integer({ min: 1, max: 2 })),
    widths: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 2, maxLength: 2 }),
    d: fc.integer({ min: 1, max: 2 }),
    n: fc.integer({ min: 4, max: 6 }),
    gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
    xs: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 12, maxLength: 12 }),
    ys: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 6, maxLength: 6 }),
    margin: fc.integer({ min: 1, max: 8 }),
    scale: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
}

/** The piece the construction uses, or null for σ without one. */
function segmentOf(g: SegmentGenome): AffineSegment | null {
  const pieces = affineSegments(g.activation);
  if (pieces.length === 0) return null;
  return g.negative && pieces.length > 1 ? pieces[1]! : pieces[0]!;
}

function placementOf(g: SegmentGenome): Placement {
  const segment = segmentOf(g);
  return segment === null
    ? { kind: 'window', center: 0, halfWidth: g.margin / 16 }
    : { kind: 'segment', segment, margin: g.margin / 4 };
}

/** The network, data and construction point of a genome. */
export function segmentSubject(g: SegmentGenome): MlpSubjectJson {
  const inputs = distinctInputs(g.gaps, g.xs, g.n, g.d);
  const targets = inputs.map((_, i) => [g.ys[i % g.ys.length]! / 4]);
  const network = {
    layerSizes: [g.d, ...g.widths.slice(0, g.depth), 1],
    activation: g.activation,
    bias: true,
  };
  const data = { inputs, targets };
  const problem = makeProblem(network, data);
  const theta = affineSegmentPoint(problem, placementOf(g), {
    scale: 2 ** g.scale / 2,
    rng: seededRng(g.seed),
  });
  return mlpSubjectAt(network, data, theta);
}

/** Targets are "affine" when the affine least-squares loss is below AFFINE_FIT_RTOL·(1 + ½‖y‖²) (rounding of the solve). */
const AFFINE_FIT_RTOL = 1e-12;
/** The hinge's decrease must exceed this relative amount (a million times the loss rounding floor). */
const ESCAPE_RTOL = 1e-7;
/** L(point) equals the affine least-squares loss up to the rounding of two n-term sums. */
const LINEAR_LOSS_RTOL = 1e-10;

/** Perturbation radii: the default decades, capped at half the proof's radius so every probe is inside the ball. */
function radiiFor(radius: number | null): number[] {
  return PERTURBATION_RADII.map((r, i) => (radius === null ? r : Math.min(r, radius / (2 * 10 ** i))));
}

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
    'Claim (false): for a fully connected network with one output, hidden widths ≥ 2, any depth, biases, an activation ' +
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
  kind: 'construction',
  expect: 'refuted',
  hypotheses: genome(WITH_SEGMENT),
  budget: { test: 20, check: 100 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses({
      activations: ['relu', 'leaky-relu'],
      bias: true,
      hiddenLayers: [1, Number.POSITIVE_INFINITY],
      outputs: 1,
      trained: 'all',
      more: (s) => (s.network.layerSizes.slice(1, -1).every((m) => m >= 2) ? [] : ['a hidden width below 2']),
    }),
  },
  check(g) {
    const subject = segmentSubject(g);
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
    const exam = examinePoint(model.objective, model.theta, {
      rng: seededRng(g.seed + 1),
      radii: radiiFor(proof?.radius ?? null),
      trials: 40,
    });
    if (exam.classification === 'not-critical' || exam.classification === 'saddle') {
      return segment === null
        ? { status: 'pass', score: -(exam.gradientNorm ?? 1) }
        : {
            status: 'inconclusive',
            reason: `the sampled examination says ${exam.classification}, the exact argument says local minimum`,
          };
    }
    const hinge = hingeEscape(problem, theta, seededRng(g.seed + 2), { minDecreaseRtol: ESCAPE_RTOL });
    if (hinge === null)
      return { status: 'inconclusive', reason: 'no hinge move lowered the loss (no better point)' };
    const value = loss(problem, theta);
    if (!isSpuriousGap(value, hinge.descentLoss))
      return { status: 'pass', score: (value - hinge.descentLoss) / (1 + value) };
    return { status: 'fail', evidence: { better: Array.from(hinge.descentPoint) }, score: 1 };
  },
  certify(g, evidence) {
    const subject = segmentSubject(g);
    const { problem, theta } = subjectProblem(subject);
    const segment = segmentOf(g);
    if (segment === null)
      return { ok: false, reason: 'σ has no affine piece: the exact argument does not apply' };
    const proof = segmentProof(problem, theta, segment);
    if (proof === null) return { ok: false, reason: 'a pre-activation left the piece' };
    const hinge = hingeEscape(problem, theta, seededRng(g.seed + 2), { minDecreaseRtol: ESCAPE_RTOL });
    if (hinge === null) return { ok: false, reason: 'no better point' };
    const model = subjectModel(subject);
    const exam = examinePoint(model.objective, model.theta, {
      rng: seededRng(g.seed + 3),
      radii: radiiFor(proof.radius),
      trials: 200,
    });
    return {
      ok: true,
      value: {
        subject,
        certificate: spuriousMinimumCertificate(model, exam, Float64Array.from(evidence.better), {
          exact: {
            argument:
              'every hidden pre-activation is inside the affine piece `segment` with per-layer margins `margins`; on the parameter ball of `radius` (E_1 = ρ‖(x,1)‖, E_l = ρ‖(h_{l−1},1)‖ + (‖W_l‖_F + ρ)|slope|E_{l−1} < margin) none leaves it, so the network is affine in x on the data and L ≥ linearLoss (affine least squares) = L(point)',
            segment: { side: segment.side, slope: segment.slope },
            margins: [...proof.margins],
            radius: proof.radius,
            linearLoss: affineFit(problem).loss,
          },
          details: {
            betterPoint:
              'last-hidden unit `unit` (output weight 0) moves its incoming weights to flatPoint (kink between samples; L unchanged), then its output weight is set to −Σr_i h(x_i)/Σh(x_i)²',
            unit: hinge.unit,
            flatPoint: vectorToPoint(problem.net, hinge.flatPoint),
          },
        }),
      },
    };
  },
  verifyDetails(file: CounterexampleJson) {
    if (file.subject.kind !== 'mlp') return ['expected an mlp subject'];
    const problems: string[] = [];
    const { problem, theta } = subjectProblem(file.subject as MlpSubjectJson);
    const exact = file.certificate.exact ?? {};
    const recorded = exact.segment as AffineSegment | undefined;
    const pieces = affineSegments(problem.net.activation);
    const segment = pieces.find((p) => p.side === recorded?.side && p.slope === recorded?.slope);
    if (segment === undefined)
      return [`exact: ${JSON.stringify(recorded)} is not an affine piece of ${problem.net.activation.name}`];
    const proof = segmentProof(problem, theta, segment);
    if (proof === null) return ['exact: some hidden pre-activation is outside the affine piece'];
    if (!(Math.abs(proof.radius - Number(exact.radius)) <= 1e-9 * proof.radius))
      problems.push(`exact: radius is ${proof.radius}, certificate says ${String(exact.radius)}`);
    const radii = 'perturbation' in file.certificate ? file.certificate.perturbation.radii : [];
    if (radii.some((r) => !(r < proof.radius)))
      problems.push('a perturbation radius exceeds the proven radius');
    const value = loss(problem, theta);
    const linear = affineFit(problem).loss;
    if (!(Math.abs(value - linear) <= LINEAR_LOSS_RTOL * (1 + linear)))
      problems.push(`exact: L(point) = ${value} is not the affine least-squares loss ${linear}`);
    if (problem.layout.layerSizes.slice(1, -1).some((m) => m < 2))
      problems.push('a hidden layer has width < 2');
    const details = file.certificate.details ?? {};
    try {
      const flat = pointToVector(problem.net, details.flatPoint as PointJson);
      if (!(Math.abs(loss(problem, flat) - value) <= 1e-14 * (1 + value)))
        problems.push('details: the flat move changes the loss');
    } catch (error) {
      problems.push(`details: ${(error as Error).message}`);
    }
    return problems;
  },
  mutate(g, rng) {
    const ys = [...g.ys];
    const k = rng.int(0, ys.length - 1);
    ys[k] = Math.max(-8, Math.min(8, ys[k]! + (rng.uniform() < 0.5 ? -1 : 1)));
    return { ...g, ys, seed: rng.uniform() < 0.3 ? rng.int(0, 2 ** 31 - 1) : g.seed };
  },
  control: {
    description:
      'tanh, sigmoid, softplus (no affine piece): the same placement in a window around 0 is not a local minimum',
    hypotheses: genome(WITHOUT_SEGMENT),
    expect: 'holds',
    runs: 20,
  },
});
