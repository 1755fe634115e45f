import fc from 'fast-check';
import { type Rng, seededRng } from '../random.js';

/**
 * A deterministic stream of random numbers from one integer seed, for generators that need many numbers from
 * one generated seed. It is the project's one seeded stream (src/random.ts), under the name generators use.
 */
export type SeededStream = Rng;

/** A deterministic stream of random numbers from one integer seed (uniform, normal, integers), as generators use it. */
export function seededStream(seed: number): SeededStream {
  return seededRng(seed);
}

/** A seed for seededStream: a non-negative 31-bit integer, shrinking towards 0. */
export function seedArb(): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 0x7fffffff });
}
