import fc from 'fast-check';

/**
 * Hypotheses of Karhadkar et al.'s activation-region experiments at `check` size: the run's seed (every cell's
 * stream derives from it) and the control's switch, which takes the sampler outside the claim's hypotheses.
 *   km-most-regions-fullrank  `shared`: all units share one activation column (not a Bernoulli pattern)
 *   km-1d-regions             `positive`: every output weight +1 (not both signs)
 *   km-phase-transition       `duplicate`: every sample duplicated (not distinct data)
 * The claim speaks of the switch off; the control turns it on.
 */
export interface CountingGenome {
  readonly seed: number;
  readonly shared: boolean;
}

export interface OneDGenome {
  readonly seed: number;
  readonly positive: boolean;
}

export interface PhaseGenome {
  readonly seed: number;
  readonly duplicate: boolean;
}

const seed = () => fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** km-most-regions-fullrank: Bernoulli(½) patterns (shared = false) or the control's shared column. */
export function countingGenomeArb(shared: boolean): fc.Arbitrary<CountingGenome> {
  return fc.record({ seed: seed(), shared: fc.constant(shared) });
}

/** km-1d-regions: output weights of both signs (positive = false) or the control's all-positive ones. */
export function oneDGenomeArb(positive: boolean): fc.Arbitrary<OneDGenome> {
  return fc.record({ seed: seed(), positive: fc.constant(positive) });
}

/** km-phase-transition: distinct samples (duplicate = false) or the control's duplicated ones. */
export function phaseGenomeArb(duplicate: boolean): fc.Arbitrary<PhaseGenome> {
  return fc.record({ seed: seed(), duplicate: fc.constant(duplicate) });
}

/** The law of these genomes: a 31-bit seed and the switch as requested (empty: a case the claim speaks of). */
export function switchGenomeLaw<K extends string>(
  key: K,
  expected: boolean,
): (g: { readonly seed: number } & { readonly [k in K]: boolean }) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!Number.isInteger(g.seed) || g.seed < 0 || g.seed >= 2 ** 31)
      problems.push(`seed ${g.seed} not in [0, 2^31)`);
    if (g[key] !== expected) problems.push(`${key} = ${g[key]}, expected ${expected}`);
    return problems;
  };
}
