import fc from 'fast-check';
import type { NetworkGenome } from '../landscape/exact/index.js';
import { seededTwoLayerCase, type TwoLayerCase } from '../landscape/regions/index.js';

/**
 * Hypotheses of the activation-region claims (Karhadkar, Murray, Tseran, Montúfar 2023): two-layer networks
 * F(W; x) = Σ_j v_j σ(w_j·x + b_j) with output weights v fixed, as seeds and small shapes (data uniform on
 * (−1, 1)^d0, weights N(0, 1), v_j = ±(½ + |N(0, 1)|): src/landscape/regions `seededTwoLayerCase`).
 */

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const isSeed = (s: number) => Number.isInteger(s) && s >= 0 && s < 2 ** 31;
const inRange = (x: number, [lo, hi]: readonly [number, number]) => Number.isInteger(x) && x >= lo && x <= hi;

/**
 * km-region-fullrank-implies-global and sc16-no-bad-dlm: shapes, three seeds, target noise k/4 around the
 * network's own outputs, the leaky slope k/20 (0: relu), and which hypothesis on the region is assumed
 * (`full-rank`: the theorem's; `any`: dropped, the control).
 */
export interface RegionGenome {
  readonly n: number;
  readonly d0: number;
  readonly d1: number;
  readonly dataSeed: number;
  readonly weightSeed: number;
  readonly outputSeed: number;
  readonly noise: readonly number[];
  /** 0 for relu; k > 0 for leaky relu with slope k/20 (sc16-no-bad-dlm). */
  readonly slope: number;
  readonly assume: 'full-rank' | 'any';
}

/** The ranges of a region genome's shape, inclusive. */
export interface RegionShape {
  readonly n: readonly [number, number];
  readonly d0: readonly [number, number];
  readonly d1: readonly [number, number];
  readonly slope: readonly [number, number];
  readonly assume: RegionGenome['assume'];
}

/** Target noise entries k/4, k ∈ [−NOISE, NOISE]. */
const NOISE = 4;
/** Divisor of the leaky slope: slope = k/SLOPE_STEPS. */
export const REGION_SLOPE_STEPS = 20;

export function regionGenome(shape: RegionShape): fc.Arbitrary<RegionGenome> {
  return fc.record({
    n: fc.integer({ min: shape.n[0], max: shape.n[1] }),
    d0: fc.integer({ min: shape.d0[0], max: shape.d0[1] }),
    d1: fc.integer({ min: shape.d1[0], max: shape.d1[1] }),
    dataSeed: seed,
    weightSeed: seed,
    outputSeed: seed,
    noise: fc.array(fc.integer({ min: -NOISE, max: NOISE }), { minLength: 8, maxLength: 8 }),
    slope: fc.integer({ min: shape.slope[0], max: shape.slope[1] }),
    assume: fc.constant(shape.assume),
  });
}

/** The law of regionGenome(shape). */
export function regionGenomeLaw(shape: RegionShape): (g: RegionGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    for (const key of ['n', 'd0', 'd1', 'slope'] as const)
      if (!inRange(g[key], shape[key]))
        problems.push(`${key} = ${g[key]} outside [${shape[key].join(', ')}]`);
    if (![g.dataSeed, g.weightSeed, g.outputSeed].every(isSeed)) problems.push('a seed outside [0, 2^31)');
    if (g.noise.length !== 8 || !g.noise.every((k) => inRange(k, [-NOISE, NOISE])))
      problems.push('noise off the grid');
    if (g.assume !== shape.assume) problems.push(`assume ${g.assume}`);
    return problems;
  };
}

/** The case of a genome: always with a bias (folded into x̃ = (x, 1), as the theorem allows). */
export function regionCase(g: RegionGenome): TwoLayerCase {
  return seededTwoLayerCase({ ...g, bias: true, slope: g.slope / REGION_SLOPE_STEPS });
}

/** km-region-gram-identity: shapes and seeds, a bias or not; `trainOutput`: the control (v trained as well). */
export interface GramGenome {
  readonly n: number;
  readonly d0: number;
  readonly d1: number;
  readonly bias: boolean;
  readonly dataSeed: number;
  readonly weightSeed: number;
  readonly outputSeed: number;
  readonly trainOutput: boolean;
}

/** The shapes of the Gram identity's cases. */
export const GRAM_SHAPE = { n: [1, 10], d0: [1, 4], d1: [1, 8] } as const;

export function gramGenome(trainOutput: boolean): fc.Arbitrary<GramGenome> {
  return fc.record({
    n: fc.integer({ min: GRAM_SHAPE.n[0], max: GRAM_SHAPE.n[1] }),
    d0: fc.integer({ min: GRAM_SHAPE.d0[0], max: GRAM_SHAPE.d0[1] }),
    d1: fc.integer({ min: GRAM_SHAPE.d1[0], max: GRAM_SHAPE.d1[1] }),
    bias: fc.boolean(),
    dataSeed: seed,
    weightSeed: seed,
    outputSeed: seed,
    trainOutput: fc.constant(trainOutput),
  });
}

/** The law of gramGenome(trainOutput). */
export function gramGenomeLaw(trainOutput: boolean): (g: GramGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    for (const key of ['n', 'd0', 'd1'] as const)
      if (!inRange(g[key], GRAM_SHAPE[key])) problems.push(`${key} = ${g[key]} out of range`);
    if (![g.dataSeed, g.weightSeed, g.outputSeed].every(isSeed)) problems.push('a seed outside [0, 2^31)');
    if (g.trainOutput !== trainOutput) problems.push(`trainOutput ${g.trainOutput}`);
    return problems;
  };
}

/** The case of a Gram genome (relu, no target noise: the identity is about J, not the targets). */
export function gramCase(g: GramGenome): TwoLayerCase {
  return seededTwoLayerCase({ ...g, slope: 0, noise: [0] });
}

/** `inside`: the segment stays in θ's activation region (region-linearity); `across`: it runs past the first kink. */
export type SegmentChoice = 'inside' | 'across';

/** region-linearity: a one-hidden-layer relu or leaky-relu network genome and a first-layer direction ds/4. */
export interface SegmentGenome extends NetworkGenome {
  /** The direction's first-layer entries, k/4 (cyclic). */
  readonly ds: readonly number[];
  readonly segment: SegmentChoice;
}

/** Grid entries k ∈ [−SEGMENT_GRID, SEGMENT_GRID] (values k/4). */
const SEGMENT_GRID = 8;
const grid = (length: number) =>
  fc.array(fc.integer({ min: -SEGMENT_GRID, max: SEGMENT_GRID }), { minLength: length, maxLength: length });
/** Activation indices of GENOME_ACTIVATIONS: relu (1) and leaky-relu (2). */
const RELU_FAMILY = [1, 2] as const;

/** One hidden layer (width 1–5), relu or leaky-relu (slope k/100, k ≤ 50), d_x 1–3, d_y 1–2, n 1–6. */
export function segmentGenome(segment: SegmentChoice): fc.Arbitrary<SegmentGenome> {
  return fc.record({
    activation: fc.integer({ min: RELU_FAMILY[0], max: RELU_FAMILY[1] }),
    slope: fc.integer({ min: 1, max: 50 }),
    coefficients: fc.constant([]),
    hidden: fc.constant(1),
    widths: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 1 }),
    dx: fc.integer({ min: 1, max: 3 }),
    dy: fc.integer({ min: 1, max: 2 }),
    n: fc.integer({ min: 1, max: 6 }),
    bias: fc.boolean(),
    xs: grid(18),
    ys: grid(12),
    ws: grid(40),
    ds: grid(20),
    segment: fc.constant(segment),
  });
}

/** The law of segmentGenome(segment). */
export function segmentGenomeLaw(segment: SegmentChoice): (g: SegmentGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!inRange(g.activation, RELU_FAMILY) || !inRange(g.slope, [1, 50]))
      problems.push('not relu or leaky-relu');
    if (g.hidden !== 1 || g.widths.length !== 1 || !inRange(g.widths[0]!, [1, 5]))
      problems.push('not one hidden layer of width 1–5');
    if (!inRange(g.dx, [1, 3]) || !inRange(g.dy, [1, 2]) || !inRange(g.n, [1, 6]))
      problems.push('dimensions out of range');
    for (const [name, xs, length] of [
      ['xs', g.xs, 18],
      ['ys', g.ys, 12],
      ['ws', g.ws, 40],
      ['ds', g.ds, 20],
    ] as const)
      if (xs.length !== length || !xs.every((k) => inRange(k, [-SEGMENT_GRID, SEGMENT_GRID])))
        problems.push(`${name} off the grid`);
    if (g.segment !== segment) problems.push(`segment ${g.segment}`);
    return problems;
  };
}
