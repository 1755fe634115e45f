import { UserError } from '../../errors.js';
import { type DenseMatrix, dense, leastSquares, numericalRank, rankIsDecidable } from '../../linalg/index.js';
import { loss, lossWeight, type Problem } from '../../nn/index.js';
import type { Rng } from '../../random.js';
import { selectColumns } from './columnSelection.js';
import {
  along,
  column,
  featureMatrix,
  lastFeatures,
  lastLayers,
  withIncoming,
  withOutputLayer,
} from './networkParts.js';
import {
  DISTINCT_RTOL,
  FEATURE_RCOND_MIN,
  INDEPENDENCE_RTOL,
  PATH_END_RTOL,
  PATH_ROUNDING_RTOL,
} from './tolerances.js';

/** One straight piece of the path, with the loss sampled at t = 0, 1/K, …, 1. */
export interface PathSegment {
  readonly step: 1 | 2 | 3 | 4;
  readonly description: string;
  readonly profile: readonly number[];
}

export interface LdsPath {
  /**
   * `reached`: the profile never increases (beyond PATH_ROUNDING_RTOL) and the end loss is ≤ epsilon.
   * `not-reached`: the construction ran but the path increases somewhere or ends above epsilon.
   * `inapplicable`: the construction cannot start (two samples have the same features h_{L−2}).
   */
  readonly status: 'reached' | 'not-reached' | 'inapplicable';
  /** Why the status is not `reached` (null when it is). */
  readonly reason: string | null;
  /** θ0 … θ4: the start, after each of the four steps (full parameter vectors). */
  readonly vertices: readonly Float64Array[];
  readonly segments: readonly PathSegment[];
  readonly startLoss: number;
  readonly endLoss: number;
  /** The stated ε: PATH_END_RTOL·(1 + L_zero), L_zero the loss of the zero predictor. */
  readonly epsilon: number;
  /** The largest increase between consecutive samples of the profile, and the floor it is compared with. */
  readonly maxIncrease: number;
  readonly increaseFloor: number;
  /** Rank of the feature matrix [h_{L−1} | 1] after step 3 (n when full row rank was reached). */
  readonly finalRank: number;
  /** Last hidden units kept with their output weights (step 2) and units whose incoming weights moved (step 3). */
  readonly keptUnits: readonly number[];
  readonly movedUnits: readonly number[];
}

/** One candidate for a freed unit: incoming weights, bias and its feature vector σ(w·h_i + b) over the samples. */
interface Candidate {
  readonly w: Float64Array;
  readonly b: number;
  readonly feature: Float64Array;
}

/** Samples per segment (K): the profile is checked at K + 1 points of every segment. */
export const SEGMENT_SAMPLES = 8;
/** Random directions tried for the hinge candidates; extra directions matter only for polynomial σ. */
const EXTRA_DIRECTIONS = 2;

function normalVector(k: number, rng: Rng): Float64Array {
  return Float64Array.from({ length: k }, () => rng.normal());
}

/** Two samples whose inputs to the last hidden layer coincide (up to DISTINCT_RTOL), or null. */
function coincidingSamples(inputs: Float64Array, n: number, k: number): [number, number] | null {
  let scale = 0;
  for (let i = 0; i < inputs.length; i++) scale = Math.max(scale, Math.abs(inputs[i]!));
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let d = 0;
      for (let j = 0; j < k; j++) d = Math.max(d, Math.abs(inputs[a * k + j]! - inputs[b * k + j]!));
      if (d <= DISTINCT_RTOL * Math.max(1, scale)) return [a, b];
    }
  }
  return null;
}

/**
 * Candidate incoming weights for freed units: along random directions u, with the projections p_i = u·h_i
 * sorted, hinges σ(s·(p − t)) at thresholds t below all samples, between consecutive samples and above all.
 * For relu these are a triangular (hence full-rank) family; for sigmoid-like σ, a steep scale makes them
 * near steps (also triangular); for polynomial σ several directions are needed. Both a steep scale
 * (2/min gap) and a flat one (1/spread) are offered; the pivoted selection picks what is independent.
 * A freed unit's incoming weights are free (its output weight is 0), so for piecewise-linear σ, whose hinge
 * features scale with s, the flat slope is `featureScale`/spread: the hinges' features are then of the size of
 * the network's own features (`featureScale`, their largest entry). At slope 1/spread they were ≤ 1 while the
 * independence test (step 3) is relative to the largest column, so with large network features a hinge that
 * separates two close samples (gap/spread ~ 1e-4) fell below INDEPENDENCE_RTOL and the path stopped one rank
 * short (lds-no-suboptimal-basin, seed 20: features ~ 200, end loss 4.5e-7 > ε).
 */
function candidates(problem: Problem, inputs: Float64Array, rng: Rng, featureScale: number): Candidate[] {
  const n = problem.n;
  const k = lastLayers(problem).hidden.inputs;
  const act = problem.act;
  const out: Candidate[] = [];
  const directions = n + EXTRA_DIRECTIONS;
  for (let attempt = 0, found = 0; found < directions && attempt < 10 * directions; attempt++) {
    const u = normalVector(k, rng);
    const p = Float64Array.from({ length: n }, (_, i) => {
      let s = 0;
      for (let j = 0; j < k; j++) s += u[j]! * inputs[i * k + j]!;
      return s;
    });
    const sorted = Array.from(p).sort((a, b) => a - b);
    const spread = sorted[n - 1]! - sorted[0]!;
    let minGap = Number.POSITIVE_INFINITY;
    for (let i = 1; i < n; i++) minGap = Math.min(minGap, sorted[i]! - sorted[i - 1]!);
    if (n === 1) minGap = 1;
    const scaleOf = Math.max(spread, 1);
    if (!(minGap > DISTINCT_RTOL * scaleOf) || !Number.isFinite(spread)) continue;
    found++;
    const thresholds = [sorted[0]! - minGap / 2];
    for (let i = 1; i < n; i++) thresholds.push((sorted[i - 1]! + sorted[i]!) / 2);
    thresholds.push(sorted[n - 1]! + minGap / 2);
    const scales = act.piecewiseLinear ? [featureScale / scaleOf] : [2 / minGap, 1 / scaleOf];
    for (const s of scales) {
      for (const t of thresholds) {
        const w = Float64Array.from(u, (x) => s * x);
        const b = -s * t;
        const feature = Float64Array.from(p, (pi) => act.value(s * pi + b));
        if (feature.every(Number.isFinite)) out.push({ w, b, feature });
      }
    }
  }
  return out;
}

function profileOf(problem: Problem, a: Float64Array, b: Float64Array, samples: number): number[] {
  return Array.from({ length: samples + 1 }, (_, k) => loss(problem, along(a, b, k / samples)));
}

function subMatrix(a: DenseMatrix, columns: readonly number[]): DenseMatrix {
  const out = dense(a.rows, columns.length);
  for (let i = 0; i < a.rows; i++) {
    for (let c = 0; c < columns.length; c++)
      out.data[i * columns.length + c] = a.data[i * a.cols + columns[c]!]!;
  }
  return out;
}

/** The (m+1)×d_L (or m×d_L) coefficient matrix with rows `rows` set from x (|rows|×d_L) and zeros elsewhere. */
function scatterRows(total: number, outputs: number, rows: readonly number[], x: DenseMatrix): DenseMatrix {
  const out = dense(total, outputs);
  rows.forEach((r, k) => {
    for (let o = 0; o < outputs; o++) out.data[r * outputs + o] = x.data[k * outputs + o]!;
  });
  return out;
}

/**
 * The constructive non-increasing path of Li, Ding & Sun (no sub-optimal basin when the last hidden layer
 * has ≥ N units), from θ0:
 *   (1) the output layer moves along the segment to the least-squares solution for the current features
 *       (the loss is a convex quadratic along it, minimal at the end, hence non-increasing);
 *   (2) within the least-squares solution set, to a solution supported on a basis of the feature columns, so
 *       every other ("redundant") unit gets output weight exactly 0 (the fit, hence the loss, is constant);
 *   (3) the redundant units' incoming weights move, freely, to hinges that make [h_{L−1} | 1] of full row
 *       rank N (their output weight is 0, so the loss is unchanged bit for bit);
 *   (4) the output layer moves to the now-interpolating least-squares solution (loss to ~0).
 * The loss is sampled along every segment and checked: never increasing beyond PATH_ROUNDING_RTOL·(1 + L0),
 * ending at ≤ ε = PATH_END_RTOL·(1 + L_zero). The rng draws the hinge directions only.
 * Needs biases (the hinges' thresholds); any activation, any depth ≥ 1 hidden layer, any output dimension.
 */
export function ldsPath(
  problem: Problem,
  theta0: Float64Array,
  rng: Rng,
  options: { samples?: number } = {},
): LdsPath {
  if (!problem.net.bias)
    throw new UserError('the Li–Ding–Sun path needs a network with biases (network.bias: true)');
  const samples = options.samples ?? SEGMENT_SAMPLES;
  const { width, outputs, hidden } = lastLayers(problem);
  const n = problem.n;
  const Y = dense(n, outputs, Float64Array.from(problem.Y));
  const startLoss = loss(problem, theta0);
  let zeroLoss = 0;
  for (let k = 0; k < problem.Y.length; k++) zeroLoss += problem.Y[k]! * problem.Y[k]!;
  zeroLoss *= lossWeight(problem);
  const epsilon = PATH_END_RTOL * (1 + zeroLoss);
  const increaseFloor = PATH_ROUNDING_RTOL * (1 + Math.abs(startLoss));
  const base = { startLoss, epsilon, increaseFloor };

  const at0 = lastFeatures(problem, theta0);
  const inapplicable = (reason: string): LdsPath => ({
    ...base,
    status: 'inapplicable',
    reason,
    vertices: [theta0],
    segments: [],
    endLoss: startLoss,
    maxIncrease: 0,
    finalRank: 0,
    keptUnits: [],
    movedUnits: [],
  });
  if (!at0.features.every(Number.isFinite) || !Number.isFinite(startLoss))
    return inapplicable('non-finite features or loss at the start');
  const same = coincidingSamples(at0.inputs, n, hidden.inputs);
  if (same !== null) {
    return inapplicable(
      `samples ${same[0]} and ${same[1]} have the same input to the last hidden layer: no choice of its weights separates them`,
    );
  }

  // (1) least squares on the current features (minimum norm, numpy's rank cut).
  const F0 = featureMatrix(problem, at0.features);
  const ranked = numericalRank(F0);
  if (!rankIsDecidable(ranked)) {
    const sv = ranked.singularValues;
    return inapplicable(
      `the rank of the last-hidden features is undecidable in float64 (σ_${ranked.rank}/σ_1 = ${(sv[ranked.rank - 1]! / sv[0]!).toExponential(2)}, gap ${ranked.gap.toExponential(2)})`,
    );
  }
  const rcond = ranked.rank === 0 ? 1 : ranked.singularValues[ranked.rank - 1]! / ranked.singularValues[0]!;
  if (!(rcond >= FEATURE_RCOND_MIN)) {
    return inapplicable(
      `the last-hidden features are too ill-conditioned for float64 (σ_${ranked.rank}/σ_1 = ${rcond.toExponential(2)} < ${FEATURE_RCOND_MIN}): least-squares outputs carry rounding of the order of the loss`,
    );
  }
  const theta1 = withOutputLayer(problem, theta0, leastSquares(F0, Y).x);

  // (2) a least-squares solution supported on r = rank(F0) columns chosen by pivoting (they span the same
  // numerical column space as the solve of step 1, so the fit is the same); the other units get weight 0.
  const columns0 = Array.from({ length: F0.cols }, (_, k) => column(F0, k));
  const basis = selectColumns(columns0, { absTol: ranked.tol, limit: ranked.rank });
  const chosen = [...basis.selected].sort((a, b) => a - b);
  const theta2 = withOutputLayer(
    problem,
    theta1,
    scatterRows(F0.cols, outputs, chosen, leastSquares(subMatrix(F0, chosen), Y).x),
  );
  const keptUnits = chosen.filter((k) => k < width);
  const freeUnits = Array.from({ length: width }, (_, j) => j).filter((j) => !keptUnits.includes(j));

  // (3) freed units move to hinges until the features have full row rank: each free unit takes the candidate
  // with the largest part outside the current span (pivoting), if that part is ≥ INDEPENDENCE_RTOL·scale.
  let featureScale = 1;
  for (let k = 0; k < at0.features.length; k++)
    featureScale = Math.max(featureScale, Math.abs(at0.features[k]!));
  const pool = candidates(problem, at0.inputs, rng, featureScale);
  let scale = 0;
  for (const c of [...columns0, ...pool.map((p) => p.feature)])
    scale = Math.max(scale, Math.sqrt(c.reduce((s, x) => s + x * x, 0)));
  const added = selectColumns(
    pool.map((p) => p.feature),
    { absTol: INDEPENDENCE_RTOL * scale, basis: basis.basis, limit: freeUnits.length },
  );
  let theta3 = theta2;
  const movedUnits: number[] = [];
  added.selected.forEach((k, i) => {
    const unit = freeUnits[i]!;
    const c = pool[k]!;
    theta3 = withIncoming(problem, theta3, unit, c.w, c.b);
    movedUnits.push(unit);
  });
  const spanSize = basis.basis.length + added.basis.length;

  // (4) least squares on the new features.
  const F3 = featureMatrix(problem, lastFeatures(problem, theta3).features);
  const solved = leastSquares(F3, Y);
  const theta4 = withOutputLayer(problem, theta3, solved.x);

  const vertices = [theta0, theta1, theta2, theta3, theta4];
  const descriptions = [
    'output layer to the least-squares solution of the current features',
    'within the least-squares solutions, redundant units to output weight 0',
    'redundant units’ incoming weights to hinges (their output weight is 0)',
    'output layer to the interpolating least-squares solution',
  ];
  const segments: PathSegment[] = descriptions.map((description, k) => ({
    step: (k + 1) as 1 | 2 | 3 | 4,
    description,
    profile: profileOf(problem, vertices[k]!, vertices[k + 1]!, samples),
  }));
  let maxIncrease = Number.NEGATIVE_INFINITY;
  for (const s of segments) {
    for (let k = 1; k < s.profile.length; k++)
      maxIncrease = Math.max(maxIncrease, s.profile[k]! - s.profile[k - 1]!);
  }
  const endLoss = segments[3]!.profile[samples]!;
  const finalRank = solved.rank;
  let reason: string | null = null;
  if (!(maxIncrease <= increaseFloor))
    reason = `the loss increases by ${maxIncrease.toExponential(3)} along the path (floor ${increaseFloor.toExponential(3)})`;
  else if (!(endLoss <= epsilon)) {
    reason = `the path ends at loss ${endLoss.toExponential(3)} > ε = ${epsilon.toExponential(3)} (feature rank ${spanSize} of ${n} reached with ${freeUnits.length} free units)`;
  }
  return {
    ...base,
    status: reason === null ? 'reached' : 'not-reached',
    reason,
    vertices,
    segments,
    endLoss,
    maxIncrease,
    finalRank,
    keptUnits,
    movedUnits,
  };
}

/**
 * Rank of the n×q matrix of the monomials of degree ≤ 2 of the samples (q = (d+1)(d+2)/2). The functions
 * x ↦ (w·x + b)² span exactly the quadratic polynomials, so a one-hidden-layer network with quadratic
 * activation can interpolate N samples (at any width) only if this rank is N.
 */
export function quadraticMonomialRank(inputs: readonly (readonly number[])[]): number {
  const n = inputs.length;
  const d = inputs[0]?.length ?? 0;
  const rows = inputs.map((x) => {
    const row = [1, ...x];
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) row.push(x[a]! * x[b]!);
    return row;
  });
  const q = rows[0]?.length ?? 0;
  const m = dense(n, q, Float64Array.from(rows.flat()));
  return numericalRank(m).rank;
}
