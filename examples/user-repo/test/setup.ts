import fc from 'fast-check';

/**
 * One seed drives the suite: with LANDSCAPE_SEED set (landscape-check's CI sets a fresh one and prints it), every
 * property starts from it, so `LANDSCAPE_SEED=<seed> npx vitest run` replays a run. Unset, fast-check draws its
 * own seed per property and prints it (with the path) on failure.
 */
const env = process.env.LANDSCAPE_SEED;
if (env !== undefined && env !== '') {
  const seed = Number(env);
  if (!Number.isSafeInteger(seed)) throw new Error(`LANDSCAPE_SEED must be an integer, got '${env}'`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: seed | 0 });
}
