import fc from 'fast-check';

/**
 * Hypotheses of Choromanska et al.'s concentration experiments at `check` size: the seed of the runs and the two
 * sizes compared, smaller first (the claim) or reversed (the control, where the spread grows along the list).
 *   cho15-minima-concentrate          `sizes`: spin-glass sizes N
 *   cho15-network-minima-concentrate  `widths`: hidden widths m
 * The seed does not shrink: every seed is an equally good case, and a shrunk one would not replay the failure.
 */
export interface ConcentrationGenome {
  readonly seed: number;
  readonly sizes: readonly [number, number];
}

export interface NetworkGenome {
  readonly seed: number;
  readonly widths: readonly [number, number];
}

const seed = () => fc.noShrink(fc.integer({ min: 0, max: 2 ** 31 - 1 }));

/** cho15-minima-concentrate: the run's seed and the sizes given. */
export function concentrationGenomeArb(sizes: readonly [number, number]): fc.Arbitrary<ConcentrationGenome> {
  return fc.record({ seed: seed(), sizes: fc.constant(sizes) });
}

/** cho15-network-minima-concentrate: the run's seed and the widths given. */
export function networkGenomeArb(widths: readonly [number, number]): fc.Arbitrary<NetworkGenome> {
  return fc.record({ seed: seed(), widths: fc.constant(widths) });
}

/** The law of these genomes: a 31-bit seed and the pair as requested (empty: a case the claim speaks of). */
export function pairGenomeLaw<K extends string>(
  key: K,
  expected: readonly [number, number],
): (g: { readonly seed: number } & { readonly [k in K]: readonly [number, number] }) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!Number.isInteger(g.seed) || g.seed < 0 || g.seed >= 2 ** 31)
      problems.push(`seed ${g.seed} not in [0, 2^31)`);
    const pair = g[key];
    if (pair.length !== 2 || pair[0] !== expected[0] || pair[1] !== expected[1])
      problems.push(`${key} = [${pair.join(', ')}], expected [${expected.join(', ')}]`);
    return problems;
  };
}
