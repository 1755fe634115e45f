import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';

/**
 * One seed drives the whole suite: when LANDSCAPE_SEED is set (.ci/run sets a fresh one and prints it), every
 * fast-check property in every test file starts from it, so `LANDSCAPE_SEED=<seed> npm test` replays a CI
 * run. Unset, fast-check draws its own seed per property and prints it (with the path) on failure.
 */
const env = process.env.LANDSCAPE_SEED;
if (env !== undefined && env !== '') {
  const seed = Number(env);
  if (!Number.isSafeInteger(seed)) throw new Error(`LANDSCAPE_SEED must be an integer, got '${env}'`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: seed | 0 });
}

/**
 * Tests never write the project's hunt cache (.landscape-cache/): a hunt run by one test file would otherwise land
 * there while the CLI fuzz property, in the other fork, checks that nothing outside --out was touched.
 */
process.env.LANDSCAPE_CACHE_DIR ??= mkdtempSync(join(tmpdir(), 'landscape-test-cache-'));
