import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type CounterexampleJson, loadArchive } from '../archive/index.js';
import { verifyRigour } from '../interval/index.js';
import type { MlpSubjectJson } from '../landscape/subjectTypes.js';
import type { PointJson } from '../nn/spec.js';
import { checkProofFile, proofFilePath, proveArchived, verifyExactProof } from './proofFile.js';
import { provePwlAt } from './pwlProof.js';
import * as Q from './rational.js';

const ARCHIVE = join(import.meta.dirname, '..', '..', 'counterexamples');
const archived = loadArchive(ARCHIVE).flatMap((f) => (f.ok ? [f] : []));
const pwl = archived.filter(
  (f) =>
    f.value.subject.kind === 'mlp' &&
    ['relu', 'leaky-relu'].includes((f.value.subject as MlpSubjectJson).network.activation.name),
);
const name = (path: string) => path.slice(ARCHIVE.length + 1);

describe('exact-rational proofs of the piecewise-linear archive (src/exact)', () => {
  test('every piecewise-linear archive file has a proof file', () => {
    expect(pwl.length).toBeGreaterThan(0);
    for (const f of pwl) expect(checkProofFile(f.path, f.value), name(f.path)).not.toBeNull();
  });

  test.each(pwl.map((f) => [name(f.path), f] as const))('%s: its proof file re-checks exactly', (_n, f) => {
    expect(checkProofFile(f.path, f.value)?.problems).toEqual([]);
  });

  const sample = pwl.find((f) => f.path.includes('dead-relu-plateau'))!;
  const better = () => (sample.value.certificate as { betterPoint?: unknown }).betterPoint;
  const recorded = () => JSON.parse(readFileSync(proofFilePath(sample.path), 'utf8')).proof;

  test('an altered number of the proof fails with the field and both values', () => {
    const proof = { ...recorded(), lossLowerBound: '1/65' };
    const problems = verifyExactProof(sample.value.subject, better(), proof);
    expect(problems).toEqual([
      expect.stringMatching(/^proof\.lossLowerBound is "1\/65", recomputed "1\/64"/),
    ]);
    const margins = { ...recorded(), margins: ['1/3'] };
    expect(verifyExactProof(sample.value.subject, better(), margins)[0]).toMatch(/^proof\.margins/);
  });

  test('a radius too large for the margins no longer proves, and says which layer', () => {
    const proof = { ...recorded(), radius: '1' };
    expect(verifyExactProof(sample.value.subject, better(), proof)[0]).toMatch(
      /no longer proves \(margin\): layer 1/,
    );
  });

  test('an altered archive file (one target changed) fails: its bytes and its numbers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exact-'));
    const folder = join(dir, sample.value.claim);
    mkdirSync(folder);
    const path = join(folder, name(sample.path).split('/')[1]!);
    const changed: CounterexampleJson = JSON.parse(readFileSync(sample.path, 'utf8'));
    (changed.subject as { data: { targets: number[][] } }).data.targets[1]![0] = 0.375;
    writeFileSync(path, JSON.stringify(changed));
    copyFileSync(proofFilePath(sample.path), proofFilePath(path));
    const problems = checkProofFile(path, changed)!.problems;
    expect(problems[0]).toMatch(/bytes changed since the proof/);
    expect(problems[1]).toContain('no longer proves (minimiser): the exact minimiser p* is farther than ρ/2');
  });

  test('the prover refuses a unit that changes sign over the samples, and a better point that is not better', () => {
    const subject = sample.value.subject as MlpSubjectJson;
    // w = 1, b = 1.625: z = x + 1.625 is −0.125 at x = −1.75 and 0.125 at x = −1.5
    const crossing: MlpSubjectJson = {
      ...subject,
      point: { layers: [{ weights: [[1]], biases: [1.625] }, subject.point.layers[1]!] },
    };
    const out = provePwlAt(crossing, better() as PointJson, Q.rational(1n, 100n));
    expect(out.ok ? '' : `${out.step}: ${out.reason}`).toMatch(/^pattern: layer 1 unit 1/);
    const notBetter = provePwlAt(subject, subject.point, Q.rational(1n, 100n));
    expect(notBetter.ok ? '' : notBetter.step).toBe('better point');
  });

  test('proveArchived reproduces the recorded proof from the file alone', () => {
    const out = proveArchived(sample.value);
    expect(out.ok && out.proof).toEqual(recorded());
  });

  test('a certificate that records exactProof itself (rigour exact-rational) is re-checked by verifyRigour', () => {
    const certificate = {
      ...sample.value.certificate,
      rigour: 'exact-rational' as const,
      exactProof: recorded(),
    };
    expect(verifyRigour(sample.value.subject, certificate)).toEqual([]);
    const altered = { ...certificate, exactProof: { ...recorded(), pointLoss: '1/63' } };
    expect(verifyRigour(sample.value.subject, altered)[0]).toMatch(/^proof\.pointLoss is "1\/63"/);
    const { exactProof: _none, ...bare } = certificate;
    expect(verifyRigour(sample.value.subject, bare)).toEqual([
      'rigour exact-rational but no exactProof is recorded',
    ]);
  });
});
