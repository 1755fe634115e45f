import { defineConfig } from 'vitest/config';

/**
 * The quality suite (`npm run test:seeds`), over consecutive seeds: every claim at the main job's budget
 * (claims-*), what `npm test` asserts of each claim (test-budget-*) and the unit tests of src/ (unit-*). Its files
 * end in `.seeds.ts`, so plain `npm test` (which includes `*.test.ts`) never picks them up.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    setupFiles: ['test/setup.ts'],
    include: ['test/seeds/**/*.seeds.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
