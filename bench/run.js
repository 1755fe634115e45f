#!/usr/bin/env node
// Benchmark launcher (plain JS; `npm run bench` builds first). Runs every case of dist/bench/case.js and
// its numpy twin (bench/numpy_cases.py), each in a fresh process, prints a table of medians with the
// targets for ours/numpy, and writes bench/results.json. Optional arguments: case names to run.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const caseJs = here('../dist/bench/case.js');
const twinPy = here('./numpy_cases.py');

if (!existsSync(caseJs)) {
  process.stderr.write(
    'bench: dist/bench/case.js is missing; run `npm run build` first (npm run bench does).\n',
  );
  process.exit(2);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.error) return { ok: false, why: r.error.code === 'ENOENT' ? `${cmd} not found` : r.error.message };
  if (r.status !== 0) return { ok: false, status: r.status, why: (r.stderr || '').trim().split('\n').pop() };
  return { ok: true, value: JSON.parse(r.stdout.trim().split('\n').pop()) };
}

/** Both sides saw bit-identical inputs: their check numbers must agree (rank exactly). */
function agree(a, b) {
  if (!a || !b) return null;
  return Object.keys(a).every((k) => {
    const x = a[k];
    const y = b[k];
    if (typeof y !== 'number') return false;
    if (k === 'rank') return x === y;
    return Math.abs(x - y) <= 1e-8 * Math.max(Math.abs(x), Math.abs(y), 1e-300);
  });
}

const listed = run(process.execPath, [caseJs, '--list']);
if (!listed.ok) {
  process.stderr.write(`bench: cannot list cases: ${listed.why}\n`);
  process.exit(2);
}
const wanted = process.argv.slice(2);
const cases = listed.value.filter((c) => wanted.length === 0 || wanted.includes(c.name));

let numpyNote = null;
const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  numpyNote = probe.error ? 'python3 not found' : 'numpy is not installed for python3';
  process.stderr.write(`bench: ${numpyNote}; skipping the numpy half (numpyMs and ratio are null).\n`);
}

const results = [];
const rows = [];
for (const c of cases) {
  process.stderr.write(`bench: ${c.name} …\n`);
  const ours = run(process.execPath, [caseJs, c.name]);
  if (!ours.ok) process.stderr.write(`bench: ${c.name} (ours) failed: ${ours.why}\n`);
  const twin =
    numpyNote === null ? run('python3', [twinPy, c.name, String(c.warmup), String(c.repeats)]) : null;
  if (twin && !twin.ok) process.stderr.write(`bench: ${c.name} (numpy) failed: ${twin.why}\n`);
  const oursMs = ours.ok ? ours.value.ms : null;
  const numpyMs = twin?.ok ? twin.value.ms : null;
  const ratio = oursMs !== null && numpyMs !== null ? oursMs / numpyMs : null;
  results.push({ name: c.name, size: c.size, oursMs, numpyMs, ratio, target: c.target });
  const same = agree(ours.ok ? ours.value.check : null, twin?.ok ? twin.value.check : null);
  const verdict = ratio === null || c.target === null ? '–' : ratio <= c.target ? 'met' : 'MISSED';
  rows.push([
    c.name,
    c.size,
    oursMs === null ? 'failed' : oursMs.toFixed(3),
    numpyMs === null ? '–' : numpyMs.toFixed(3),
    ratio === null ? '–' : ratio.toFixed(2),
    c.target === null ? '–' : `≤ ${c.target.toFixed(1)}`,
    verdict,
    same === null ? '–' : same ? 'yes' : 'NO',
  ]);
}

writeFileSync(here('./results.json'), `${JSON.stringify(results, null, 2)}\n`);

const header = ['case', 'size', 'ours ms', 'numpy ms', 'ratio', 'target', 'verdict', 'same result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((s, i) => s.padEnd(widths[i])).join('  ');
process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
for (const r of rows) process.stdout.write(`${line(r)}\n`);
process.stdout.write(
  `\nmedian times; ratio = ours/numpy; results in bench/results.json${numpyNote ? ` (${numpyNote})` : ''}\n`,
);
