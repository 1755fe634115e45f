import fc from 'fast-check';
import { addZeroUnit, duplicateUnit, type NetworkGenome } from '../landscape/exact/index.js';
import type { MlpSubjectJson } from '../landscape/index.js';

/**
 * Hypotheses of the embedding facts (Fukumizu–Amari 2000; docs/derivations.md#embeddings): a network genome
 * (src/landscape/exact's NetworkGenome: 1–2 hidden layers, widths, data and point on the k/8 grid) and the
 * embedding applied at a critical point of it: split a unit (λ = k/8) or add a zero unit (σ(0) = 0 only).
 */
export const EMBEDDING = {
  minHidden: 1,
  maxHidden: 2,
  lambdaSteps: 8,
  minLambda: -1,
  maxLambda: 2,
  gridMax: 8,
  maxMisSplit: 8,
} as const;

export interface EmbeddingGenome extends NetworkGenome {
  /** `split`: duplicate a unit with output weights (λv, (1 − λ)v + δ); `zero`: add a unit with w = 0, b = 0, v = 0. */
  readonly mode: 'split' | 'zero';
  /** Which hidden layer and unit (modulo their counts). */
  readonly layer: number;
  readonly unit: number;
  /** λ = k/8 ∈ [−1, 2]. */
  readonly lambda: number;
  /** δ = k/8 added to the new unit's output weights: 0 in the theorem, ≠ 0 in the control. */
  readonly misSplit: number;
}

/** Activations (indices of GENOME_ACTIVATIONS) with σ(0) = 0: identity, relu, leaky-relu, tanh, quadratic, polynomial. */
export const ZERO_AT_ZERO = [0, 1, 2, 3, 6, 7] as const;
/** Activations with σ(0) ≠ 0: sigmoid (½), softplus (log 2). */
export const NONZERO_AT_ZERO = [4, 5] as const;
const ALL = [0, 1, 2, 3, 4, 5, 6, 7] as const;

/** Widths and sample counts of the generated networks. */
interface Shape {
  readonly width: { min: number; max: number };
  readonly n: { min: number; max: number };
}

const THEOREM_SHAPE: Shape = { width: { min: 1, max: 3 }, n: { min: 2, max: 5 } };

const grid = (length: number) =>
  fc.array(fc.integer({ min: -EMBEDDING.gridMax, max: EMBEDDING.gridMax }), {
    minLength: length,
    maxLength: length,
  });

function base(
  activations: readonly number[],
  misSplit: fc.Arbitrary<number>,
  shape: Shape = THEOREM_SHAPE,
): fc.Arbitrary<Omit<EmbeddingGenome, 'mode'>> {
  const k = EMBEDDING.lambdaSteps;
  return fc
    .record({
      activation: fc.integer({ min: 0, max: activations.length - 1 }),
      slope: fc.integer({ min: 1, max: 50 }),
      coefficients: grid(3),
      hidden: fc.integer({ min: EMBEDDING.minHidden, max: EMBEDDING.maxHidden }),
      widths: fc.array(fc.integer(shape.width), { minLength: 2, maxLength: 2 }),
      dx: fc.integer({ min: 1, max: 2 }),
      dy: fc.integer({ min: 1, max: 2 }),
      n: fc.integer(shape.n),
      bias: fc.boolean(),
      xs: grid(10),
      ys: grid(10),
      ws: grid(40),
      layer: fc.integer({ min: 0, max: 1 }),
      unit: fc.integer({ min: 0, max: 2 }),
      lambda: fc.integer({ min: EMBEDDING.minLambda * k, max: EMBEDDING.maxLambda * k }),
      misSplit,
    })
    .map((g) => ({
      ...g,
      activation: activations[g.activation]!,
      // polynomial activations keep σ(0) = c_0 = 0 where the map needs it (the zero unit)
      coefficients: activations === ZERO_AT_ZERO ? [0, ...g.coefficients.slice(1)] : g.coefficients,
    }));
}

/** The theorem's hypotheses (misSplit = fc.constant(0)) or the mis-split control (misSplit ≠ 0). */
export function embeddingArb(misSplit: fc.Arbitrary<number>): fc.Arbitrary<EmbeddingGenome> {
  return fc.oneof(
    base(ALL, misSplit).map((g): EmbeddingGenome => ({ ...g, mode: 'split' })),
    base(ZERO_AT_ZERO, misSplit).map((g): EmbeddingGenome => ({ ...g, mode: 'zero' })),
  );
}

/** The mis-split control's δ = k/8, k = 1…8. */
export const misSplitArb = (): fc.Arbitrary<number> => fc.integer({ min: 1, max: EMBEDDING.maxMisSplit });

/**
 * The zero-unit map on activations with σ(0) ≠ 0 (outside the hypotheses): an extra control. The new unit outputs
 * the constant σ(0), so ∂L/∂v_new = 2s·σ(0)·Σ_i r_i. Wherever the last hidden features span the constant vector,
 * Σ_i r_i = 0 at every critical point and criticality survives: with an output bias (∂L/∂c = 2sΣr_i = 0), or with
 * as many units as samples (then r = 0). So: no biases, width 1, n ≥ 4.
 */
export const zeroUnitWithNonzeroSigma: fc.Arbitrary<EmbeddingGenome> = base(NONZERO_AT_ZERO, fc.constant(0), {
  width: { min: 1, max: 1 },
  n: { min: 4, max: 5 },
}).map((g): EmbeddingGenome => ({ ...g, bias: false, mode: 'zero' }));

/** λ of a genome (0 for the zero unit). */
export const embeddingLambda = (g: EmbeddingGenome): number =>
  g.mode === 'split' ? g.lambda / EMBEDDING.lambdaSteps : 0;

/** The embedded subject of a genome at a critical point `at` of its own network. */
export function embed(g: EmbeddingGenome, at: MlpSubjectJson): MlpSubjectJson {
  const hidden = at.network.layerSizes.length - 2;
  const layer = g.layer % hidden;
  if (g.mode === 'zero') return addZeroUnit(at, layer);
  const unit = g.unit % at.network.layerSizes[layer + 1]!;
  return duplicateUnit(at, layer, unit, embeddingLambda(g), g.misSplit / EMBEDDING.lambdaSteps);
}

/** The law: hidden layers and λ in range, δ = 0 unless a mis-split is expected, zero units only where σ(0) = 0. */
export function embeddingLaw(expect: {
  readonly misSplit: boolean;
  readonly zeroSigma: boolean;
}): (g: EmbeddingGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!(g.hidden >= EMBEDDING.minHidden && g.hidden <= EMBEDDING.maxHidden))
      problems.push(`hidden ${g.hidden}`);
    const lambda = g.lambda / EMBEDDING.lambdaSteps;
    if (!(lambda >= EMBEDDING.minLambda && lambda <= EMBEDDING.maxLambda)) problems.push(`λ = ${lambda}`);
    if ((g.misSplit !== 0) !== expect.misSplit) problems.push(`δ = ${g.misSplit}`);
    const zeroSigma = (ZERO_AT_ZERO as readonly number[]).includes(g.activation);
    if (g.mode === 'zero' && zeroSigma !== expect.zeroSigma)
      problems.push(`zero unit on activation ${g.activation}`);
    if (g.mode === 'zero' && g.activation === 7 && g.coefficients[0] !== 0 && expect.zeroSigma)
      problems.push('c_0 ≠ 0');
    return problems;
  };
}
