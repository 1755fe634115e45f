import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@fast-check/vitest';
import {
  gradient,
  listArchiveFiles,
  replayArchive,
  runClaim,
  seededRng,
  subjectProblem,
  verifyCertificate,
} from 'landscape-check';
import { afterAll, describe, expect } from 'vitest';
import {
  wideTanhCriticalPointsGlobal as claim,
  data,
  originSubject,
  zeroTargets,
} from '../claims/wide-tanh-critical-points-global.ts';

/** Σ_i y_i x_i: the all-zero point is a saddle exactly when it is not 0. */
function correlation(d: { inputs: readonly (readonly number[])[]; targets: readonly (readonly number[])[] }) {
  return d.inputs[0]!.map((_, j) => d.inputs.reduce((sum, x, i) => sum + x[j]! * d.targets[i]![0]!, 0));
}

const ARCHIVE = join(import.meta.dirname, '..', 'counterexamples');
const SEED = Number(process.env.LANDSCAPE_SEED ?? 20261204) | 0;
const scratch = mkdtempSync(join(tmpdir(), 'user-claim-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe(`${claim.id} (${claim.kind}, expect ${claim.expect})`, () => {
  test.prop([data])('the all-zero point is critical: ∇L = 0 exactly', (d) => {
    const { problem, theta } = subjectProblem(originSubject(d));
    expect(gradient(problem, theta).every((g) => g === 0)).toBe(true);
  });

  test.prop([data.filter((d) => correlation(d).some((c) => c !== 0))])(
    'Σ y_i x_i ≠ 0: the check fails and its saddle certificate verifies',
    (d) => {
      expect(claim.check(d).status).toBe('fail');
      const certified = claim.certify(d, null);
      if (!certified.ok) throw new Error(certified.reason);
      expect(verifyCertificate(certified.value.subject, certified.value.certificate, seededRng(1))).toEqual(
        [],
      );
    },
  );

  test.prop([zeroTargets])(
    'control: with y = 0 the all-zero point is a global minimum, the check passes',
    (d) => {
      expect(claim.check(d).status).toBe('pass');
    },
  );

  test('the runner refutes it and archives a counterexample', () => {
    const result = runClaim(claim, { seed: SEED, runs: claim.budget.test, archiveRoot: scratch });
    expect(result.verdict, result.summary).toBe('refuted');
    expect(listArchiveFiles(scratch, claim.id).length).toBeGreaterThan(0);
  });

  test("this repository's archived counterexamples replay", () => {
    const results = replayArchive(ARCHIVE, (id) => (id === claim.id ? claim : undefined), {
      claim: claim.id,
    });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.problems, r.path).toEqual([]);
  });
});
