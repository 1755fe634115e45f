import type { PointExamination } from './examinePoint.js';
import type { SubjectModel } from './subjectModel.js';
import type { Certificate } from './subjectTypes.js';

/**
 * The certificate of a spurious minimum: `strict-local-min-not-global` when the examination found a strict
 * minimum, else `local-min-not-global`. Numbers come from the examination (gradient, reduced Hessian,
 * perturbations) and from the better point's loss; `details` and `exact` carry claim-specific evidence.
 */
export function spuriousMinimumCertificate(
  model: SubjectModel,
  exam: PointExamination,
  better: Float64Array,
  extra: { readonly details?: Record<string, unknown>; readonly exact?: Record<string, unknown> | null } = {},
): Certificate {
  return {
    kind: exam.classification === 'strict-local-min' ? 'strict-local-min-not-global' : 'local-min-not-global',
    loss: exam.value,
    gradientNorm: exam.gradientNorm,
    hessianEigenvalues: exam.hessianEigenvalues === null ? null : Array.from(exam.hessianEigenvalues),
    perturbation: { ...exam.perturbation, radii: [...exam.perturbation.radii] },
    betterPoint: model.toPoint(better),
    betterLoss: model.objective.value(better),
    tolerances: { ...exam.tolerances },
    ...(extra.details === undefined ? {} : { details: extra.details }),
    exact: extra.exact ?? null,
  };
}

/** The certificate of a saddle: gradient zero and a direction (with a step) along which the loss decreases. */
export function saddleCertificate(
  model: SubjectModel,
  exam: PointExamination,
  details?: Record<string, unknown>,
): Certificate | null {
  if (exam.descent === null) return null;
  return {
    kind: 'saddle',
    loss: exam.value,
    gradientNorm: exam.gradientNorm,
    hessianEigenvalues: exam.hessianEigenvalues === null ? null : Array.from(exam.hessianEigenvalues),
    descentDirection: model.toPoint(exam.descent.direction),
    descentStep: exam.descent.step,
    tolerances: { ...exam.tolerances },
    ...(details === undefined ? {} : { details }),
    exact: null,
  };
}
