import { describe } from 'vitest';
import {
  deadReluArb,
  deadReluLaw,
  SINGLE_NEURON_TARGETS,
  singleNeuronArb,
  singleNeuronLaw,
} from './deadUnits.js';
import { testHypothesisLaws } from './testing/laws.js';

describe('singleNeuronArb', () => {
  for (const [name, targets] of Object.entries(SINGLE_NEURON_TARGETS))
    testHypothesisLaws(`targets ${name}`, singleNeuronArb(targets), singleNeuronLaw(targets));
});

describe('deadReluArb', () => {
  testHypothesisLaws('any targets', deadReluArb(false), deadReluLaw(false));
  testHypothesisLaws('constant targets (control)', deadReluArb(true), deadReluLaw(true));
});
