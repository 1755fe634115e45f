import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { saveCounterexample } from '../archive/index.js';
import { sampleFile } from '../archive/testing/sampleFile.js';
import { identityViolated, trendReversed, verifyStatementCertificate } from './certificateKinds.js';
import { replayArchive } from './replay.js';

const root = mkdtempSync(join(tmpdir(), 'certificate-kinds-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The worked example of docs/counterexample-format.md: ∇L = 0 claimed, the gradient is (0.25, 0) instead. */
const identity = identityViolated({
  identity: '∇L(θ) = 0 at the embedded point',
  left: [0.25, 0],
  right: [0, 0],
  tolerance: 1e-9,
  loss: 0.03125,
});

/** The worked example of docs/counterexample-format.md: P(k = 7) < P(k = 13) claimed, 18/20 against 2/20 found. */
const trend = trendReversed({
  trend: 'P(spurious) rises from k = 7 to k = 13',
  groups: [
    { label: 'k = 7', successes: 18, trials: 20 },
    { label: 'k = 13', successes: 2, trials: 20 },
  ],
  alpha: 0.05,
  seed: 1,
  replay: 'npx landscape run ss18-spurious-rate --k 7,13 --runs 20 --seed 1',
  loss: 0,
});

describe('certificate kinds identity-violated and trend-reversed', () => {
  test('the worked examples verify from their own numbers', () => {
    expect(identity.difference).toBe(0.25);
    expect(verifyStatementCertificate(identity)).toEqual([]);
    expect(trend.pValue).toBeLessThan(1e-6);
    expect(verifyStatementCertificate(trend)).toEqual([]);
  });

  test('a tampered or non-violating certificate is rejected, naming the number', () => {
    expect(verifyStatementCertificate({ ...identity, difference: 0.5 })).toEqual([
      'largest gap |left − right| is 0.25, certificate says 0.5',
    ]);
    expect(verifyStatementCertificate({ ...identity, tolerance: 1 })[0]).toMatch(
      /does not exceed the tolerance 1/,
    );
    expect(verifyStatementCertificate({ ...identity, left: [Number.NaN, 0] })[0]).toMatch(/not finite/);
    expect(verifyStatementCertificate({ ...trend, pValue: 0.5 })[0]).toMatch(/one-sided Fisher p-value is/);
    const notReversed = trendReversed({
      ...trend,
      groups: [
        { label: 'a', successes: 3, trials: 10 },
        { label: 'b', successes: 4, trials: 10 },
      ],
    });
    expect(verifyStatementCertificate(notReversed).join()).toMatch(
      /not ≤ α = 0.05: the reversal is not shown/,
    );
  });

  test('files of both kinds pass the schema, are archived by content and replay; old kinds still load', () => {
    const files = [
      sampleFile({ claim: 'toy-identity', certificate: identity }),
      sampleFile({ claim: 'toy-trend', certificate: trend }),
    ];
    for (const file of files) saveCounterexample(root, file);
    const results = replayArchive(root, () => undefined);
    expect(results.map((r) => r.certificateKind).sort()).toEqual(['identity-violated', 'trend-reversed']);
    // No claim is registered under the toy ids: the certificate itself verifies, the unknown claim is the only problem.
    for (const r of results) expect(r.problems).toEqual([`unknown claim '${r.claim}'`]);
    const old = join(root, 'old');
    saveCounterexample(old, sampleFile());
    expect(replayArchive(old, () => undefined)[0]?.certificateKind).toBe('local-min-not-global');
  });
});
