import fc from 'fast-check';

/** Hypotheses of lds-width-transition at `check` size: a seed for the datasets and starts, and the control flag. */
export interface TransitionGenome {
  readonly seed: number;
  /** Control: the "none at width ≥ N" assertion read at width ≥ 1, where narrow finds must refute it (seed 1). */
  readonly control: boolean;
}

/** The arbitrary: any seed (the claim), or seed 1 (the control, where a certified narrow find is known). */
export function transitionGenomeArb(control: boolean): fc.Arbitrary<TransitionGenome> {
  return fc.record({
    seed: control ? fc.constant(1) : fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    control: fc.constant(control),
  });
}

/** The hypotheses' law: the problems of a genome (empty: it is one the claim, or its control, speaks of). */
export function transitionGenomeLaw(control: boolean): (g: TransitionGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!Number.isInteger(g.seed) || g.seed < 0 || g.seed >= 2 ** 31)
      problems.push(`seed ${g.seed} not in [0, 2^31)`);
    if (g.control !== control) problems.push(`control is ${g.control}, expected ${control}`);
    if (control && g.seed !== 1) problems.push(`the control runs on seed 1, got ${g.seed}`);
    return problems;
  };
}
