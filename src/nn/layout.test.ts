import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UserError } from '../errors.js';
import { networkArb } from '../generate/index.js';
import { biasIndex, layerIndices, layerRange, parameterName, paramLayout, weightIndex } from './layout.js';

describe('parameter layout', () => {
  test('documented example: [2, 3, 1] with bias is W_0 (3×2), b_0, W_1 (1×3), b_1', () => {
    const layout = paramLayout({ layerSizes: [2, 3, 1], activation: { name: 'relu' }, bias: true });
    expect(layout.size).toBe(6 + 3 + 3 + 1);
    expect(weightIndex(layout, 0, 1, 0)).toBe(2);
    expect(biasIndex(layout, 0, 2)).toBe(8);
    expect(weightIndex(layout, 1, 0, 2)).toBe(11);
    expect(biasIndex(layout, 1, 0)).toBe(12);
    expect(layerRange(layout, 1)).toEqual({ start: 9, end: 13 });
    expect(parameterName(layout, 11).name).toBe('W_1[0][2]');
    expect(parameterName(layout, 8).name).toBe('b_0[2]');
  });

  test.prop([networkArb()], { numRuns: 100 })(
    'layers tile [0, p) in order and every index names the entry it indexes',
    (net) => {
      const layout = paramLayout(net);
      let next = 0;
      const seen = new Uint8Array(layout.size);
      for (const L of layout.layers) {
        expect(L.start).toBe(next);
        expect(L.end - L.start).toBe(L.outputs * (L.inputs + (net.bias ? 1 : 0)));
        next = L.end;
        for (let i = 0; i < L.outputs; i++) {
          for (let j = 0; j < L.inputs; j++) {
            const k = weightIndex(layout, L.layer, i, j);
            expect(parameterName(layout, k)).toMatchObject({
              layer: L.layer,
              kind: 'weight',
              row: i,
              col: j,
            });
            seen[k]!++;
          }
          if (net.bias) {
            const k = biasIndex(layout, L.layer, i);
            expect(parameterName(layout, k)).toMatchObject({ layer: L.layer, kind: 'bias', row: i });
            seen[k]!++;
          } else {
            expect(() => biasIndex(layout, L.layer, i)).toThrow(UserError);
          }
        }
      }
      expect(next).toBe(layout.size);
      expect(seen.every((c) => c === 1)).toBe(true);
      const all = layerIndices(layout, layout.layers.map((L) => L.layer).reverse());
      expect(all).toEqual(Array.from({ length: layout.size }, (_, k) => k));
    },
  );

  test('out-of-range indices are UserErrors', () => {
    const layout = paramLayout({ layerSizes: [2, 3, 1], activation: { name: 'relu' }, bias: false });
    expect(() => weightIndex(layout, 0, 3, 0)).toThrow(/outside W_0, which is 3×2/);
    expect(() => weightIndex(layout, 2, 0, 0)).toThrow(/layer 2 does not exist/);
    expect(() => parameterName(layout, layout.size)).toThrow(UserError);
    expect(() => paramLayout({ layerSizes: [2], activation: { name: 'relu' }, bias: false })).toThrow(
      /at least 2 entries/,
    );
  });
});
