import { numericalRank } from '../linalg/index.js';
import type { Rng } from '../random.js';
import { examinePoint } from './examinePoint.js';
import { moveBy } from './objective.js';
import { subjectModel } from './subjectModel.js';
import type { Certificate, Subject } from './subjectTypes.js';
import {
  GRAD_ZERO_TOL,
  LOSS_ROUNDING_RTOL,
  PSD_EIG_RTOL,
  REPLAY_RTOL,
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
 * Re-verify a certificate against its subject with today's core. Returns the problems found (empty: the
 * certificate holds). Deterministic given the rng (the perturbation search draws from it). Never throws for
 * bad content: a malformed point is reported as a problem.
 */
export function verifyCertificate(subject: Subject, certificate: Certificate, rng: Rng): string[] {
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
    problems.push(`loss is ${value}, certificate says ${certificate.loss}`);
  }
  const needsExamination =
    certificate.kind === 'strict-local-min-not-global' ||
    certificate.kind === 'local-min-not-global' ||
    certificate.kind === 'saddle';
  if (needsExamination) {
    const perturbation =
      certificate.kind === 'saddle' ? { radii: [1e-3], trials: 0 } : certificate.perturbation;
    const exam = examinePoint(objective, theta, {
      rng,
      radii: perturbation.radii,
      trials: perturbation.trials,
      skipHessian: certificate.hessianEigenvalues === null,
    });
    const criticalTol = GRAD_ZERO_TOL * (1 + Math.abs(value));
    if (certificate.gradientNorm === null) {
      if (exam.nonDifferentiable === null)
        problems.push('gradientNorm is null but the loss is differentiable here');
    } else if (exam.gradientNorm === null) {
      problems.push(
        `gradientNorm is recorded but the loss is not differentiable here (${exam.nonDifferentiable})`,
      );
    } else if (!(exam.gradientNorm <= criticalTol)) {
      problems.push(
        `gradient norm ${exam.gradientNorm.toExponential(3)} exceeds ${criticalTol.toExponential(3)}`,
      );
    }
    const eig = exam.hessianEigenvalues;
    if (certificate.hessianEigenvalues !== null && eig !== null && eig.length > 0) {
      const lambdaMin = eig[0]!;
      const lambdaMax = Math.max(Math.abs(lambdaMin), Math.abs(eig[eig.length - 1]!));
      const recordedMin = certificate.hessianEigenvalues[0];
      if (recordedMin !== undefined && Math.abs(recordedMin - lambdaMin) > 1e-6 * Math.max(1, lambdaMax)) {
        problems.push(`smallest Hessian eigenvalue is ${lambdaMin}, certificate says ${recordedMin}`);
      }
      if (certificate.kind === 'strict-local-min-not-global' && !(lambdaMin > STRICT_EIG_RTOL * lambdaMax)) {
        problems.push(`Hessian is not positive definite: λ_min = ${lambdaMin}, λ_max = ${lambdaMax}`);
      }
      if (certificate.kind === 'local-min-not-global' && !(lambdaMin >= -PSD_EIG_RTOL * lambdaMax)) {
        problems.push(`Hessian is not positive semidefinite: λ_min = ${lambdaMin}`);
      }
    }
    if (certificate.kind !== 'saddle') {
      const floor = LOSS_ROUNDING_RTOL * (1 + Math.abs(value));
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
          problems.push(`betterPoint has loss ${betterLoss}, certificate says ${certificate.betterLoss}`);
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
        const floor = LOSS_ROUNDING_RTOL * (1 + Math.abs(value));
        const steps =
          certificate.descentStep === undefined
            ? [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6]
            : [certificate.descentStep];
        const decreases = steps.some((t) => {
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
      certificate.singularValues.forEach((s, i) => {
        const now = rank.singularValues[i];
        if (now === undefined || Math.abs(now - s) > 1e-8 * Math.max(1, sMax)) {
          problems.push(`singular value ${i} is ${now}, certificate says ${s}`);
        }
      });
    }
  }
  if (certificate.kind === 'no-monotone-path-found') {
    const floor = LOSS_ROUNDING_RTOL * (1 + Math.abs(value));
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
