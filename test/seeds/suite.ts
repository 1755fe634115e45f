import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allClaims } from '../../properties/index.js';
import {
  type AnyClaim,
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
 * The claims are split into SHARDS files (claims-<i>.seeds.ts) balanced by SEED_COST_S, so vitest runs them on two
 * cores; within a shard the order is seed-major (seed 1 of every claim, then seed 2, …), so a run stopped early has
 * the same seeds for every claim. Every claim runs at its full `check` budget (see SEED_COST_S for what that costs);
 * the CPU seconds logged per seed say what 20 seeds cost on free cores (a shared machine's wall times do not). A summary (per claim: seeds as expected, verdict
 * counts, wall and CPU time a seed) is printed and written to .landscape-cache/seeds-summary-<pid>.json; each
 * seed's verdict is appended to .landscape-cache/seeds-progress.log as it finishes, with its wall and CPU time.
 */
const count = Number(process.env.LANDSCAPE_SEEDS ?? 20);
const first = Number(process.env.LANDSCAPE_SEED || 1);
const only = (process.env.LANDSCAPE_SEEDS_CLAIMS ?? '').split(',').filter((s) => s !== '');
const experiments = process.env.LANDSCAPE_SEEDS_EXPERIMENTS === '1';
const seeds = Array.from({ length: count }, (_, i) => first + i);

export const SHARDS = 2;

/**
 * CPU seconds of one seed at the check budget (this suite's own log, seeds 1–2, 2026-12-04; CPU rather than wall
 * time because the machine was at load ~20 on 2 cores, where wall time was 7–13× CPU). They balance the shards.
 * The 33 claims took 152 CPU-s a seed in all, so 20 seeds are ~51 CPU-min: about 26 min on two free cores (the
 * larger shard ~80 CPU-s a seed). That is under the 40 min the suite is meant to take, so every claim runs at its
 * full `check` budget; no claim's seeds are run at a reduced budget. Claims not listed count 1 s.
 */
const SEED_COST_S: Readonly<Record<string, number>> = {
  'ss16-initial-basin-quality': 37,
  'ss18-spurious-rate': 35,
  'cho15-minima-concentrate': 17,
  'embedding-preserves-criticality': 14,
  'cho15-network-minima-concentrate': 10,
  'ss18-spurious-minima-common': 5,
  'kaw16-deep-linear': 4.4,
  'bh89-linear-no-bad-min': 4.3,
  'km-1d-regions': 4,
  'lslsr18-one-neuron': 3.5,
  'km-phase-transition': 2.9,
  'region-linearity': 2.5,
  'dl18-quadratic': 1.7,
  'lds-width-transition': 1.5,
  'jacobian-certificate': 1.4,
  'km-region-fullrank-implies-global': 1.4,
  'ahw96-single-neuron': 1.2,
};
const cost = (c: AnyClaim): number => SEED_COST_S[c.id] ?? 1;

/** The claims of shard `shard` (0-based): greedy by cost, most expensive first, each to the lighter shard. */
export function shardClaims(shard: number): AnyClaim[] {
  const chosen = allClaims.filter((c) => only.length === 0 || only.includes(c.id));
  const load = new Array<number>(SHARDS).fill(0);
  const of = new Map<string, number>();
  for (const c of [...chosen].sort((a, b) => cost(b) - cost(a) || (a.id < b.id ? -1 : 1))) {
    const lightest = load.indexOf(Math.min(...load));
    of.set(c.id, lightest);
    load[lightest]! += cost(c);
  }
  return chosen.filter((c) => of.get(c.id) === shard);
}

interface Row {
  seed: number;
  verdict: string;
  asExpected: boolean;
  ms: number;
  cpuMs: number;
  reason: string;
}

/** Registers the seeds of one shard's claims (seed-major) and its summary. */
export function seedsSuite(shard: number): void {
  const claims = shardClaims(shard);
  const summary = new Map<string, Row[]>();
  const cache = join(import.meta.dirname, '..', '..', '.landscape-cache');

  beforeAll(async () => {
    for (const claim of claims) await claim.prepare?.();
  });

  afterAll(() => {
    const lines = [...summary.entries()].map(([id, rows]) => {
      const ok = rows.filter((r) => r.asExpected).length;
      const tally = ['holds', 'refuted', 'inconclusive']
        .map((v) => `${v} ${rows.filter((r) => r.verdict === v).length}`)
        .join(', ');
      const bad = rows.filter((r) => !r.asExpected).map((r) => r.seed);
      const mean = (f: (r: Row) => number) =>
        rows.reduce((a, r) => a + f(r), 0) / Math.max(1, rows.length) / 1000;
      return `${id}: ${ok}/${rows.length} as expected (${tally}); ${mean((r) => r.ms).toFixed(1)} s wall, ${mean((r) => r.cpuMs).toFixed(1)} s CPU a seed${bad.length > 0 ? `; NOT as expected at seeds ${bad.join(', ')}` : ''}`;
    });
    console.log(
      `shard ${shard + 1}/${SHARDS}, seeds ${first}..${first + count - 1}${experiments ? ', with experiments' : ''}\n${lines.join('\n')}`,
    );
    mkdirSync(cache, { recursive: true });
    writeFileSync(
      join(cache, `seeds-summary-${process.pid}.json`),
      `${JSON.stringify({ shard, first, count, experiments, claims: Object.fromEntries(summary) }, null, 2)}\n`,
    );
  });

  describe.each(seeds.map((s) => [s]))('seed %i', (seed) => {
    test.each(claims.map((c) => [c.id, c] as const))(
      `%s at the main job's budget comes out as expected`,
      (_id, claim) => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const run = runClaim(claim, { seed, runs: claim.budget.check, archiveRoot: null });
        const archived = replayArchive(ARCHIVE, (id) => (id === claim.id ? claim : undefined), {
          claim: claim.id,
        });
        let experiment: Decided | undefined;
        if (experiments && claim.experiment !== undefined) {
          const chosen: Record<string, string> = {};
          for (const option of claim.experiment.options) chosen[option.flag] = option.defaultValue;
          Object.assign(chosen, claim.experiment.mainJob ?? {});
          experiment = assertionsVerdict(
            claim.experiment.run(chosen, { seed, log: () => undefined }).assertions,
          );
        }
        const decided = claimVerdict({
          expect: claim.expect,
          fresh: { verdict: run.verdict, reason: run.summary },
          archivedOk: archived.filter((r) => r.ok).length,
          archivedBroken: archived.filter((r) => !r.ok).length,
          ...(experiment === undefined ? {} : { experiment }),
        });
        const used = process.cpuUsage(cpu);
        const row: Row = {
          seed,
          verdict: decided.verdict,
          asExpected: decided.asExpected,
          ms: Math.round(performance.now() - started),
          cpuMs: Math.round((used.user + used.system) / 1000),
          reason: decided.reason,
        };
        summary.set(claim.id, [...(summary.get(claim.id) ?? []), row]);
        // One line per seed as it finishes, so a long run that is stopped still says what it saw.
        mkdirSync(cache, { recursive: true });
        appendFileSync(
          join(cache, 'seeds-progress.log'),
          `${claim.id} seed ${seed}: ${decided.verdict}${decided.asExpected ? '' : ' (NOT as expected)'} in ${row.ms} ms (CPU ${row.cpuMs} ms): ${decided.reason}\n`,
        );
        const replay = run.failure?.replay ?? `npx landscape check ${claim.id} --seed ${seed}`;
        expect(decided.verdict, `${claim.id} --seed ${seed}: ${decided.reason}\nreplay: ${replay}`).toBe(
          claim.expect,
        );
      },
    );
  });
}
