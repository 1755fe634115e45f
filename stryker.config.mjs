// @ts-check
/**
 * Stryker for `npm run test:mutation`. MUTATION_SCOPE=nn|linalg|archive|verifier (one scope, or several joined by
 * commas; scripts/mutation.js runs each in turn) chooses both the files mutated and the tests run against them
 * (vitest.mutation.config.ts reads the same variable), so a mutant in src/archive never costs the nn tests. With
 * `coverageAnalysis: perTest` each mutant then runs only the tests of its scope that reach it.
 */
const scopes = {
  nn: ['src/nn/**/*.ts'],
  // The *Bytes.ts files are generated from the .wat kernels (scripts/build-wasm.js): a mutant of a base64 literal
  // tests nothing.
  linalg: ['src/linalg/**/*.ts', '!src/linalg/wasm/*Bytes.ts'],
  archive: ['src/archive/**/*.ts'],
  verifier: ['src/landscape/verifyCertificate.ts'],
};
const scope = process.env.MUTATION_SCOPE ?? '';
if (scope !== '' && !(scope in scopes))
  throw new Error(`MUTATION_SCOPE must be one of ${Object.keys(scopes).join(', ')}, got '${scope}'`);
const name = scope === '' ? 'all' : scope;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    ...(scope === '' ? Object.values(scopes).flat() : scopes[/** @type {keyof typeof scopes} */ (scope)]),
    '!src/**/*.test.ts',
    '!src/**/testing/**',
    '!src/**/index.ts',
  ],
  coverageAnalysis: 'perTest',
  // Stryker's default, but for the generated src/linalg/wasm/*Bytes.ts: a `// @ts-nocheck` line atop them made
  // tridiagonalize.test.ts's build-wasm --check (committed bytes match their .wat) fail in the sandbox.
  disableTypeChecks: '{test,src,lib}/**/!(*Bytes).{js,ts,jsx,tsx,html,vue,cts,mts}',
  // Static mutants (module-level code: zod schemas, constant tables) need a fresh module graph per mutant, about
  // 20 s each on the shared machine, against about 1 s for a runtime mutant; they are counted as Ignored, not
  // scored (docs/mutation.md gives their number per scope).
  ignoreStatic: true,
  // One mutant at a time: the machine's two cores are shared.
  concurrency: 1,
  // Added to the dry run's time of the tests a mutant runs (times timeoutFactor 1.5). A mutant that loops for ever
  // costs this much plus a worker restart; no nn, linalg, archive or verifier test runs longer than a few seconds,
  // so 20 s is still a wide margin for a slow machine (a false timeout would count as killed).
  timeoutMS: 20000,
  // Incremental runs (`npm run test:mutation -- --incremental`) keep their state here. Not the default: with the
  // vitest runner, an incremental re-run after new tests were added reused every earlier survivor untested.
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
};
