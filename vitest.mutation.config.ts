import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs for `npm run test:mutation`: those of the mutated folders (src/nn, src/linalg,
 * src/archive) and of the certificate verifier, not the whole suite (the claim suites take minutes per run).
 */
export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    include: [
      'src/nn/**/*.test.ts',
      'src/linalg/**/*.test.ts',
      'src/archive/**/*.test.ts',
      // The verifier's unit tests only: the integration tests (test/forgedArchive, test/archive) replay whole files
      // at full strength and would make every verifier mutant cost minutes.
      'src/landscape/verifyCertificate.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
