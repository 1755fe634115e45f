import type { CertifyResult, Outcome } from '../claims/index.js';
import {
  descendToCritical,
  linearHypotheses,
  linearSpuriousMinimumCertificate,
  matchesCriticalValue,
  ORIGIN_EIG_RTOL,
  ORIGIN_ZERO_RTOL,
  originCurvature,
} from '../landscape/exact/index.js';
import {
  examinePoint,
  isSpuriousGap,
  type LinearClosedForm,
  type MlpSubjectJson,
  type SubjectModel,
} from '../landscape/index.js';
import { seededRng } from '../random.js';

/**
 * The checks and certificates the linear-network theorems share (Baldi–Hornik 1989, Kawaguchi 2016): descend from
 * the subject's point, examine the endpoint on the quotient by the GL symmetries, and compare it with the closed
 * form; a local minimum above L* by the spurious gap is certified by linearSpuriousMinimumCertificate.
 */

/** What failed: a spurious local minimum (certifiable), or an exact fact (closed form, origin; not certifiable). */
export interface LinearEvidence {
  readonly kind: 'spurious-minimum' | 'closed-form' | 'origin';
  readonly theta: number[];
  readonly detail: string;
}

/** Perturbation search of the examination at the optimiser's endpoint (cheap: the Hessian decides here). */
export const LINEAR_EXAM = { radii: [1e-3, 1e-5], trials: 60 } as const;
/** Perturbation radii at the origin: the descent there is third order (∝ r³‖Σ_YX‖ against r⁴), so larger radii. */
export const ORIGIN_RADII: readonly number[] = [1e-1, 1e-2];
/** Random directions per radius at the origin. */
const ORIGIN_TRIALS = 40;

/**
 * Descend (L-BFGS, Newton polish) from the model's point and judge the endpoint against L*: a saddle or the global
 * value passes; a local minimum above L* by the spurious gap fails; `criticalValues` (when given) must contain the
 * endpoint's value (Baldi–Hornik (iii)).
 */
export function judgeLinearEndpoint(
  model: SubjectModel,
  closed: LinearClosedForm,
  seed: number,
  criticalValues: readonly number[] | null,
): Outcome<LinearEvidence> {
  const result = descendToCritical(model.objective, model.theta, seededRng(seed), LINEAR_EXAM);
  if (result.exam === null)
    return { status: 'inconclusive', reason: `optimiser: ${result.optimized.reason}` };
  const value = result.exam.value;
  const score = (value - closed.globalLoss) / (1 + Math.abs(closed.globalLoss));
  const c = result.exam.classification;
  const theta = Array.from(result.theta);
  if (c === 'not-critical')
    return { status: 'inconclusive', reason: 'endpoint not critical after polishing', score };
  if (criticalValues !== null && !criticalValues.some((v) => matchesCriticalValue(value, v))) {
    const detail = `critical point with L = ${value}, none of the closed-form critical values ${criticalValues.join(', ')}`;
    return { status: 'fail', evidence: { kind: 'closed-form', theta, detail }, score };
  }
  if (c === 'saddle' || matchesCriticalValue(value, closed.globalLoss)) return { status: 'pass', score };
  if (!isSpuriousGap(value, closed.globalLoss))
    return { status: 'inconclusive', reason: 'local minimum just above L*', score };
  if (c === 'degenerate')
    return { status: 'inconclusive', reason: 'degenerate critical point above L*', score };
  const detail = `${c} at L = ${value} > L* = ${closed.globalLoss}`;
  return { status: 'fail', evidence: { kind: 'spurious-minimum', theta, detail }, score };
}

/** The certificate of a spurious minimum found by judgeLinearEndpoint; exact-fact failures have none. */
export function linearCertificate(
  subject: MlpSubjectJson | null,
  evidence: LinearEvidence,
  seed: number,
  options: { readonly fullRankXY?: boolean } = {},
): CertifyResult {
  if (evidence.kind !== 'spurious-minimum')
    return {
      ok: false,
      reason: `exact ${evidence.kind} fact failed (no certificate kind for it): ${evidence.detail}`,
    };
  if (subject === null) return { ok: false, reason: 'shape outside the hypotheses' };
  const hyp = linearHypotheses(subject, options);
  if (!hyp.ok) return { ok: false, reason: hyp.reason };
  const built = linearSpuriousMinimumCertificate(subject, hyp.closed, evidence.theta, seed);
  if (!built.ok) return { ok: false, reason: `${built.reason} (${evidence.detail})` };
  return { ok: true, value: { subject: built.subject, certificate: built.certificate } };
}

/** The same data with a depth-2 linear network of width p (for the origin fact of depth 2). */
function shallow(subject: MlpSubjectJson, p: number, targets = subject.data.targets): MlpSubjectJson {
  const [dx, dy] = [subject.network.layerSizes[0]!, subject.network.layerSizes.at(-1)!];
  return {
    ...subject,
    network: { layerSizes: [dx, p, dy], activation: { name: 'identity' }, bias: false },
    data: { inputs: subject.data.inputs, targets },
    point: { layers: [] },
  };
}

/** Y − XŴᵀ, the targets of the least-squares residual (Σ_YX = 0 for them). */
function residualTargets(subject: MlpSubjectJson, closed: LinearClosedForm): number[][] {
  const w = closed.wHat;
  return subject.data.targets.map((row, i) =>
    row.map(
      (yk, k) => yk - subject.data.inputs[i]!.reduce((acc, xj, j) => acc + xj * w.data[k * w.cols + j]!, 0),
    ),
  );
}

/**
 * Kawaguchi's origin facts (docs/derivations.md#deep-linear-origin) for a deep linear subject; null when they hold,
 * else what failed: ∇²L(0) is exactly 0, the second-order test is inconclusive there, sampled perturbations never
 * call it a minimum, and at depth 2 on the same data λ_min(∇²L(0)) = −2s·σ_1(Σ_YX), ≈ 0 once Σ_YX = 0.
 */
export function originFailure(
  model: SubjectModel,
  subject: MlpSubjectJson,
  closed: LinearClosedForm,
  seed: number,
): string | null {
  const deep = originCurvature(subject);
  if (!deep.finite || deep.nonZeroEntries > 0)
    return `∇²L(0) has ${deep.nonZeroEntries} non-zero entries (finite: ${deep.finite}), expected exactly 0`;
  const zero = new Float64Array(model.objective.dim);
  const secondOrder = examinePoint(model.objective, zero, { rng: seededRng(seed), radii: [1e-2], trials: 0 });
  if (secondOrder.classification !== 'degenerate' && secondOrder.classification !== 'saddle')
    return `second-order test at the origin says ${secondOrder.classification}, expected inconclusive (degenerate) or saddle`;
  const sampled = examinePoint(model.objective, zero, {
    rng: seededRng(seed + 1),
    radii: ORIGIN_RADII,
    trials: ORIGIN_TRIALS,
  });
  if (sampled.classification === 'local-min' || sampled.classification === 'strict-local-min')
    return `examination at the origin says ${sampled.classification}`;
  const p = Math.min(...subject.network.layerSizes.slice(1, -1));
  const two = originCurvature(shallow(subject, p));
  const predicted = -2 * subject.loss.scale * two.sigmaYX;
  if (!(Math.abs(two.lambdaMin - predicted) <= ORIGIN_EIG_RTOL * Math.abs(predicted)) || !(predicted < 0))
    return `depth 2: λ_min(∇²L(0)) = ${two.lambdaMin}, expected −2s·σ_1(Σ_YX) = ${predicted} < 0`;
  const orthogonal = originCurvature(shallow(subject, p, residualTargets(subject, closed)));
  if (!(Math.abs(orthogonal.lambdaMin) <= ORIGIN_ZERO_RTOL * orthogonal.scale))
    return `depth 2 with Σ_YX = 0: λ_min(∇²L(0)) = ${orthogonal.lambdaMin}, expected 0 (scale ${orthogonal.scale})`;
  return null;
}
