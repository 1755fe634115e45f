// Yun, Sra, Jadbabaie (2019), "Small nonlinearities in activation functions create bad local minima in neural
// networks", ICLR 2019, arXiv 1802.03487, Theorem 1 (relu-like h(t) = s₊t on t ≥ 0, s₋t on t < 0, s₊ ≠ s₋) [REC
// numbering]. The claim below is the false one their theorem refutes; see `statement`. Construction: see `statement`.
import fc from 'fast-check';
import type { CounterexampleJson } from '../src/archive/index.js';
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  affineFit,
  allActiveProof,
  distinctInputs,
  flatEscape,
  linearRegimePoint,
} from '../src/landscape/basins/index.js';
import {
  examinePoint,
  isSpuriousGap,
  type MlpSubjectJson,
  mlpSubjectAt,
  spuriousMinimumCertificate,
  subjectModel,
} from '../src/landscape/index.js';
import { type ActivationSpec, loss, makeProblem, subjectProblem } from '../src/nn/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/**
 * s₋ for s₊ = 1 (our leaky-relu has slope 1 on t > 0; any s₊ > 0 rescales to it): relu (0), ordinary leaky slopes, and
 * the "small nonlinearities" 0.9 and 1.1 next to the linear case, and slopes ≤ 0 and > 1.
 */
const SLOPES: readonly number[] = [0, 0.01, 0.2, 0.5, 0.9, 1.1, 2, -0.5];

/** Hypotheses as a genome of small integers (data values k/4). */
export interface SmallNonlinearityGenome {
  /** s₋ = slopes[slope]; s₊ = 1. */
  readonly slope: number;
  readonly slopes: readonly number[];
  readonly d: number;
  readonly n: number;
  readonly width: number;
  readonly gaps: readonly number[];
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Smallest pre-activation of the construction: shift/4 > 0. */
  readonly shift: number;
  readonly scale: number;
  readonly seed: number;
}

function genome(slopes: readonly number[]): fc.Arbitrary<SmallNonlinearityGenome> {
  return fc.record({
    // s₋ is what a counterexample is about (e.g. the small nonlinearity 0.9): kept as found (the data shrinks).
    slope: fc.noShrink(fc.integer({ min: 0, max: slopes.length - 1 })),
    slopes: fc.constant(slopes),
    d: fc.integer({ min: 1, max: 2 }),
    n: fc.integer({ min: 4, max: 7 }),
    width: fc.integer({ min: 2, max: 4 }),
    gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
    xs: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 12, maxLength: 12 }),
    ys: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 7, maxLength: 7 }),
    shift: fc.integer({ min: 1, max: 8 }),
    scale: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
}

function activationOf(g: SmallNonlinearityGenome): ActivationSpec {
  const s = g.slopes[g.slope]!;
  return s === 0 ? { name: 'relu' } : { name: 'leaky-relu', slope: s };
}

/** The network, data and linear-regime point (src/landscape/basins' builder) of a genome. */
export function smallNonlinearitySubject(g: SmallNonlinearityGenome): MlpSubjectJson {
  const inputs = distinctInputs(g.gaps, g.xs, g.n, g.d);
  const targets = inputs.map((_, i) => [g.ys[i % g.ys.length]! / 4]);
  const network = { layerSizes: [g.d, g.width, 1], activation: activationOf(g), bias: true };
  const data = { inputs, targets };
  const problem = makeProblem(network, data);
  const theta = linearRegimePoint(problem, {
    shift: g.shift / 4,
    scale: 2 ** g.scale / 2,
    rng: seededRng(g.seed),
  });
  return mlpSubjectAt(network, data, theta);
}

/** Targets are "affinely fittable" when the affine least-squares loss is below this fraction of 1 + ½‖y‖² (rounding). */
const AFFINE_FIT_RTOL = 1e-12;
/** L(point) equals the affine least-squares loss up to the rounding of two n-term sums. */
const LINEAR_LOSS_RTOL = 1e-10;

const EXAM = { radii: [1e-2, 1e-3, 1e-4], trials: 40 } as const;

interface Evidence {
  readonly better: number[];
}

export const ysj19SmallNonlinearity = defineClaim<SmallNonlinearityGenome, Evidence>({
  id: 'ysj19-small-nonlinearity',
  title: 'One-hidden-layer networks with a relu-like activation (s₊ ≠ s₋) have no bad local minimum (false)',
  source: sources.yunSraJadbabaie2019.at('Theorem 1 (relu-like activations) [REC numbering]'),
  statement:
    'Claim (false): for f(x) = Σ_{j≤m} a_j h(w_j·x + b_j) + c with h(t) = s₊t (t ≥ 0), s₋t (t < 0), s₊ ≠ s₋ (relu, ' +
    'leaky-relu, including slopes s₋ = 0.9 or 1.1 next to the linear case), hidden width m ≥ 2, squared loss and data ' +
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
  hypotheses: genome(SLOPES),
  budget: { test: 20, check: 100 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses({
      activations: ['relu', 'leaky-relu'],
      bias: true,
      hiddenLayers: [1, 1],
      outputs: 1,
      trained: 'all',
      more: (s) => {
        const a = s.network.activation;
        if (a.name === 'leaky-relu' && a.slope === 1) return ['slope 1: the activation is linear (s₊ = s₋)'];
        return s.network.layerSizes[1]! >= 2 ? [] : ['hidden width below 2'];
      },
    }),
  },
  check(g) {
    const subject = smallNonlinearitySubject(g);
    const { problem, theta } = subjectProblem(subject);
    const linear = affineFit(problem).loss;
    const zero = 0.5 * subject.data.targets.reduce((a, y) => a + y[0]! ** 2, 0);
    if (linear <= AFFINE_FIT_RTOL * (1 + zero))
      return { status: 'discard', reason: 'targets are affinely fittable' };
    if (allActiveProof(problem, theta) === null)
      return { status: 'inconclusive', reason: 'the construction left a unit inactive' };
    const hinge = flatEscape(problem, theta, seededRng(g.seed + 1));
    const s = g.slopes[g.slope]!;
    if (hinge === null) {
      // With s₋ = s₊ = 1 the network is affine in x everywhere: L ≥ L_lin for every θ, so the point is global.
      return s === 1
        ? { status: 'pass', score: 0 }
        : { status: 'inconclusive', reason: 'no flat move followed by a descent step was found' };
    }
    const value = loss(problem, theta);
    if (!isSpuriousGap(value, hinge.descentLoss))
      return { status: 'pass', score: (value - hinge.descentLoss) / (1 + value) };
    const model = subjectModel(subject);
    const exam = examinePoint(model.objective, model.theta, { rng: seededRng(g.seed + 2), ...EXAM });
    if (exam.classification === 'saddle' || exam.classification === 'not-critical') {
      return {
        status: 'inconclusive',
        reason: `the sampled examination says ${exam.classification}, the exact argument says local minimum`,
      };
    }
    return { status: 'fail', evidence: { better: Array.from(hinge.descentPoint) }, score: 1 };
  },
  certify(g, evidence) {
    const subject = smallNonlinearitySubject(g);
    const { problem, theta } = subjectProblem(subject);
    const proof = allActiveProof(problem, theta);
    if (proof === null) return { ok: false, reason: 'the construction left a unit inactive' };
    const model = subjectModel(subject);
    const exam = examinePoint(model.objective, model.theta, {
      rng: seededRng(g.seed + 3),
      radii: EXAM.radii,
      trials: 200,
    });
    const s = g.slopes[g.slope]!;
    return {
      ok: true,
      value: {
        subject,
        certificate: spuriousMinimumCertificate(model, exam, Float64Array.from(evidence.better), {
          exact: {
            argument:
              'every hidden pre-activation w_j·x_i + b_j ≥ margin > 0; perturbations of norm < radius = margin/√(1 + max‖x_i‖²) keep every unit on t > 0, so the network is affine in x on the data and L ≥ linearLoss (affine least squares) = L(point)',
            margin: proof.margin,
            radius: proof.radius,
            linearLoss: affineFit(problem).loss,
          },
          details: {
            slopes: { positive: 1, negative: s },
            width: g.width,
            betterPoint:
              'a unit with output weight 0 moves its kink between samples (L unchanged), then its output weight is set to −Σr_i h(x_i)/Σh(x_i)²; this lowers L because s₊ ≠ s₋',
          },
        }),
      },
    };
  },
  verifyDetails(file: CounterexampleJson) {
    if (file.subject.kind !== 'mlp') return ['expected an mlp subject'];
    const problems: string[] = [];
    const { problem, theta } = subjectProblem(file.subject as MlpSubjectJson);
    const spec = problem.net.activation;
    if (!(spec.name === 'relu' || (spec.name === 'leaky-relu' && spec.slope !== 1)))
      problems.push(`activation ${spec.name} is not relu-like with s₊ ≠ s₋`);
    if (problem.layout.layers.length !== 2 || problem.layout.layerSizes[1]! < 2)
      problems.push('not one hidden layer of width ≥ 2');
    const proof = allActiveProof(problem, theta);
    const exact = file.certificate.exact ?? {};
    if (proof === null) problems.push('exact: some hidden pre-activation is ≤ 0');
    else if (!(Math.abs(proof.margin - Number(exact.margin)) <= 1e-12 * (1 + proof.margin))) {
      problems.push(`exact: margin is ${proof.margin}, certificate says ${String(exact.margin)}`);
    }
    const value = loss(problem, theta);
    const linear = affineFit(problem).loss;
    if (!(Math.abs(value - linear) <= LINEAR_LOSS_RTOL * (1 + linear)))
      problems.push(`exact: L(point) = ${value} is not the affine least-squares loss ${linear}`);
    return problems;
  },
  mutate(g, rng) {
    const ys = [...g.ys];
    const k = rng.int(0, ys.length - 1);
    ys[k] = Math.max(-8, Math.min(8, ys[k]! + (rng.uniform() < 0.5 ? -1 : 1)));
    return { ...g, ys, slope: rng.uniform() < 0.3 ? rng.int(0, g.slopes.length - 1) : g.slope };
  },
  control: {
    description:
      's₊ = s₋ (leaky-relu with slope 1, a linear network): the linear regime is the global minimum',
    hypotheses: genome([1]),
    expect: 'holds',
    runs: 20,
  },
});
