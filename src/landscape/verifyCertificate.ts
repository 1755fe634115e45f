import { numericalRank } from '../linalg/index.js';
import type { Rng } from '../random.js';
import { examinePoint } from './examinePoint.js';
import { moveBy } from './objective.js';
import { subjectModel } from './subjectModel.js';
import type { Certificate, Subject } from './subjectTypes.js';
import {
  GRAD_ZERO_TOL,
  GRADIENT_REPLAY_TOL,
  LOSS_ROUNDING_RTOL,
  MAX_RECORDED_RADIUS,
  MIN_RECORDED_RADIUS,
  PERTURBATION_RADII,
  PERTURBATION_TRIALS,
  PSD_EIG_RTOL,
  REPLAY_RTOL,
  SADDLE_REPLAY_STEPS,
  SINGULAR_REPLAY_RTOL,
  SPURIOUS_ABS_GAP,
  SPURIOUS_REL_GAP,
  STRICT_EIG_RTOL,
} from './tolerances.js';

function close(a: number, b: number, rtol: number): boolean {
  return (
    Number.isFinite(a) &&
    Number.isFinite(b) &&
    Math.abs(a - b) <= rtol * Math.max(1, Math.abs(a), Math.abs(b))
  );
}

/** `L(point) − L(better)` is a genuine gap, not an optimiser or rounding artefact. */
export function isSpuriousGap(loss: number, better: number): boolean {
  return loss - better >= Math.max(SPURIOUS_ABS_GAP, SPURIOUS_REL_GAP * Math.abs(better));
}

/**
 * How hard replay tries to refute a local minimum: perturbation radii and random directions per radius. Fixed by
 * our code (the claim may declare its own, e.g. larger radii where descent is of third order); never read from the
 * file, which only records what its finder used.
 */
export interface VerifyStrength {
  readonly radii: readonly number[];
  readonly trials: number;
}

/** The default strength: the same radii and trials as `examinePoint`'s own search. */
export const DEFAULT_VERIFY_STRENGTH: VerifyStrength = {
  radii: PERTURBATION_RADII,
  trials: PERTURBATION_TRIALS,
};

/** A number for a reason line: shortest round-trip text, so two different doubles never print the same. */
const num = (x: number | null | undefined): string => String(x);

/** What the recorded perturbation says about itself: its radii and trials must describe a real search. */
function recordedPerturbationProblems(
  perturbation: {
    readonly radii: readonly number[];
    readonly trials: number;
    readonly minLossIncrease: number;
  },
  floor: number,
): string[] {
  const problems: string[] = [];
  if (!(perturbation.trials >= 1))
    problems.push(`perturbation.trials is ${perturbation.trials}: the file records no perturbation search`);
  const bad = perturbation.radii.find((r) => !(r >= MIN_RECORDED_RADIUS && r <= MAX_RECORDED_RADIUS));
  if (bad !== undefined)
    problems.push(
      `perturbation.radii has ${num(bad)}, expected radii in [${MIN_RECORDED_RADIUS}, ${MAX_RECORDED_RADIUS}] (smaller tests nothing beyond rounding)`,
    );
  if (!(perturbation.minLossIncrease >= -floor))
    problems.push(
      `perturbation.minLossIncrease is ${num(perturbation.minLossIncrease)}: the file itself records a decrease`,
    );
  return problems;
}

/**
 * Re-verify a certificate against its subject with today's core, at our strength (never the file's): every
 * recorded number (loss, gradient norm, each Hessian eigenvalue, better loss, singular values, profile) is compared
 * with the recomputed one, and the kind's conditions are re-checked. Returns the problems found, the first mismatch
 * first (empty: the certificate holds). Deterministic given the rng. Never throws for bad content: a malformed point
 * is reported as a problem.
 */
export function verifyCertificate(
  subject: Subject,
  certificate: Certificate,
  rng: Rng,
  strength: VerifyStrength = DEFAULT_VERIFY_STRENGTH,
): string[] {
  const problems: string[] = [];
  let model: ReturnType<typeof subjectModel>;
  try {
    model = subjectModel(subject);
  } catch (error) {
    return [`subject: ${(error as Error).message}`];
  }
  const { objective, theta } = model;
  const value = objective.value(theta);
  if (!Number.isFinite(value)) return [`loss at the point is ${value}`];
  if (!close(value, certificate.loss, REPLAY_RTOL)) {
    problems.push(`loss is ${num(value)}, certificate says ${num(certificate.loss)}`);
  }
  const floor = LOSS_ROUNDING_RTOL * (1 + Math.abs(value));
  const needsExamination =
    certificate.kind === 'strict-local-min-not-global' ||
    certificate.kind === 'local-min-not-global' ||
    certificate.kind === 'saddle';
  if (needsExamination) {
    if (certificate.kind !== 'saddle')
      problems.push(...recordedPerturbationProblems(certificate.perturbation, floor));
    const exam = examinePoint(objective, theta, {
      rng,
      radii: certificate.kind === 'saddle' ? [] : strength.radii,
      trials: certificate.kind === 'saddle' ? 0 : strength.trials,
    });
    const criticalTol = GRAD_ZERO_TOL * (1 + Math.abs(value));
    if (certificate.gradientNorm === null) {
      if (exam.nonDifferentiable === null)
        problems.push('gradientNorm is null but the loss is differentiable here');
    } else if (exam.gradientNorm === null) {
      problems.push(
        `gradientNorm is recorded but the loss is not differentiable here (${exam.nonDifferentiable})`,
      );
    } else {
      const gradTol = GRADIENT_REPLAY_TOL * (1 + Math.abs(value));
      if (!(Math.abs(exam.gradientNorm - certificate.gradientNorm) <= gradTol)) {
        problems.push(
          `gradient norm is ${num(exam.gradientNorm)}, certificate says ${num(certificate.gradientNorm)}`,
        );
      }
      if (!(exam.gradientNorm <= criticalTol)) {
        problems.push(
          `gradient norm ${exam.gradientNorm.toExponential(3)} exceeds ${criticalTol.toExponential(3)}`,
        );
      }
    }
    const eig = exam.hessianEigenvalues;
    const recorded = certificate.hessianEigenvalues;
    if (recorded === null) {
      if (eig !== null) problems.push('hessianEigenvalues is null but the Hessian is defined here');
    } else if (eig === null) {
      problems.push(
        `hessianEigenvalues are recorded but the loss is not twice differentiable here (${exam.nonDifferentiable})`,
      );
    } else if (recorded.length !== eig.length) {
      problems.push(`the Hessian has ${eig.length} eigenvalues, certificate lists ${recorded.length}`);
    } else if (eig.length > 0) {
      const lambdaMax = Math.max(Math.abs(eig[0]!), Math.abs(eig[eig.length - 1]!));
      const eigTol = REPLAY_RTOL * Math.max(1, lambdaMax);
      const i = recorded.findIndex((r, k) => !(Math.abs(r - eig[k]!) <= eigTol));
      if (i >= 0)
        problems.push(`Hessian eigenvalue ${i} is ${num(eig[i])}, certificate says ${num(recorded[i])}`);
    }
    if (eig !== null && eig.length > 0) {
      const lambdaMin = eig[0]!;
      const lambdaMax = Math.max(Math.abs(lambdaMin), Math.abs(eig[eig.length - 1]!));
      if (certificate.kind === 'strict-local-min-not-global' && !(lambdaMin > STRICT_EIG_RTOL * lambdaMax)) {
        problems.push(`Hessian is not positive definite: λ_min = ${lambdaMin}, λ_max = ${lambdaMax}`);
      }
      if (certificate.kind === 'local-min-not-global' && !(lambdaMin >= -PSD_EIG_RTOL * lambdaMax)) {
        problems.push(`Hessian is not positive semidefinite: λ_min = ${lambdaMin}`);
      }
    }
    if (certificate.kind !== 'saddle') {
      const minIncrease = exam.perturbation.minLossIncrease;
      if (!(minIncrease >= -floor)) {
        problems.push(
          `a perturbation lowers the loss by ${(-minIncrease).toExponential(3)}: not a local minimum`,
        );
      }
      if (certificate.kind === 'strict-local-min-not-global' && eig === null && !(minIncrease > floor)) {
        problems.push('no Hessian and no strict increase in every perturbation: strictness is not shown');
      }
      let better: Float64Array | null = null;
      try {
        better = model.fromPoint(certificate.betterPoint);
      } catch (error) {
        problems.push(`betterPoint: ${(error as Error).message}`);
      }
      if (better !== null) {
        const betterLoss = objective.value(better);
        if (!close(betterLoss, certificate.betterLoss, REPLAY_RTOL)) {
          problems.push(
            `betterPoint has loss ${num(betterLoss)}, certificate says ${num(certificate.betterLoss)}`,
          );
        }
        if (!isSpuriousGap(value, betterLoss)) {
          problems.push(
            `betterPoint (loss ${betterLoss}) is not clearly better than the point (loss ${value})`,
          );
        }
      }
    } else {
      let direction: Float64Array | null = null;
      try {
        direction = model.fromPoint(certificate.descentDirection);
      } catch (error) {
        problems.push(`descentDirection: ${(error as Error).message}`);
      }
      if (direction !== null) {
        const decreases = SADDLE_REPLAY_STEPS.some((t) => {
          const step = Float64Array.from(direction as Float64Array, (x) => t * x);
          return value - objective.value(moveBy(objective, theta, step)) > floor;
        });
        if (!decreases) problems.push('the loss does not decrease along descentDirection');
      }
    }
  }
  if (certificate.kind === 'rank-deficient') {
    if (model.mlp === undefined) {
      problems.push('rank-deficient certificates need an mlp subject');
    } else {
      const rank = numericalRank(model.mlp.jacobian(theta));
      if (rank.rank !== certificate.jacobianRank) {
        problems.push(`Jacobian rank is ${rank.rank}, certificate says ${certificate.jacobianRank}`);
      }
      if (!(rank.rank < certificate.claimedRank)) {
        problems.push(`Jacobian rank ${rank.rank} is not below the claimed rank ${certificate.claimedRank}`);
      }
      const sMax = rank.singularValues[0] ?? 0;
      if (certificate.singularValues.length !== rank.singularValues.length) {
        problems.push(
          `the Jacobian has ${rank.singularValues.length} singular values, certificate lists ${certificate.singularValues.length}`,
        );
      } else {
        const i = certificate.singularValues.findIndex(
          (s, k) => !(Math.abs(rank.singularValues[k]! - s) <= SINGULAR_REPLAY_RTOL * Math.max(1, sMax)),
        );
        if (i >= 0)
          problems.push(
            `singular value ${i} is ${num(rank.singularValues[i])}, certificate says ${num(certificate.singularValues[i])}`,
          );
      }
    }
  }
  if (certificate.kind === 'no-monotone-path-found') {
    const profile = certificate.profile;
    if (certificate.path !== undefined) {
      if (certificate.path.length !== profile.length) {
        problems.push(`path has ${certificate.path.length} points but the profile ${profile.length}`);
      } else {
        certificate.path.forEach((point, i) => {
          try {
            const now = objective.value(model.fromPoint(point));
            if (!close(now, profile[i]!, REPLAY_RTOL))
              problems.push(`path point ${i} has loss ${now}, profile says ${profile[i]}`);
          } catch (error) {
            problems.push(`path point ${i}: ${(error as Error).message}`);
          }
        });
      }
    }
    if (!profile.some((v, i) => i > 0 && v > profile[i - 1]! + floor)) {
      problems.push('the recorded profile never increases: it does not show a failed monotone path');
    }
  }
  return problems;
}
