import fc from 'fast-check';

/**
 * Hypotheses of the Safran–Shamir (2018) rate trend at `check` size: the seed of every GD initialisation of the
 * small run, and the over-parameterisation compared with n = k (1 in the claim; −1 in the control, which swaps
 * the roles: n = k + 1 as the baseline, n = k as the "over-parameterised" side, so "lower with more neurons" is
 * false there).
 */
export interface RateGenome {
  readonly seed: number;
  readonly over: number;
}

/** The arbitrary of the hypotheses (the seed does not shrink: a smaller seed is not a simpler case). */
export function rateGenomeArb(over: 1 | -1): fc.Arbitrary<RateGenome> {
  return fc.record({
    seed: fc.noShrink(fc.integer({ min: 0, max: 2 ** 31 - 1 })),
    over: fc.constant(over),
  });
}

/** The hypotheses' law: the problems of a genome (empty: it is one the claim, or its control, speaks of). */
export function rateGenomeLaw(over: 1 | -1): (g: RateGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!Number.isInteger(g.seed) || g.seed < 0 || g.seed > 2 ** 31 - 1)
      problems.push(`seed ${g.seed}, expected an integer in [0, 2^31 − 1]`);
    if (g.over !== over) problems.push(`over ${g.over}, expected ${over}`);
    return problems;
  };
}

/** Hypotheses of the spurious-minima construction: the teacher size k (= student size n = input dimension d), seed. */
export interface Ss18Genome {
  readonly k: number;
  readonly seed: number;
}

/** Initialisation seeds of the construction's GD runs are drawn from [0, SS18_SEED_MAX]. */
export const SS18_SEED_MAX = 99_999;

/** The arbitrary of the hypotheses, k in [kMin, kMax]; fast-check shrinks toward the smallest k and seed 0. */
export function ss18GenomeArb(kMin: number, kMax: number): fc.Arbitrary<Ss18Genome> {
  return fc.record({
    k: fc.integer({ min: kMin, max: kMax }),
    seed: fc.integer({ min: 0, max: SS18_SEED_MAX }),
  });
}

/** The hypotheses' law: k in [kMin, kMax] and the seed in range (empty: fine). */
export function ss18GenomeLaw(kMin: number, kMax: number): (g: Ss18Genome) => string[] {
  return (g) => [
    ...(Number.isInteger(g.k) && g.k >= kMin && g.k <= kMax ? [] : [`k = ${g.k}, expected ${kMin}..${kMax}`]),
    ...(Number.isInteger(g.seed) && g.seed >= 0 && g.seed <= SS18_SEED_MAX
      ? []
      : [`seed ${g.seed} out of range`]),
  ];
}
