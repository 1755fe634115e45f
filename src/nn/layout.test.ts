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

  test('every index outside its block is a UserError naming the entry and the block', () => {
    const layout = paramLayout({ layerSizes: [2, 3, 1], activation: { name: 'relu' }, bias: true });
    // W_0 is 3×2 at 0…5, b_0 at 6…8, W_1 is 1×3 at 9…11, b_1 at 12
    for (const [i, j] of [
      [-1, 0],
      [0, -1],
      [3, 0],
      [0, 2],
      [0.5, 0],
      [0, 0.5],
      [Number.NaN, 0],
    ] as const)
      expect(() => weightIndex(layout, 0, i, j)).toThrow(`W_0[${i}][${j}] is outside W_0, which is 3×2`);
    expect(weightIndex(layout, 0, 2, 1)).toBe(5);
    expect(weightIndex(layout, 0, 0, 0)).toBe(0);
    for (const i of [-1, 3, 1.5, Number.NaN])
      expect(() => biasIndex(layout, 0, i)).toThrow(`b_0[${i}] is outside b_0, which has 3 entries`);
    expect(biasIndex(layout, 0, 0)).toBe(6);
    expect(() => biasIndex(layout, 1, 1)).toThrow('b_1[1] is outside b_1, which has 1 entries');
    expect(() => layerRange(layout, 2)).toThrow('layer 2 does not exist; the network has layers 0…1');
    expect(() => layerRange(layout, -1)).toThrow('layer -1 does not exist; the network has layers 0…1');
    const noBias = paramLayout({ layerSizes: [2, 3, 1], activation: { name: 'relu' }, bias: false });
    expect(() => biasIndex(noBias, 0, 0)).toThrow('b_0[0] does not exist: the network has no bias');
    expect(() => parameterName(layout, -1)).toThrow('parameter index -1 is outside θ, which has 13 entries');
    expect(() => parameterName(layout, 13)).toThrow('parameter index 13 is outside θ, which has 13 entries');
    expect(parameterName(layout, 12)).toEqual({ layer: 1, kind: 'bias', row: 0, name: 'b_1[0]' });
    expect(parameterName(layout, 9)).toEqual({ layer: 1, kind: 'weight', row: 0, col: 0, name: 'W_1[0][0]' });
    expect(parameterName(layout, 5)).toEqual({ layer: 0, kind: 'weight', row: 2, col: 1, name: 'W_0[2][1]' });
    expect(layout.layers[1]).toEqual({
      layer: 1,
      inputs: 3,
      outputs: 1,
      weightOffset: 9,
      biasOffset: 12,
      start: 9,
      end: 13,
    });
    expect(layout.layerSizes).toEqual([2, 3, 1]);
    expect(layout.bias).toBe(true);
    expect(noBias.layers[0]!.biasOffset).toBeNull();
    expect(noBias.bias).toBe(false);
  });

  test('layerIndices: the chosen layers’ indices, ascending, each once, whatever the order and repeats', () => {
    const layout = paramLayout({ layerSizes: [1, 2, 2, 1], activation: { name: 'relu' }, bias: true });
    // layers: 0 at 0…3, 1 at 4…9, 2 at 10…12
    expect(layerIndices(layout, [2, 0, 2, 0])).toEqual([0, 1, 2, 3, 10, 11, 12]);
    expect(layerIndices(layout, [1])).toEqual([4, 5, 6, 7, 8, 9]);
    expect(layerIndices(layout, [10 / 5, 1])).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(layerIndices(layout, [])).toEqual([]);
    // numeric order, not text order: layer 10 after layer 2 (a chain of 11 one-weight layers, no bias)
    const deep = paramLayout({
      layerSizes: new Array(12).fill(1),
      activation: { name: 'relu' },
      bias: false,
    });
    expect(layerIndices(deep, [10, 2, 9])).toEqual([2, 9, 10]);
  });

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
