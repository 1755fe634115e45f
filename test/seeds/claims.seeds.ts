import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allClaims } from '../../properties/index.js';
import {
  assertionsVerdict,
  claimVerdict,
  type Decided,
  replayArchive,
  runClaim,
} from '../../src/claims/index.js';
import { ARCHIVE } from '../claimSuite.js';

/**
 * Hypothesis-style quality suite: each claim's main-job verdict (the property at its `check` budget, the archive's
 * replay, and with LANDSCAPE_SEEDS_EXPERIMENTS=1 its experiment at the main-job options) over consecutive seeds.
 * Any verdict other than the expected one fails, naming the seed and the reason. Knobs (all optional):
 *   LANDSCAPE_SEEDS=20            how many consecutive seeds
 *   LANDSCAPE_SEED=1              the first seed
 *   LANDSCAPE_SEEDS_CLAIMS=a,b    only these claim ids
 *   LANDSCAPE_SEEDS_EXPERIMENTS=1 also run each empirical claim's experiment (as `npm run check` does; slow)
 * A summary (per claim: seeds as expected, verdict counts, time) is printed and written to
 * .landscape-cache/seeds-summary-<pid>.json; each seed's verdict is appended to .landscape-cache/seeds-progress.log
 * as it finishes.
 */
const count = Number(process.env.LANDSCAPE_SEEDS ?? 20);
const first = Number(process.env.LANDSCAPE_SEED || 1);
const only = (process.env.LANDSCAPE_SEEDS_CLAIMS ?? '').split(',').filter((s) => s !== '');
const experiments = process.env.LANDSCAPE_SEEDS_EXPERIMENTS === '1';
const seeds = Array.from({ length: count }, (_, i) => first + i);
const claims = allClaims.filter((c) => only.length === 0 || only.includes(c.id));

interface Row {
  seed: number;
  verdict: string;
  asExpected: boolean;
  ms: number;
  reason: string;
}
const summary = new Map<string, Row[]>();

afterAll(() => {
  const lines = [...summary.entries()].map(([id, rows]) => {
    const ok = rows.filter((r) => r.asExpected).length;
    const tally = ['holds', 'refuted', 'inconclusive']
      .map((v) => `${v} ${rows.filter((r) => r.verdict === v).length}`)
      .join(', ');
    const bad = rows.filter((r) => !r.asExpected).map((r) => r.seed);
    const mean = rows.reduce((a, r) => a + r.ms, 0) / Math.max(1, rows.length) / 1000;
    return `${id}: ${ok}/${rows.length} as expected (${tally}); ${mean.toFixed(1)} s a seed${bad.length > 0 ? `; NOT as expected at seeds ${bad.join(', ')}` : ''}`;
  });
  console.log(
    `seeds ${first}..${first + count - 1}${experiments ? ', with experiments' : ''}\n${lines.join('\n')}`,
  );
  const dir = join(import.meta.dirname, '..', '..', '.landscape-cache');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `seeds-summary-${process.pid}.json`),
    `${JSON.stringify({ first, count, experiments, claims: Object.fromEntries(summary) }, null, 2)}\n`,
  );
});

describe.each(claims.map((c) => [c.id, c] as const))('%s', (_id, claim) => {
  beforeAll(async () => {
    await claim.prepare?.();
  });
  test.each(seeds)(`seed %i at the main job's budget comes out ${claim.expect}`, (seed) => {
    const started = performance.now();
    const run = runClaim(claim, { seed, runs: claim.budget.check, archiveRoot: null });
    const archived = replayArchive(ARCHIVE, (id) => (id === claim.id ? claim : undefined), {
      claim: claim.id,
    });
    let experiment: Decided | undefined;
    if (experiments && claim.experiment !== undefined) {
      const chosen: Record<string, string> = {};
      for (const option of claim.experiment.options) chosen[option.flag] = option.defaultValue;
      Object.assign(chosen, claim.experiment.mainJob ?? {});
      experiment = assertionsVerdict(claim.experiment.run(chosen, { seed, log: () => undefined }).assertions);
    }
    const decided = claimVerdict({
      expect: claim.expect,
      fresh: { verdict: run.verdict, reason: run.summary },
      archivedOk: archived.filter((r) => r.ok).length,
      archivedBroken: archived.filter((r) => !r.ok).length,
      ...(experiment === undefined ? {} : { experiment }),
    });
    const rows = summary.get(claim.id) ?? [];
    rows.push({
      seed,
      verdict: decided.verdict,
      asExpected: decided.asExpected,
      ms: Math.round(performance.now() - started),
      reason: decided.reason,
    });
    summary.set(claim.id, rows);
    // One line per seed as it finishes, so a long run that is stopped still says what it saw.
    const cache = join(import.meta.dirname, '..', '..', '.landscape-cache');
    mkdirSync(cache, { recursive: true });
    appendFileSync(
      join(cache, 'seeds-progress.log'),
      `${claim.id} seed ${seed}: ${decided.verdict}${decided.asExpected ? '' : ' (NOT as expected)'} in ${rows.at(-1)?.ms} ms: ${decided.reason}\n`,
    );
    const replay = run.failure?.replay ?? `npx landscape check ${claim.id} --seed ${seed}`;
    expect(decided.verdict, `${claim.id} --seed ${seed}: ${decided.reason}\nreplay: ${replay}`).toBe(
      claim.expect,
    );
  });
});
