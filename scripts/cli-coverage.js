#!/usr/bin/env node
// Coverage of the built CLI run as a subprocess (what a user runs), measured with c8: every invocation runs
// with NODE_V8_COVERAGE pointing at one folder, then c8 merges the raw V8 data and maps it back to src/ via
// the source maps tsc emits. (vitest's own v8 coverage measures the test suite; this measures the binary.)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const raw = join(root, 'coverage-cli', 'raw');
rmSync(join(root, 'coverage-cli'), { recursive: true, force: true });
mkdirSync(raw, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'cli-coverage-'));
const archive = join(scratch, 'archive');
const out = join(scratch, 'report');

const runs = [
  ['--help'],
  ['list'],
  ['list', '--json'],
  [
    'check',
    'single-relu-no-spurious-min',
    '--runs',
    '20',
    '--seed',
    '1',
    '--write',
    '--archive',
    archive,
    '--out',
    out,
  ],
  [
    'check',
    'single-relu-no-spurious-min',
    '--runs',
    '20',
    '--seed',
    '1',
    '--archive',
    archive,
    '--out',
    out,
    '--json',
  ],
  ['replay', '--archive', archive],
  ['report', '--archive', archive, '--out', out],
  ['hunt', 'single-relu-no-spurious-min', '--time', '5s', '--workers', '2', '--archive', archive],
  ['inspect', 'no-such-file.json'],
  ['check', 'no-such-claim'],
  ['list', '--bad-flag'],
];
for (const args of runs) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'landscape.js'), ...args], {
    env: { ...process.env, NODE_V8_COVERAGE: raw },
    encoding: 'utf8',
  });
  process.stdout.write(`landscape ${args.join(' ')} → exit ${result.status}\n`);
}
const files = readdirSync(join(archive, 'single-relu-no-spurious-min')).map((f) =>
  join(archive, 'single-relu-no-spurious-min', f),
);
for (const args of [
  ['inspect', files[0]],
  ['inspect', files[0], '--json'],
]) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'landscape.js'), ...args], {
    env: { ...process.env, NODE_V8_COVERAGE: raw },
    encoding: 'utf8',
  });
  process.stdout.write(`landscape ${args[0]} … → exit ${result.status}\n`);
}
const report = spawnSync(
  join(root, 'node_modules', '.bin', 'c8'),
  [
    'report',
    '--temp-directory',
    raw,
    '--reports-dir',
    join(root, 'coverage-cli'),
    '--reporter',
    'text-summary',
    '--reporter',
    'html',
    '--src',
    root,
    '--include',
    'src/**',
    '--include',
    'properties/**',
    '--include',
    'experiments/**',
    '--exclude-after-remap',
  ],
  { stdio: 'inherit' },
);
rmSync(scratch, { recursive: true, force: true });
process.exit(report.status ?? 1);
