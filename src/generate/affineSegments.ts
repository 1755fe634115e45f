import fc from 'fast-check';
import { UserError } from '../errors.js';
import { distinctInputs } from '../landscape/basins/index.js';
import { type MlpSubjectJson, mlpSubjectAt } from '../landscape/index.js';
import {
  type AffineSegment,
  affineSegmentPoint,
  affineSegments,
  type Placement,
} from '../landscape/population/index.js';
import { type ActivationSpec, makeProblem } from '../nn/index.js';
import { type Rng, seededRng } from '../random.js';
import { seedArb } from './seeds.js';

/**
 * Hypotheses of the affine-segment construction (Christof–Kowalczyk 2022): one output, hidden widths ≥ 2, depth
 * 1–2, biases, distinct inputs and targets k/4 (|k| ≤ 8), an activation with an affine piece, and the construction
 * point: every hidden pre-activation inside the piece with margin m = k/4 (for σ without a piece, the control: a
 * window of half-width k/16 around 0).
 */
export const SEGMENT_NETWORKS = {
  minWidth: 2,
  maxWidth: 3,
  maxDepth: 2,
  minSamples: 4,
  maxSamples: 6,
  gridMax: 8,
} as const;

/** Activations with an affine piece of non-zero slope (the theorem's hypothesis). */
export const WITH_SEGMENT: readonly ActivationSpec[] = [
  { name: 'relu' },
  { name: 'leaky-relu', slope: 0.1 },
  { name: 'leaky-relu', slope: 0.5 },
  { name: 'leaky-relu', slope: -0.3 },
  { name: 'leaky-relu', slope: 2 },
];

/** Smooth activations without an affine piece (outside the hypothesis; the control). */
export const WITHOUT_SEGMENT: readonly ActivationSpec[] = [
  { name: 'tanh' },
  { name: 'sigmoid' },
  { name: 'softplus' },
];

/** Hypotheses as a genome of small integers (data values k/4). */
export interface SegmentGenome {
  readonly activation: ActivationSpec;
  /** Use the negative piece when σ has one (leaky-relu). */
  readonly negative: boolean;
  readonly depth: number;
  readonly widths: readonly number[];
  readonly d: number;
  readonly n: number;
  readonly gaps: readonly number[];
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Margin of every pre-activation inside the piece: margin/4 (window half-width margin/16 for smooth σ). */
  readonly margin: number;
  /** Random incoming weights of the units that do not carry the fit: N(0, (2^scale/2)²). */
  readonly scale: number;
  readonly seed: number;
}

const ints = (min: number, max: number, length: number) =>
  fc.array(fc.integer({ min, max }), { minLength: length, maxLength: length });

export function segmentArb(activations: readonly ActivationSpec[]): fc.Arbitrary<SegmentGenome> {
  const { gridMax } = SEGMENT_NETWORKS;
  return fc.record({
    // σ, the piece and the depth are what a counterexample is about: kept as found (the data shrinks).
    activation: fc.noShrink(fc.constantFrom(...activations)),
    negative: fc.noShrink(fc.boolean()),
    depth: fc.noShrink(fc.integer({ min: 1, max: SEGMENT_NETWORKS.maxDepth })),
    widths: ints(SEGMENT_NETWORKS.minWidth, SEGMENT_NETWORKS.maxWidth, SEGMENT_NETWORKS.maxDepth),
    d: fc.integer({ min: 1, max: 2 }),
    n: fc.integer({ min: SEGMENT_NETWORKS.minSamples, max: SEGMENT_NETWORKS.maxSamples }),
    gaps: ints(1, 4, 6),
    xs: ints(-gridMax, gridMax, 12),
    ys: ints(-gridMax, gridMax, 6),
    margin: fc.integer({ min: 1, max: 8 }),
    scale: fc.integer({ min: 0, max: 2 }),
    seed: seedArb(),
  });
}

/** The piece the construction uses, or null for σ without one. */
export function segmentOf(g: SegmentGenome): AffineSegment | null {
  const pieces = affineSegments(g.activation);
  if (pieces.length === 0) return null;
  return g.negative && pieces.length > 1 ? pieces[1]! : pieces[0]!;
}

function placementOf(g: SegmentGenome): Placement {
  const segment = segmentOf(g);
  return segment === null
    ? { kind: 'window', center: 0, halfWidth: g.margin / 16 }
    : { kind: 'segment', segment, margin: g.margin / 4 };
}

/**
 * The network, data and construction point of a genome, or null when the construction degenerates: the affine fit is
 * constant on the data, so unit 0 carries nothing the output could undo (the claims discard such a case).
 */
export function segmentSubject(g: SegmentGenome): MlpSubjectJson | null {
  try {
    return constructionSubject(g);
  } catch (error) {
    if (error instanceof UserError) return null;
    throw error;
  }
}

function constructionSubject(g: SegmentGenome): MlpSubjectJson {
  const inputs = distinctInputs(g.gaps, g.xs, g.n, g.d);
  const targets = inputs.map((_, i) => [g.ys[i % g.ys.length]! / 4]);
  const network = {
    layerSizes: [g.d, ...g.widths.slice(0, g.depth), 1],
    activation: g.activation,
    bias: true,
  };
  const data = { inputs, targets };
  const problem = makeProblem(network, data);
  const theta = affineSegmentPoint(problem, placementOf(g), {
    scale: 2 ** g.scale / 2,
    rng: seededRng(g.seed),
  });
  return mlpSubjectAt(network, data, theta);
}

/** The law: widths ≥ 2, one output, biases, distinct inputs, and an affine piece exactly when the family has one. */
export function segmentLaw(withSegment: boolean): (g: SegmentGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if ((segmentOf(g) !== null) !== withSegment) problems.push(`activation ${g.activation.name}`);
    const subject = segmentSubject(g);
    if (subject === null) return problems;
    const sizes = subject.network.layerSizes;
    if (!sizes.slice(1, -1).every((m) => m >= SEGMENT_NETWORKS.minWidth))
      problems.push(`widths ${sizes.join('-')}`);
    if (sizes.at(-1) !== 1 || !subject.network.bias) problems.push('not one output with biases');
    const keys = new Set(subject.data.inputs.map((x) => x.join(',')));
    if (keys.size !== subject.data.inputs.length) problems.push('repeated inputs');
    return problems;
  };
}

/** Guided hunting's small change: one target moves by ±1/4 (kept on the grid), and now and then a new seed. */
export function mutateSegment(g: SegmentGenome, rng: Rng): SegmentGenome {
  const ys = [...g.ys];
  const k = rng.int(0, ys.length - 1);
  const { gridMax } = SEGMENT_NETWORKS;
  ys[k] = Math.max(-gridMax, Math.min(gridMax, ys[k]! + (rng.uniform() < 0.5 ? -1 : 1)));
  return { ...g, ys, seed: rng.uniform() < 0.3 ? rng.int(0, 2 ** 31 - 1) : g.seed };
}

/** The construction's hypotheses on an archived subject (an mlpHypotheses shape): relu or leaky-relu, biases, one
 *  output, every hidden width ≥ 2. */
export const SEGMENT_SUBJECT = {
  activations: ['relu', 'leaky-relu'],
  bias: true,
  hiddenLayers: [1, Number.POSITIVE_INFINITY],
  outputs: 1,
  trained: 'all',
  more: (s: MlpSubjectJson): string[] =>
    s.network.layerSizes.slice(1, -1).every((m) => m >= SEGMENT_NETWORKS.minWidth)
      ? []
      : [`a hidden width below ${SEGMENT_NETWORKS.minWidth}`],
} as const;
