import seedrandom from 'seedrandom';
import { UserError } from './errors.js';

/**
 * A seeded stream of random numbers. Every random number in landscape-check comes from one of these, seeded
 * by an integer that fast-check generated (or that `--seed` gave): `seed + path` replays anything.
 */
export interface Rng {
  /** The integer this stream was seeded with. */
  readonly seed: number;
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1) (Box–Muller; the second draw of each pair is kept). */
  normal(): number;
  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
}

/** A seedrandom (ARC4) stream seeded by an integer: identical sequences for identical seeds, on every platform. */
export function seededRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new UserError(`seed must be a safe integer, got ${seed}`);
  const prng = seedrandom(`landscape-check:${seed}`);
  let spare: number | null = null;
  const uniform = (): number => prng.double();
  return {
    seed,
    uniform,
    normal(): number {
      if (spare !== null) {
        const value = spare;
        spare = null;
        return value;
      }
      let u = 0;
      while (u === 0) u = uniform();
      const v = uniform();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    int(lo: number, hi: number): number {
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
        throw new UserError(`int(lo, hi) needs integers lo ≤ hi, got ${lo}, ${hi}`);
      }
      return lo + Math.floor(uniform() * (hi - lo + 1));
    },
  };
}
