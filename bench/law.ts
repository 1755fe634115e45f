/**
 * The data law shared by every benchmark and its numpy twin (bench/numpy_cases.py implements the same
 * lines): Park–Miller "minimal standard" generator s ← 48271·s mod (2³¹ − 1), exact in float64 and in
 * Python integers, so both sides see bit-identical inputs and can compare results, not only timings.
 */
const MODULUS = 2147483647;
const MULTIPLIER = 48271;

/** A stream of values uniform in (−1, 1), seeded by a positive integer. */
export function lawStream(seed: number): () => number {
  let state = seed % MODULUS;
  if (state <= 0) state += MODULUS - 1;
  return () => {
    state = (state * MULTIPLIER) % MODULUS;
    return (2 * state) / MODULUS - 1;
  };
}

/** `count` consecutive values of the stream, each times `scale`. */
export function lawArray(next: () => number, count: number, scale = 1): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = next() * scale;
  return out;
}
