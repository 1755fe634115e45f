import { UserError } from '../../errors.js';
import type { Rng } from '../../random.js';
import { decideFullRowRank, type FullRowRankDecision } from './fullRowRank.js';
import { factoredJacobian } from './regionJacobian.js';
import { interiorMinimizers, type RegionProblem } from './regionProgram.js';
import { ZERO_LOSS_RTOL } from './tolerances.js';

function requireShape(n: number, d0: number, d1: number): void {
  for (const [name, value] of [
    ['n', n],
    ['d0', d0],
    ['d1', d1],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new UserError(`${name} must be a positive integer, got ${value}`);
  }
}

/**
 * Karhadkar et al.'s counting setting (claim km-most-regions-fullrank): a pattern A with i.i.d. Bernoulli(½)
 * entries (every one of the 2^{d1·n} patterns equally likely), generic inputs X ~ N(0, I) without bias, output
 * weights v_j = ±(½ + U[0,1)). Does J_A = (A ∘ v) ⊙ X have rank n? `sharedPattern` (a control) gives every unit
 * the same activation column, so rank J_A ≤ d0.
 */
export function randomPatternFullRank(
  n: number,
  d0: number,
  d1: number,
  rng: Rng,
  variant: { readonly sharedPattern?: boolean } = {},
): FullRowRankDecision {
  requireShape(n, d0, d1);
  const v = Float64Array.from({ length: d1 }, () => (rng.uniform() < 0.5 ? -1 : 1) * (0.5 + rng.uniform()));
  const shared = Uint8Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 1 : 0));
  const s = new Float64Array(n * d1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d1; j++) {
      const active = variant.sharedPattern === true ? shared[i] === 1 : rng.uniform() < 0.5;
      if (active) s[i * d1 + j] = v[j]!;
    }
  }
  const x = Float64Array.from({ length: n * d0 }, () => rng.normal());
  return decideFullRowRank(factoredJacobian(n, d1, d0, s, x));
}

/**
 * The authors' 1-D region sampler (`sample_step_vector(n)` of jupyter_notebooks/sampling-activation-regions.ipynb
 * in github.com/kedar2/loss-landscape): a position k uniform in {0, …, n−1} and a fair flip; the row is active on the suffix {k, …, n−1} of
 * the sorted samples, or (flipped) on the prefix {0, …, k−1}. These are the 2n activation rows a unit with one
 * input and a bias can realise, each drawn with probability 1/(2n), so d1 independent rows are a uniform draw of
 * a non-empty activation region.
 */
export function sampleStepVector(n: number, rng: Rng): Uint8Array {
  const k = rng.int(0, n - 1);
  const flip = rng.uniform() < 0.5;
  return Uint8Array.from({ length: n }, (_, i) => (i >= k !== flip ? 1 : 0));
}

/**
 * One 1-D region draw (claim km-1d-regions): x = sorted U[0,1) samples (distinct with probability 1),
 * X̃ = [x, 1], d1 step-vector rows, output weights v = (−1, …, −1, +1, …, +1) (⌊d1/2⌋ negative, the notebook's
 * choice) or all +1 (`positiveOutputs`, a control), targets y ~ N(0, 1) [REC: the notebook's target law].
 */
export function sampleStepRegion(
  n: number,
  d1: number,
  rng: Rng,
  variant: { readonly positiveOutputs?: boolean } = {},
): RegionProblem {
  requireShape(n, 1, d1);
  const x = Array.from({ length: n }, () => rng.uniform()).sort((a, b) => a - b);
  const xt = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    xt[2 * i] = x[i]!;
    xt[2 * i + 1] = 1;
  }
  const pattern = new Uint8Array(n * d1);
  for (let j = 0; j < d1; j++) {
    const row = sampleStepVector(n, rng);
    for (let i = 0; i < n; i++) pattern[i * d1 + j] = row[i]!;
  }
  const negatives = variant.positiveOutputs === true ? 0 : Math.floor(d1 / 2);
  const v = Float64Array.from({ length: d1 }, (_, j) => (j < negatives ? -1 : 1));
  const y = Float64Array.from({ length: n }, () => rng.normal());
  return { n, d1, q: 2, xt, pattern, v, slope: 0, y };
}

/** A 1-D region draw's verdicts: full-rank Jacobian; an affine set of global minima inside (region LP, HiGHS). */
export function examineStepRegion(
  p: RegionProblem,
  withProgram: boolean,
): { fullRank: boolean; globalMinimaInside: boolean | null } {
  const s = new Float64Array(p.n * p.d1);
  for (let k = 0; k < s.length; k++) s[k] = p.pattern[k] === 1 ? p.v[k % p.d1]! : 0;
  const fullRank = decideFullRowRank(factoredJacobian(p.n, p.d1, p.q, s, p.xt)).full;
  if (!withProgram) return { fullRank, globalMinimaInside: null };
  const lp = interiorMinimizers(p);
  // interior minimisers with zero loss: a relatively open piece of the affine zero-loss set lies in the region
  const zero = ZERO_LOSS_RTOL * (1 + 0.5 * p.y.reduce((a, b) => a + b * b, 0));
  return { fullRank, globalMinimaInside: lp.interior && lp.minimumLoss <= zero };
}
