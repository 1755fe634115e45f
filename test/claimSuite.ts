import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listArchiveFiles } from '../src/archive/index.js';
import { type AnyClaim, type ClaimRunResult, replayArchive, runClaim } from '../src/claims/index.js';

/**
 * The standard tests of a claim, registered by each `properties/<id>.test.ts`:
 *   1. its archived counterexamples replay, file by file (first, so a regression names the file);
 *   2. a construction (expect: refuted) has at least one archived counterexample that replays;
 *   3. the property at its default budget comes out as expected (archiving into a temporary folder only);
 *   4. its control: on a hypothesis where the claim is false, the property fails (it can fail).
 * The seed is LANDSCAPE_SEED when set (.ci/run sets a fresh one and prints it), else a fixed one, so a
 * failure always prints the seed, the path and the command that replays it.
 */

export const ARCHIVE = join(import.meta.dirname, '..', 'counterexamples');

/** The seed of this test run. */
export function testSeed(): number {
  const env = process.env.LANDSCAPE_SEED;
  return env === undefined || env === '' ? 20261123 : Number(env) | 0;
}

/** A failure message that says how to replay. */
export function explain(claim: AnyClaim, result: ClaimRunResult): string {
  // The verdict and its reason come from src/claims/verdict.ts (through runClaim); nothing is re-derived here.
  const lines = [`${claim.id}: ${result.verdict}: ${result.summary}`, `seed ${result.seed}`];
  for (const r of result.reasons) lines.push(`undecided or discarded: ${r.reason} (${r.count})`);
  if (result.failure !== null) {
    lines.push(
      `case: ${result.failure.case}`,
      `path ${result.failure.path}`,
      `replay: ${result.failure.replay}`,
    );
    if (result.failure.uncertified !== undefined) lines.push(`not certified: ${result.failure.uncertified}`);
    if (result.failure.error !== undefined) lines.push(`error: ${result.failure.error}`);
  }
  lines.push(`or: LANDSCAPE_SEED=${result.seed} npx vitest run properties/${claim.id}.test.ts`);
  return lines.join('\n');
}

export interface SuiteOptions {
  /** Runs for the main property (default: the claim's test budget). */
  readonly runs?: number;
  /**
   * For constructions: also require the property to find and certify a counterexample afresh at the test
   * budget (default true). Set false only when a fresh find takes minutes; the archive still has to replay.
   */
  readonly freshFind?: boolean;
}

export function describeClaim(claim: AnyClaim, options: SuiteOptions = {}): void {
  describe(`${claim.id} (${claim.kind}, expect ${claim.expect})`, () => {
    const scratch = mkdtempSync(join(tmpdir(), `landscape-${claim.id}-`));
    beforeAll(async () => {
      await claim.prepare?.();
    });
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    const files = listArchiveFiles(ARCHIVE, claim.id);

    if (files.length > 0) {
      test.each(files.map((f) => [f.slice(ARCHIVE.length + 1)]))(
        "archived %s replays with today's core",
        (relativePath) => {
          const [result] = replayArchive(ARCHIVE, (id) => (id === claim.id ? claim : undefined), {
            paths: [join(ARCHIVE, relativePath)],
          });
          expect(result?.problems ?? ['not loaded']).toEqual([]);
        },
      );
    }

    if (claim.expect === 'refuted') {
      test('at least one archived counterexample replays', () => {
        const ok = replayArchive(ARCHIVE, (id) => (id === claim.id ? claim : undefined), {
          claim: claim.id,
        }).filter((r) => r.ok);
        expect(
          ok.length,
          `no archived counterexample of ${claim.id} replays; run: npx landscape check ${claim.id}`,
        ).toBeGreaterThan(0);
      });
    }

    const runs = options.runs ?? claim.budget.test;
    const expectFresh = claim.expect === 'holds' || options.freshFind !== false;
    if (expectFresh) {
      test(`property at the default budget (${runs} runs) comes out ${claim.expect}`, () => {
        const result = runClaim(claim, { seed: testSeed(), runs, archiveRoot: scratch });
        expect(result.verdict, explain(claim, result)).toBe(claim.expect);
      });
    }

    const control = claim.control;
    if (control !== undefined) {
      test(`control: ${control.description} → ${control.expect}`, () => {
        const result = runClaim(claim, {
          seed: testSeed(),
          runs: control.runs ?? runs,
          archiveRoot: scratch,
          hypotheses: control.hypotheses,
        });
        if (control.expect === 'refuted') {
          expect(result.failure !== null || result.verdict === 'refuted', explain(claim, result)).toBe(true);
          // A reversed trend or a violated identity is archived like any counterexample: the file written for the
          // control loads and replays (landscape kinds of a control may lie outside the claim's hypotheses).
          const kind = result.certified?.certificate.kind;
          if (kind === 'trend-reversed' || kind === 'identity-violated') {
            const replayed = replayArchive(scratch, (id) => (id === claim.id ? claim : undefined), {
              paths: result.counterexamples,
            });
            expect(replayed.map((r) => r.problems)).toEqual([[]]);
          }
        } else {
          expect(result.verdict, explain(claim, result)).toBe('holds');
        }
      });
    } else {
      test('has a control showing the property can fail', () => {
        expect(claim.control, `${claim.id} has no control hypothesis`).toBeDefined();
      });
    }
  });
}
