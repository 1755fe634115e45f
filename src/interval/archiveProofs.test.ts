import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadArchive } from '../archive/index.js';
import { rigourOf, verifyRigour } from './verifyProof.js';

/**
 * Every interval-proof certificate of the archive re-checks with src/interval (the proof re-run from the
 * subject, the recorded radius and the better point; every recorded number compared). Proofs in more than
 * MAX_TEST_DIMENSION coordinates (SS18 k ≥ 11: 121…400) take seconds each on two shared cores: `landscape
 * replay` re-checks those; here they are counted only.
 */
const MAX_TEST_DIMENSION = 100;

const ARCHIVE = join(import.meta.dirname, '..', '..', 'counterexamples');
const proved = loadArchive(ARCHIVE).flatMap((f) =>
  f.ok && rigourOf(f.value.certificate) === 'interval-proof' ? [f] : [],
);

describe('archived interval proofs', () => {
  test('the archive holds interval proofs', () => {
    expect(proved.length).toBeGreaterThan(0);
  });
  const small = proved.filter((f) => (f.value.certificate.proof?.dimension ?? 0) <= MAX_TEST_DIMENSION);
  test.each(small.map((f) => [f.path.slice(ARCHIVE.length + 1), f] as const))('%s re-checks', (_name, f) => {
    expect(verifyRigour(f.value.subject, f.value.certificate)).toEqual([]);
  });
});
