/**
 * Mutation runs only: under Stryker (`npm run test:mutation`, whose worker processes carry STRYKER_MUTATOR_WORKER)
 * every property of src/linalg's tests runs at most MUTATION_RUNS generated cases, so that a surviving mutant,
 * which runs every test that reaches it in full on instrumented (several times slower) code, costs seconds rather
 * than minutes. Fewer cases can only let more mutants survive: a score measured this way is a lower bound.
 * `npm test` and every other run keep each property's own count.
 */
export const MUTATION_RUNS = 40;

/** A property's case count: `n`, or at most MUTATION_RUNS under Stryker. */
export function runs(n: number): number {
  return process.env.STRYKER_MUTATOR_WORKER === undefined ? n : Math.min(n, MUTATION_RUNS);
}
