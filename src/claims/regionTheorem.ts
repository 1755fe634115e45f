/**
 * The activation-region theorems as a check (km-region-fullrank-implies-global, sc16-no-bad-dlm): the predicate, the
 * certificate of a bad differentiable critical point, the hypotheses on an archived subject and the replay check of
 * its `details`. The facts are in docs/derivations.md#jacobian-certificate and #region-linearity.
 */
import type { CounterexampleJson } from '../archive/index.js';
import { type RegionGenome, regionCase } from '../generate/regions.js';
import {
  bestOfRestarts,
  examinePoint,
  type MlpSubjectJson,
  spuriousMinimumCertificate,
  subjectModel,
} from '../landscape/index.js';
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
  type TwoLayerCase,
  twoLayerSubject,
  withParameters,
} from '../landscape/regions/index.js';
import { numericalRank } from '../linalg/index.js';
import { seededRng } from '../random.js';
import type { CertifyResult, Outcome } from './claim.js';
import { mlpHypotheses } from './refutation.js';

/** The two-layer case of an archived one-hidden-layer subject (first layer, output weights v, the leaky slope). */
function subjectCase(subject: MlpSubjectJson): TwoLayerCase {
  const [layer, out] = subject.point.layers;
  const activation = subject.network.activation;
  return {
    inputs: subject.data.inputs,
    targets: subject.data.targets.map((t) => t[0]!),
    weights: layer!.weights,
    biases: layer!.biases,
    v: out!.weights[0]!,
    slope: activation.name === 'leaky-relu' ? activation.slope : 0,
  };
}

/** What a failed region check found: a bad critical point (certifiable), or a violated fact (not certifiable). */
export type RegionEvidence =
  | { readonly kind: 'bad-critical-point'; readonly theta: number[]; readonly loss: number }
  | { readonly kind: 'certificate' | 'linearity' | 'zero-loss-set'; readonly detail: string };

/**
 * The shared predicate of the region theorems (km-region-fullrank-implies-global and sc16-no-bad-dlm): discard points on a kink and
 * undecidable ranks; with `assume: full-rank`, discard regions whose Jacobian is not of rank n. Then fail on
 * (a) an interior minimiser of the region's loss (a differentiable critical point) with loss > 0, (b) a violated
 * certificate inequality ‖r‖·σ_n ≤ ‖∇L‖ at a sampled point, (c) the network disagreeing with the region's linear
 * model, (d) for rank J_A = n, a zero-loss set inside the region whose dimension is not d1·(d0+1) − n.
 */
export function checkRegion(g: RegionGenome): Outcome<RegionEvidence> {
  const c = regionCase(g);
  const exam = examineRegion(c, seededRng(g.weightSeed ^ 0x5bd1e995));
  return regionTheoremOutcome(g, c, exam);
}

/** The verdict of one examined region under the genome's hypothesis (`assume`); see checkRegion. */
export function regionTheoremOutcome(
  g: RegionGenome,
  c: TwoLayerCase,
  exam: RegionExamination,
): Outcome<RegionEvidence> {
  const out = (o: Outcome<RegionEvidence>) => o;
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
export function certifyBadCriticalPoint(g: RegionGenome, evidence: RegionEvidence): CertifyResult {
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
  const best = bestOfRestarts(model.objective, model.theta.length, seededRng(g.weightSeed + 12), RESTARTS);
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
      const c = subjectCase(subject);
      if (c.v.some((x) => x === 0)) return ['an output weight v_j = 0, expected every v_j ≠ 0'];
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
  const c = subjectCase(subject);
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
