import { seededRng } from '../../random.js';
import { spuriousMinimumCertificate } from '../certificates.js';
import { descendAndExamine } from '../descend.js';
import { lbfgs } from '../optimize.js';
import { subjectModel } from '../subjectModel.js';
import type { Certificate, MlpSubjectJson } from '../subjectTypes.js';
import { isSpuriousGap } from '../verifyCertificate.js';

/** Radii of the perturbation search at the examined point (three decades: a basin is local at every scale). */
const EXAM_RADII = [1e-2, 1e-3, 1e-4];
/** Random perturbations per examination. */
const EXAM_TRIALS = 200;
/** Random restarts looking for a point of lower loss, and their L-BFGS iteration cap. */
const RESTARTS = 6;
const RESTART_ITERATIONS = 3000;

/**
 * A failed "no sub-optimal basin" construction refutes the theorem only with a certified basin: descend from the
 * start and examine the point reached (a strict local minimum), then compare it with the best of RESTARTS random
 * restarts (a point of lower loss by a spurious gap). `failure` is the construction's reason; `seed` drives the
 * examination (seed) and the restarts (seed + 1). Returns the subject at the minimum with its certificate, or why
 * there is none.
 */
export function certifiedBasin(
  subject: MlpSubjectJson,
  seed: number,
  failure: string,
  details: Record<string, unknown>,
):
  | { readonly ok: true; readonly value: { subject: MlpSubjectJson; certificate: Certificate } }
  | { readonly ok: false; readonly reason: string } {
  const model = subjectModel(subject);
  const result = descendAndExamine(model.objective, model.theta, seededRng(seed), {
    radii: EXAM_RADII,
    trials: EXAM_TRIALS,
  });
  if (result.exam === null)
    return { ok: false, reason: `${failure}; the optimiser did not converge from the start` };
  if (result.exam.classification !== 'strict-local-min') {
    return {
      ok: false,
      reason: `${failure}; the nearby critical point is ${result.exam.classification}, not a certified basin`,
    };
  }
  const rng = seededRng(seed + 1);
  let better: Float64Array | null = null;
  for (let r = 0; r < RESTARTS; r++) {
    const start = Float64Array.from(model.theta, () => rng.normal());
    const restart = lbfgs(model.objective, start, { maxIterations: RESTART_ITERATIONS });
    if (better === null || restart.value < model.objective.value(better)) better = restart.theta;
  }
  if (better === null || !isSpuriousGap(result.exam.value, model.objective.value(better)))
    return { ok: false, reason: `${failure}; the strict local minimum found is not above a better point` };
  const final: MlpSubjectJson = { ...subject, point: model.toPoint(result.theta) as MlpSubjectJson['point'] };
  return {
    ok: true,
    value: {
      subject: final,
      certificate: spuriousMinimumCertificate(subjectModel(final), result.exam, better, { details }),
    },
  };
}
