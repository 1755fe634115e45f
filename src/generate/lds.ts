import fc from 'fast-check';
import {
  distinctInputs,
  integerTargets,
  linearRegimePoint,
  quadraticMonomialRank,
} from '../landscape/basins/index.js';
import { lbfgs, type MlpSubjectJson, subjectModel } from '../landscape/index.js';
import { type ActivationSpec, makeProblem, vectorToPoint } from '../nn/index.js';
import { seededRng } from '../random.js';

/**
 * Hypotheses of Li, Ding & Sun's positive theorem (no sub-optimal basin when the last hidden layer has ≥ N units)
 * as a genome of small integers (readable shrinks), and the subject with its starting point it stands for.
 */

/** The activations the claim is checked with (any continuous activation; these at least). */
export const LDS_ACTIVATIONS: readonly ActivationSpec[] = [
  { name: 'relu' },
  { name: 'leaky-relu', slope: 0.1 },
  { name: 'tanh' },
  { name: 'sigmoid' },
  { name: 'softplus' },
  { name: 'quadratic' },
];

/** Hidden layers of the checked networks (the theorem allows any depth; the last hidden layer is the wide one). */
export const LDS_DEPTHS = { min: 1, max: 2 } as const;

/** Where the path starts. */
export const START_KINDS = ['generated', 'optimised', 'linear-regime', 'dead'] as const;
export type StartKind = (typeof START_KINDS)[number];

/** The numbers of these hypotheses that a statement quotes (depths, the leaky-relu slope, how many start kinds). */
export const LDS_CONSTANTS = { LDS_DEPTHS, LDS_ACTIVATIONS, START_KINDS: START_KINDS.length } as const;

/** Hypotheses as a genome of small integers (readable shrinks; values k/4). */
export interface LdsGenome {
  /** Index into LDS_ACTIVATIONS. */
  readonly activation: number;
  /** Hidden layers (LDS_DEPTHS; the last one is the wide one). */
  readonly depth: number;
  readonly d: number;
  readonly n: number;
  /** Last hidden width: n + widthOffset (narrow: max(1, n − 2 − widthOffset), the control). */
  readonly widthOffset: number;
  readonly outputs: number;
  readonly gaps: readonly number[];
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Index into START_KINDS (linear-regime and dead need a one-hidden-layer relu-type network; else generated). */
  readonly start: number;
  /** Weight scale 0.5·2^scale of the generated point. */
  readonly scale: number;
  readonly seed: number;
  readonly narrow: boolean;
}

/** The arbitrary of the hypotheses (narrow: the control, last hidden width ≤ N − 2). */
export function ldsGenomeArb(narrow: boolean): fc.Arbitrary<LdsGenome> {
  return fc.record({
    activation: fc.integer({ min: 0, max: LDS_ACTIVATIONS.length - 1 }),
    depth: fc.integer(LDS_DEPTHS),
    d: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 2, max: 6 }),
    widthOffset: fc.integer({ min: 0, max: 3 }),
    outputs: fc.integer({ min: 1, max: 2 }),
    gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
    xs: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 12, maxLength: 12 }),
    ys: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 12, maxLength: 12 }),
    start: fc.integer({ min: 0, max: START_KINDS.length - 1 }),
    scale: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    narrow: fc.constant(narrow),
  });
}

export interface LdsCase {
  readonly subject: MlpSubjectJson;
  readonly start: StartKind;
}

/**
 * The subject of a genome, with its starting point (generated, reached by optimisation, the linear-regime
 * local minimum, or a dead-unit plateau point), or the reason the genome is outside the hypotheses.
 */
export function ldsCase(g: LdsGenome): LdsCase | { discard: string } {
  const activation = LDS_ACTIVATIONS[g.activation]!;
  const quadratic = activation.name === 'quadratic';
  // Quadratic units span only the quadratic polynomials: one hidden layer, d ≥ 2 and N ≤ (d+1)(d+2)/2 keep
  // interpolation possible (checked exactly below); outside that inf L > 0 and the ε-target does not apply.
  const depth = quadratic ? 1 : g.depth;
  const d = quadratic ? Math.max(2, g.d) : g.d;
  const n = g.narrow ? Math.max(3, g.n) : g.n;
  const width = g.narrow ? Math.max(1, n - 2 - g.widthOffset) : n + g.widthOffset;
  const inputs = distinctInputs(g.gaps, g.xs, n, d);
  if (quadratic && quadraticMonomialRank(inputs) < n) {
    return {
      discard:
        'quadratic activation and the samples lie on a quadric: no quadratic network interpolates them',
    };
  }
  const layerSizes = depth === 1 ? [d, width, g.outputs] : [d, 3, width, g.outputs];
  const network = { layerSizes, activation, bias: true };
  const data = { inputs, targets: integerTargets(g.ys, n, g.outputs) };
  const problem = makeProblem(network, data);
  const rng = seededRng(g.seed);
  const scale = 0.5 * 2 ** g.scale;
  let theta: Float64Array = Float64Array.from({ length: problem.layout.size }, () => scale * rng.normal());
  let start = START_KINDS[g.start]!;
  const relu = activation.name === 'relu';
  const reluLike = relu || activation.name === 'leaky-relu';
  if (start === 'linear-regime' && !(reluLike && depth === 1 && width >= g.outputs)) start = 'generated';
  if (start === 'dead' && !(relu && depth === 1)) start = 'generated';
  if (start === 'linear-regime')
    theta = linearRegimePoint(problem, { shift: 0.25 * (1 + g.scale), scale, rng });
  if (start === 'dead') {
    // every unit dead with margin ≥ ¼; output bias at the targets' mean (the plateau's minimum)
    const [hidden, output] = problem.layout.layers;
    for (let j = 0; j < width; j++) {
      let maxZ = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        let z = 0;
        for (let k = 0; k < d; k++) z += theta[hidden!.weightOffset + j * d + k]! * inputs[i]![k]!;
        maxZ = Math.max(maxZ, z);
      }
      theta[hidden!.biasOffset! + j] = -maxZ - 0.25;
    }
    for (let o = 0; o < g.outputs; o++)
      theta[output!.biasOffset! + o] = data.targets.reduce((s, y) => s + y[o]!, 0) / n;
  }
  const subject: MlpSubjectJson = {
    kind: 'mlp',
    network,
    data,
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: vectorToPoint(network, theta),
  };
  if (start !== 'optimised') return { subject, start };
  const model = subjectModel(subject);
  const reached = lbfgs(model.objective, model.theta, { maxIterations: 300 });
  if (!reached.theta.every(Number.isFinite)) return { subject, start: 'generated' };
  return { subject: { ...subject, point: vectorToPoint(network, reached.theta) }, start };
}

/**
 * The hypotheses' law: a genome is in range and its case (unless discarded, with its reason) is a network with
 * biases, 1–2 hidden layers, last hidden width ≥ N (narrow: ≤ N − 2), N pairwise distinct inputs and finite
 * weights. Returns the problems found (empty: it is one the claim, or its control, speaks of).
 */
export function ldsGenomeLaw(narrow: boolean): (g: LdsGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (g.narrow !== narrow) problems.push(`narrow ${g.narrow}, expected ${narrow}`);
    if (!(g.activation >= 0 && g.activation < LDS_ACTIVATIONS.length))
      problems.push(`activation index ${g.activation}`);
    if (!(g.start >= 0 && g.start < START_KINDS.length)) problems.push(`start index ${g.start}`);
    const built = ldsCase(g);
    if ('discard' in built) return problems;
    const { network, data, point } = built.subject;
    const n = data.inputs.length;
    const last = network.layerSizes.at(-2)!;
    if (!network.bias) problems.push('no biases');
    if (network.layerSizes.length < 3 || network.layerSizes.length > 4)
      problems.push('not 1–2 hidden layers');
    if (narrow ? last > n - 2 : last < n)
      problems.push(`last hidden width ${last}, N = ${n}: expected ${narrow ? '≤ N − 2' : '≥ N'}`);
    const keys = new Set(data.inputs.map((x) => x.join(',')));
    if (keys.size !== n) problems.push('two inputs coincide');
    if (!point.layers.every((l) => l.weights.flat().every(Number.isFinite)))
      problems.push('non-finite weights');
    return problems;
  };
}
