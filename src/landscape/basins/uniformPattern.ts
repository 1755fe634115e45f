import { forward, type Problem } from '../../nn/index.js';
import { lastLayers } from './networkParts.js';

/**
 * The exact local argument for a one-hidden-layer network whose hidden units are all on one side of their
 * kink on every sample: all active (the linear regime) or all inactive (dead units).
 *
 * If every pre-activation z_ij = w_j·x_i + b_j satisfies ±z_ij ≥ margin > 0, then any perturbation of
 * (w_j, b_j) of norm < radius = margin / √(1 + max_i ‖x_i‖²) (without bias: margin / max_i ‖x_i‖) changes
 * each z_ij by less than margin (Cauchy–Schwarz), so the pattern cannot change in that ball; output-layer
 * perturbations do not touch z at all. Inside the ball the network is then affine in x on the data (all
 * active, for relu and leaky-relu) or constant (all inactive, relu).
 */
export interface UniformPatternProof {
  readonly pattern: 'all-active' | 'all-inactive';
  /** min over samples and units of ±z_ij (> 0). */
  readonly margin: number;
  /** The radius of the parameter ball on which the pattern cannot change. */
  readonly radius: number;
}

/** The proof of a uniform pattern at θ, or null (mixed pattern, a pre-activation at 0, or not one hidden layer). */
export function uniformPatternProof(problem: Problem, theta: Float64Array): UniformPatternProof | null {
  if (problem.layout.layers.length !== 2) return null;
  const { width } = lastLayers(problem);
  const z = forward(problem, theta).z[0]!;
  let minPositive = Number.POSITIVE_INFINITY;
  let minNegative = Number.POSITIVE_INFINITY;
  let positives = 0;
  for (let k = 0; k < z.length; k++) {
    const v = z[k]!;
    if (!Number.isFinite(v)) return null;
    if (v > 0) {
      positives++;
      minPositive = Math.min(minPositive, v);
    } else minNegative = Math.min(minNegative, -v);
  }
  const total = problem.n * width;
  const pattern = positives === total ? 'all-active' : positives === 0 ? 'all-inactive' : null;
  if (pattern === null) return null;
  const margin = pattern === 'all-active' ? minPositive : minNegative;
  if (!(margin > 0)) return null;
  const d = problem.layout.layers[0]!.inputs;
  let maxNorm2 = 0;
  for (let i = 0; i < problem.n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += problem.X[i * d + j]! ** 2;
    maxNorm2 = Math.max(maxNorm2, s);
  }
  const scale = Math.sqrt((problem.net.bias ? 1 : 0) + maxNorm2);
  return { pattern, margin, radius: scale > 0 ? margin / scale : Number.POSITIVE_INFINITY };
}

/**
 * Dead units (Swirszcz, Czarnecki & Pascanu 2016): every hidden unit inactive on every sample, with the
 * margin and radius of the ball on which they stay dead (single-relu-no-spurious-min's single neuron is the
 * one-unit case).
 */
export function deadUnitsProof(
  problem: Problem,
  theta: Float64Array,
): { margin: number; radius: number } | null {
  const proof = uniformPatternProof(problem, theta);
  return proof?.pattern === 'all-inactive' ? { margin: proof.margin, radius: proof.radius } : null;
}

/** All hidden units active on every sample (the linear regime), with the margin and radius. */
export function allActiveProof(
  problem: Problem,
  theta: Float64Array,
): { margin: number; radius: number } | null {
  const proof = uniformPatternProof(problem, theta);
  return proof?.pattern === 'all-active' ? { margin: proof.margin, radius: proof.radius } : null;
}
