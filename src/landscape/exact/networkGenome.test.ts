import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { makeProblem, pointToVector } from '../../nn/index.js';
import { GENOME_ACTIVATIONS, genomeActivation, genomeSubject, type NetworkGenome } from './networkGenome.js';

const ints = (length: number) =>
  fc.array(fc.integer({ min: -8, max: 8 }), { minLength: length, maxLength: length });
const genomeArb: fc.Arbitrary<NetworkGenome> = fc.record({
  activation: fc.integer({ min: -20, max: 20 }),
  slope: fc.integer({ min: -50, max: 50 }),
  coefficients: fc.array(fc.integer({ min: -8, max: 8 }), { maxLength: 3 }),
  hidden: fc.integer({ min: 0, max: 3 }),
  widths: ints(3).map((w) => w.map((k) => 1 + Math.abs(k))),
  dx: fc.integer({ min: 1, max: 3 }),
  dy: fc.integer({ min: 1, max: 2 }),
  n: fc.integer({ min: 1, max: 6 }),
  bias: fc.boolean(),
  xs: fc.array(fc.integer({ min: -8, max: 8 }), { maxLength: 20 }),
  ys: fc.array(fc.integer({ min: -8, max: 8 }), { maxLength: 20 }),
  ws: fc.array(fc.integer({ min: -8, max: 8 }), { maxLength: 100 }),
});

describe('genomeSubject', () => {
  test.prop([genomeArb], { numRuns: 300 })(
    'every genome gives a valid subject of the stated shape, entries on the k/4 grid',
    (g) => {
      const s = genomeSubject(g);
      const layers = Math.min(g.hidden, g.widths.length);
      expect(s.network.layerSizes).toEqual([g.dx, ...g.widths.slice(0, layers), g.dy]);
      const theta = pointToVector(s.network, s.point);
      expect(() => makeProblem(s.network, s.data, s.loss)).not.toThrow();
      for (const x of theta) expect(Number.isInteger(4 * x) && Math.abs(x) <= 2).toBe(true);
    },
  );

  test('the activation index covers every activation, cyclically; leaky slope ≥ 0.01; polynomial from the coefficients', () => {
    const base = { slope: 0, coefficients: [4, -2] } as unknown as NetworkGenome;
    const names = GENOME_ACTIVATIONS.map((_, k) => genomeActivation({ ...base, activation: k }).name);
    expect(new Set(names).size).toBe(8);
    expect(genomeActivation({ ...base, activation: -1 }).name).toBe('polynomial');
    expect(genomeActivation({ ...base, activation: 2 })).toEqual({ name: 'leaky-relu', slope: 0.01 });
    expect(genomeActivation({ ...base, activation: 7 })).toEqual({
      name: 'polynomial',
      coefficients: [1, -0.5],
    });
  });
});
