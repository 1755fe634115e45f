import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { basinTrendArb, isBasinTrendGenome } from './basins.js';

describe('basinTrendArb', () => {
  test.prop([basinTrendArb('increasing')])('generated genomes satisfy the hypotheses', (g) => {
    expect(isBasinTrendGenome(g)).toBe(true);
    expect(g.order).toBe('increasing');
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 20 })(
    'every value tried while shrinking stays inside the hypotheses',
    (seed) => {
      // A property that always fails makes fast-check shrink to the end; every candidate it tries is recorded.
      const seen: boolean[] = [];
      const result = fc.check(
        fc.property(basinTrendArb('decreasing'), (g) => {
          seen.push(isBasinTrendGenome(g) && g.order === 'decreasing');
          return false;
        }),
        { seed, numRuns: 1 },
      );
      expect(result.failed).toBe(true);
      expect(seen.length).toBeGreaterThanOrEqual(1);
      expect(seen.every(Boolean)).toBe(true);
    },
  );
});
