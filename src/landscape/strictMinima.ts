import { type Rng, seededRng } from '../random.js';
import { spuriousMinimumCertificate } from './certificates.js';
import { descendAndExamine } from './descend.js';
import { examinePoint, type PointExamination } from './examinePoint.js';
import type { Objective } from './objective.js';
import { lbfgs } from './optimize.js';
import { withIntervalProof } from './proofCertificate.js';
import { subjectModel } from './subjectModel.js';
import type { Certificate, MlpSubjectJson } from './subjectTypes.js';
import { LOSS_ROUNDING_RTOL } from './tolerances.js';
import { isSpuriousGap } from './verifyCertificate.js';

/**
 * Strict minima that are more than rounding, and the better points that show them sub-optimal: the float
 * evidence behind the narrow-network claims (narrow-no-strict-bad-min, lds-width-transition) before the interval
 * prover (src/interval) is asked for a proof.
 */

/** One-dimensional objectives: the grid on [−GRID_HALF_WIDTH, GRID_HALF_WIDTH] that locates the global valley. */
export const GRID_HALF_WIDTH = 64;
const GRID_POINTS = 8001;
/** Restarts for the better point of model 1. */
const RESTARTS = 8;

/** The lowest point found: a fine grid (1-D) or L-BFGS restarts at several scales, polished by L-BFGS. */
export function bestPoint(objective: Objective, seed: number): Float64Array {
  const starts: Float64Array[] = [];
  if (objective.dim === 1) {
    let best = 0;
    let bestValue = Number.POSITIVE_INFINITY;
    for (let k = 0; k < GRID_POINTS; k++) {
      const w = gridPoint(k);
      const v = objective.value(Float64Array.of(w));
      if (v < bestValue) {
        bestValue = v;
        best = w;
      }
    }
    starts.push(Float64Array.of(best));
  } else {
    const rng = seededRng(seed);
    for (let r = 0; r < RESTARTS; r++)
      starts.push(Float64Array.from({ length: objective.dim }, () => 2 ** ((r % 4) - 1) * rng.normal()));
  }
  let best: Float64Array | null = null;
  let bestValue = Number.POSITIVE_INFINITY;
  for (const s of starts) {
    const result = lbfgs(objective, s, { maxIterations: 1000 });
    const v = objective.value(result.theta);
    if (Number.isFinite(v) && v < bestValue) {
      bestValue = v;
      best = result.theta;
    }
  }
  return best ?? starts[0]!;
}

/** The local minima of a 1-D objective on the grid (L[k] < L[k−1] and L[k] ≤ L[k+1]), as starting points. */
export function gridMinima(objective: Objective): Float64Array[] {
  const values = Array.from({ length: GRID_POINTS }, (_, k) =>
    objective.value(Float64Array.of(gridPoint(k))),
  );
  const out: Float64Array[] = [];
  for (let k = 1; k + 1 < GRID_POINTS; k++) {
    if (values[k]! < values[k - 1]! && values[k]! <= values[k + 1]!) out.push(Float64Array.of(gridPoint(k)));
  }
  return out;
}

function gridPoint(k: number): number {
  return -GRID_HALF_WIDTH + (2 * GRID_HALF_WIDTH * k) / (GRID_POINTS - 1);
}

/**
 * Strictness that is more than rounding: besides examinePoint's test (gradient 0, reduced Hessian positive
 * definite relative to λ_max, no perturbation decreasing L), the curvature must show at the largest radius:
 * λ_min·r²/2 ≥ CURVATURE_MARGIN·LOSS_ROUNDING_RTOL·(1 + L), and every perturbation must raise L. This rules
 * out saturated points (w → ∞) where gradient and Hessian are both ~e^{−|w x|} and only look strict.
 */
export const CURVATURE_MARGIN = 1e3;

export function clearlyStrict(exam: PointExamination): boolean {
  const eig = exam.hessianEigenvalues;
  if (exam.classification !== 'strict-local-min' || eig === null || eig.length === 0) return false;
  const r = Math.max(...exam.perturbation.radii);
  return (
    (eig[0]! * r * r) / 2 >= CURVATURE_MARGIN * LOSS_ROUNDING_RTOL * (1 + Math.abs(exam.value)) &&
    exam.perturbation.minLossIncrease > 0
  );
}

/** Perturbation radii and trials of the narrow-minimum examinations (the search; the certificate uses 400). */
export const STRICT_EXAM = { radii: [1e-2, 1e-3, 1e-4], trials: 60 } as const;
/** Perturbation trials behind an archived certificate. */
export const CERTIFY_TRIALS = 400;

/**
 * Certify a clearly strict sub-optimal minimum found at `theta` (coordinates of `start`): descend again from it,
 * examine it with CERTIFY_TRIALS perturbations, build the certificate with `better` as the better point, and ask
 * src/interval for a proof (rigour interval-proof; else float evidence, with the reason in details.noProof).
 */
export function certifyStrictSpurious(
  start: MlpSubjectJson,
  theta: Float64Array,
  better: Float64Array,
  seed: number,
  details: Record<string, unknown>,
):
  | { ok: true; value: { subject: MlpSubjectJson; certificate: Certificate } }
  | { ok: false; reason: string } {
  const at = (s: MlpSubjectJson, x: Float64Array): MlpSubjectJson => ({
    ...s,
    point: subjectModel(s).toPoint(x) as MlpSubjectJson['point'],
  });
  const subject = at(start, theta);
  const model = subjectModel(subject);
  const result = descendAndExamine(model.objective, model.theta, seededRng(seed), {
    radii: STRICT_EXAM.radii,
    trials: CERTIFY_TRIALS,
  });
  if (result.exam === null || !clearlyStrict(result.exam))
    return { ok: false, reason: 'the point is not a clearly strict local minimum' };
  const final = at(subject, result.theta);
  const certificate = spuriousMinimumCertificate(subjectModel(final), result.exam, better, {
    details: { ...details, curvatureMargin: CURVATURE_MARGIN },
  });
  const proof = withIntervalProof(final, certificate);
  return {
    ok: true,
    value: {
      subject: final,
      certificate: proof.proved
        ? proof.certificate
        : { ...certificate, details: { ...certificate.details, noProof: proof.reason } },
    },
  };
}

/** Why an archived point is not (today) a clearly strict local minimum of a narrow network; empty when it is. */
export function narrowStrictProblems(subject: MlpSubjectJson, rng: Rng): string[] {
  const problems: string[] = [];
  const sizes = subject.network.layerSizes;
  if (!(sizes[sizes.length - 2]! < subject.data.inputs.length))
    problems.push('the network is not narrow (last hidden width ≥ N)');
  const model = subjectModel(subject);
  const exam = examinePoint(model.objective, model.theta, { rng, radii: STRICT_EXAM.radii, trials: 100 });
  if (!clearlyStrict(exam))
    problems.push(`the point is not a clearly strict local minimum today (${exam.classification})`);
  return problems;
}

/** What a search for a clearly strict sub-optimal minimum found (theta and better in the objective's coordinates). */
export interface StrictSpuriousSearch {
  readonly found: {
    readonly theta: Float64Array;
    readonly better: Float64Array;
    readonly gap: number;
  } | null;
  /** Why no start could be examined, when the only start failed to converge (null otherwise). */
  readonly undecided: string | null;
  /** The largest gap L(minimum) − L(better) over the clearly strict minima seen (−1: none). */
  readonly score: number;
}

/**
 * Descend from `theta0` (and, for a 1-D objective, from every local minimum of the grid: the valleys), keep the
 * clearly strict minima, and compare each with the best point found (bestPoint): the first whose loss is above it
 * by a genuine gap (isSpuriousGap) is returned.
 */
export function searchStrictSpurious(
  objective: Objective,
  theta0: Float64Array,
  seed: number,
): StrictSpuriousSearch {
  const better = bestPoint(objective, seed + 2);
  const betterValue = objective.value(better);
  const starts = [theta0, ...(objective.dim === 1 ? gridMinima(objective) : [])];
  let undecided: string | null = null;
  let score = -1;
  for (const start of starts) {
    const result = descendAndExamine(objective, start, seededRng(seed + 1), STRICT_EXAM);
    if (result.exam === null) {
      undecided ??= `optimiser: ${result.optimized.reason}`;
      continue;
    }
    if (!clearlyStrict(result.exam)) continue;
    const gap = result.exam.value - betterValue;
    score = Math.max(score, gap);
    if (isSpuriousGap(result.exam.value, betterValue))
      return { found: { theta: result.theta, better, gap }, undecided: null, score };
  }
  return { found: null, undecided: starts.length === 1 ? undecided : null, score };
}
