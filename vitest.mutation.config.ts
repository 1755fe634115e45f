import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs for `npm run test:mutation`: those of the mutated folders, not the whole suite (the
 * claim suites take minutes per run). MUTATION_SCOPE=nn|linalg|archive|verifier narrows them to one target, so
 * that mutants evaluated at module load (zod schemas, constants), which every test covers, cost one folder's
 * tests rather than all of them.
 */
const scopes: Record<string, string[]> = {
  nn: ['src/nn/**/*.test.ts'],
  linalg: ['src/linalg/**/*.test.ts'],
  archive: ['src/archive/**/*.test.ts'],
  // The verifier's unit tests only: the integration tests (test/forgedArchive, test/archive) replay whole files
  // at full strength and would make every verifier mutant cost minutes.
  verifier: ['src/landscape/verifyCertificate.test.ts'],
};
const scope = process.env.MUTATION_SCOPE;

export default defineConfig({
  // A cheap @fast-check/vitest with seed-free test names: Stryker starts a worker per mutant and picks its tests by
  // name (test/mutation/fastCheckVitest.ts says why both matter).
  resolve: {
    alias: {
      '@fast-check/vitest': fileURLToPath(new URL('test/mutation/fastCheckVitest.ts', import.meta.url)),
    },
  },
  test: {
    setupFiles: ['test/setup.ts'],
    include: scope !== undefined && scope in scopes ? scopes[scope]! : Object.values(scopes).flat(),
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'threads',
    maxWorkers: 1,
    // One worker kept across mutant runs: a fresh one per run cost about 15 s under load for a test file that
    // runs in 1 s. Stryker switches runtime mutants on through a global, so no module needs reloading for them;
    // static mutants (module-level code) are reloaded by Stryker itself (reloadEnvironment).
    isolate: false,
  },
});
