#!/usr/bin/env node
// `npm run test:mutation [-- <stryker options>]`: Stryker once per scope (MUTATION_SCOPE=a,b picks some; default
// all four), each mutating its own folder against its own tests (stryker.config.mjs, vitest.mutation.config.ts),
// under `nice`, then one line per scope: the mutation score with its counts and the wall time. Reports (JSON and
// HTML) go to reports/mutation/<scope>.*. Exit 1 when a scope scores under 85%.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The score the issue asks of every scope (issue 16), in percent. */
const REQUIRED_SCORE = 85;
const ALL = ['verifier', 'archive', 'linalg', 'nn'];
const root = fileURLToPath(new URL('..', import.meta.url));
const chosen = (process.env.MUTATION_SCOPE ?? '').split(',').filter((s) => s !== '');
for (const scope of chosen)
  if (!ALL.includes(scope)) {
    process.stderr.write(
      `test:mutation: MUTATION_SCOPE names '${scope}', expected one of ${ALL.join(', ')}\n`,
    );
    process.exit(2);
  }
const stryker = fileURLToPath(
  new URL('../node_modules/@stryker-mutator/core/bin/stryker.js', import.meta.url),
);

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
  return { ...counts, score: valid === 0 ? 100 : (100 * detected) / valid };
}

// One seed for the dry run and every mutant run (test/setup.ts hands it to fast-check): the coverage Stryker
// measures in the dry run is then the coverage of the cases each mutant is tested on, and a score can be replayed.
const seed = process.env.LANDSCAPE_SEED ?? '1';
/** MUTATION_FC_RUNS=N caps every property's runs in mutation runs (test/mutation/fastCheckVitest.ts). */
const cap = process.env.MUTATION_FC_RUNS ?? '';
const setting = `LANDSCAPE_SEED=${seed}${cap !== '' && cap !== '0' ? `, fast-check runs capped at ${cap} (a lower bound)` : ''}`;
const lines = [];
let failed = false;
for (const scope of chosen.length > 0 ? chosen : ALL) {
  const started = Date.now();
  const run = spawnSync('nice', ['-n', '10', process.execPath, stryker, 'run', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MUTATION_SCOPE: scope, LANDSCAPE_SEED: seed },
  });
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const file = `${root}/reports/mutation/${scope}.json`;
  if (run.status !== 0 || !existsSync(file)) {
    lines.push(`${scope}: stryker failed (exit ${run.status}) after ${minutes} min`);
    failed = true;
    continue;
  }
  const s = scoreOf(JSON.parse(readFileSync(file, 'utf8')));
  if (s.score < REQUIRED_SCORE) failed = true;
  lines.push(
    `${scope}: ${s.score.toFixed(2)}% (killed ${s.Killed}, timeout ${s.Timeout}, survived ${s.Survived}, no coverage ${s.NoCoverage}, ignored ${s.Ignored}, errors ${s.CompileError + s.RuntimeError}) in ${minutes} min`,
  );
}
process.stdout.write(`\nmutation scores (required ≥ ${REQUIRED_SCORE}%; ${setting}):\n${lines.join('\n')}\n`);
process.exit(failed ? 1 : 0);
