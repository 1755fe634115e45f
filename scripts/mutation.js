#!/usr/bin/env node
// `npm run test:mutation [-- <stryker options>]`: for each scope (MUTATION_SCOPE=a,b picks some; default all four),
// one Stryker run per file of the scope (scripts/mutationScopes.mjs), each against the scope's own tests
// (vitest.mutation.config.ts), under `nice`. Per file it prints the score and wall time; per scope, the score of
// all its mutants together, from the files' reports merged into reports/mutation/<scope>.json. Exit 1 when a scope
// scores under 85% or a run fails.
//
// Why per file: Stryker instruments every file it mutates, and instrumented code runs 2 to 3 times slower, so with
// all 25 linalg files mutated at once every test of every mutant ran through 25 instrumented files (the scope's
// dry run 12 s instead of 2 to 6 s; 12 mutants a minute, against 48 one file at a time). The mutants, the tests each one runs
// and their outcomes are the same either way.
//
// Nothing is lost when a run stops: each file's report is kept in reports/mutation/parts/<scope>/ with a key (a
// hash of everything that can change its outcome: src/, test/, the configs, the lock file, the seed, the run cap
// and the Stryker options). The next run reuses every part whose key matches and runs only the rest;
// MUTATION_FRESH=1 re-runs them all. With `--mutate <files>` among the options, a scope is one Stryker run over
// those files, as before (reports/mutation/<scope>.json, nothing reused).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { filesOf, filesUnder, SCOPES } from './mutationScopes.mjs';

/** The score the issue asks of every scope (issue 16), in percent. */
const REQUIRED_SCORE = 85;
const root = fileURLToPath(new URL('..', import.meta.url));
const chosen = (process.env.MUTATION_SCOPE ?? '').split(',').filter((s) => s !== '');
for (const scope of chosen)
  if (!SCOPES.includes(scope)) {
    process.stderr.write(
      `test:mutation: MUTATION_SCOPE names '${scope}', expected one of ${SCOPES.join(', ')}\n`,
    );
    process.exit(2);
  }
const stryker = fileURLToPath(
  new URL('../node_modules/@stryker-mutator/core/bin/stryker.js', import.meta.url),
);
const options = process.argv.slice(2);
const explicit = options.some((o) => o === '--mutate' || o === '-m' || o.startsWith('--mutate='));

/** Stryker's own score: detected (killed, timed out) over valid (detected, survived, no coverage). */
function scoreOf(report) {
  const counts = {
    Killed: 0,
    Timeout: 0,
    Survived: 0,
    NoCoverage: 0,
    Ignored: 0,
    CompileError: 0,
    RuntimeError: 0,
  };
  for (const file of Object.values(report.files))
    for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return { ...counts, mutants: valid, score: valid === 0 ? 100 : (100 * detected) / valid };
}

const describe = (s) =>
  `${s.score.toFixed(2)}% (killed ${s.Killed}, timeout ${s.Timeout}, survived ${s.Survived}, no coverage ${s.NoCoverage}, ignored ${s.Ignored}, errors ${s.CompileError + s.RuntimeError})`;

// One seed for the dry run and every mutant run (test/setup.ts hands it to fast-check): the coverage Stryker
// measures in the dry run is then the coverage of the cases each mutant is tested on, and a score can be replayed.
const seed = process.env.LANDSCAPE_SEED ?? '1';
/** MUTATION_FC_RUNS=N caps every property's runs in mutation runs (test/mutation/fastCheckVitest.ts). */
const cap = process.env.MUTATION_FC_RUNS ?? '';
const setting = `LANDSCAPE_SEED=${seed}${cap !== '' && cap !== '0' ? `, fast-check runs capped at ${cap} (a lower bound)` : ''}${options.length > 0 ? `, stryker ${options.join(' ')}` : ''}`;

/** A hash of the files every part's outcome depends on, read once per invocation (a file edited during the run
 *  only makes the next run re-run its parts: their keys no longer match). */
let inputsHash = null;
function hashOfInputs() {
  if (inputsHash !== null) return inputsHash;
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder('src', root),
    ...filesUnder('test', root),
    'stryker.config.mjs',
    'vitest.mutation.config.ts',
    'package-lock.json',
    'tsconfig.json',
  ];
  for (const f of inputs) {
    hash.update(`\0${f}\0`);
    hash.update(readFileSync(`${root}/${f}`));
  }
  inputsHash = hash.digest('hex');
  return inputsHash;
}

/** The key of a part: what its outcome depends on. */
function keyOf(scope, file) {
  return createHash('sha256')
    .update(
      JSON.stringify({ scope, file, seed, cap, options, node: process.version, inputs: hashOfInputs() }),
    )
    .digest('hex');
}

/** One Stryker run; its exit status. */
function strykerRun(scope, file) {
  const env = { ...process.env, MUTATION_SCOPE: scope, LANDSCAPE_SEED: seed };
  if (file === null) delete env.MUTATION_FILE;
  else env.MUTATION_FILE = file;
  return spawnSync('nice', ['-n', '10', process.execPath, stryker, 'run', ...options], {
    cwd: root,
    stdio: 'inherit',
    env,
  }).status;
}

const minutesSince = (started) => (Date.now() - started) / 60000;
const lines = [];
let failed = false;
for (const scope of chosen.length > 0 ? chosen : SCOPES) {
  const started = Date.now();
  if (explicit) {
    const status = strykerRun(scope, null);
    const file = `${root}/reports/mutation/${scope}.json`;
    const minutes = minutesSince(started).toFixed(1);
    if (status !== 0 || !existsSync(file)) {
      lines.push(`${scope}: stryker failed (exit ${status}) after ${minutes} min`);
      failed = true;
      continue;
    }
    const s = scoreOf(JSON.parse(readFileSync(file, 'utf8')));
    if (s.score < REQUIRED_SCORE) failed = true;
    lines.push(`${scope} (the --mutate files only): ${describe(s)} in ${minutes} min`);
    continue;
  }
  const partDir = `${root}/reports/mutation/parts/${scope}`;
  mkdirSync(partDir, { recursive: true });
  const parts = [];
  const perFile = [];
  let scopeFailed = false;
  let reused = 0;
  for (const file of filesOf(scope)) {
    const base = `${partDir}/${file.replaceAll('/', '__')}`;
    const key = keyOf(scope, file);
    const fresh = process.env.MUTATION_FRESH === '1';
    let minutes = null;
    if (
      !fresh &&
      existsSync(`${base}.json`) &&
      existsSync(`${base}.key`) &&
      readFileSync(`${base}.key`, 'utf8') === key
    ) {
      reused++;
    } else {
      const t0 = Date.now();
      process.stdout.write(`\ntest:mutation: ${scope}: ${file}\n`);
      const status = strykerRun(scope, file);
      minutes = minutesSince(t0);
      if (status !== 0 || !existsSync(`${base}.json`)) {
        perFile.push(`  ${file}: stryker failed (exit ${status}) after ${minutes.toFixed(1)} min`);
        scopeFailed = true;
        continue;
      }
      writeFileSync(`${base}.key`, key);
    }
    const part = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
    parts.push(part);
    perFile.push(
      `  ${file}: ${describe(scoreOf(part))}${minutes === null ? ', reused (unchanged since its run)' : ` in ${minutes.toFixed(1)} min`}`,
    );
  }
  const minutes = minutesSince(started).toFixed(1);
  if (scopeFailed || parts.length === 0) {
    lines.push(`${scope}: not scored, a run failed (after ${minutes} min)`, ...perFile);
    failed = true;
    continue;
  }
  const merged = { ...parts[0], files: Object.assign({}, ...parts.map((p) => p.files)) };
  writeFileSync(`${root}/reports/mutation/${scope}.json`, JSON.stringify(merged));
  const s = scoreOf(merged);
  if (s.score < REQUIRED_SCORE) failed = true;
  lines.push(
    `${scope}: ${describe(s)} over ${s.mutants} mutants in ${parts.length} files, ${minutes} min${reused > 0 ? ` (${reused} files reused)` : ''}`,
    ...perFile,
  );
}
process.stdout.write(`\nmutation scores (required ≥ ${REQUIRED_SCORE}%; ${setting}):\n${lines.join('\n')}\n`);
process.exit(failed ? 1 : 0);
