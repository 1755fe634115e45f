import fc from 'fast-check';
import { makeProblem, type NetworkSpec, type Problem } from '../nn/index.js';
import { seededRng } from '../random.js';

/**
 * Hypotheses of Safran–Shamir 2016's last-layer rescaling (result (i)): a relu network with a linear last layer,
 * integer-grid data and an N(0, s²) initialisation, as a genome of small integers.
 */

/** Hidden layers of the generated networks: small cases (the rescaling argument does not depend on the depth). */
export const SCALING_DEPTHS = { min: 1, max: 2 } as const;

/** Hypotheses as a genome of small integers. */
export interface ScalingGenome {
  readonly d: number;
  readonly n: number;
  readonly depth: number;
  readonly width: number;
  readonly outputs: number;
  readonly bias: boolean;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Hidden weights N(0, (2^scale/2)²); output layer N(0, (2^outScale/4)²), from the seed. */
  readonly scale: number;
  readonly outScale: number;
  readonly seed: number;
  /**
   * `enforced`: the theorem's hypothesis L(W0) > L(0) holds, by taking the init or its sign twin (output layer
   * negated: ⟨−f, y⟩ = −⟨f, y⟩, so one of the two has ⟨f, y⟩ ≤ 0 and then L(W0) > L(0) when f ≠ 0).
   * `dropped` (the control): the init as drawn, hypothesis or not.
   */
  readonly hypothesis: 'enforced' | 'dropped';
}

/** The arbitrary of the hypotheses (`dropped`: the control). */
export function scalingGenomeArb(hypothesis: ScalingGenome['hypothesis']): fc.Arbitrary<ScalingGenome> {
  return fc.record({
    d: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 2, max: 8 }),
    depth: fc.integer(SCALING_DEPTHS),
    width: fc.integer({ min: 1, max: 8 }),
    outputs: fc.integer({ min: 1, max: 2 }),
    bias: fc.boolean(),
    xs: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 24, maxLength: 24 }),
    ys: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 16, maxLength: 16 }),
    scale: fc.integer({ min: 0, max: 3 }),
    outScale: fc.integer({ min: 0, max: 4 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    hypothesis: fc.constant(hypothesis),
  });
}

/** The paper's objective: L(W) = (1/m)Σ_t ‖N_W(x_t) − y_t‖² (mean squared loss over the m samples). */
export const MEAN_SQUARED = { name: 'squared', scale: 1, reduction: 'mean' } as const;

/** The network, data and initialisation of a genome (relu hidden layers, linear last layer). */
export function scalingProblem(g: ScalingGenome): { problem: Problem; theta: Float64Array } {
  const layerSizes = g.depth === 1 ? [g.d, g.width, g.outputs] : [g.d, g.width, g.width, g.outputs];
  const network: NetworkSpec = { layerSizes, activation: { name: 'relu' }, bias: g.bias };
  const inputs = Array.from({ length: g.n }, (_, i) =>
    Array.from({ length: g.d }, (_, j) => g.xs[(i * g.d + j) % g.xs.length]! / 4),
  );
  const targets = Array.from({ length: g.n }, (_, i) =>
    Array.from({ length: g.outputs }, (_, o) => g.ys[(i * g.outputs + o) % g.ys.length]! / 4),
  );
  const problem = makeProblem(network, { inputs, targets }, MEAN_SQUARED);
  const rng = seededRng(g.seed);
  const out = problem.layout.layers[problem.layout.layers.length - 1]!;
  const theta = Float64Array.from(
    { length: problem.layout.size },
    (_, k) => (k >= out.start ? 2 ** g.outScale / 4 : 2 ** g.scale / 2) * rng.normal(),
  );
  return { problem, theta };
}

/**
 * The hypotheses' law: the genome is in range and its problem is a relu network of depth 1–2 with a linear last
 * layer, n samples of dimension d, finite initial weights of the layout's size (empty: fine).
 */
export function scalingGenomeLaw(hypothesis: ScalingGenome['hypothesis']): (g: ScalingGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (g.hypothesis !== hypothesis) problems.push(`hypothesis ${g.hypothesis}, expected ${hypothesis}`);
    if (!(g.depth === 1 || g.depth === 2)) problems.push(`depth ${g.depth}, expected 1 or 2`);
    const { problem, theta } = scalingProblem(g);
    if (problem.n !== g.n) problems.push(`${problem.n} samples, expected ${g.n}`);
    if (problem.net.activation.name !== 'relu') problems.push('hidden activation is not relu');
    if (theta.length !== problem.layout.size || !theta.every(Number.isFinite))
      problems.push('bad initial weights');
    return problems;
  };
}
