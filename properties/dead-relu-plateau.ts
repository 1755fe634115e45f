// Swirszcz, Czarnecki, Pascanu (2016), "Local minima in training of neural networks", arXiv 1611.06310, §3
// ("blind spots": dead ReLUs) [REC section]; the general one-hidden-layer form is DERIVED in
// docs/derivations.md#dead-units. The claim below is the false one; see `statement`. The single-neuron special case is
// single-relu-no-spurious-min.
import { defineClaim, oneHiddenReluHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  type DeadReluGenome,
  deadReluArb,
  deadReluSubject,
  mutateDeadRelu,
} from '../src/generate/deadUnits.js';
import {
  deadPlateauProblems,
  deadPlateauRecord,
  deadUnitsProof,
  ldsPath,
} from '../src/landscape/basins/index.js';
import {
  descendAndExamine,
  isSpuriousGap,
  type MlpSubjectJson,
  spuriousMinimumCertificate,
  subjectModel,
} from '../src/landscape/index.js';
import { loss, type PointJson, subjectProblem } from '../src/nn/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** The descent's examination (radii, sampled perturbations); the certificate's samples CERTIFY_TRIALS. */
const DESCENT = { radii: [1e-2, 1e-3, 1e-4], trials: 40 } as const;
const CERTIFY_TRIALS = 200;

export const deadReluPlateau = defineClaim<
  DeadReluGenome,
  { readonly theta: number[]; readonly better: number[] }
>({
  id: 'dead-relu-plateau',
  title: 'A one-hidden-layer relu network has no spurious local minimum (false: the dead-unit plateau)',
  source: sources.swirszczCzarneckiPascanu2016.at('§3, dead ReLUs ("blind spots") [REC section]'),
  statement:
    'Claim (false): for f(x) = Σ_j v_j relu(w_j·x + b_j) + c (width m ≥ 1, every parameter trained), squared loss ' +
    'L = ½Σ_i (f(x_i) − y_i)², every local minimum is global. Refutation (the dead-unit plateau): if w_j·x_i + b_j ≤ −margin < 0 ' +
    'for every unit and sample, then on the ball of radius margin/√(1 + max‖x_i‖²) every unit stays dead, f ≡ c on the ' +
    'data and L ≥ min_c ½Σ(y_i − c)² = ½Σ(y_i − ȳ)²; with c = ȳ the point is a local minimum. It is not strict (any ' +
    'output weight v_j moves freely: a plateau, not a basin) and it is spurious when the targets are not constant. ' +
    'Check: descend from the generated point (L-BFGS, Newton polish), examine it; a critical point with every unit dead ' +
    'and a better point (the end of the Li–Ding–Sun path from it, which frees the dead units) refutes the claim.',
  kind: 'construction',
  expect: 'refuted',
  hypotheses: deadReluArb(false),
  budget: { test: 40, check: 200 },
  refutedBy: { kinds: SPURIOUS_MINIMUM_KINDS, subject: oneHiddenReluHypotheses('all') },
  check(g) {
    const model = subjectModel(deadReluSubject(g));
    const result = descendAndExamine(model.objective, model.theta, seededRng(g.seed), DESCENT);
    if (result.exam === null)
      return { status: 'inconclusive', reason: `optimiser: ${result.optimized.reason}` };
    const { problem } = model.mlp!;
    const theta = model.mlp!.expand(result.theta);
    if (deadUnitsProof(problem, theta) === null) return { status: 'pass', score: -1 };
    const c = result.exam.classification;
    if (c === 'saddle' || c === 'not-critical') return { status: 'pass', score: 0 };
    const path = ldsPath(problem, theta, seededRng(g.seed + 1));
    const better = path.vertices[path.vertices.length - 1]!;
    if (!isSpuriousGap(result.exam.value, loss(problem, better))) return { status: 'pass', score: 0 };
    const evidence = { theta: Array.from(result.theta), better: Array.from(better) };
    return { status: 'fail', evidence, score: 1 };
  },
  certify(g, evidence) {
    const start = deadReluSubject(g);
    const point = subjectModel(start).toPoint(Float64Array.from(evidence.theta)) as PointJson;
    const subject: MlpSubjectJson = { ...start, point };
    const model = subjectModel(subject);
    const { problem, theta } = subjectProblem(subject);
    const record = deadPlateauRecord(problem, theta);
    if (record === null) return { ok: false, reason: 'the descended point does not have every unit dead' };
    const rng = seededRng(g.seed + 2);
    const { exam } = descendAndExamine(model.objective, model.theta, rng, {
      ...DESCENT,
      trials: CERTIFY_TRIALS,
    });
    if (exam === null) return { ok: false, reason: 'the point is not critical' };
    const certificate = spuriousMinimumCertificate(model, exam, Float64Array.from(evidence.better), record);
    return { ok: true, value: { subject, certificate } };
  },
  verifyDetails(file) {
    if (file.subject.kind !== 'mlp') return ['the dead-unit argument needs an mlp subject'];
    const { problem, theta } = subjectProblem(file.subject as MlpSubjectJson);
    return deadPlateauProblems(problem, theta, file.certificate.exact ?? {}, file.certificate.details ?? {});
  },
  mutate: mutateDeadRelu,
  control: {
    description: 'constant targets: the plateau (f ≡ ȳ) is then a global minimum',
    hypotheses: deadReluArb(true),
    expect: 'holds',
    runs: 40,
  },
});
