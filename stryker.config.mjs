// @ts-check
/**
 * Stryker for `npm run test:mutation`. MUTATION_SCOPE=nn|linalg|archive|verifier (one scope, or several joined by
 * commas; scripts/mutation.js runs each in turn) chooses both the files mutated and the tests run against them
 * (vitest.mutation.config.ts reads the same variable), so a mutant in src/archive never costs the nn tests. With
 * `coverageAnalysis: perTest` each mutant then runs only the tests of its scope that reach it.
 */
import { filesOf, SCOPES } from './scripts/mutationScopes.mjs';

const scope = process.env.MUTATION_SCOPE ?? '';
if (scope !== '' && !SCOPES.includes(scope))
  throw new Error(`MUTATION_SCOPE must be one of ${SCOPES.join(', ')}, got '${scope}'`);
// MUTATION_FILE (set by scripts/mutation.js): one file of the scope, whose report is a part of the scope's.
const file = process.env.MUTATION_FILE ?? '';
const name = scope === '' ? 'all' : scope;
const report =
  file === '' ? `reports/mutation/${name}` : `reports/mutation/parts/${name}/${file.replaceAll('/', '__')}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // One file (a part), or every file of the scope (or of all four). Stryker instruments every mutated file, and
  // instrumented code runs 2 to 3 times slower: with the whole linalg folder instrumented, the scope's dry run took
  // 12 s instead of 2 to 6 s, and the mutants ran at 12 a minute, against 48 one file at a time.
  mutate: file !== '' ? [file] : scope === '' ? SCOPES.flatMap(filesOf) : filesOf(scope),
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
  incrementalFile: `${report}.incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${report}.html` },
  jsonReporter: { fileName: `${report}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
};
