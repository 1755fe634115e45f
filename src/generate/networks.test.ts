import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UserError } from '../errors.js';
import { type NetworkSpec, validateActivationSpec, validateNetwork } from '../nn/index.js';
import { activationArb, networkArb } from './networks.js';

function hiddenWidths(net: NetworkSpec): readonly number[] {
  return net.layerSizes.slice(1, -1);
}

describe('network arbitraries', () => {
  test.prop([networkArb()], { numRuns: 200 })(
    'defaults: depth 1–3, widths 1–8, dims in range, a valid spec',
    (net) => {
      expect(() => validateNetwork(net)).not.toThrow();
      expect(net.layerSizes.length - 1).toBeGreaterThanOrEqual(1);
      expect(net.layerSizes.length - 1).toBeLessThanOrEqual(3);
      for (const w of hiddenWidths(net)) expect(w >= 1 && w <= 8).toBe(true);
      expect(net.layerSizes[0]! >= 1 && net.layerSizes[0]! <= 3).toBe(true);
    },
  );

  test.prop(
    [
      networkArb({
        activation: { name: 'leaky-relu', slope: 0.2 },
        bias: true,
        inputDim: 1,
        hiddenLayers: 2,
      }),
    ],
    {
      numRuns: 50,
    },
  )('fixed activation, forced bias, 1-D inputs and fixed depth are respected', (net) => {
    expect(net.activation).toEqual({ name: 'leaky-relu', slope: 0.2 });
    expect(net.bias).toBe(true);
    expect(net.layerSizes[0]).toBe(1);
    expect(net.layerSizes).toHaveLength(4);
  });

  test.prop([activationArb()], { numRuns: 200 })('every drawn activation is a valid spec', (spec) => {
    expect(validateActivationSpec(spec)).toEqual(spec);
  });

  test('every activation kind is drawn', () => {
    const names = new Set(fc.sample(activationArb(), { seed: 2, numRuns: 300 }).map((a) => a.name));
    expect(names.size).toBe(8);
  });

  test.prop([fc.integer({ min: 1, max: 12 })], { numRuns: 20 })(
    'minWidth and minLastWidth as functions of n lift the widths (and the maximum with them)',
    (n) => {
      const nets = fc.sample(networkArb({ hiddenLayers: { min: 1, max: 2 }, minLastWidth: (m) => m }, n), {
        seed: n,
        numRuns: 30,
      });
      for (const net of nets) {
        const widths = hiddenWidths(net);
        expect(widths[widths.length - 1]).toBeGreaterThanOrEqual(n);
        for (const w of widths) expect(w).toBeGreaterThanOrEqual(1);
      }
      const all = fc.sample(networkArb({ hiddenLayers: 1, minWidth: 5 }), { seed: n, numRuns: 10 });
      for (const net of all) expect(net.layerSizes[1]).toBeGreaterThanOrEqual(5);
    },
  );

  test('same seed, same networks', () => {
    expect(fc.sample(networkArb(), { seed: 99, numRuns: 30 })).toEqual(
      fc.sample(networkArb(), { seed: 99, numRuns: 30 }),
    );
  });

  test('shrinking goes to the smallest network that still fails: "depth ≥ 2 has no hidden width ≥ 3"', () => {
    const result = fc.check(
      fc.property(
        networkArb(),
        (net) => !(net.layerSizes.length >= 3 && Math.max(...hiddenWidths(net)) >= 3),
      ),
      { seed: 5, numRuns: 300 },
    );
    expect(result.failed).toBe(true);
    const [net] = result.counterexample!;
    expect(net.layerSizes).toEqual([1, 3, 1]);
    expect(net.bias).toBe(false);
    expect(net.activation).toEqual({ name: 'identity' });
  });

  test('a width bound in terms of n without n is a UserError', () => {
    expect(() => fc.sample(networkArb({ hiddenLayers: 1, minWidth: (n) => n }), 1)).toThrow(UserError);
    expect(() => activationArb([])).toThrow(UserError);
  });
});
