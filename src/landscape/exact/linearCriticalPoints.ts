import {
  frobenius,
  fromRows,
  matmul,
  numericalRank,
  rankIsDecidable,
  singularValues,
  symmetricEigenvalues,
  transpose,
} from '../../linalg/index.js';
import { seededRng } from '../../random.js';
import {
  type Certificate,
  type LinearClosedForm,
  linearClosedForm,
  type MlpSubjectJson,
  mlpModel,
  PSD_EIG_RTOL,
  spuriousMinimumCertificate,
  subjectModel,
} from '../index.js';
import { bestPoint, descendToCritical } from './descendToCritical.js';
import { CLOSED_FORM_GRAD_RTOL, CRITICAL_VALUE_RTOL, EIGEN_GAP_RTOL } from './tolerances.js';

/** One closed-form critical point of a linear network, examined with the numeric core. */
export interface LinearCriticalPoint {
  /** The index set I of eigenvectors of Σ. */
  readonly indices: readonly number[];
  /** True for the top set {0, …, min(p, d_y) − 1} (the global minimum). */
  readonly top: boolean;
  /** The closed-form critical value s·(tr Σ_YY − Σ_{i∈I} λ_i). */
  readonly expectedValue: number;
  /** The loss the numeric core computes at the point. */
  readonly value: number;
  readonly gradientNorm: number;
  /** Smallest and largest eigenvalue of the full Hessian (symmetry directions included: they are 0). */
  readonly lambdaMin: number;
  readonly lambdaMax: number;
  /** The point's weights, row = output unit, in the subject's layer order. */
  readonly layers: number[][][];
}

/**
 * Every critical point of Baldi & Hornik's enumeration for the identity network of `subject` (depth 2, or
 * deeper with the same construction, see `LinearClosedForm.criticalLayers`): for each index set I with
 * |I| ≤ min(p, d_y), the point, its loss, its gradient norm and the extreme eigenvalues of the exact Hessian.
 * The closed form must belong to the subject's data and loss scale (p = the smallest hidden width).
 */
export function linearCriticalPoints(
  subject: MlpSubjectJson,
  closed: LinearClosedForm,
): LinearCriticalPoint[] {
  if (subject.network.activation.name !== 'identity') {
    throw new Error(
      `linearCriticalPoints: the network must be linear, got ${subject.network.activation.name}`,
    );
  }
  const hidden = subject.network.layerSizes.slice(1, -1);
  const sets = closed.indexSets();
  const topSize = sets.reduce((m, s) => Math.max(m, s.length), 0);
  return sets.map((indices) => {
    const layers = closed.criticalLayers(indices, hidden);
    const model = mlpModel({
      ...subject,
      point: { layers: layers.map((weights) => ({ weights, biases: null })) },
    });
    const { value, gradient } = model.objective.valueAndGradient(model.theta);
    let g = 0;
    for (let i = 0; i < gradient.length; i++) g += gradient[i]! * gradient[i]!;
    const eig = symmetricEigenvalues(model.objective.hessian(model.theta));
    return {
      indices,
      top: indices.length === topSize && indices.every((i, k) => i === k),
      expectedValue: closed.criticalValue(indices),
      value,
      gradientNorm: Math.sqrt(g),
      lambdaMin: eig[0]!,
      lambdaMax: eig[eig.length - 1]!,
      layers,
    };
  });
}

/** The exact Hessian of a linear subject at θ = 0, and the data's Σ_YX. */
export interface OriginCurvature {
  /** Entries of ∇²L(0) that are not exactly 0 (Kawaguchi: none for depth ≥ 3). */
  readonly nonZeroEntries: number;
  /** NaN/Infinity anywhere in the Hessian. */
  readonly finite: boolean;
  readonly lambdaMin: number;
  readonly lambdaMax: number;
  /** σ_1(Σ_YX), Σ_YX = Σ_i y_i x_iᵀ (d_y×d_x). */
  readonly sigmaYX: number;
  /** 2s·‖X‖_F·‖Y‖_F: the scale of the entries of ∇²L(0) before cancellation. */
  readonly scale: number;
}

/**
 * ∇²L at the origin of a linear network (any depth). For depth 2 its smallest eigenvalue is −2s·σ_1(Σ_YX)
 * (negative iff Σ_YX ≠ 0); for depth ≥ 3 every second derivative at 0 is a product containing a zero weight
 * matrix, so the Hessian is exactly 0 and second-order tests cannot classify the origin.
 */
export function originCurvature(subject: MlpSubjectJson): OriginCurvature {
  const sizes = subject.network.layerSizes;
  const zero: MlpSubjectJson = {
    ...subject,
    point: {
      layers: sizes.slice(1).map((rows, l) => ({
        weights: Array.from({ length: rows }, () => Array.from({ length: sizes[l]! }, () => 0)),
        biases: subject.network.bias ? Array.from({ length: rows }, () => 0) : null,
      })),
    },
  };
  const model = mlpModel(zero);
  const h = model.objective.hessian(model.theta);
  let nonZeroEntries = 0;
  let finite = true;
  for (let k = 0; k < h.data.length; k++) {
    const v = h.data[k]!;
    if (!Number.isFinite(v)) finite = false;
    else if (v !== 0) nonZeroEntries++;
  }
  const eig = finite ? symmetricEigenvalues(h) : Float64Array.of(Number.NaN);
  const x = fromRows(subject.data.inputs);
  const y = fromRows(subject.data.targets);
  const syx = matmul(transpose(y), x);
  const s = model.problem.loss.reduction === 'sum' ? subject.loss.scale : subject.loss.scale / x.rows;
  return {
    nonZeroEntries,
    finite,
    lambdaMin: eig[0]!,
    lambdaMax: eig[eig.length - 1]!,
    sigmaYX: singularValues(syx)[0] ?? 0,
    scale: 2 * s * frobenius(x) * frobenius(y),
  };
}

/**
 * The closed form of a linear subject (any depth: p is its smallest hidden width), or why the hypotheses fail:
 * Σ_XX singular, or Σ without distinct eigenvalues (gap ≤ EIGEN_GAP_RTOL·max(1, λ_1)); with
 * `fullRankXY`, also Σ_XY = XᵀY not of full rank min(d_x, d_y) (or its rank undecidable, docs/derivations.md#numeric-conventions).
 */
export function linearHypotheses(
  subject: MlpSubjectJson,
  options: { readonly fullRankXY?: boolean } = {},
): { ok: true; closed: LinearClosedForm } | { ok: false; reason: string } {
  const x = fromRows(subject.data.inputs);
  const y = fromRows(subject.data.targets);
  const p = Math.min(...subject.network.layerSizes.slice(1, -1));
  const s = subject.loss.reduction === 'sum' ? subject.loss.scale : subject.loss.scale / x.rows;
  let closed: LinearClosedForm;
  try {
    closed = linearClosedForm(x, y, p, s);
  } catch {
    return { ok: false, reason: 'XᵀX singular' };
  }
  const ev = closed.eigenvalues;
  for (let i = 0; i + 1 < ev.length; i++) {
    if (ev[i]! - ev[i + 1]! <= EIGEN_GAP_RTOL * Math.max(1, Math.abs(ev[0]!))) {
      return { ok: false, reason: 'Σ has (nearly) repeated eigenvalues' };
    }
  }
  if (options.fullRankXY === true) {
    const rank = numericalRank(matmul(transpose(x), y));
    if (!rankIsDecidable(rank)) return { ok: false, reason: 'rank of Σ_XY undecidable' };
    if (rank.rank < Math.min(x.cols, y.cols)) return { ok: false, reason: 'Σ_XY not of full rank' };
  }
  return { ok: true, closed };
}

/** The weights of a point as a JSON point without biases. */
export function layersToPoint(layers: readonly (readonly (readonly number[])[])[]): MlpSubjectJson['point'] {
  return { layers: layers.map((weights) => ({ weights: weights.map((row) => [...row]), biases: null })) };
}

/** |L − L_I| ≤ CRITICAL_VALUE_RTOL·(1 + |L_I|). */
export function matchesCriticalValue(value: number, expected: number): boolean {
  return (
    Number.isFinite(value) && Math.abs(value - expected) <= CRITICAL_VALUE_RTOL * (1 + Math.abs(expected))
  );
}

/** Which part of the closed-form characterisation failed, and how. */
export interface ClosedFormFailure {
  /** `no-negative-curvature` is the one that may be a spurious local minimum (certifiable); the rest are not. */
  readonly what: 'value' | 'gradient' | 'top-not-psd' | 'no-negative-curvature';
  readonly detail: string;
}

/**
 * The index-set critical point's first failure of Baldi–Hornik's characterisation, or null: the value is the
 * closed form, the gradient vanishes, the top set's Hessian is positive semidefinite, and (depth 2 only) every
 * other set's Hessian has a negative eigenvalue. At depth ≥ 3 saddles without negative curvature exist (the
 * origin: Hessian exactly 0; Kawaguchi 2016), so there only the first three are required.
 */
export function closedFormFailure(
  point: LinearCriticalPoint,
  closed: LinearClosedForm,
  s: number,
): ClosedFormFailure | null {
  const name = `I = {${point.indices.join(', ')}}`;
  if (!matchesCriticalValue(point.value, point.expectedValue)) {
    return {
      what: 'value',
      detail: `${name}: loss ${point.value} differs from the closed form ${point.expectedValue}`,
    };
  }
  const gradTol = CLOSED_FORM_GRAD_RTOL * (1 + Math.abs(point.value) + s * closed.traceYY);
  if (!(point.gradientNorm <= gradTol)) {
    const detail = `${name}: ‖∇L‖ = ${point.gradientNorm.toExponential(3)} > ${gradTol.toExponential(3)}`;
    return { what: 'gradient', detail };
  }
  const scale = Math.max(Math.abs(point.lambdaMin), Math.abs(point.lambdaMax));
  if (point.top && !(point.lambdaMin >= -PSD_EIG_RTOL * scale)) {
    const detail = `${name} (top): Hessian has λ_min = ${point.lambdaMin.toExponential(3)}, not positive semidefinite`;
    return { what: 'top-not-psd', detail };
  }
  if (point.layers.length === 2 && !point.top && !(point.lambdaMin < -PSD_EIG_RTOL * scale)) {
    const detail =
      `${name}: no negative Hessian eigenvalue ` +
      `(λ_min = ${point.lambdaMin.toExponential(3)}, λ_max = ${point.lambdaMax.toExponential(3)})`;
    return { what: 'no-negative-curvature', detail };
  }
  return null;
}

/** Restarts for the better point when the network is not linear (the closed form need not be attainable). */
const NONLINEAR_RESTARTS = 8;

/**
 * The certificate of a spurious local minimum of a (deep) linear claim at θ (or of its nonlinear control): the
 * point is re-descended (it should not move) and examined with 200 perturbations per radius; it must come out
 * as a local minimum — strict, sampled, or degenerate with no descent found, which is what
 * `local-min-not-global` asserts and `verifyCertificate` re-checks. The better point is the closed-form global
 * minimum (`criticalLayers` of the top set), or for a nonlinear network the best of it and seeded restarts.
 */
export function linearSpuriousMinimumCertificate(
  subject: MlpSubjectJson,
  closed: LinearClosedForm,
  theta: readonly number[],
  seed: number,
): { ok: true; subject: MlpSubjectJson; certificate: Certificate } | { ok: false; reason: string } {
  const start = subjectModel(subject);
  const at: MlpSubjectJson = {
    ...subject,
    point: start.toPoint(Float64Array.from(theta)) as MlpSubjectJson['point'],
  };
  const model = subjectModel(at);
  const result = descendToCritical(model.objective, model.theta, seededRng(seed), {
    radii: [1e-3, 1e-5],
    trials: 200,
  });
  if (result.exam === null) return { ok: false, reason: 'the point is not critical' };
  const c = result.exam.classification;
  if (c === 'saddle' || c === 'not-critical') return { ok: false, reason: `the point examines as ${c}` };
  const hidden = subject.network.layerSizes.slice(1, -1);
  const top = Array.from(
    { length: Math.min(Math.min(...hidden), subject.network.layerSizes.at(-1)!) },
    (_, i) => i,
  );
  const closedPoint = model.fromPoint(layersToPoint(closed.criticalLayers(top, hidden)));
  const linear = subject.network.activation.name === 'identity';
  const better = linear
    ? closedPoint
    : bestPoint(model.objective, [closedPoint], seed + 1, NONLINEAR_RESTARTS);
  if (better === null) return { ok: false, reason: 'no finite better point' };
  const final: MlpSubjectJson = { ...subject, point: model.toPoint(result.theta) as MlpSubjectJson['point'] };
  return {
    ok: true,
    subject: final,
    certificate: spuriousMinimumCertificate(subjectModel(final), result.exam, better, {
      details: {
        closedFormGlobalLoss: closed.globalLoss,
        eigenvalues: Array.from(closed.eigenvalues),
        betterPoint: linear
          ? 'closed-form global minimum'
          : `best of the linear optimum and ${NONLINEAR_RESTARTS} restarts`,
      },
    }),
  };
}
