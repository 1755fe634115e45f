// Nguyen, Hein (2017), "The loss surface of deep and wide neural networks", ICML 2017 (PMLR 70), arXiv 1704.08045:
// with a layer at least as wide as the number of samples, every critical point at which the weight matrices above
// that layer have full rank is a global minimum [REC: theorem numbering and the exact activation conditions].
// The claim below drops the full-rank hypothesis, and is false: the all-zero point is a saddle.
import type fc from 'fast-check';
import {
  type DatasetJson,
  datasetArb,
  defineClaim,
  examinePoint,
  type MlpSubjectJson,
  paper,
  saddleCertificate,
  seededRng,
  subjectModel,
} from 'landscape-check';

const nguyenHein2017 = paper({
  authors: 'Nguyen, Hein',
  year: 2017,
  title: 'The loss surface of deep and wide neural networks',
  arxiv: '1704.08045',
  venue: 'ICML 2017 (PMLR 70)',
});

/** Samples N and input dimension d of the generated data; the hidden width is N (the "wide layer"). */
export const SAMPLES = { min: 1, max: 4 };
export const INPUT_DIM = 2;

/** Hypotheses: N distinct inputs in R^d and targets in R, entries on the grid k/4 in [−2, 2]. */
export const data: fc.Arbitrary<DatasetJson> = datasetArb({ n: SAMPLES, inputDim: INPUT_DIM, outputDim: 1 });

/** Control: the same data with every target 0, where the all-zero point is a global minimum (L = 0). */
export const zeroTargets: fc.Arbitrary<DatasetJson> = data.map((d) => ({
  inputs: d.inputs,
  targets: d.targets.map(() => [0]),
}));

/** f(x) = vᵀ tanh(W x), W ∈ R^{N×d}, v ∈ R^N, no biases, L = ½ Σ_i (f(x_i) − y_i)², at W = 0, v = 0. */
export function originSubject(d: DatasetJson): MlpSubjectJson {
  const width = d.inputs.length;
  return {
    kind: 'mlp',
    network: { layerSizes: [INPUT_DIM, width, 1], activation: { name: 'tanh' }, bias: false },
    data: d,
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: [
        { weights: Array.from({ length: width }, () => Array(INPUT_DIM).fill(0)), biases: null },
        { weights: [Array(width).fill(0)], biases: null },
      ],
    },
  };
}

/** Examine the all-zero point: gradient, Hessian spectrum, and a descent direction if there is one. */
function examineOrigin(d: DatasetJson) {
  const subject = originSubject(d);
  const model = subjectModel(subject);
  return { subject, model, exam: examinePoint(model.objective, model.theta, { rng: seededRng(0) }) };
}

export const wideTanhCriticalPointsGlobal = defineClaim<DatasetJson, null>({
  id: 'wide-tanh-critical-points-global',
  title: 'Every critical point of a wide two-layer tanh network is a global minimum (false)',
  source: nguyenHein2017.at('the wide-layer theorem without its full-rank hypothesis [REC numbering]'),
  statement:
    'Claim (false): for f(x) = vᵀ tanh(Wx) with hidden width m ≥ N (N distinct samples, no biases) and ' +
    'L = ½Σ_i (f(x_i) − y_i)², every critical point is a global minimum. Refutation: at W = 0, v = 0 every ' +
    'hidden unit outputs tanh(0) = 0, so ∂L/∂v = 0 and ∂L/∂W = 0 (each carries a factor v or tanh(0)); the ' +
    'Hessian there is zero except for the W–v blocks, −Σ_i y_i x_i for every unit, so it has the eigenvalue ' +
    '−‖Σ_i y_i x_i‖ < 0 whenever Σ_i y_i x_i ≠ 0: a saddle with L = ½Σ y_i² > 0, not a global minimum. ' +
    'Nguyen and Hein exclude it by asking that v have full rank. Check: examine the all-zero point; a ' +
    'certified saddle refutes the claim.',
  kind: 'construction',
  expect: 'refuted',
  // What may refute this claim when a file is replayed: a certified saddle of a tanh network (the all-zero point).
  refutedBy: {
    kinds: ['saddle'],
    subject: (s) =>
      s.kind === 'mlp' && s.network.activation.name === 'tanh'
        ? []
        : ['expected an mlp with tanh activation'],
  },
  hypotheses: data,
  budget: { test: 20, check: 50 },
  check(d) {
    const { exam } = examineOrigin(d);
    return exam.classification === 'saddle' && exam.descent !== null
      ? { status: 'fail', evidence: null }
      : { status: 'pass' };
  },
  certify(d) {
    const { subject, model, exam } = examineOrigin(d);
    const certificate = saddleCertificate(model, exam);
    return certificate === null
      ? { ok: false, reason: 'no descent direction at the all-zero point' }
      : { ok: true, value: { subject, certificate } };
  },
  control: {
    description: 'all targets 0: the all-zero point is a global minimum (L = 0), so the check passes',
    hypotheses: zeroTargets,
    expect: 'holds',
  },
});
