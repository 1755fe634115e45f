#!/usr/bin/env node
// Compares `landscape inspect --json` with an independent numpy computation (bench/inspect_reference.py) on
// generated mlp subjects. Needs python3 with numpy and a built CLI (npm run build). Not part of npm test.
// Usage: node scripts/verify-inspect-numpy.js [count=40] [seed=1]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';

const root = new URL('..', import.meta.url).pathname;
const { subjectArb } = await import(join(root, 'dist/src/generate/index.js'));
const count = Number(process.argv[2] ?? 40);
const seed = Number(process.argv[3] ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'inspect-numpy-'));
// Smooth activations only: numpy's Hessian here is a finite difference, which is meaningless across a kink.
const subjects = fc.sample(
  subjectArb({ activation: ['tanh', 'sigmoid', 'softplus', 'quadratic', 'identity', 'polynomial'] }),
  { seed, numRuns: count },
);

const close = (a, b, rtol, scale) =>
  Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= rtol * Math.max(1, scale);
let failures = 0;
const worst = { loss: 0, gradient: 0, hessian: 0, singular: 0 };
subjects.forEach((subject, k) => {
  const file = join(dir, `s${k}.json`);
  writeFileSync(file, JSON.stringify(subject));
  const ours = spawnSync(process.execPath, [join(root, 'bin/landscape.js'), 'inspect', file, '--json'], {
    encoding: 'utf8',
  });
  const ref = spawnSync('python3', [join(root, 'bench/inspect_reference.py'), file], { encoding: 'utf8' });
  if (ours.status !== 0 || ref.status !== 0) {
    failures++;
    console.log(
      `subject ${k}: ours exit ${ours.status} ${ours.stderr.trim()} | numpy exit ${ref.status} ${ref.stderr.trim()}`,
    );
    return;
  }
  const a = JSON.parse(ours.stdout);
  const b = JSON.parse(ref.stdout);
  const problems = [];
  const rel = (x, y) => Math.abs(x - y) / Math.max(1, Math.abs(y));
  worst.loss = Math.max(worst.loss, rel(a.loss, b.loss));
  if (!close(a.loss, b.loss, 1e-10, Math.abs(b.loss))) problems.push(`loss ${a.loss} vs ${b.loss}`);
  const ga = a.gradient.layers.flatMap((l) => [...l.weights.flat(), ...(l.biases ?? [])]);
  const gb = b.gradient.layers.flatMap((l) => [...l.weights.flat(), ...(l.biases ?? [])]);
  const gscale = Math.max(...gb.map(Math.abs), 1);
  ga.forEach((v, i) => {
    worst.gradient = Math.max(worst.gradient, Math.abs(v - gb[i]) / gscale);
    if (!close(v, gb[i], 1e-9, gscale)) problems.push(`gradient[${i}] ${v} vs ${gb[i]}`);
  });
  const hscale = Math.max(...b.hessianEigenvalues.map(Math.abs), 1);
  a.hessianEigenvalues.forEach((v, i) => {
    worst.hessian = Math.max(worst.hessian, Math.abs(v - b.hessianEigenvalues[i]) / hscale);
    if (!close(v, b.hessianEigenvalues[i], 1e-5, hscale))
      problems.push(`λ${i} ${v} vs ${b.hessianEigenvalues[i]}`);
  });
  const sscale = Math.max(...b.jacobianSingularValues, 1);
  a.jacobianSingularValues.forEach((v, i) => {
    worst.singular = Math.max(worst.singular, Math.abs(v - b.jacobianSingularValues[i]) / sscale);
    if (!close(v, b.jacobianSingularValues[i], 1e-12, sscale))
      problems.push(`σ${i} ${v} vs ${b.jacobianSingularValues[i]}`);
  });
  if (a.jacobianRank !== b.jacobianRank) problems.push(`rank ${a.jacobianRank} vs ${b.jacobianRank}`);
  if (problems.length > 0) {
    failures++;
    console.log(`subject ${k} (${JSON.stringify(subject.network)}): ${problems.slice(0, 4).join('; ')}`);
  }
});
rmSync(dir, { recursive: true, force: true });
console.log(
  `${subjects.length - failures} of ${subjects.length} subjects agree with numpy; worst relative differences: ` +
    `loss ${worst.loss.toExponential(1)}, gradient ${worst.gradient.toExponential(1)}, Hessian eigenvalues ${worst.hessian.toExponential(1)} (numpy side: finite differences), singular values ${worst.singular.toExponential(1)}`,
);
process.exit(failures === 0 ? 0 : 1);
