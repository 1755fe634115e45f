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
      'src/landscape/verifyCertificate.test.ts',
      'test/forgedArchive.test.ts',
      'test/archive.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
