import { describe, expect, test } from 'vitest';
import { type AnyClaim, runClaim } from '../../src/claims/index.js';
import { shardClaims } from './suite.js';

/**
 * Part of the quality suite (`npm run test:seeds`): what `npm test` asserts of each claim, over many seeds.
 * `npm test` runs each claim's property at its `test` budget and its control once, on one random seed (.ci/run
 * draws it). A control that finds its failure in most runs but not all is then a CI flake that no single run shows:
 * CI seed 590153245 once ran ss16-monotone-path's control for 40 runs without drawing a case outside the
 * hypothesis. So here, over LANDSCAPE_TEST_SEEDS consecutive seeds (default 30) from LANDSCAPE_SEED (default 1),
 * the property at its test budget and the control at its runs each come out as their test expects:
 *   - `holds` on every seed;
 *   - `refuted` on every seed (a construction's property also certifies its find), and the estimated chance of a
 *     miss on a seed, (1 − p̂)^runs, is at most MISS_LIMIT; p̂ is failures over runs tried, from the first failing
 *     run's index on each seed (a geometric count; a seed that misses counts all its runs).
 * LANDSCAPE_SEEDS_CLAIMS=a,b chooses the claims, as in the main-job shards.
 */
const count = Number(process.env.LANDSCAPE_TEST_SEEDS ?? 30);
const first = Number(process.env.LANDSCAPE_SEED || 1);
const seeds = Array.from({ length: count }, (_, i) => first + i);

/**
 * Largest estimated chance that a search expected to fail misses on one seed. Runs are chosen for ≤ 1e-9 at the
 * measured failure rate; 1e-6 leaves room for the rate's sampling error over 30 seeds, and over ~40 such searches
 * it keeps the chance that one flakes on a CI run below 1e-4.
 */
const MISS_LIMIT = 1e-6;

/** The first failing run (1-based) of a run of the property (on the control's hypotheses when given), or null. */
function firstFailingRun(
  claim: AnyClaim,
  seed: number,
  runs: number,
  hypotheses?: NonNullable<AnyClaim['control']>['hypotheses'],
): { run: number | null; verdict: string; summary: string } {
  const result = runClaim(claim, {
    seed,
    runs,
    archiveRoot: null,
    ...(hypotheses === undefined ? {} : { hypotheses }),
  });
  const found = result.failure !== null || result.verdict === 'refuted';
  // fast-check's path starts with the index of the first failing run (then the shrink steps).
  const run = result.failure === null ? 1 : Number(result.failure.path.split(':')[0]) + 1;
  return { run: found ? run : null, verdict: result.verdict, summary: result.summary };
}

/** p̂ of a geometric count censored at `runs`: failures over runs tried, and the miss chance (1 − p̂)^runs. */
function missEstimate(firstRuns: readonly (number | null)[], runs: number): { p: number; miss: number } {
  const found = firstRuns.filter((k): k is number => k !== null);
  const tried = found.reduce((a, k) => a + k, 0) + (firstRuns.length - found.length) * runs;
  const p = tried === 0 ? 0 : found.length / tried;
  return { p, miss: (1 - p) ** runs };
}

const range = `seeds ${first}..${first + count - 1}`;

/**
 * Runs `runs` of the property on every seed and asserts `expect`: `holds` on every seed, or `refuted` on every seed
 * with an estimated miss chance of at most MISS_LIMIT (then `refuted` here means a failure was found, as
 * the control test asks; a construction's main test also wants it certified, which `verdict` says).
 */
async function expectOnEverySeed(
  claim: AnyClaim,
  what: string,
  runs: number,
  want: 'holds' | 'refuted',
  hypotheses?: NonNullable<AnyClaim['control']>['hypotheses'],
): Promise<void> {
  await claim.prepare?.();
  const outcomes = seeds.map((seed) => ({ seed, ...firstFailingRun(claim, seed, runs, hypotheses) }));
  const replay = `LANDSCAPE_SEED=<seed> npx vitest run properties/${claim.id}.test.ts`;
  if (want === 'holds') {
    const bad = outcomes
      .filter((o) => o.verdict !== 'holds')
      .map((o) => `seed ${o.seed}: ${o.verdict}: ${o.summary}`);
    expect(bad, `${claim.id} ${what} (${replay})`).toEqual([]);
    return;
  }
  const missed = outcomes
    .filter((o) => o.run === null || (hypotheses === undefined && o.verdict !== 'refuted'))
    .map((o) => `seed ${o.seed}: ${o.verdict}: ${o.summary}`);
  const { p, miss } = missEstimate(
    outcomes.map((o) => o.run),
    runs,
  );
  const line = `${claim.id} ${what}: failure rate p̂ = ${p.toFixed(3)} a run over ${count} seeds, miss chance (1 − p̂)^${runs} = ${miss.toExponential(1)}`;
  console.log(line);
  expect(missed, `${line}; seeds that did not come out refuted (${replay})`).toEqual([]);
  expect(miss, `${line}: raise the runs`).toBeLessThanOrEqual(MISS_LIMIT);
}

/** Registers shard `shard`'s claims (suite.ts's split, so the two shard files take both cores). */
export function testBudgetSuite(shard: number): void {
  describe.each(shardClaims(shard).map((c) => [c.id, c] as const))(
    '%s over many seeds, as npm test runs it',
    (_id, claim) => {
      const runs = claim.budget.test;
      test(`the property at its test budget (${runs} runs) comes out ${claim.expect} on ${range}`, () =>
        expectOnEverySeed(claim, 'property', runs, claim.expect));
      const control = claim.control;
      if (control === undefined) return;
      const controlRuns = control.runs ?? runs;
      test(`the control (${controlRuns} runs) comes out ${control.expect} on ${range}`, () =>
        expectOnEverySeed(claim, 'control', controlRuns, control.expect, control.hypotheses));
    },
  );
}
