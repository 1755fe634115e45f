import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    include: ['src/**/*.test.ts', 'properties/**/*.test.ts', 'test/**/*.test.ts'],
    // Property suites are CPU-bound; two cores here, so keep the pool small and the timeout generous.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every test file is CPU-bound and independent: one fork per core (vitest's default leaves one core idle).
    maxWorkers: 2,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'properties/**/*.ts'],
      exclude: ['**/*.test.ts', 'src/cli/main.ts'],
      reportsDirectory: 'coverage',
      thresholds: { lines: 80, functions: 80, statements: 80, branches: 70 },
    },
  },
});
