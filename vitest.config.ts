import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest test files, in seconds (vitest's own durations from a full `npm test` of main, 2026-12-04, on a
 * loaded 2-core machine; checkPool.test.ts measured alone). Vitest runs the files it has timings for longest first,
 * but a fresh clone has none and it falls back to the largest file first: the 171-byte
 * ss16-initial-basin-quality.test.ts (about a minute) then starts last and runs alone on one core at the end.
 * Only the order depends on this list; a file missing from it keeps vitest's order after the listed ones.
 */
const SLOW_TEST_SECONDS: Readonly<Record<string, number>> = {
  'properties/ss16-initial-basin-quality.test.ts': 59,
  'test/reportChromium.test.ts': 41,
  'src/interval/interval.test.ts': 38,
  'properties/ss18-spurious-rate.test.ts': 29,
  'test/cliFuzz.test.ts': 24,
  'test/cliExitCodes.test.ts': 23,
  'src/cli/checkPool.test.ts': 20,
  'test/huntMerge.test.ts': 10,
  'properties/cho15-network-minima-concentrate.test.ts': 9,
  'properties/ss18-spurious-minima-common.test.ts': 9,
  'properties/cho15-minima-concentrate.test.ts': 5,
  'src/cli/table.test.ts': 4,
  'test/archive.test.ts': 3,
  'properties/km-phase-transition.test.ts': 3,
};

/** Longest first: the listed slow files, then vitest's own order (its cached timings, else file size). */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const seconds = (spec: TestSpecification) =>
      SLOW_TEST_SECONDS[relative(spec.project.config.root, spec.moduleId).split('\\').join('/')] ?? 0;
    return [...ordered].sort((a, b) => seconds(b) - seconds(a));
  }
}

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    include: ['src/**/*.test.ts', 'properties/**/*.test.ts', 'experiments/**/*.test.ts', 'test/**/*.test.ts'],
    // Property suites are CPU-bound; two cores here, so keep the pool small and the timeout generous.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every test file is CPU-bound and independent: one fork per core (vitest's default leaves one core idle).
    maxWorkers: 2,
    // Test files share their fork's module graph instead of re-importing it: loading modules (the claims, the
    // numeric core, zod schemas, fast-check) cost more than testing (issue 15: import 270 s vs tests 168 s).
    // Measured on src/linalg (9 files, load ~12 on 2 cores): CPU 43 s -> 16 s, import 236 s -> 67 s. Safe
    // here: no test mocks modules or stubs globals; module-level caches (the WebAssembly kernel, registries)
    // hold the same values for every file.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'properties/**/*.ts', 'experiments/**/*.ts'],
      exclude: ['**/*.test.ts', 'src/cli/main.ts'],
      reportsDirectory: 'coverage',
      // Measured 2026-11-23: statements 91%, branches 78%, functions 92%, lines 92%; the thresholds sit a little
      // below, so a change that drops tested code fails npm run coverage.
      thresholds: { lines: 88, functions: 88, statements: 88, branches: 75 },
    },
  },
});
