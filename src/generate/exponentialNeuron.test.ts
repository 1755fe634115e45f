import { describe } from 'vitest';
import { oneNeuronArb, oneNeuronLaw } from './exponentialNeuron.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('oneNeuronArb', () => {
  testHypothesisLaws('with the exponential neuron', oneNeuronArb(true), oneNeuronLaw(true));
  testHypothesisLaws('without it (control)', oneNeuronArb(false), oneNeuronLaw(false));
});
