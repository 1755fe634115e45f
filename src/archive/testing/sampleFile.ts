import type { CounterexampleJson } from '../index.js';

/** A valid counterexample file (a dead relu neuron) for tests. */
export function sampleFile(overrides: Partial<CounterexampleJson> = {}): CounterexampleJson {
  return {
    format: 'landscape-check/counterexample',
    version: 1,
    claim: 'single-relu-no-spurious-min',
    title: 'A single ReLU neuron has no spurious local minimum (false)',
    source: 'Swirszcz, Czarnecki, Pascanu 2016, §3',
    found: {
      seed: 1,
      path: '0:1',
      numRuns: 1,
      numShrinks: 2,
      createdAt: '2026-11-23T10:00:00.000Z',
      tool: 'landscape-check@0.1.0',
    },
    subject: {
      kind: 'mlp',
      network: { layerSizes: [1, 1, 1], activation: { name: 'relu' }, bias: true, trainable: [true, false] },
      data: { inputs: [[0], [1]], targets: [[0], [0.25]] },
      loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
      point: {
        layers: [
          { weights: [[0]], biases: [-0.25] },
          { weights: [[1]], biases: [0] },
        ],
      },
    },
    certificate: {
      kind: 'local-min-not-global',
      loss: 0.03125,
      gradientNorm: 0,
      hessianEigenvalues: [0, 0],
      perturbation: { radii: [0.01], trials: 10, minLossIncrease: 0 },
      betterPoint: {
        layers: [
          { weights: [[0.5]], biases: [-0.25] },
          { weights: [[1]], biases: [0] },
        ],
      },
      betterLoss: 0,
    },
    ...overrides,
  } as CounterexampleJson;
}
