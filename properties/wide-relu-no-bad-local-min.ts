// Yun, Sra, Jadbabaie (2019), "Small nonlinearities in activation functions create bad local minima in neural
// networks", ICLR 2019 (arXiv 1802.03487), Theorem 1 [REC numbering]; Ding, Li, Sun (2019), "Sub-Optimal Local
// Minima Exist for Neural Networks with Almost All Non-Linear Activations" (arXiv 1911.01413). The claim below is
// the false one ("width ≥ N removes bad local minima"); see `statement`. Construction: see `statement`.
import { defineClaim, oneHiddenReluHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  mutateWideRelu,
  type WideReluGenome,
  wideReluArb,
  wideReluSubject,
  wideReluSubjectProblems,
} from '../src/generate/linearRegimeNetworks.js';
import {
  allActiveProof,
  examineConstruction,
  flatEscape,
  flatEscapeDetails,
  flatEscapeProblems,
  ldsPath,
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

/** The examination of the point (radii, sampled perturbations), and the certificate's (more samples). */
const EXAM = { radii: [1e-2, 1e-3, 1e-4], trials: 60 };
const CERTIFY_EXAM = { ...EXAM, trials: 200 };

export const wideReluNoBadLocalMin = defineClaim<WideReluGenome, { readonly better: number[] }>({
  id: 'wide-relu-no-bad-local-min',
  title:
    'A one-hidden-layer relu network of width ≥ N has no bad local minimum (false: the linear-regime minimum)',
  source: sources.yunSraJadbabaie2019.at(
    'Theorem 1 (relu-like networks) [REC numbering]; also Ding, Li, Sun, arXiv 1911.01413',
  ),
  statement:
    'Claim (false): for f(x) = Σ_j a_j relu(w_j·x + b_j) + c with width m ≥ N, squared loss L = ½Σ_i(f(x_i) − y_i)², ' +
    'N distinct samples, every local minimum is global. Refutation (the linear-regime construction of Yun–Sra–Jadbabaie and Ding–Li–Sun): let β ' +
    'be the affine least-squares fit of the data, L_lin its loss; unit 1 carries it (w_1 = β_x, b_1 = β_0 + C, a_1 = 1, ' +
    'c = −C) with C so large that every pre-activation is ≥ shift > 0; the other units get random incoming weights, ' +
    'biases that keep them active on every sample, and a_j = 0. Exact argument: every pre-activation is ≥ margin, so ' +
    'on the ball of radius margin/√(1 + max‖x_i‖²) every unit stays active, the network is affine in x on the data and ' +
    'L ≥ L_lin = L(point): a local minimum, at any width. It is spurious when the data is not affinely fittable: the ' +
    'Li–Ding–Sun path from it reaches loss ≈ 0 (the better point). The certificate records the flat move (a unit with ' +
    'a_j = 0 moves its kink between samples; L unchanged) and the descent step on a_j after it: the minimum is not a ' +
    'basin, consistent with lds-no-suboptimal-basin.',
  kind: 'construction',
  expect: 'refuted',
  hypotheses: wideReluArb(false),
  budget: { test: 20, check: 100 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: oneHiddenReluHypotheses('all', wideReluSubjectProblems),
  },
  check(g) {
    const { problem, theta } = subjectProblem(wideReluSubject(g));
    if (allActiveProof(problem, theta) === null)
      return { status: 'inconclusive', reason: 'the construction left a unit inactive (internal error)' };
    const value = loss(problem, theta);
    // The better point: the end of the Li–Ding–Sun path from the construction (width ≥ N: it interpolates).
    const path = ldsPath(problem, theta, seededRng(g.seed + 1));
    const better = path.vertices[path.vertices.length - 1]!;
    const betterLoss = loss(problem, better);
    const score = (value - betterLoss) / (1 + value);
    if (!isSpuriousGap(value, betterLoss)) return { status: 'pass', score };
    const { disagreement } = examineConstruction(
      subjectModel(wideReluSubject(g)),
      seededRng(g.seed + 2),
      EXAM,
    );
    if (disagreement !== null) return { status: 'inconclusive', reason: disagreement };
    return { status: 'fail', evidence: { better: Array.from(better) }, score };
  },
  certify(g, evidence) {
    const subject = wideReluSubject(g);
    const { problem, theta } = subjectProblem(subject);
    const model = subjectModel(subject);
    const { exam } = examineConstruction(model, seededRng(g.seed + 3), CERTIFY_EXAM);
    const exact = linearRegimeExact(problem, theta);
    if (exact === null) return { ok: false, reason: 'the construction left a unit inactive' };
    const exit = flatEscape(problem, theta, seededRng(g.seed + 4));
    if (exit === null) return { ok: false, reason: 'no flat move followed by a descent step was found' };
    const details = flatEscapeDetails(problem, exit);
    const better = Float64Array.from(evidence.better);
    const certificate = spuriousMinimumCertificate(model, exam, better, { exact, details });
    return { ok: true, value: { subject, certificate } };
  },
  verifyDetails(file) {
    if (file.subject.kind !== 'mlp') return ['the linear-regime construction needs an mlp subject'];
    const { problem, theta } = subjectProblem(file.subject as MlpSubjectJson);
    const { exact, details } = file.certificate;
    return [
      ...linearRegimeProblems(problem, theta, exact ?? {}),
      ...flatEscapeProblems(problem, theta, details ?? {}),
    ];
  },
  mutate: mutateWideRelu,
  control: {
    description: 'affine targets: the linear regime is then globally optimal, so it is not a bad minimum',
    hypotheses: wideReluArb(true),
    expect: 'holds',
    runs: 20,
  },
});
