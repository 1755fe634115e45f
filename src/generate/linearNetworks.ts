import fc from 'fast-check';
import { linearHypotheses } from '../landscape/exact/index.js';
import type { MlpSubjectJson } from '../landscape/index.js';
import { seededRng } from '../random.js';
import { seedArb } from './seeds.js';

/**
 * Hypotheses of the linear-network theorems (Baldi–Hornik 1989, Kawaguchi 2016) as genomes of small integers
 * (readable shrinks): inputs and targets k/4 with |k| ≤ 8, n samples, a random initial point with entries
 * N(0, 0.5²) from a seed, and the activation (identity: the theorem; relu: the controls, outside the hypotheses).
 * The closed-form hypotheses (Σ_XX invertible, distinct eigenvalues) are checked on the subject by
 * linearHypotheses; draws that break them are discarded by the claims.
 */
export const LINEAR_DATA = {
  gridMax: 8,
  gridDenominator: 4,
  entries: 64,
  initScale: 0.5,
  minSamples: 5,
  maxSamples: 10,
} as const;
/** One hidden layer (Baldi–Hornik): d_x, d_y ∈ 2…4 and p ∈ 1…3, used as p = min(p, min(d_x, d_y) − 1). */
export const SHALLOW_LINEAR = { minDim: 2, maxDim: 4, maxWidth: 3 } as const;
/** Deep (Kawaguchi): H ∈ 3…4 weight layers, hidden widths 1…4, d_x 2…4, d_y = min(d_y, d_x) ∈ 1…4. */
export const DEEP_LINEAR = { minDepth: 3, maxDepth: 4, maxWidth: 4, minDim: 2, maxDim: 4 } as const;

export type LinearActivation = 'identity' | 'relu';

/** The controls of both linear-network theorems: the same genomes with relu, outside the hypotheses. */
export const RELU_CONTROL =
  'relu instead of identity (not a linear network): dead units give local minima above the linear optimum';

export interface LinearProblemGenome {
  readonly dx: number;
  readonly dy: number;
  readonly p: number;
  readonly n: number;
  /** Inputs and targets: integers k, value k/4; only the first n·dx (n·dy) are used. */
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Seed of the random initialisation (entries N(0, 0.5²)). */
  readonly init: number;
  readonly activation: LinearActivation;
}

export interface DeepLinearGenome {
  /** Number of weight layers H (≥ 3: a deep network). */
  readonly depth: number;
  /** Hidden widths d_1 … d_{H−1} (the first H − 1 are used). */
  readonly widths: readonly number[];
  readonly dx: number;
  /** Output dimension; d_y = min(dy, dx) (the hypothesis d_y ≤ d_x). */
  readonly dy: number;
  readonly n: number;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Seed of the random initialisation (entries N(0, 0.5²)) and of the perturbation searches. */
  readonly init: number;
  readonly activation: LinearActivation;
}

const ints = () =>
  fc.array(fc.integer({ min: -LINEAR_DATA.gridMax, max: LINEAR_DATA.gridMax }), {
    minLength: LINEAR_DATA.entries,
    maxLength: LINEAR_DATA.entries,
  });
const samples = () => fc.integer({ min: LINEAR_DATA.minSamples, max: LINEAR_DATA.maxSamples });

export function linearProblemArb(activation: LinearActivation): fc.Arbitrary<LinearProblemGenome> {
  return fc.record({
    dx: fc.integer({ min: SHALLOW_LINEAR.minDim, max: SHALLOW_LINEAR.maxDim }),
    dy: fc.integer({ min: SHALLOW_LINEAR.minDim, max: SHALLOW_LINEAR.maxDim }),
    p: fc.integer({ min: 1, max: SHALLOW_LINEAR.maxWidth }),
    n: samples(),
    xs: ints(),
    ys: ints(),
    init: seedArb(),
    activation: fc.constant(activation),
  });
}

export function deepLinearArb(activation: LinearActivation): fc.Arbitrary<DeepLinearGenome> {
  return fc.record({
    depth: fc.integer({ min: DEEP_LINEAR.minDepth, max: DEEP_LINEAR.maxDepth }),
    widths: fc.array(fc.integer({ min: 1, max: DEEP_LINEAR.maxWidth }), {
      minLength: DEEP_LINEAR.maxDepth - 1,
      maxLength: DEEP_LINEAR.maxDepth - 1,
    }),
    dx: fc.integer({ min: DEEP_LINEAR.minDim, max: DEEP_LINEAR.maxDim }),
    dy: fc.integer({ min: 1, max: DEEP_LINEAR.maxDim }),
    n: samples(),
    xs: ints(),
    ys: ints(),
    init: seedArb(),
    activation: fc.constant(activation),
  });
}

/** The subject: layer sizes, the genome's data (n × d_x inputs, n × d_y targets) and a random point. */
function linearSubjectOf(
  sizes: readonly number[],
  activation: LinearActivation,
  g: {
    readonly n: number;
    readonly xs: readonly number[];
    readonly ys: readonly number[];
    readonly init: number;
  },
): MlpSubjectJson {
  const [dx, dy] = [sizes[0]!, sizes.at(-1)!];
  const { entries, gridDenominator: q, initScale } = LINEAR_DATA;
  const inputs = Array.from({ length: g.n }, (_, i) =>
    Array.from({ length: dx }, (_, j) => g.xs[(i * dx + j) % entries]! / q),
  );
  const targets = Array.from({ length: g.n }, (_, i) =>
    Array.from({ length: dy }, (_, j) => g.ys[(i * dy + j) % entries]! / q),
  );
  const rng = seededRng(g.init);
  return {
    kind: 'mlp',
    network: { layerSizes: [...sizes], activation: { name: activation }, bias: false },
    data: { inputs, targets },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: sizes.slice(1).map((rows, l) => ({
        weights: Array.from({ length: rows }, () =>
          Array.from({ length: sizes[l]! }, () => initScale * rng.normal()),
        ),
        biases: null,
      })),
    },
  };
}

/** The subject of a one-hidden-layer genome, or null when p < 1 or n < d_x + 1 (Σ_XX cannot be invertible). */
export function linearSubject(g: LinearProblemGenome): MlpSubjectJson | null {
  const p = Math.min(g.p, Math.min(g.dx, g.dy) - 1);
  if (p < 1 || g.n < g.dx + 1) return null;
  return linearSubjectOf([g.dx, p, g.dy], g.activation, g);
}

/** The subject of a deep genome, or null when n < d_x + 1 (Σ_XX cannot be invertible). */
export function deepLinearSubject(g: DeepLinearGenome): MlpSubjectJson | null {
  if (g.n < g.dx + 1) return null;
  return linearSubjectOf([g.dx, ...g.widths.slice(0, g.depth - 1), Math.min(g.dy, g.dx)], g.activation, g);
}

/** The shape law shared by both families: a subject (or null), no bias, p < min(d_x, d_y) or d_y ≤ d_x. */
function subjectLaw(subject: MlpSubjectJson | null, activation: LinearActivation, deep: boolean): string[] {
  if (subject === null) return [];
  const sizes = subject.network.layerSizes;
  const [dx, dy] = [sizes[0]!, sizes.at(-1)!];
  const problems: string[] = [];
  if (subject.network.activation.name !== activation)
    problems.push(`activation ${subject.network.activation.name}`);
  if (subject.network.bias) problems.push('a bias');
  if (subject.data.inputs.length < dx + 1) problems.push('n < d_x + 1');
  if (deep && !(sizes.length - 1 >= DEEP_LINEAR.minDepth && dy <= dx))
    problems.push(`sizes ${sizes.join('-')}`);
  if (!deep && !(sizes.length === 3 && sizes[1]! >= 1 && sizes[1]! < Math.min(dx, dy)))
    problems.push(`sizes ${sizes.join('-')}`);
  const all = [...subject.data.inputs.flat(), ...subject.data.targets.flat()];
  if (!all.every((v) => Math.abs(v) <= LINEAR_DATA.gridMax / LINEAR_DATA.gridDenominator))
    problems.push('data off the grid');
  return problems;
}

export const linearProblemLaw =
  (activation: LinearActivation) =>
  (g: LinearProblemGenome): string[] =>
    subjectLaw(linearSubject(g), activation, false);

export const deepLinearLaw =
  (activation: LinearActivation) =>
  (g: DeepLinearGenome): string[] =>
    subjectLaw(deepLinearSubject(g), activation, true);

/** The one-hidden-layer theorem's hypotheses on an archived subject (an mlpHypotheses shape): p < min(d_x, d_y), the
 *  closed form's hypotheses (Σ_XX invertible, distinct eigenvalues). */
export const SHALLOW_LINEAR_SUBJECT = {
  activations: ['identity'],
  bias: false,
  hiddenLayers: [1, 1],
  trained: 'all',
  more: (s: MlpSubjectJson): string[] => {
    const [dx, p, dy] = s.network.layerSizes as [number, number, number];
    if (!(p < Math.min(dx, dy))) return [`p = ${p}, expected p < min(d_x, d_y) = ${Math.min(dx, dy)}`];
    const hyp = linearHypotheses(s);
    return hyp.ok ? [] : [hyp.reason];
  },
} as const;

/** Σ_XY = XᵀY of full rank: Kawaguchi's hypothesis beyond Baldi–Hornik's. */
export const DEEP_LINEAR_HYPOTHESES = { fullRankXY: true } as const;

/** The deep theorem's hypotheses on an archived subject (an mlpHypotheses shape): d_y ≤ d_x and the closed form's. */
export const DEEP_LINEAR_SUBJECT = {
  activations: ['identity'],
  bias: false,
  hiddenLayers: [2, Number.POSITIVE_INFINITY],
  trained: 'all',
  more: (s: MlpSubjectJson): string[] => {
    const [dx, dy] = [s.network.layerSizes[0]!, s.network.layerSizes.at(-1)!];
    if (!(dy <= dx)) return [`d_y = ${dy} > d_x = ${dx}, expected d_y ≤ d_x`];
    const hyp = linearHypotheses(s, DEEP_LINEAR_HYPOTHESES);
    return hyp.ok ? [] : [hyp.reason];
  },
} as const;
