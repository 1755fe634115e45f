import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { defineClaim } from './claim.js';
import { replayArchive } from './replay.js';
import { runClaim } from './runner.js';
import { reversalOf, type TrendEvidence, trendCertify, trendOutcome } from './trend.js';
import { verifyCounterexample } from './verify.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const identity = [
  [1, 0],
  [0, 1],
];

/**
 * A toy empirical claim "the rate rises from A to B" whose small run is given by the genome's counts: the claim
 * (A = 2/20, B = 12/20) holds, the control (A = 18/20, B = 2/20) is the reversed trend.
 */
function rateClaim(a: number, b: number) {
  const name = 'the rate rises from A to B';
  return defineClaim<{ a: number; b: number }, TrendEvidence>({
    id: 'toy-rate-rises',
    title: name,
    source: { citation: 'toy', place: 'test' } as never,
    statement: name,
    kind: 'empirical',
    expect: 'holds',
    refutedBy: { kinds: ['trend-reversed'], subject: () => [] },
    hypotheses: fc.record({ a: fc.constant(a), b: fc.constant(b) }),
    budget: { test: 1, check: 1 },
    check(g) {
      const A = { label: 'A', successes: g.a, trials: 20 };
      const B = { label: 'B', successes: g.b, trials: 20 };
      const reversal = reversalOf(name, A, B, 0.05);
      return trendOutcome(
        [
          {
            name,
            verdict: reversal === undefined ? 'holds' : 'refuted',
            detail: `A ${g.a}/20, B ${g.b}/20`,
            reversal,
          },
        ],
        {
          subject: { kind: 'gaussian-teacher-student', teacher: identity, student: identity },
          table: {
            columns: ['group', 'successes', 'trials'],
            rows: [
              ['A', g.a, 20],
              ['B', g.b, 20],
            ],
          },
        },
      );
    },
    certify: trendCertify,
  });
}

describe('trend-reversed certificates from trendCertify, archived by the runner and replayed', () => {
  test('a reversed trend (the control) is refuted, archived with its seed and replay command, and replays', () => {
    const root = mkdtempSync(join(tmpdir(), 'trend-test-'));
    dirs.push(root);
    const claim = rateClaim(18, 2);
    const result = runClaim(claim, { seed: 7, runs: 1, archiveRoot: root });
    expect(result.verdict, result.summary).toBe('refuted');
    expect(result.created).toBe(true);
    expect(result.counterexamples).toHaveLength(1);
    const file = JSON.parse(readFileSync(result.counterexamples[0]!, 'utf8'));
    expect(file.certificate.kind).toBe('trend-reversed');
    expect(file.certificate.seed).toBe(7);
    expect(file.certificate.replay).toMatch(/^npx landscape check toy-rate-rises --seed 7 --path /);
    expect(file.certificate.groups).toEqual([
      { label: 'A', successes: 18, trials: 20 },
      { label: 'B', successes: 2, trials: 20 },
    ]);
    // scipy: fisher_exact([[2, 18], [18, 2]], alternative='less') → 2.648e-7
    expect(file.certificate.pValue).toBeCloseTo(2.6479448e-7, 12);
    const [replayed] = replayArchive(root, (id) => (id === claim.id ? claim : undefined), {
      paths: [result.counterexamples[0]!],
    });
    expect(replayed?.problems).toEqual([]);
    expect(replayed?.ok).toBe(true);
  });

  test('a forged p-value does not replay', () => {
    const claim = rateClaim(18, 2);
    const result = runClaim(claim, { seed: 7, runs: 1, archiveRoot: null });
    expect(result.certified).not.toBeNull();
    const forged = structuredClone(result.certified!) as { certificate: { groups: { successes: number }[] } };
    forged.certificate.groups[0]!.successes = 3; // 3/20 against 2/20 shows no reversal
    expect(verifyCounterexample(claim, forged as never).join('; ')).toMatch(/p-value|not ≤ α/);
  });

  test('the trend as claimed holds; a refutation without a shown reversal is not archived', () => {
    expect(runClaim(rateClaim(2, 12), { seed: 1, runs: 1, archiveRoot: null }).verdict).toBe('holds');
    const noReversal = trendCertify(undefined, { failed: ['x: effect excluded'], reversals: [] });
    expect(noReversal.ok).toBe(false);
    expect(noReversal.ok ? '' : noReversal.reason).toMatch(/no refuted assertion shows a reversal/);
  });
});
