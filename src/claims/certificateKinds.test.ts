import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { type CounterexampleJson, saveCounterexample } from '../archive/index.js';
import { sampleFile } from '../archive/testing/sampleFile.js';
import { memoryIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import { subjectModel } from '../landscape/index.js';
import { identityViolated, trendReversed, verifyStatementCertificate } from './certificateKinds.js';
import { replayArchive } from './replay.js';

const root = mkdtempSync(join(tmpdir(), 'certificate-kinds-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The worked example of docs/counterexample-format.md: ∇L = 0 claimed, the gradient is (0.6, 0.7) instead. */
const identity = identityViolated({
  identity: '∇L(θ) = 0 at the embedded point',
  left: [0.6, 0.7],
  right: [0, 0],
  tolerance: 1.185e-9,
  loss: 0.185,
});

/** Its subject: 1-1-1 relu, frozen output weight 1, inputs 0 and 1, targets 0 and 0.5, at w = 1, b = 0.1. */
const subject: CounterexampleJson['subject'] = {
  kind: 'mlp',
  network: { layerSizes: [1, 1, 1], activation: { name: 'relu' }, bias: true, trainable: [true, false] },
  data: { inputs: [[0], [1]], targets: [[0], [0.5]] },
  loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
  point: {
    layers: [
      { weights: [[1]], biases: [0.1] },
      { weights: [[1]], biases: [0] },
    ],
  },
};

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
    expect(identity.difference).toBe(0.7);
    const { objective, theta } = subjectModel(subject);
    expect(objective.value(theta)).toBeCloseTo(0.185, 12);
    expect(Array.from(objective.valueAndGradient(theta).gradient).map((g) => Number(g.toFixed(12)))).toEqual([
      0.6, 0.7,
    ]);
    expect(verifyStatementCertificate(identity)).toEqual([]);
    expect(trend.pValue).toBeLessThan(1e-6);
    expect(verifyStatementCertificate(trend)).toEqual([]);
  });

  test('a tampered or non-violating certificate is rejected, naming the number', () => {
    expect(verifyStatementCertificate({ ...identity, difference: 0.5 })).toEqual([
      'largest gap |left − right| is 0.7, certificate says 0.5',
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

  test('landscape replay verifies the worked examples under their claims, and rejects a tampered one', async () => {
    const archive = join(root, 'cli');
    saveCounterexample(
      archive,
      sampleFile({ claim: 'embedding-preserves-criticality', subject, certificate: identity }),
    );
    saveCounterexample(archive, sampleFile({ claim: 'ss18-spurious-rate', certificate: trend }));
    const io = memoryIo();
    expect(await main(['replay', '--archive', archive], io), io.stdout.join('\n')).toBe(0);
    const bad = join(root, 'bad');
    saveCounterexample(
      bad,
      sampleFile({ claim: 'ss18-spurious-rate', certificate: { ...trend, pValue: 0.01 } }),
    );
    const io2 = memoryIo();
    expect(await main(['replay', '--archive', bad], io2)).toBe(1);
    expect(io2.stdout.join('\n') + io2.stderr.join('\n')).toMatch(/one-sided Fisher p-value is/);
  });
});
