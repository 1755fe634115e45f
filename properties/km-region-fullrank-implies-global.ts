// Karhadkar, Murray, Tseran, Montúfar (2023), "Mildly Overparameterized ReLU Networks Have a Favorable Loss
// Landscape", arXiv 2305.19510 (TMLR 2024), the region argument behind Theorem 5 [REC numbering] and the
// dimension statement for global minima; docs/derivations.md#jacobian-certificate and #region-linearity. Hypotheses as stated there; see
// `statement`.
import fc from 'fast-check';
import type { CounterexampleJson } from '../src/archive/index.js';
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  examinePoint,
  lbfgs,
  type MlpSubjectJson,
  spuriousMinimumCertificate,
  subjectModel,
} from '../src/landscape/index.js';
import {
  caseRegion,
  examineRegion,
  faceSplitMatrix,
  fromTheta,
  KINK_RTOL,
  REGION_LINEARITY_RTOL,
  type RegionExamination,
  regionJacobian,
  regionSlack,
  seededTwoLayerCase,
  type TwoLayerCase,
  twoLayerSubject,
  withParameters,
} from '../src/landscape/regions/index.js';
import { loadHighs } from '../src/landscape/solvers/index.js';
import { numericalRank } from '../src/linalg/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/**
 * Hypotheses as a genome of small integers: shapes, three seeds (data uniform on (−1, 1)^d0, weights N(0, 1),
 * output weights ±(½ + |N(0,1)|)), target noise k/4 around the network's own outputs, and which hypothesis on
 * the region is assumed (`full-rank`: the theorem's; `any`: dropped, the control).
 */
export interface RegionGenome {
  readonly n: number;
  readonly d0: number;
  readonly d1: number;
  readonly dataSeed: number;
  readonly weightSeed: number;
  readonly outputSeed: number;
  readonly noise: readonly number[];
  /** 0 for relu; k > 0 for leaky relu with slope k/20 (sc16-no-bad-dlm). */
  readonly slope: number;
  readonly assume: 'full-rank' | 'any';
}

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

export function regionGenome(shape: {
  n: [number, number];
  d0: [number, number];
  d1: [number, number];
  slope: [number, number];
  assume: RegionGenome['assume'];
}): fc.Arbitrary<RegionGenome> {
  return fc.record({
    n: fc.integer({ min: shape.n[0], max: shape.n[1] }),
    d0: fc.integer({ min: shape.d0[0], max: shape.d0[1] }),
    d1: fc.integer({ min: shape.d1[0], max: shape.d1[1] }),
    dataSeed: seed,
    weightSeed: seed,
    outputSeed: seed,
    noise: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 8, maxLength: 8 }),
    slope: fc.integer({ min: shape.slope[0], max: shape.slope[1] }),
    assume: fc.constant(shape.assume),
  });
}

/** The case of a genome: always with a bias (folded into x̃ = (x, 1), as the theorem allows). */
export function regionCase(g: RegionGenome): TwoLayerCase {
  return seededTwoLayerCase({ ...g, bias: true, slope: g.slope / 20 });
}

export type RegionEvidence =
  | { readonly kind: 'bad-critical-point'; readonly theta: number[]; readonly loss: number }
  | { readonly kind: 'certificate' | 'linearity' | 'zero-loss-set'; readonly detail: string };

/**
 * The shared predicate of the region theorems (this claim and sc16-no-bad-dlm): discard points on a kink and
 * undecidable ranks; with `assume: full-rank`, discard regions whose Jacobian is not of rank n. Then fail on
 * (a) an interior minimiser of the region's loss (a differentiable critical point) with loss > 0, (b) a violated
 * certificate inequality ‖r‖·σ_n ≤ ‖∇L‖ at a sampled point, (c) the network disagreeing with the region's linear
 * model, (d) for rank J_A = n, a zero-loss set inside the region whose dimension is not d1·(d0+1) − n.
 */
export function checkRegion(g: RegionGenome): ReturnType<typeof regionTheoremOutcome> {
  const c = regionCase(g);
  const exam = examineRegion(c, seededRng(g.weightSeed ^ 0x5bd1e995));
  return regionTheoremOutcome(g, c, exam);
}

export function regionTheoremOutcome(g: RegionGenome, c: TwoLayerCase, exam: RegionExamination) {
  type Out =
    | { status: 'pass'; score: number }
    | { status: 'fail'; evidence: RegionEvidence; score: number }
    | { status: 'inconclusive'; reason: string }
    | { status: 'discard'; reason: string };
  const out = (o: Out): Out => o;
  if (!(exam.slack > KINK_RTOL)) return out({ status: 'discard', reason: 'the point is on a kink' });
  if (!exam.decidable) return out({ status: 'discard', reason: 'rank of J_A undecidable' });
  if (g.assume === 'full-rank' && exam.rank < exam.n)
    return out({ status: 'discard', reason: 'rank J_A < n (outside the hypothesis)' });
  if (exam.lp.status !== 'optimal')
    return out({ status: 'inconclusive', reason: `region LP: ${exam.lp.statusText}` });
  const score = exam.criticalPoint === null ? 0 : exam.criticalPoint.loss;
  if (exam.certificate.worst > 0) {
    return out({
      status: 'fail',
      evidence: { kind: 'certificate', detail: `‖r‖σ_n exceeds ‖∇L‖ by ${exam.certificate.worst}` },
      score,
    });
  }
  if (exam.linearityError > REGION_LINEARITY_RTOL) {
    return out({
      status: 'fail',
      evidence: { kind: 'linearity', detail: `network vs region model: ${exam.linearityError}` },
      score,
    });
  }
  if (exam.criticalPoint !== null && exam.criticalPoint.loss > exam.zeroLossTol) {
    const theta = Array.from(subjectModel(twoLayerSubject(withParameters(c, exam.criticalPoint.w))).theta);
    return out({
      status: 'fail',
      evidence: { kind: 'bad-critical-point', theta, loss: exam.criticalPoint.loss },
      score,
    });
  }
  const set = exam.zeroLossSet;
  if (set !== null && exam.rank === exam.n) {
    const claimed = exam.p - exam.n;
    if (set.dimension !== claimed || set.worstLoss > exam.zeroLossTol || set.leftRegion > 0) {
      const detail = `zero-loss set: dimension ${set.dimension} (claimed ${claimed}), worst loss ${set.worstLoss}, ${set.leftRegion} steps left the region`;
      return out({ status: 'fail', evidence: { kind: 'zero-loss-set', detail }, score });
    }
  }
  return out({ status: 'pass', score });
}

/** Restarts for a better point (L-BFGS from N(0,1) first layers): a lower loss elsewhere certifies "not global". */
const RESTARTS = 8;

/**
 * A bad differentiable critical point as a certified counterexample: the network at the point (first layer
 * trained, v frozen) is examined (gradient, Hessian, perturbations; it is a local minimum because the loss is a
 * convex quadratic on the open region), and a better point comes from L-BFGS restarts. `details` records the
 * activation pattern, rank J_A and the region slack, re-checked on replay.
 */
export function certifyBadCriticalPoint(g: RegionGenome, evidence: RegionEvidence) {
  if (evidence.kind !== 'bad-critical-point')
    return { ok: false as const, reason: `not a certifiable failure: ${evidence.detail}` };
  const base = regionCase(g);
  const subject0 = twoLayerSubject(base);
  const model0 = subjectModel(subject0);
  const at: MlpSubjectJson = {
    ...subject0,
    point: model0.toPoint(Float64Array.from(evidence.theta)) as MlpSubjectJson['point'],
  };
  const model = subjectModel(at);
  const exam = examinePoint(model.objective, model.theta, {
    rng: seededRng(g.weightSeed + 11),
    radii: [1e-3, 1e-5],
    trials: 200,
  });
  if (exam.classification === 'saddle' || exam.classification === 'not-critical') {
    return { ok: false as const, reason: `the point is ${exam.classification}` };
  }
  const rng = seededRng(g.weightSeed + 12);
  let best: { theta: Float64Array; value: number } | null = null;
  for (let r = 0; r < RESTARTS; r++) {
    const start = Float64Array.from(model.theta, () => rng.normal());
    const result = lbfgs(model.objective, start, { maxIterations: 2000 });
    if (Number.isFinite(result.value) && (best === null || result.value < best.value)) best = result;
  }
  if (best === null) return { ok: false as const, reason: 'no finite restart' };
  const c = withParameters(base, fromTheta(base, model.theta));
  const region = caseRegion(c);
  const rank = numericalRank(faceSplitMatrix(regionJacobian(region))).rank;
  return {
    ok: true as const,
    value: {
      subject: at,
      certificate: spuriousMinimumCertificate(model, exam, best.theta, {
        details: {
          pattern: Array.from(region.pattern),
          jacobianRank: rank,
          regionSlack: regionSlack(region, fromTheta(c, model.theta)),
        },
      }),
    },
  };
}

/**
 * The hypotheses on an archived subject (`refutedBy.subject`): one hidden layer of the given activation with biases,
 * output weights fixed and non-zero, one output, and the point strictly inside an activation region whose Jacobian
 * J_A has rank n. Also used by sc16-no-bad-dlm.
 */
export function regionHypotheses(activation: 'relu' | 'leaky-relu') {
  return mlpHypotheses({
    activations: [activation],
    bias: true,
    hiddenLayers: [1, 1],
    outputs: 1,
    trained: 'first-only',
    more: (subject) => {
      const layer = subject.point.layers[0]!;
      const v = subject.point.layers[1]!.weights[0]!;
      if (v.some((x) => x === 0)) return ['an output weight v_j = 0, expected every v_j ≠ 0'];
      const a = subject.network.activation;
      const c: TwoLayerCase = {
        inputs: subject.data.inputs,
        targets: subject.data.targets.map((t) => t[0]!),
        weights: layer.weights,
        biases: layer.biases,
        v,
        slope: a.name === 'leaky-relu' ? a.slope : 0,
      };
      const region = caseRegion(c);
      const rank = numericalRank(faceSplitMatrix(regionJacobian(region))).rank;
      const n = subject.data.inputs.length;
      if (rank !== n) return [`rank J_A = ${rank} < n = ${n}: the region is not of full rank`];
      if (!(regionSlack(region, fromTheta(c, subjectModel(subject).theta)) > 0))
        return ['the point is not strictly inside its activation region'];
      return [];
    },
  });
}

/** Replay check of `details`: the point's activation pattern and rank J_A are what the certificate says. */
export function verifyRegionDetails(file: CounterexampleJson): string[] {
  const details = file.certificate.details;
  if (details === undefined) return [];
  if (file.subject.kind !== 'mlp') return ['details: region certificates need an mlp subject'];
  const subject = file.subject as MlpSubjectJson;
  const layer = subject.point.layers[0]!;
  const out = subject.point.layers[1]!;
  const activation = subject.network.activation;
  const c: TwoLayerCase = {
    inputs: subject.data.inputs,
    targets: subject.data.targets.map((t) => t[0]!),
    weights: layer.weights,
    biases: layer.biases,
    v: out.weights[0]!,
    slope: activation.name === 'leaky-relu' ? activation.slope : 0,
  };
  const region = caseRegion(c);
  const problems: string[] = [];
  const pattern = details.pattern as unknown;
  if (
    !Array.isArray(pattern) ||
    pattern.length !== region.pattern.length ||
    pattern.some((a, k) => a !== region.pattern[k])
  ) {
    problems.push('details.pattern is not the activation pattern at the point');
  }
  const rank = numericalRank(faceSplitMatrix(regionJacobian(region))).rank;
  if (rank !== details.jacobianRank)
    problems.push(`rank J_A is ${rank}, details say ${String(details.jacobianRank)}`);
  if (!(regionSlack(region, fromTheta(c, subjectModel(subject).theta)) > 0))
    problems.push('the point is not inside its region');
  return problems;
}

export const kmRegionFullrankImpliesGlobal = defineClaim<RegionGenome, RegionEvidence>({
  id: 'km-region-fullrank-implies-global',
  title:
    'In an activation region whose Jacobian has rank n, every differentiable critical point is a global minimum',
  source: sources.karhadkar2023.at(
    'the region argument of Theorem 5 and the dimension of the set of global minima [REC numbering]',
  ),
  statement:
    'F(W; x) = Σ_j v_j relu(w_j·x + b_j), output weights v fixed with every v_j ≠ 0, first layer (W, b) trained (the bias ' +
    'folded into x̃ = (x, 1)), squared loss L = ½Σ_i (F(x_i) − y_i)², n distinct samples. For an activation pattern A, ' +
    'the region S_A = {W : (2A_ij − 1)·w̃_j·x̃_i > 0} and J_A = S ⊙ X̃ (row i: (v_j·A_ij·x̃_i)_j). Claim: if rank J_A = n, ' +
    'every differentiable critical point of L in S_A is a global minimum with L = 0, and if S_A contains a zero-loss ' +
    'point, the zero-loss set in S_A is an affine set of dimension d1·(d0+1) − n intersected with S_A. ' +
    'Check (data uniform on (−1,1)^d0, weights N(0,1), targets = the network plus noise k/4, n ≤ 6): the region LP ' +
    '(HiGHS) looks for a minimiser of the region quadratic ½‖J_A·w̃ − y‖² strictly inside S_A (margin > 1e-5) — these ' +
    'are exactly the differentiable critical points in S_A; one found must have L ≤ 1e-10·(1 + ½‖y‖²) on the real ' +
    'network, and the zero-loss set there must have dimension d1·(d0+1) − n (the null space of J_A, stepped along on ' +
    'the real network). Also ‖r‖·σ_n(J_A) ≤ ‖∇L‖ at sampled points of S_A (docs/derivations.md#jacobian-certificate) and the network equals the ' +
    'region model there. Regions with rank J_A < n (numericalRank, numpy cut) or an undecidable rank are discarded.',
  kind: 'theorem',
  expect: 'holds',
  hypotheses: regionGenome({ n: [2, 6], d0: [1, 3], d1: [4, 7], slope: [0, 0], assume: 'full-rank' }),
  prepare: loadHighs,
  budget: { test: 30, check: 300 },
  refutedBy: { kinds: SPURIOUS_MINIMUM_KINDS, subject: regionHypotheses('relu') },
  check: checkRegion,
  certify: certifyBadCriticalPoint,
  verifyDetails: verifyRegionDetails,
  control: {
    description:
      'rank hypothesis dropped (n = 5…8 samples, one input, 1–2 units: rank J_A < n): an interior minimiser of a region has positive loss',
    hypotheses: regionGenome({ n: [5, 8], d0: [1, 1], d1: [1, 2], slope: [0, 0], assume: 'any' }),
    expect: 'refuted',
    runs: 30,
  },
});
