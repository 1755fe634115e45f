import fc from 'fast-check';

/**
 * Hypotheses of the initial-basin trend (Safran–Shamir 2016) at `check` size: a seed for the instances, the sample
 * count n, the input dimension d, and the order in which the widths are visited (increasing: the claim; decreasing:
 * the control, where the growth test must fail).
 */
export interface BasinTrendGenome {
  readonly seed: number;
  readonly n: number;
  readonly d: number;
  readonly order: 'increasing' | 'decreasing';
}

/** Sample counts of the small version (the trend is stated for any n; these keep `check` in seconds). */
export const BASIN_TREND_SAMPLES = [8, 12] as const;
/** Input dimensions of the small version. */
export const BASIN_TREND_DIMS = [2, 3] as const;

/** The arbitrary of the hypotheses; fast-check shrinks toward seed 0, the smallest n and d. */
export function basinTrendArb(order: BasinTrendGenome['order']): fc.Arbitrary<BasinTrendGenome> {
  return fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    n: fc.constantFrom(...BASIN_TREND_SAMPLES),
    d: fc.constantFrom(...BASIN_TREND_DIMS),
    order: fc.constant(order),
  });
}

/** The hypotheses' law: the problems of a genome (empty: it is one the claim speaks of). */
export function basinTrendLaw(order: BasinTrendGenome['order']): (g: BasinTrendGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!Number.isInteger(g.seed) || g.seed < 0 || g.seed >= 2 ** 31)
      problems.push(`seed ${g.seed} not in [0, 2^31)`);
    if (!(BASIN_TREND_SAMPLES as readonly number[]).includes(g.n))
      problems.push(`n = ${g.n} not in the sample set`);
    if (!(BASIN_TREND_DIMS as readonly number[]).includes(g.d))
      problems.push(`d = ${g.d} not in the dimension set`);
    if (g.order !== order) problems.push(`order ${g.order}, expected ${order}`);
    return problems;
  };
}
