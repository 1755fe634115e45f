import fc from 'fast-check';
import { faceSplitMatrix, factoredJacobian } from '../landscape/regions/index.js';
import type { DenseMatrix } from '../linalg/index.js';
import { type Rng, seededRng } from '../random.js';
import { seedArb } from './seeds.js';

/**
 * Hypotheses of the exact region-Jacobian facts (Karhadkar–Murray–Tseran–Montúfar 2023; docs/derivations.md): a
 * two-layer relu network's activation region is a binary pattern A, and its Jacobian in the first layer is
 * J_A = (A ∘ v)ᵀ ⊙ X̃ (row i: (v_j·A_ji·x̃_i)_j). Each genome draws A, the inputs and v from seeds; `regionOf`-style
 * builders return the pattern and J_A (the subject the claims rank).
 */

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

// ---- laws ----

const isSeed = (s: number) => Number.isInteger(s) && s >= 0 && s < 2 ** 31;
const isBits = (bits: readonly number[], length: number) =>
  bits.length === length && bits.every((b) => b === 0 || b === 1);
const within = (x: number, min: number, max: number) => Number.isInteger(x) && x >= min && x <= max;

export function d0OneLaw(bias: boolean): (g: D0OneGenome) => string[] {
  return (g) => [
    ...(within(g.n, 1, D0_ONE.maxSamples) && within(g.d1, 1, D0_ONE.maxUnits)
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
    ...(within(g.n, n[0], n[1]) && within(g.d0Shift, shift[0], shift[1])
      ? []
      : [`n ${g.n}, shift ${g.d0Shift}`]),
    ...(within(g.d1, 1, INDEPENDENT.maxUnits) ? [] : [`d1 ${g.d1}`]),
    ...(isBits(g.bits, INDEPENDENT.bits) ? [] : ['bits not 0/1 of the stated length']),
    ...(isSeed(g.dataSeed) && isSeed(g.outputSeed) ? [] : ['seed out of range']),
    ...(shift[0] >= 0 && independentDim(g) + 1 < g.n
      ? ['augmented inputs cannot be independent: d0 + 1 < n']
      : []),
  ];
}

export function blockLaw(criterion: BlockGenome['criterion']): (g: BlockGenome) => string[] {
  return (g) => [
    ...(within(g.n, BLOCK.minSamples, BLOCK.maxSamples) &&
    within(g.d0, 1, BLOCK.maxDim) &&
    within(g.d1, 1, BLOCK.maxUnits)
      ? []
      : [`sizes n ${g.n}, d0 ${g.d0}, d1 ${g.d1}`]),
    ...(within(g.density, 1, BLOCK.densitySteps) ? [] : [`density ${g.density}`]),
    ...(isSeed(g.patternSeed) && isSeed(g.dataSeed) && isSeed(g.searchSeed) ? [] : ['seed out of range']),
    ...(g.criterion === criterion ? [] : [`criterion ${g.criterion}, expected ${criterion}`]),
  ];
}
