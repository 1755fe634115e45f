import type { CounterexampleJson } from '../archive/index.js';
import type { CertifyResult } from '../claims/index.js';
import { affineFit } from '../landscape/basins/index.js';
import {
  examinePoint,
  type MlpSubjectJson,
  PERTURBATION_RADII,
  spuriousMinimumCertificate,
  subjectModel,
} from '../landscape/index.js';
import {
  type AffineSegment,
  affineSegments,
  hingeEscape,
  segmentProof,
} from '../landscape/population/index.js';
import { loss, type PointJson, pointToVector, subjectProblem, vectorToPoint } from '../nn/index.js';
import { seededRng } from '../random.js';

/**
 * The certificate of the affine-segment construction (Christof–Kowalczyk 2022): the exact argument that the point is
 * a local minimum (every pre-activation stays in the affine piece on a proven ball, where L ≥ the affine least-squares
 * loss = L(point)) and the hinge move that lowers L (the better point); and the replay check of both.
 */

/** The hinge's decrease must exceed this relative amount (a million times the loss rounding floor). */
export const ESCAPE_RTOL = 1e-7;
/** L(point) equals the affine least-squares loss up to the rounding of two n-term sums. */
const LINEAR_LOSS_RTOL = 1e-10;
/** A recorded radius matches the recomputed one to this relative error (the same deterministic computation). */
const RADIUS_RTOL = 1e-9;
/** The flat move leaves L unchanged up to the rounding of one n-term sum. */
const FLAT_MOVE_RTOL = 1e-14;
/** Random directions per radius in the certificate's examination. */
const CERTIFY_TRIALS = 200;

/** Perturbation radii: the default decades, capped at half the proof's radius so every probe is inside the ball. */
export function radiiFor(radius: number | null): number[] {
  return PERTURBATION_RADII.map((r, i) => (radius === null ? r : Math.min(r, radius / (2 * 10 ** i))));
}

/** The better point of the construction: a hinge move of a unit with output weight 0, or null. */
export const hingeOf = (subject: MlpSubjectJson, seed: number) => {
  const { problem, theta } = subjectProblem(subject);
  return hingeEscape(problem, theta, seededRng(seed), { minDecreaseRtol: ESCAPE_RTOL });
};

export function segmentCertificate(
  subject: MlpSubjectJson | null,
  segment: AffineSegment | null,
  better: readonly number[],
  seed: number,
): CertifyResult {
  if (subject === null) return { ok: false, reason: 'the construction degenerates (constant affine fit)' };
  if (segment === null)
    return { ok: false, reason: 'σ has no affine piece: the exact argument does not apply' };
  const { problem, theta } = subjectProblem(subject);
  const proof = segmentProof(problem, theta, segment);
  if (proof === null) return { ok: false, reason: 'a pre-activation left the piece' };
  const hinge = hingeOf(subject, seed + 2);
  if (hinge === null) return { ok: false, reason: 'no better point' };
  const model = subjectModel(subject);
  const rng = seededRng(seed + 3);
  const exam = examinePoint(model.objective, model.theta, {
    rng,
    radii: radiiFor(proof.radius),
    trials: CERTIFY_TRIALS,
  });
  const exact = {
    argument:
      'every hidden pre-activation is inside the affine piece `segment` with per-layer margins `margins`; on the parameter ball of `radius` (E_1 = ρ‖(x,1)‖, E_l = ρ‖(h_{l−1},1)‖ + (‖W_l‖_F + ρ)|slope|E_{l−1} < margin) none leaves it, so the network is affine in x on the data and L ≥ linearLoss (affine least squares) = L(point)',
    segment: { side: segment.side, slope: segment.slope },
    margins: [...proof.margins],
    radius: proof.radius,
    linearLoss: affineFit(problem).loss,
  };
  const details = {
    betterPoint:
      'last-hidden unit `unit` (output weight 0) moves its incoming weights to flatPoint (kink between samples; L unchanged), then its output weight is set to −Σr_i h(x_i)/Σh(x_i)²',
    unit: hinge.unit,
    flatPoint: vectorToPoint(problem.net, hinge.flatPoint),
  };
  const certificate = spuriousMinimumCertificate(model, exam, Float64Array.from(better), { exact, details });
  return { ok: true, value: { subject, certificate } };
}

/** An archived file's exact argument and details against a recomputation. */
export function verifySegmentDetails(file: CounterexampleJson): string[] {
  if (file.subject.kind !== 'mlp') return ['expected an mlp subject'];
  const problems: string[] = [];
  const { problem, theta } = subjectProblem(file.subject as MlpSubjectJson);
  const exact = file.certificate.exact ?? {};
  const recorded = exact.segment as AffineSegment | undefined;
  const pieces = affineSegments(problem.net.activation);
  const segment = pieces.find((p) => p.side === recorded?.side && p.slope === recorded?.slope);
  if (segment === undefined)
    return [`exact: ${JSON.stringify(recorded)} is not an affine piece of ${problem.net.activation.name}`];
  const proof = segmentProof(problem, theta, segment);
  if (proof === null) return ['exact: some hidden pre-activation is outside the affine piece'];
  if (!(Math.abs(proof.radius - Number(exact.radius)) <= RADIUS_RTOL * proof.radius))
    problems.push(`exact: radius is ${proof.radius}, certificate says ${String(exact.radius)}`);
  const radii = 'perturbation' in file.certificate ? file.certificate.perturbation.radii : [];
  if (radii.some((r) => !(r < proof.radius)))
    problems.push('a perturbation radius exceeds the proven radius');
  const value = loss(problem, theta);
  const linear = affineFit(problem).loss;
  if (!(Math.abs(value - linear) <= LINEAR_LOSS_RTOL * (1 + linear)))
    problems.push(`exact: L(point) = ${value} is not the affine least-squares loss ${linear}`);
  if (problem.layout.layerSizes.slice(1, -1).some((m) => m < 2))
    problems.push('a hidden layer has width < 2');
  const details = file.certificate.details ?? {};
  try {
    const flat = pointToVector(problem.net, details.flatPoint as PointJson);
    if (!(Math.abs(loss(problem, flat) - value) <= FLAT_MOVE_RTOL * (1 + value)))
      problems.push('details: the flat move changes the loss');
  } catch (error) {
    problems.push(`details: ${(error as Error).message}`);
  }
  return problems;
}
