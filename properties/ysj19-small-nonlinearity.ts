// Yun, Sra, Jadbabaie (2019), "Small nonlinearities in activation functions create bad local minima in neural
// networks", ICLR 2019, arXiv 1802.03487, Theorem 1 (relu-like h(t) = s₊t on t ≥ 0, s₋t on t < 0, s₊ ≠ s₋) [REC
// numbering]. The claim below is the false one their theorem refutes; see `statement`. Construction: see `statement`.
import { defineClaim, reluLikeHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  mutateSmallNonlinearity,
  SMALL_NONLINEARITY_MIN_WIDTH,
  type SmallNonlinearityGenome,
  smallNonlinearityArb,
  smallNonlinearitySubject,
  smallNonlinearitySubjectProblems,
} from '../src/generate/linearRegimeNetworks.js';
import {
  affinelyFittable,
  allActiveProof,
  examineConstruction,
  flatEscape,
  linearRegimeExact,
  linearRegimeProblems,
} from '../src/landscape/basins/index.js';
import {
  isSpuriousGap,
  type MlpSubjectJson,
  spuriousMinimumCertificate,
  subjectModel,
} from '../src/landscape/index.js';
import { loss, subjectProblem } from '../src/nn/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/**
 * s₋ for s₊ = 1 (our leaky-relu has slope 1 on t > 0; any s₊ > 0 rescales to it): relu (0), ordinary leaky slopes, and
 * the "small nonlinearities" 0.9 and 1.1 next to the linear case, and slopes ≤ 0 and > 1.
 */
const SLOPES: readonly number[] = [0, 0.01, 0.2, 0.5, 0.9, 1.1, 2, -0.5];
/** The examination of the point (radii, sampled perturbations), and the certificate's (more samples). */
const EXAM = { radii: [1e-2, 1e-3, 1e-4], trials: 40 };
const CERTIFY_EXAM = { ...EXAM, trials: 200 };

export const ysj19SmallNonlinearity = defineClaim<SmallNonlinearityGenome, { readonly better: number[] }>({
  id: 'ysj19-small-nonlinearity',
  title: 'One-hidden-layer networks with a relu-like activation (s₊ ≠ s₋) have no bad local minimum (false)',
  source: sources.yunSraJadbabaie2019.at('Theorem 1 (relu-like activations) [REC numbering]'),
  statement:
    'Claim (false): for f(x) = Σ_{j≤m} a_j h(w_j·x + b_j) + c with h(t) = s₊t (t ≥ 0), s₋t (t < 0), s₊ ≠ s₋ (relu, ' +
    `leaky-relu, including slopes s₋ ∈ {${SLOPES.join(', ')}} with s₊ = 1, the small nonlinearities next to the linear case among them), ` +
    `hidden width m ≥ ${SMALL_NONLINEARITY_MIN_WIDTH}, squared loss and data ` +
    'with [X 1] of full column rank whose targets no affine map fits, every local minimum is global. Refutation ' +
    '(Yun–Sra–Jadbabaie): the linear-regime point (the builder of src/landscape/basins): unit 1 carries the ' +
    'affine least-squares fit shifted onto t > 0, the other units are active on every sample with output weight 0, the ' +
    'output bias undoes the shift; every pre-activation ≥ margin, so on the ball of radius margin/√(1 + max‖x_i‖²) the ' +
    'network is affine in x on the data and L ≥ L_lin = L(point): a local minimum (non-strict: the units with a_j = 0 ' +
    'move freely, the "infinitely many" minima). It is spurious because s₊ ≠ s₋: a unit with a_j = 0 moves its kink ' +
    'between samples (L unchanged) and the exact best a_j then lowers L (the better point). With s₊ = s₋ the network ' +
    'is affine and L_lin is the global minimum (the control).',
  kind: 'construction',
  expect: 'refuted',
  hypotheses: smallNonlinearityArb(SLOPES),
  budget: { test: 20, check: 100 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: reluLikeHypotheses(smallNonlinearitySubjectProblems),
  },
  check(g) {
    const subject = smallNonlinearitySubject(g);
    const { problem, theta } = subjectProblem(subject);
    if (affinelyFittable(problem)) return { status: 'discard', reason: 'targets are affinely fittable' };
    if (allActiveProof(problem, theta) === null)
      return { status: 'inconclusive', reason: 'the construction left a unit inactive' };
    const hinge = flatEscape(problem, theta, seededRng(g.seed + 1));
    // With s₋ = s₊ = 1 the network is affine in x everywhere: L ≥ L_lin for every θ, so the point is global.
    if (hinge === null)
      return g.slopes[g.slope] === 1
        ? { status: 'pass', score: 0 }
        : { status: 'inconclusive', reason: 'no flat move followed by a descent step was found' };
    const value = loss(problem, theta);
    if (!isSpuriousGap(value, hinge.descentLoss))
      return { status: 'pass', score: (value - hinge.descentLoss) / (1 + value) };
    const { disagreement } = examineConstruction(subjectModel(subject), seededRng(g.seed + 2), EXAM);
    if (disagreement !== null) return { status: 'inconclusive', reason: disagreement };
    return { status: 'fail', evidence: { better: Array.from(hinge.descentPoint) }, score: 1 };
  },
  certify(g, evidence) {
    const subject = smallNonlinearitySubject(g);
    const { problem, theta } = subjectProblem(subject);
    const exact = linearRegimeExact(problem, theta);
    if (exact === null) return { ok: false, reason: 'the construction left a unit inactive' };
    const model = subjectModel(subject);
    const { exam } = examineConstruction(model, seededRng(g.seed + 3), CERTIFY_EXAM);
    const details = {
      slopes: { positive: 1, negative: g.slopes[g.slope]! },
      width: g.width,
      betterPoint:
        'a unit with output weight 0 moves its kink between samples (L unchanged), then its output weight is set to −Σr_i h(x_i)/Σh(x_i)²; this lowers L because s₊ ≠ s₋',
    };
    const better = Float64Array.from(evidence.better);
    const certificate = spuriousMinimumCertificate(model, exam, better, { exact, details });
    return { ok: true, value: { subject, certificate } };
  },
  verifyDetails(file) {
    if (file.subject.kind !== 'mlp') return ['expected an mlp subject'];
    const { problem, theta } = subjectProblem(file.subject as MlpSubjectJson);
    return linearRegimeProblems(problem, theta, file.certificate.exact ?? {});
  },
  mutate: mutateSmallNonlinearity,
  control: {
    description:
      's₊ = s₋ (leaky-relu with slope 1, a linear network): the linear regime is the global minimum',
    hypotheses: smallNonlinearityArb([1]),
    expect: 'holds',
    runs: 20,
  },
});
