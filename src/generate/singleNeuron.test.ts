import { describe } from 'vitest';
import { NEURON_BLOCKS, neuronBlocksArb, neuronBlocksLaw } from './singleNeuron.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('single-neuron block datasets', () => {
  testHypothesisLaws(
    '1 to 4 blocks',
    neuronBlocksArb(1, NEURON_BLOCKS.maxBlocks),
    neuronBlocksLaw(1, NEURON_BLOCKS.maxBlocks),
  );
  testHypothesisLaws('one block (control)', neuronBlocksArb(1, 1), neuronBlocksLaw(1, 1));
});
