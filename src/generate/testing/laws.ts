import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';

/**
 * The two laws every hypothesis generator in src/generate obeys, as fast-check's own arbitraries are tested:
 * every generated value satisfies the hypotheses, and so does every value fast-check tries while shrinking (a
 * shrunk counterexample must still be a case the claim speaks of). `law` returns the problems found (empty: fine).
 */
export function testHypothesisLaws<T>(name: string, arb: fc.Arbitrary<T>, law: (value: T) => string[]): void {
  test.prop([arb])(`${name}: generated values satisfy the hypotheses`, (value) => {
    expect(law(value)).toEqual([]);
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 10 })(
    `${name}: every value tried while shrinking satisfies the hypotheses`,
    (seed) => {
      // A property that always fails makes fast-check shrink to the end; every candidate it tries is checked.
      const problems: string[] = [];
      let tried = 0;
      const result = fc.check(
        fc.property(arb, (value) => {
          tried++;
          problems.push(...law(value));
          return false;
        }),
        { seed, numRuns: 1 },
      );
      expect(result.failed).toBe(true);
      expect(tried).toBeGreaterThanOrEqual(1);
      expect(problems).toEqual([]);
    },
  );
}
