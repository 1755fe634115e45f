import type { Rng } from '../../random.js';
import { lanczos, rademacher } from './lanczos.js';
import type { SymmetricOperator } from './operator.js';
import { DENSITY_KERNEL_REL_WIDTH } from './tolerances.js';
import { tridiagonalEigenpairs } from './tridiagonal.js';

/** Stochastic Lanczos quadrature: per probe, the Gauss quadrature nodes θ_j and weights τ_j (Σ_j τ_j = 1). */
export interface SpectralDensity {
  readonly probes: readonly { readonly nodes: readonly number[]; readonly weights: readonly number[] }[];
  readonly steps: number;
  readonly dim: number;
}

/**
 * Eigenvalue density of H by stochastic Lanczos quadrature (Golub and Meurant; Ghorbani, Krishnan, Xiao 2019;
 * PyHessian's `density`): for each Rademacher probe v (normalised), m Lanczos steps give T = QΘQᵀ, nodes θ_j and
 * weights τ_j = Q_{0j}², so that vᵀf(H)v/vᵀv ≈ Σ_j τ_j f(θ_j), exact for polynomials of degree ≤ 2m − 1. Since
 * vᵀv = dim for every Rademacher v, the average over probes of Σ_j τ_j θ_j^p is an unbiased estimate of
 * tr(H^p)/dim, the p-th moment of the eigenvalue distribution.
 */
export function lanczosDensity(
  op: SymmetricOperator,
  probes: number,
  steps: number,
  rng: Rng,
): SpectralDensity {
  if (!Number.isInteger(probes) || probes < 1)
    throw new RangeError('lanczosDensity: probes must be an integer ≥ 1');
  if (!Number.isInteger(steps) || steps < 1)
    throw new RangeError('lanczosDensity: steps must be an integer ≥ 1');
  const out: { nodes: number[]; weights: number[] }[] = [];
  for (let p = 0; p < probes; p++) {
    const run = lanczos(op, rademacher(op.dim, rng), steps, null);
    const { values, vectors } = tridiagonalEigenpairs(run.alpha, run.beta);
    const m = run.alpha.length;
    const nodes: number[] = [];
    const weights: number[] = [];
    for (let j = 0; j < m; j++) {
      nodes.push(values[j]!);
      weights.push(vectors.data[j]! ** 2);
    }
    out.push({ nodes, weights });
  }
  return { probes: out, steps: Math.min(steps, op.dim), dim: op.dim };
}

/** The p-th spectral moment estimate (1/probes)·Σ_probes Σ_j τ_j θ_j^p ≈ tr(H^p)/dim, and its standard error. */
export function densityMoment(density: SpectralDensity, p: number): { value: number; standardError: number } {
  const per = density.probes.map((probe) =>
    probe.nodes.reduce((s, theta, j) => s + probe.weights[j]! * theta ** p, 0),
  );
  const k = per.length;
  const mean = per.reduce((a, b) => a + b, 0) / k;
  const variance = k > 1 ? per.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1) : Number.NaN;
  return { value: mean, standardError: Math.sqrt(variance / k) };
}

/**
 * The quadrature smoothed by a Gaussian kernel of width σ = DENSITY_KERNEL_REL_WIDTH·(span of the nodes) on
 * `points` grid values over [min − 3σ, max + 3σ]: a density in λ that integrates to 1 (PyHessian's plot).
 */
export function smoothedDensity(
  density: SpectralDensity,
  points = 200,
): { lambda: number[]; density: number[]; sigma: number } {
  const nodes = density.probes.flatMap((p) => p.nodes);
  const lo = Math.min(...nodes);
  const hi = Math.max(...nodes);
  const sigma = Math.max(hi - lo, Math.abs(hi), 1e-12) * DENSITY_KERNEL_REL_WIDTH;
  const a = lo - 3 * sigma;
  const b = hi + 3 * sigma;
  const lambda: number[] = [];
  const values: number[] = [];
  const norm = 1 / (density.probes.length * sigma * Math.sqrt(2 * Math.PI));
  for (let g = 0; g < points; g++) {
    const x = a + ((b - a) * g) / (points - 1);
    let s = 0;
    for (const probe of density.probes)
      for (let j = 0; j < probe.nodes.length; j++)
        s += probe.weights[j]! * Math.exp(-0.5 * ((x - probe.nodes[j]!) / sigma) ** 2);
    lambda.push(x);
    values.push(s * norm);
  }
  return { lambda, density: values, sigma };
}
