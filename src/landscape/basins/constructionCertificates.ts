/**
 * The exact parts of the certificates of the dead-unit and linear-regime constructions (dead-relu-plateau,
 * single-relu-no-spurious-min, wide-relu-no-bad-local-min, ysj19-small-nonlinearity): what a certificate records
 * beyond the sampled examination, and the replay checks of those records. docs/derivations.md#dead-units.
 */
import {
  loss,
  lossWeight,
  type PointJson,
  type Problem,
  pointToVector,
  vectorToPoint,
} from '../../nn/index.js';
import type { Rng } from '../../random.js';
import { examinePoint, type PointExamination } from '../examinePoint.js';
import type { Objective } from '../objective.js';
import { affineFit, type FlatEscape } from './linearRegime.js';
import { along, outputWeightOf } from './networkParts.js';
import { ESCAPE_DECREASE_RTOL, FLAT_RTOL } from './tolerances.js';
import { allActiveProof, deadUnitsProof } from './uniformPattern.js';

/** A recorded margin matches the recomputed one to 1e-12·(1 + margin): the same min over the same products. */
export const MARGIN_RECORD_RTOL = 1e-12;
/** L(point) equals the plateau or affine least-squares loss up to the rounding of two n-term sums. */
export const CONSTRUCTION_LOSS_RTOL = 1e-10;
/** A recorded descent loss matches the recomputed one up to the rounding of one loss evaluation and its record. */
export const DESCENT_RECORD_RTOL = 1e-9;
/** Targets count as affinely fittable when the affine least-squares loss is ≤ 1e-12·(1 + s‖y‖²) (rounding). */
export const AFFINE_FIT_RTOL = 1e-12;
/** Points sampled along a recorded flat move (each must keep the loss within FLAT_RTOL). */
const FLAT_SAMPLES = 16;

type Record_ = Readonly<Record<string, unknown>>;

/** "margin is …, certificate says …" when a recorded margin is not the recomputed one. */
export function marginProblems(margin: number, exact: Record_): string[] {
  return Math.abs(margin - Number(exact.margin)) <= MARGIN_RECORD_RTOL * (1 + margin)
    ? []
    : [`exact: margin is ${margin}, certificate says ${String(exact.margin)}`];
}

/** The plateau's value: the best constant predictor's loss s·Σ_i ‖y_i − ȳ‖². */
export function plateauLoss(problem: Problem): number {
  const dy = problem.Y.length / problem.n;
  let total = 0;
  for (let o = 0; o < dy; o++) {
    let mean = 0;
    for (let i = 0; i < problem.n; i++) mean += problem.Y[i * dy + o]!;
    mean /= problem.n;
    for (let i = 0; i < problem.n; i++) total += (problem.Y[i * dy + o]! - mean) ** 2;
  }
  return lossWeight(problem) * total;
}

/**
 * The `exact` and `details` records of a dead-unit plateau (checked on replay by deadPlateauProblems): the dead-unit
 * argument with its margin, radius and plateau value, and a flat point (every output weight + 1: the units are dead,
 * so f does not change) that shows the minimum is a plateau. Null when some unit is active on some sample.
 */
export function deadPlateauRecord(
  problem: Problem,
  theta: Float64Array,
): { exact: Record<string, unknown>; details: Record<string, unknown> } | null {
  const proof = deadUnitsProof(problem, theta);
  if (proof === null) return null;
  const flat = Float64Array.from(theta);
  const output = problem.layout.layers[1]!;
  for (let j = 0; j < output.inputs; j++) flat[output.weightOffset + j]! += 1;
  const exact = {
    argument:
      'every hidden pre-activation w_j·x_i + b_j ≤ −margin < 0; perturbations of norm < radius = margin/√(1 + max‖x_i‖²) keep every unit dead, so f ≡ c on the data and L ≥ min_c ½Σ(y_i − c)² = plateauLoss = L(point)',
    margin: proof.margin,
    radius: proof.radius,
    plateauLoss: plateauLoss(problem),
  };
  const details = {
    notStrict:
      'flatPoint adds 1 to every output weight; the units are dead, so the loss is unchanged: the minimum is a plateau',
    flatPoint: vectorToPoint(problem.net, flat),
  };
  return { exact, details };
}

/** Replay of a dead-unit plateau: every unit dead (margin as recorded), L = plateauLoss, flatPoint flat and moved. */
export function deadPlateauProblems(
  problem: Problem,
  theta: Float64Array,
  exact: Record_,
  details: Record_,
): string[] {
  const problems: string[] = [];
  const value = loss(problem, theta);
  const proof = deadUnitsProof(problem, theta);
  if (proof === null) problems.push('exact: some unit is active on some sample');
  else problems.push(...marginProblems(proof.margin, exact));
  const plateau = plateauLoss(problem);
  if (!(Math.abs(value - plateau) <= CONSTRUCTION_LOSS_RTOL * (1 + plateau)))
    problems.push(`exact: L(point) = ${value} is not the plateau value ${plateau}`);
  try {
    const flat = pointToVector(problem.net, details.flatPoint as PointJson);
    if (!(Math.abs(loss(problem, flat) - value) <= FLAT_RTOL * (1 + value)))
      problems.push('details: the flat point changes the loss');
    if (flat.every((x, k) => x === theta[k])) problems.push('details: the flat point is the point itself');
  } catch (error) {
    problems.push(`details: flatPoint: ${(error as Error).message}`);
  }
  return problems;
}

/**
 * The sampled examination of a construction's point, and why it disagrees with the exact argument (null: it agrees).
 * The exact argument says local minimum; a sample that says saddle or not critical leaves the case undecided.
 */
export function examineConstruction(
  at: { readonly objective: Objective; readonly theta: Float64Array },
  rng: Rng,
  options: { readonly radii: readonly number[]; readonly trials: number },
): { exam: PointExamination; disagreement: string | null } {
  const exam = examinePoint(at.objective, at.theta, {
    rng,
    radii: [...options.radii],
    trials: options.trials,
  });
  const c = exam.classification;
  const agrees = c !== 'saddle' && c !== 'not-critical';
  return {
    exam,
    disagreement: agrees ? null : `the sampled examination says ${c}, the exact argument says local minimum`,
  };
}

/** Whether an affine map fits the targets (then the linear regime is globally optimal: no construction). */
export function affinelyFittable(problem: Problem): boolean {
  let zero = 0;
  for (const y of problem.Y) zero += y * y;
  return affineFit(problem).loss <= AFFINE_FIT_RTOL * (1 + lossWeight(problem) * zero);
}

/** The exact argument a linear-regime certificate records (with its margin, radius and linearLoss). */
export const LINEAR_REGIME_ARGUMENT =
  'every hidden pre-activation w_j·x_i + b_j ≥ margin > 0; perturbations of norm < radius = margin/√(1 + max‖x_i‖²) keep every unit active (on t > 0), so the network is affine in x on the data and L ≥ linearLoss (the affine least-squares loss) = L(point)';

/** The `exact` record of a linear-regime point: the argument, margin, radius, affine least-squares loss (null: a unit is off). */
export function linearRegimeExact(
  problem: Problem,
  theta: Float64Array,
): { argument: string; margin: number; radius: number; linearLoss: number } | null {
  const proof = allActiveProof(problem, theta);
  if (proof === null) return null;
  return {
    argument: LINEAR_REGIME_ARGUMENT,
    margin: proof.margin,
    radius: proof.radius,
    linearLoss: affineFit(problem).loss,
  };
}

/** Replay of a linear-regime point: every unit active (margin as recorded) and L = the affine least-squares loss. */
export function linearRegimeProblems(problem: Problem, theta: Float64Array, exact: Record_): string[] {
  const problems: string[] = [];
  const proof = allActiveProof(problem, theta);
  if (proof === null)
    problems.push('exact: some hidden pre-activation is ≤ 0: the point is not in the linear regime');
  else problems.push(...marginProblems(proof.margin, exact));
  const value = loss(problem, theta);
  const linear = affineFit(problem).loss;
  if (!(Math.abs(value - linear) <= CONSTRUCTION_LOSS_RTOL * (1 + linear)))
    problems.push(`exact: L(point) = ${value} is not the affine least-squares loss ${linear}`);
  return problems;
}

/** The `details` record of a flat escape (checked on replay by flatEscapeProblems): the point is not a basin. */
export function flatEscapeDetails(problem: Problem, exit: FlatEscape): Record<string, unknown> {
  return {
    notABasin:
      'flatMove: unit `unit` has output weight 0; moving its incoming weights and bias along the straight segment to flatPoint (its kink now between samples) leaves L unchanged (flatProfile); descent: setting its output weight to −Σ r_i h(x_i)/Σ h(x_i)² then lowers L to descentLoss',
    unit: exit.unit,
    flatPoint: vectorToPoint(problem.net, exit.flatPoint),
    flatProfile: exit.flatProfile,
    descentPoint: vectorToPoint(problem.net, exit.descentPoint),
    descentLoss: exit.descentLoss,
  };
}

/**
 * Replay of a flat escape (src/landscape/basins/linearRegime.ts `flatEscape`): unit `unit` has output weight 0; the
 * flat move changes only its incoming weights and bias and keeps L (sampled at FLAT_SAMPLES + 1 points); the descent
 * step changes only its output weight and lowers L by more than ESCAPE_DECREASE_RTOL·(1 + L), to `descentLoss`.
 */
export function flatEscapeProblems(problem: Problem, theta: Float64Array, details: Record_): string[] {
  const problems: string[] = [];
  const value = loss(problem, theta);
  const unit = Number(details.unit);
  if (!Number.isInteger(unit) || unit < 0 || unit >= problem.layout.layerSizes[1]!)
    return [`details: bad unit ${String(details.unit)}`];
  if (outputWeightOf(problem, theta, unit) !== 0)
    problems.push(`details: unit ${unit} has a non-zero output weight at the point`);
  let flat: Float64Array;
  let descent: Float64Array;
  try {
    flat = pointToVector(problem.net, details.flatPoint as PointJson);
    descent = pointToVector(problem.net, details.descentPoint as PointJson);
  } catch (error) {
    return [...problems, `details: ${(error as Error).message}`];
  }
  const [hidden, output] = problem.layout.layers;
  const d = hidden!.inputs;
  const ownIncoming = (k: number) =>
    (k >= hidden!.weightOffset + unit * d && k < hidden!.weightOffset + (unit + 1) * d) ||
    k === hidden!.biasOffset! + unit;
  const ownOutgoing = (k: number) => k === output!.weightOffset + unit;
  for (let k = 0; k < theta.length; k++) {
    if (!ownIncoming(k) && flat[k] !== theta[k])
      problems.push(
        `details: the flat move changes parameter ${k}, not only unit ${unit}'s incoming weights`,
      );
    if (!ownOutgoing(k) && descent[k] !== flat[k])
      problems.push(
        `details: the descent step changes parameter ${k}, not only unit ${unit}'s output weight`,
      );
  }
  for (let s = 0; s <= FLAT_SAMPLES; s++) {
    const v = loss(problem, along(theta, flat, s / FLAT_SAMPLES));
    if (!(Math.abs(v - value) <= FLAT_RTOL * (1 + value))) {
      problems.push(`details: the loss along the flat move is ${v} at t = ${s / FLAT_SAMPLES}, not ${value}`);
      break;
    }
  }
  const descentLoss = loss(problem, descent);
  if (!(value - descentLoss > ESCAPE_DECREASE_RTOL * (1 + value)))
    problems.push(`details: the descent step gives ${descentLoss}, not below ${value}`);
  if (!(Math.abs(descentLoss - Number(details.descentLoss)) <= DESCENT_RECORD_RTOL * (1 + descentLoss)))
    problems.push(`details: descentLoss is ${descentLoss}, certificate says ${String(details.descentLoss)}`);
  return [...new Set(problems)];
}
