import { nullSpace, numericalRank, rankIsDecidable } from '../../linalg/index.js';
import type { Rng } from '../../random.js';
import { mlpModel } from '../mlpModel.js';
import { faceSplitMatrix } from './regionJacobian.js';
import {
  interiorMinimizers,
  maxUnitNorm,
  type RegionLpResult,
  regionJacobian,
  regionLoss,
  regionSlack,
} from './regionProgram.js';
import { CERT_ATOL_UNITS, CERT_RTOL, EPS, ZERO_LOSS_RTOL } from './tolerances.js';
import {
  caseParameters,
  caseRegion,
  caseShape,
  type TwoLayerCase,
  toTheta,
  twoLayerSubject,
} from './twoLayer.js';

/** Relative agreement of the network's loss (src/nn) with the region's quadratic at a point of the region. */
export const REGION_LINEARITY_RTOL = 1e-10;

/**
 * Everything the region theorems (Karhadkar et al. 2023 Thm 5 [REC numbering]; Soudry–Carmon 2016) say about one
 * activation region S_A of a two-layer network with frozen output weights, measured on the real network (src/nn,
 * first layer trained) and on the region's linear model J_A·w̃:
 * - rank J_A and its singular values (numericalRank, numpy's cut);
 * - docs/derivations.md#jacobian-certificate at sampled points of S_A: ‖r‖·σ_n(J_A) ≤ ‖∇L‖ (worst relative violation, ≤ 0 when it holds);
 * - region linearity: the network's loss equals ½‖J_A·w̃ − y‖² at those points;
 * - the region LP (HiGHS, `interiorMinimizers`): is there a minimiser of the region's quadratic strictly inside
 *   S_A? Those are exactly the differentiable critical points of the network's loss in S_A; the network's loss
 *   and gradient are recorded at one of them, and when its loss is zero, the dimension of the zero-loss set
 *   there (the null space of J_A, stepped along on the real network).
 */
export interface RegionExamination {
  readonly n: number;
  /** d1·q, the number of trained parameters. */
  readonly p: number;
  readonly rank: number;
  readonly decidable: boolean;
  /** σ_1 and σ_n of J_A (σ_n = 0 when p < n). */
  readonly sigmaMax: number;
  readonly sigmaN: number;
  /** regionSlack of the case's own weights: how far they are from a kink (relative). */
  readonly slack: number;
  readonly certificate: { readonly points: number; readonly worst: number };
  readonly linearityError: number;
  readonly lp: RegionLpResult;
  /** At an interior minimiser (a differentiable critical point): the network's loss and gradient norm. */
  readonly criticalPoint: {
    readonly w: Float64Array;
    readonly loss: number;
    readonly gradientNorm: number;
  } | null;
  /** With an interior zero-loss point: the zero-loss set's dimension (null-space columns) and what theory says. */
  readonly zeroLossSet: {
    readonly dimension: number;
    readonly expected: number;
    readonly steps: number;
    /** Largest network loss after a step along the null space (must be zero-loss). */
    readonly worstLoss: number;
    readonly leftRegion: number;
  } | null;
  /** ZERO_LOSS_RTOL·(1 + ½‖y‖²): losses at or below are zero. */
  readonly zeroLossTol: number;
}

export interface ExamineRegionOptions {
  /** Random points of the region at which the certificate inequality is checked (besides the segments). */
  readonly points?: number;
  /** Steps along the zero-loss set. */
  readonly steps?: number;
}

/** The HiGHS solver must be loaded (`loadHighs()`; claims do it in `prepare`). */
export function examineRegion(
  c: TwoLayerCase,
  rng: Rng,
  options: ExamineRegionOptions = {},
): RegionExamination {
  const { n, d1, q } = caseShape(c);
  const p = d1 * q;
  const region = caseRegion(c);
  const J = faceSplitMatrix(regionJacobian(region));
  const ranked = numericalRank(J);
  const sigmaMax = ranked.singularValues[0] ?? 0;
  const sigmaN = p >= n ? (ranked.singularValues[n - 1] ?? 0) : 0;
  const model = mlpModel(twoLayerSubject(c));
  const w0 = caseParameters(c);
  const slack = regionSlack(region, w0);
  const zeroLossTol = ZERO_LOSS_RTOL * (1 + 0.5 * c.targets.reduce((a, t) => a + t * t, 0));

  let worst = Number.NEGATIVE_INFINITY;
  let linearityError = 0;
  let points = 0;
  const probe = (w: Float64Array): void => {
    if (!(regionSlack(region, w) > 0)) return;
    const { value, gradient } = model.objective.valueAndGradient(toTheta(c, w));
    const r = Math.sqrt(2 * value);
    const g = Math.hypot(...gradient);
    const lhs = r * sigmaN;
    const rhs = g * (1 + CERT_RTOL) + CERT_ATOL_UNITS * Math.max(n, p) * EPS * sigmaMax * r;
    worst = Math.max(worst, (lhs - rhs) / (1 + lhs));
    const quadratic = regionLoss(region, w);
    linearityError = Math.max(linearityError, Math.abs(value - quadratic) / (1 + Math.abs(value)));
    points++;
  };

  probe(w0);
  const radius = 0.5 * slack * (1 + maxUnitNorm(w0, d1, q));
  for (let k = 0; k < (options.points ?? 8); k++) {
    const delta = Float64Array.from(w0, () => rng.normal());
    const norm = Math.hypot(...delta);
    probe(Float64Array.from(w0, (w, i) => w + (radius * delta[i]!) / norm));
  }

  const lp = interiorMinimizers(region);
  let criticalPoint: RegionExamination['criticalPoint'] = null;
  let zeroLossSet: RegionExamination['zeroLossSet'] = null;
  if (lp.interior && lp.w !== null) {
    const start = lp.w;
    for (const t of [0.25, 0.5, 0.75]) probe(Float64Array.from(w0, (w, i) => w + t * (start[i]! - w)));
    const { value, gradient } = model.objective.valueAndGradient(toTheta(c, start));
    criticalPoint = { w: start, loss: value, gradientNorm: Math.hypot(...gradient) };
    if (value <= zeroLossTol) {
      const basis = nullSpace(J);
      const steps = options.steps ?? 6;
      const step = 0.5 * regionSlack(region, start) * (1 + maxUnitNorm(start, d1, q));
      let worstLoss = value;
      let leftRegion = 0;
      for (let k = 0; k < steps && basis.cols > 0; k++) {
        const z = Float64Array.from({ length: basis.cols }, () => rng.normal());
        const dir = new Float64Array(p);
        for (let a = 0; a < p; a++)
          for (let b = 0; b < basis.cols; b++) dir[a]! += basis.data[a * basis.cols + b]! * z[b]!;
        const norm = Math.hypot(...dir);
        const w = Float64Array.from(start, (x, i) => x + (step * dir[i]!) / norm);
        if (!(regionSlack(region, w) > 0)) leftRegion++;
        worstLoss = Math.max(worstLoss, model.objective.value(toTheta(c, w)));
      }
      zeroLossSet = { dimension: basis.cols, expected: p - ranked.rank, steps, worstLoss, leftRegion };
    }
  }

  return {
    n,
    p,
    rank: ranked.rank,
    decidable: rankIsDecidable(ranked),
    sigmaMax,
    sigmaN,
    slack,
    certificate: { points, worst },
    linearityError,
    lp,
    criticalPoint,
    zeroLossSet,
    zeroLossTol,
  };
}
