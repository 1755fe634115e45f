#!/usr/bin/env node
// The main job (`npm run check [-- <ids…> <check options>]`): `landscape check --experiments` with the options
// forwarded, then `landscape report`, then exit with CHECK's code (0 every verdict as expected, 1 one is not,
// 2 bad usage), so the report is written even when a verdict fails and the exit code still tells the truth.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/landscape.js', import.meta.url));
const args = process.argv.slice(2);
const run = (argv) => spawnSync(process.execPath, [bin, ...argv], { stdio: 'inherit' });

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
const started = performance.now();
const check = run(['check', '--experiments', ...args]);
const code = check.status ?? 1;
const checked = seconds(started);
if (code !== 2) {
  // The report reads the same folder check wrote to (`--out DIR` is forwarded to it as well).
  const at = args.indexOf('--out');
  const out = at >= 0 && args[at + 1] !== undefined ? ['--out', args[at + 1]] : [];
  const reportStarted = performance.now();
  const report = run(['report', ...out]);
  if (report.status !== 0) process.stderr.write(`check: the report failed (exit ${report.status})\n`);
  // Where the main job's wall time goes (the build before this script is npm's `build` step).
  process.stderr.write(`main job: check ${checked} s, report ${seconds(reportStarted)} s\n`);
}
process.exit(code);
