import { seededRng } from '../../random.js';
import { moveBy } from '../objective.js';
import type { SubjectModel } from '../subjectModel.js';
import type { AnyPoint } from '../subjectTypes.js';

/** The loss along the segment θ(t) = θ_0 + t·(θ_1 − θ_0) from a certified point to its better point. */
export interface Interpolation {
  readonly t: readonly number[];
  readonly loss: readonly number[];
  /** The highest loss on t ∈ [0, 1] and where; `height` is its excess over the loss at t = 0 (0: no barrier). */
  readonly barrier: { readonly t: number; readonly loss: number; readonly height: number };
}

/**
 * 1-D linear interpolation (Goodfellow, Vinyals, Saxe 2015; Li et al. 2018 §3) from the subject's point (t = 0)
 * to `better` (t = 1), on `points` equally spaced t in [−0.25, 1.25]. On a sphere (spin glass) each point is
 * retracted to the manifold. Non-finite losses are kept as NaN (never drawn as a value).
 */
export function interpolationProfile(model: SubjectModel, better: AnyPoint, points = 61): Interpolation {
  const from = model.theta;
  const to = model.fromPoint(better);
  const step = to.map((x, i) => x - from[i]!);
  const t: number[] = [];
  const loss: number[] = [];
  for (let g = 0; g < points; g++) {
    const tt = -0.25 + (1.5 * g) / (points - 1);
    const value = model.objective.value(
      moveBy(
        model.objective,
        from,
        step.map((x) => x * tt),
      ),
    );
    t.push(Number(tt.toPrecision(12)));
    loss.push(Number.isFinite(value) ? value : Number.NaN);
  }
  const l0 = model.objective.value(from);
  let best = { t: 0, loss: l0 };
  for (let g = 0; g < points; g++)
    if (t[g]! >= 0 && t[g]! <= 1 && loss[g]! > best.loss) best = { t: t[g]!, loss: loss[g]! };
  return { t, loss, barrier: { ...best, height: best.loss - l0 } };
}

/** The loss on a grid around the point along two random directions: values[j][i] at (alpha[i], beta[j]). */
export interface Surface {
  readonly alpha: readonly number[];
  readonly beta: readonly number[];
  readonly values: readonly (readonly number[])[];
  /** How the directions were normalised (shown in the report). */
  readonly normalisation: string;
  readonly seed: number;
}

/**
 * Groups of coordinates ("filters") whose direction is rescaled together, and coordinates set to zero. For an
 * mlp a filter is one unit's incoming weight row (Li et al. 2018, filter normalisation for fully connected
 * layers), and biases are not perturbed (their code's default, `ignore='biasbn'`); for a teacher–student subject
 * a filter is one student neuron; otherwise the whole vector is one group.
 */
function filters(model: SubjectModel): { groups: number[][]; zero: number[]; normalisation: string } {
  const dim = model.theta.length;
  const mlp = model.mlp;
  if (mlp !== undefined) {
    const position = new Map(mlp.free.map((k, i) => [k, i]));
    const groups: number[][] = [];
    const zero: number[] = [];
    for (const layer of mlp.problem.layout.layers) {
      for (let o = 0; o < layer.outputs; o++) {
        const group: number[] = [];
        for (let j = 0; j < layer.inputs; j++) {
          const at = position.get(layer.weightOffset + o * layer.inputs + j);
          if (at !== undefined) group.push(at);
        }
        if (group.length > 0) groups.push(group);
        if (layer.biasOffset !== null) {
          const at = position.get(layer.biasOffset + o);
          if (at !== undefined) zero.push(at);
        }
      }
    }
    return {
      groups,
      zero,
      normalisation:
        'filter-normalised (each unit’s incoming weight row scaled to its norm at the point; biases not perturbed)',
    };
  }
  if (model.kind === 'gaussian-teacher-student') {
    const point = model.toPoint(model.theta) as number[][];
    const d = point[0]?.length ?? dim;
    const groups = Array.from({ length: dim / d }, (_, r) => Array.from({ length: d }, (_, c) => r * d + c));
    return {
      groups,
      zero: [],
      normalisation: 'filter-normalised (each student neuron scaled to its norm at the point)',
    };
  }
  return {
    groups: [Array.from({ length: dim }, (_, i) => i)],
    zero: [],
    normalisation: 'normalised to the norm of the point (tangent to the sphere, then retracted)',
  };
}

/** A Gaussian direction, each filter rescaled to the norm of the point's filter (Li et al. 2018, eq. (1)). */
function filterNormalisedDirection(model: SubjectModel, rng: ReturnType<typeof seededRng>): Float64Array {
  const theta = model.theta;
  let d = Float64Array.from({ length: theta.length }, () => rng.normal());
  if (model.objective.projectTangent !== undefined)
    d = Float64Array.from(model.objective.projectTangent(theta, d));
  const { groups, zero } = filters(model);
  for (const group of groups) {
    let dn = 0;
    let tn = 0;
    for (const i of group) {
      dn += d[i]! ** 2;
      tn += theta[i]! ** 2;
    }
    const scale = dn > 0 ? Math.sqrt(tn / dn) : 0;
    for (const i of group) d[i] = d[i]! * scale;
  }
  for (const i of zero) d[i] = 0;
  return d;
}

/**
 * 2-D surface (Li, Xu, Taylor, Studer, Goldstein 2018, §4): L(θ + α·δ + β·η) on a `points`×`points` grid of
 * α, β ∈ [−span, span], with δ, η independent Gaussian directions, filter-normalised, drawn from `seed`.
 */
export function randomSurface(model: SubjectModel, seed: number, points = 25, span = 1): Surface {
  const rng = seededRng(seed);
  const delta = filterNormalisedDirection(model, rng);
  const eta = filterNormalisedDirection(model, rng);
  const grid = Array.from({ length: points }, (_, g) =>
    Number((-span + (2 * span * g) / (points - 1)).toPrecision(12)),
  );
  const values = grid.map((b) =>
    grid.map((a) => {
      const step = delta.map((x, i) => a * x + b * eta[i]!);
      const v = model.objective.value(moveBy(model.objective, model.theta, step));
      return Number.isFinite(v) ? v : Number.NaN;
    }),
  );
  return { alpha: grid, beta: grid, values, normalisation: filters(model).normalisation, seed };
}
