import fc from 'fast-check';
import { expect, test } from 'vitest';
import { distinctInputs, integerTargets } from './integerData.js';

test('distinctInputs: n rows of dimension d with strictly increasing first coordinate (distinct inputs)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 1, max: 3 }),
      (gaps, xs, n, d) => {
        const rows = distinctInputs(gaps, xs, n, d);
        expect(rows.length).toBe(n);
        for (const r of rows) expect(r.length).toBe(d);
        for (let i = 1; i < n; i++) expect(rows[i]![0]!).toBeGreaterThan(rows[i - 1]![0]!);
        expect(integerTargets(xs, n, 2).flat().every(Number.isFinite)).toBe(true);
      },
    ),
    { numRuns: 200 },
  );
});
