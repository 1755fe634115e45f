import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadArchive } from '../archive/index.js';
import { verifyRigour } from '../interval/index.js';
import { checkProofFile, claimedRigour, proofFilePath } from './proofFile.js';

/**
 * Interval proof files: the strict minima archived before interval proofs carry their proof beside them
 * (`<hash>.proof`, rigour interval-proof). Proofs in more than MAX_TEST_DIMENSION coordinates are re-checked by
 * `landscape replay` only (as in src/interval/archiveProofs.test.ts).
 */
const MAX_TEST_DIMENSION = 100;
const ARCHIVE = join(import.meta.dirname, '..', '..', 'counterexamples');
const withIntervalFile = loadArchive(ARCHIVE).flatMap((f) =>
  f.ok && existsSync(proofFilePath(f.path)) && claimedRigour(f.path, f.value.certificate) === 'interval-proof'
    ? [{ f, proof: JSON.parse(readFileSync(proofFilePath(f.path), 'utf8')) }]
    : [],
);

describe('interval proof files beside older strict minima', () => {
  test('the archive holds interval proof files', () => {
    expect(withIntervalFile.length).toBeGreaterThan(0);
  });

  const small = withIntervalFile.filter((x) => x.proof.proof.dimension <= MAX_TEST_DIMENSION);
  test.each(small.map((x) => [x.f.path.slice(ARCHIVE.length + 1), x] as const))(
    '%s: its interval proof file re-checks',
    (_name, { f }) => {
      expect(checkProofFile(f.path, f.value, verifyRigour)).toEqual({
        rigour: 'interval-proof',
        problems: [],
      });
    },
  );

  test('an altered number of an interval proof file fails with the number named', () => {
    const { f, proof } = small[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'proof-file-'));
    mkdirSync(join(dir, f.value.claim));
    const path = join(dir, f.value.claim, f.path.split('/').pop()!);
    writeFileSync(path, readFileSync(f.path));
    const lo = proof.proof.lossEnclosure[0];
    const altered = {
      ...proof,
      proof: { ...proof.proof, lossEnclosure: [lo * 0.999, proof.proof.lossEnclosure[1]] },
    };
    writeFileSync(proofFilePath(path), JSON.stringify(altered));
    const problems = checkProofFile(path, f.value, verifyRigour)!.problems;
    expect(problems.join('; ')).toMatch(/proof\.lossEnclosure is \[/);
    // without the interval verifier (check, npm test's float replay) the level is reported, not re-run
    expect(checkProofFile(path, f.value)).toEqual({ rigour: 'interval-proof', problems: [] });
  });
});
