import fc from 'fast-check';

/**
 * Hypotheses of the spin-glass band (cho15-band-thresholds): the order H of the spherical H-spin glass and the index
 * k of the threshold E_k. The theorem speaks of H ≥ 3 (BAND_MIN_ORDER); the control takes H = 2, where there is no band.
 */
export interface BandGenome {
  readonly H: number;
  readonly k: number;
}

/** Smallest order with a band (the theorem's hypothesis H ≥ 3). */
export const BAND_MIN_ORDER = 3;
/** Largest order and index generated (the brief's H = 3, 4, 5 and k = 0…4 are inside; a test enumerates them). */
export const BAND_MAX_ORDER = 10;
export const BAND_MAX_INDEX = 8;

/** H ∈ {hMin…hMax}, k ∈ {0…BAND_MAX_INDEX}; shrinks toward the smallest H and k = 0. */
export function bandGenomeArb(hMin: number, hMax: number): fc.Arbitrary<BandGenome> {
  return fc.record({
    H: fc.integer({ min: hMin, max: hMax }),
    k: fc.integer({ min: 0, max: BAND_MAX_INDEX }),
  });
}

/** The law: integers H ∈ [hMin, hMax] and k ∈ [0, BAND_MAX_INDEX] (empty: a case the claim speaks of). */
export function bandGenomeLaw(hMin: number, hMax: number): (g: BandGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!Number.isInteger(g.H) || g.H < hMin || g.H > hMax)
      problems.push(`H = ${g.H} not in [${hMin}, ${hMax}]`);
    if (!Number.isInteger(g.k) || g.k < 0 || g.k > BAND_MAX_INDEX)
      problems.push(`k = ${g.k} not in [0, ${BAND_MAX_INDEX}]`);
    return problems;
  };
}
