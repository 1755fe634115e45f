import fc from 'fast-check';
import type { MlpSubjectJson } from '../landscape/index.js';
import { blockDataset, type SingleNeuronData } from '../landscape/population/index.js';

/**
 * Hypotheses of the single-neuron block construction (Auer–Herbster–Warmuth 1996), in 1-D: B blocks, block j one
 * sample x_j = ±10^{e_j/2} with e_j = −4 + Σ_{i≤j} gaps_i (scales increasing in j) and target y_j = t_j/8 ∈ (0, 1).
 */
export const NEURON_BLOCKS = { maxBlocks: 4, firstExponent: -4, maxGap: 4, targetSteps: 8 } as const;

export interface NeuronBlocksGenome {
  readonly blocks: number;
  readonly gaps: readonly number[];
  readonly signs: readonly boolean[];
  readonly targets: readonly number[];
}

export function neuronBlocksArb(minBlocks: number, maxBlocks: number): fc.Arbitrary<NeuronBlocksGenome> {
  const length = { minLength: NEURON_BLOCKS.maxBlocks, maxLength: NEURON_BLOCKS.maxBlocks };
  return fc.record({
    blocks: fc.integer({ min: minBlocks, max: maxBlocks }),
    gaps: fc.array(fc.integer({ min: 1, max: NEURON_BLOCKS.maxGap }), length),
    signs: fc.array(fc.boolean(), length),
    targets: fc.array(fc.integer({ min: 1, max: NEURON_BLOCKS.targetSteps - 1 }), length),
  });
}

/** The data of a genome (x = ±10^{e/2}, y = t/8) with the mlp subjects' loss scale ½. */
export function neuronBlocksData(g: NeuronBlocksGenome): SingleNeuronData {
  let exponent: number = NEURON_BLOCKS.firstExponent;
  const blocks = Array.from({ length: g.blocks }, (_, j) => {
    exponent += g.gaps[j]!;
    return { exponent, sign: g.signs[j]! ? -1 : 1, target: g.targets[j]! / NEURON_BLOCKS.targetSteps };
  });
  return { ...blockDataset(blocks), scale: 0.5 };
}

/** f(x) = σ(w·x): an mlp [1, 1, 1] with sigmoid, no bias, output weight 1 frozen; the point is w. */
export function singleNeuronSubject(data: SingleNeuronData, w: number): MlpSubjectJson {
  return {
    kind: 'mlp',
    network: {
      layerSizes: [1, 1, 1],
      activation: { name: 'sigmoid' },
      bias: false,
      trainable: [true, false],
    },
    data: { inputs: data.xs.map((x) => [x]), targets: data.ys.map((y) => [y]) },
    loss: { name: 'squared', scale: data.scale, reduction: 'sum' },
    point: {
      layers: [
        { weights: [[w]], biases: null },
        { weights: [[1]], biases: null },
      ],
    },
  };
}

/** The law of neuronBlocksArb(min, max): block count in range, targets strictly inside (0, 1), scales increasing. */
export function neuronBlocksLaw(minBlocks: number, maxBlocks: number): (g: NeuronBlocksGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!(Number.isInteger(g.blocks) && g.blocks >= minBlocks && g.blocks <= maxBlocks))
      problems.push(`blocks ${g.blocks}`);
    const data = neuronBlocksData(g);
    if (data.xs.length !== g.blocks) problems.push(`${data.xs.length} samples for ${g.blocks} blocks`);
    if (!data.ys.every((y) => y > 0 && y < 1)) problems.push('a target outside (0, 1)');
    const scales = data.xs.map(Math.abs);
    if (!scales.every((s, j) => s > 0 && (j === 0 || s > scales[j - 1]!)))
      problems.push('scales not increasing');
    return problems;
  };
}
