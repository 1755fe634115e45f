import { defineConfig } from 'vitest/config';

/**
 * The quality suite (`npm run test:seeds`): every claim over consecutive seeds at the main job's budget. Its files
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
