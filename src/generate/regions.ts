import fc from 'fast-check';
import type { NetworkGenome } from '../landscape/exact/index.js';
import {
  faceSplitMatrix,
  factoredJacobian,
  seededTwoLayerCase,
  type TwoLayerCase,
} from '../landscape/regions/index.js';
import type { DenseMatrix } from '../linalg/index.js';
import { type Rng, seededRng } from '../random.js';
import { seedArb } from './seeds.js';

/**
 * Hypotheses of the activation-region claims (Karhadkar, Murray, Tseran, Montúfar 2023; docs/derivations.md), one
 * family in three parts:
 * - fixed patterns (km-d0-one-rank, km-independent-inputs-rank, km-block-partition-fullrank): an activation region
 *   of a two-layer relu network given by its binary pattern A, with its first-layer Jacobian J_A;
 * - seeded two-layer networks (km-region-fullrank-implies-global, sc16-no-bad-dlm, km-region-gram-identity,
 *   region-linearity): shapes and seeds of networks whose region the claim examines;
 * - the region experiments' genomes (km-most-regions-fullrank, km-1d-regions, km-phase-transition): the run's seed
 *   and the control's switch.
 * Each genome comes with its law (the problems of a value; empty: a case its claim, or its control, speaks of).
 */

const isSeed = (s: number) => Number.isInteger(s) && s >= 0 && s < 2 ** 31;
const inRange = (x: number, [lo, hi]: readonly [number, number]) => Number.isInteger(x) && x >= lo && x <= hi;

// ==== fixed patterns: J_A of a given activation region ====
// A two-layer relu network's activation region is a binary pattern A, and its Jacobian in the first layer is
// J_A = (A ∘ v)ᵀ ⊙ X̃ (row i: (v_j·A_ji·x̃_i)_j). Each genome draws A, the inputs and v from seeds; `regionOf`-style
// builders return the pattern and J_A (the subject the claims rank).

/** Output weights v_j = ±(½ … 1½): bounded away from 0 (the facts assume v_j ≠ 0) and of mixed sign. */
function outputWeights(rng: Rng, d1: number): number[] {
  return Array.from({ length: d1 }, () => (rng.uniform() < 0.5 ? -1 : 1) * (0.5 + rng.uniform()));
}

/** A pattern (sample-major n×d1 entries of A ∘ v), the inputs (n×q) and J_A. */
export interface RegionInstance {
  readonly pattern: number[][];
  readonly jacobian: DenseMatrix;
}

function instance(
  n: number,
  d1: number,
  q: number,
  pattern: number[][],
  v: number[],
  xt: Float64Array,
): RegionInstance {
  const s = Float64Array.from(
    { length: n * d1 },
    (_, k) => pattern[Math.floor(k / d1)]![k % d1]! * v[k % d1]!,
  );
  return { pattern, jacobian: faceSplitMatrix(factoredJacobian(n, d1, q, s, xt)) };
}

function bitsPattern(bits: readonly number[], n: number, d1: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: d1 }, (_, j) => bits[(i * d1 + j) % bits.length]!),
  );
}

// ---- d0 = 1 (km-d0-one-rank) ----

/** Sizes of the one-input family: n ≤ 12 samples, d1 ≤ 8 units, a pattern from 96 generated bits (used cyclically). */
export const D0_ONE = { maxSamples: 12, maxUnits: 8, bits: 96, minInput: 0.1, maxInput: 1 } as const;

/** A binary pattern (bits, row by row), inputs and output weights from seeds; `bias`: x̃ = (x, 1) (the control). */
export interface D0OneGenome {
  readonly n: number;
  readonly d1: number;
  readonly bits: readonly number[];
  readonly dataSeed: number;
  readonly outputSeed: number;
  readonly bias: boolean;
}

export function d0OneArb(bias: boolean): fc.Arbitrary<D0OneGenome> {
  return fc.record({
    n: fc.integer({ min: 1, max: D0_ONE.maxSamples }),
    d1: fc.integer({ min: 1, max: D0_ONE.maxUnits }),
    bits: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: D0_ONE.bits, maxLength: D0_ONE.bits }),
    dataSeed: seedArb(),
    outputSeed: seedArb(),
    bias: fc.constant(bias),
  });
}

/** The pattern and J_A for inputs x_i = ±(0.1 … 1) (non-zero), with x̃_i = (x_i, 1) when `bias`. */
export function d0OneRegion(g: D0OneGenome): RegionInstance {
  const { n, d1 } = g;
  const data = seededRng(g.dataSeed);
  const v = outputWeights(seededRng(g.outputSeed), d1);
  const q = g.bias ? 2 : 1;
  const xt = new Float64Array(n * q);
  for (let i = 0; i < n; i++) {
    const sign = data.uniform() < 0.5 ? -1 : 1;
    xt[i * q] = sign * (D0_ONE.minInput + (D0_ONE.maxInput - D0_ONE.minInput) * data.uniform());
    if (g.bias) xt[i * q + 1] = 1;
  }
  return instance(n, d1, q, bitsPattern(g.bits, n, d1), v, xt);
}

// ---- independent augmented inputs (km-independent-inputs-rank) ----

/** Sizes of the independent-inputs family: a pattern from 64 bits, d1 ≤ 6; n and the d0 shift are per arbitrary. */
export const INDEPENDENT = { bits: 64, maxUnits: 6 } as const;

/** d0 = max(1, n − 1 + d0Shift): d0Shift ≥ 0 keeps x̃_i = (x_i, 1) independent (d0 + 1 ≥ n); < 0 is the control. */
export interface IndependentGenome {
  readonly n: number;
  readonly d0Shift: number;
  readonly d1: number;
  readonly bits: readonly number[];
  readonly dataSeed: number;
  readonly outputSeed: number;
}

export function independentArb(
  n: readonly [number, number],
  shift: readonly [number, number],
): fc.Arbitrary<IndependentGenome> {
  return fc.record({
    n: fc.integer({ min: n[0], max: n[1] }),
    d0Shift: fc.integer({ min: shift[0], max: shift[1] }),
    d1: fc.integer({ min: 1, max: INDEPENDENT.maxUnits }),
    bits: fc.array(fc.integer({ min: 0, max: 1 }), {
      minLength: INDEPENDENT.bits,
      maxLength: INDEPENDENT.bits,
    }),
    dataSeed: seedArb(),
    outputSeed: seedArb(),
  });
}

export const independentDim = (g: IndependentGenome): number => Math.max(1, g.n - 1 + g.d0Shift);

/** The pattern and J_A for Gaussian inputs with a bias column. */
export function independentRegion(g: IndependentGenome): RegionInstance {
  const { n, d1 } = g;
  const d0 = independentDim(g);
  const q = d0 + 1;
  const data = seededRng(g.dataSeed);
  const v = outputWeights(seededRng(g.outputSeed), d1);
  const xt = Float64Array.from({ length: n * q }, (_, k) => (k % q === d0 ? 1 : data.normal()));
  return instance(n, d1, q, bitsPattern(g.bits, n, d1), v, xt);
}

// ---- random-density patterns (km-block-partition-fullrank) ----

/** Sizes of the block-partition family: 2 ≤ n ≤ 12, d0 ≤ 3, d1 ≤ 6, pattern density k/8 with k = 1…8. */
export const BLOCK = { minSamples: 2, maxSamples: 12, maxDim: 3, maxUnits: 6, densitySteps: 8 } as const;

/** A pattern of density k/8 (seeded), Gaussian inputs without bias and v from seeds, and the criterion under test. */
export interface BlockGenome {
  readonly n: number;
  readonly d0: number;
  readonly d1: number;
  readonly density: number;
  readonly patternSeed: number;
  readonly dataSeed: number;
  readonly searchSeed: number;
  readonly criterion: 'block-partition' | 'b-matching';
}

export function blockArb(criterion: BlockGenome['criterion']): fc.Arbitrary<BlockGenome> {
  return fc.record({
    n: fc.integer({ min: BLOCK.minSamples, max: BLOCK.maxSamples }),
    d0: fc.integer({ min: 1, max: BLOCK.maxDim }),
    d1: fc.integer({ min: 1, max: BLOCK.maxUnits }),
    density: fc.integer({ min: 1, max: BLOCK.densitySteps }),
    patternSeed: seedArb(),
    dataSeed: seedArb(),
    searchSeed: seedArb(),
    criterion: fc.constant(criterion),
  });
}

/** The pattern (0/1, sample-major, as the partition search reads it) and J_A. */
export function blockRegion(g: BlockGenome): RegionInstance & { readonly bits: Uint8Array } {
  const { n, d0, d1 } = g;
  const rng = seededRng(g.patternSeed);
  const bits = Uint8Array.from({ length: n * d1 }, () =>
    rng.uniform() < g.density / BLOCK.densitySteps ? 1 : 0,
  );
  const v = outputWeights(rng, d1);
  const data = seededRng(g.dataSeed);
  const x = Float64Array.from({ length: n * d0 }, () => data.normal());
  return { bits, ...instance(n, d1, d0, bitsPattern([...bits], n, d1), v, x) };
}

// ---- laws of the fixed-pattern genomes ----

const isBits = (bits: readonly number[], length: number) =>
  bits.length === length && bits.every((b) => b === 0 || b === 1);

export function d0OneLaw(bias: boolean): (g: D0OneGenome) => string[] {
  return (g) => [
    ...(inRange(g.n, [1, D0_ONE.maxSamples]) && inRange(g.d1, [1, D0_ONE.maxUnits])
      ? []
      : [`sizes n ${g.n}, d1 ${g.d1}`]),
    ...(isBits(g.bits, D0_ONE.bits) ? [] : ['bits not 0/1 of the stated length']),
    ...(isSeed(g.dataSeed) && isSeed(g.outputSeed) ? [] : ['seed out of range']),
    ...(g.bias === bias ? [] : [`bias ${g.bias}, expected ${bias}`]),
    ...(d0OneRegion(g).jacobian.rows === g.n ? [] : ['J_A has not n rows']),
  ];
}

export function independentLaw(
  n: readonly [number, number],
  shift: readonly [number, number],
): (g: IndependentGenome) => string[] {
  return (g) => [
    ...(inRange(g.n, n) && inRange(g.d0Shift, shift) ? [] : [`n ${g.n}, shift ${g.d0Shift}`]),
    ...(inRange(g.d1, [1, INDEPENDENT.maxUnits]) ? [] : [`d1 ${g.d1}`]),
    ...(isBits(g.bits, INDEPENDENT.bits) ? [] : ['bits not 0/1 of the stated length']),
    ...(isSeed(g.dataSeed) && isSeed(g.outputSeed) ? [] : ['seed out of range']),
    ...(shift[0] >= 0 && independentDim(g) + 1 < g.n
      ? ['augmented inputs cannot be independent: d0 + 1 < n']
      : []),
  ];
}

export function blockLaw(criterion: BlockGenome['criterion']): (g: BlockGenome) => string[] {
  return (g) => [
    ...(inRange(g.n, [BLOCK.minSamples, BLOCK.maxSamples]) &&
    inRange(g.d0, [1, BLOCK.maxDim]) &&
    inRange(g.d1, [1, BLOCK.maxUnits])
      ? []
      : [`sizes n ${g.n}, d0 ${g.d0}, d1 ${g.d1}`]),
    ...(inRange(g.density, [1, BLOCK.densitySteps]) ? [] : [`density ${g.density}`]),
    ...(isSeed(g.patternSeed) && isSeed(g.dataSeed) && isSeed(g.searchSeed) ? [] : ['seed out of range']),
    ...(g.criterion === criterion ? [] : [`criterion ${g.criterion}, expected ${criterion}`]),
  ];
}

// ==== seeded two-layer networks ====
// F(W; x) = Σ_j v_j σ(w_j·x + b_j) with output weights v fixed, as seeds and small shapes (data uniform on
// (−1, 1)^d0, weights N(0, 1), v_j = ±(½ + |N(0, 1)|): src/landscape/regions `seededTwoLayerCase`).

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
    dataSeed: seedArb(),
    weightSeed: seedArb(),
    outputSeed: seedArb(),
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
    dataSeed: seedArb(),
    weightSeed: seedArb(),
    outputSeed: seedArb(),
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

// ==== the region experiments' genomes ====
// The experiments' hypotheses at `check` size: the run's seed (every cell's stream derives from it) and the
// control's switch, which takes the sampler outside the claim's hypotheses.
//   km-most-regions-fullrank  `shared`: all units share one activation column (not a Bernoulli pattern)
//   km-1d-regions             `positive`: every output weight +1 (not both signs)
//   km-phase-transition       `duplicate`: every sample duplicated (not distinct data)
// The claim speaks of the switch off; the control turns it on.

export interface CountingGenome {
  readonly seed: number;
  readonly shared: boolean;
}

export interface OneDGenome {
  readonly seed: number;
  readonly positive: boolean;
}

export interface PhaseGenome {
  readonly seed: number;
  readonly duplicate: boolean;
}

/** km-most-regions-fullrank: Bernoulli(½) patterns (shared = false) or the control's shared column. */
export function countingGenomeArb(shared: boolean): fc.Arbitrary<CountingGenome> {
  return fc.record({ seed: seedArb(), shared: fc.constant(shared) });
}

/** km-1d-regions: output weights of both signs (positive = false) or the control's all-positive ones. */
export function oneDGenomeArb(positive: boolean): fc.Arbitrary<OneDGenome> {
  return fc.record({ seed: seedArb(), positive: fc.constant(positive) });
}

/** km-phase-transition: distinct samples (duplicate = false) or the control's duplicated ones. */
export function phaseGenomeArb(duplicate: boolean): fc.Arbitrary<PhaseGenome> {
  return fc.record({ seed: seedArb(), duplicate: fc.constant(duplicate) });
}

/** The law of these genomes: a 31-bit seed and the switch as requested (empty: a case the claim speaks of). */
export function switchGenomeLaw<K extends string>(
  key: K,
  expected: boolean,
): (g: { readonly seed: number } & { readonly [k in K]: boolean }) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!isSeed(g.seed)) problems.push(`seed ${g.seed} not in [0, 2^31)`);
    if (g[key] !== expected) problems.push(`${key} = ${g[key]}, expected ${expected}`);
    return problems;
  };
}
