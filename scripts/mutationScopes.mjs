// @ts-check
// The files each `npm run test:mutation` scope mutates, for stryker.config.mjs and scripts/mutation.js.
import { existsSync, readdirSync, statSync } from 'node:fs';

/** What each scope mutates: a folder (every .ts file in it) or one file, less `skip`. */
const scopes = {
  nn: { root: 'src/nn' },
  // The *Bytes.ts files are generated from the .wat kernels (scripts/build-wasm.js): a mutant of a base64 literal
  // tests nothing.
  linalg: { root: 'src/linalg', skip: /^src\/linalg\/wasm\/[^/]*Bytes\.ts$/ },
  archive: { root: 'src/archive' },
  verifier: { root: 'src/landscape/verifyCertificate.ts' },
};
/** Never mutated: tests, test helpers, re-export barrels. */
const NEVER = [/\.test\.ts$/, /(^|\/)testing\//, /(^|\/)index\.ts$/];

/** The files a scope mutates, sorted (paths relative to the repository, with '/'). scripts/mutation.js runs them
 *  one Stryker run each; stryker.config.mjs mutates them. */
export function filesOf(/** @type {string} */ name) {
  const scope = scopes[/** @type {keyof typeof scopes} */ (name)];
  if (scope === undefined)
    throw new Error(`MUTATION_SCOPE must be one of ${Object.keys(scopes).join(', ')}, got '${name}'`);
  const all = statSync(scope.root).isFile() ? [scope.root] : filesUnder(scope.root);
  return all.filter((f) => f.endsWith('.ts') && !NEVER.some((r) => r.test(f)) && !scope.skip?.test(f));
}

/** Every file under `dir` (a path relative to `root`), recursively, as `dir/…` with '/', sorted; none if `dir`
 *  does not exist. Also what scripts/mutation.js hashes to key its reports. */
export function filesUnder(/** @type {string} */ dir, root = '.') {
  if (!existsSync(`${root}/${dir}`)) return [];
  return readdirSync(`${root}/${dir}`, { recursive: true, encoding: 'utf8' })
    .map((f) => `${dir}/${f.replaceAll('\\', '/')}`)
    .filter((f) => statSync(`${root}/${f}`).isFile())
    .sort();
}
export const SCOPES = Object.keys(scopes);
