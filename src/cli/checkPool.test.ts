import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ahw96SingleNeuron } from '../../properties/ahw96-single-neuron.js';
import { bh89LinearNoBadMin } from '../../properties/bh89-linear-no-bad-min.js';
import { cho15BandThresholds } from '../../properties/cho15-band-thresholds.js';
import { kaw16DeepLinear } from '../../properties/kaw16-deep-linear.js';
import { ClaimRegistry } from '../claims/index.js';
import { type CheckOptions, checkCommand } from './check.js';
import { HELD_BACK, scheduleOrder, sourceWorkerEntry } from './checkPool.js';
import { memoryIo } from './io.js';
import { archiveRoot, projectRoot } from './paths.js';

const root = mkdtempSync(join(tmpdir(), 'check-pool-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Fast claims of every expectation, one with an experiment, one refuted by its archive. */
const CLAIMS = [ahw96SingleNeuron, bh89LinearNoBadMin, cho15BandThresholds, kaw16DeepLinear];
const IDS = CLAIMS.map((c) => c.id);

/**
 * The same claims as a claims module (what `--claims FILE` names): the workers load it instead of every built-in
 * claim, which keeps their start-up (tsx compiling what they import) short.
 */
function claimsModule(): { file: string; root: string } {
  const file = join(root, 'claims.mts');
  const at = (name: string) => JSON.stringify(join(projectRoot(), 'properties', `${name}.ts`));
  writeFileSync(
    file,
    [
      `export { ahw96SingleNeuron } from ${at('ahw96-single-neuron')};`,
      `export { bh89LinearNoBadMin } from ${at('bh89-linear-no-bad-min')};`,
      `export { cho15BandThresholds } from ${at('cho15-band-thresholds')};`,
      `export { kaw16DeepLinear } from ${at('kaw16-deep-linear')};`,
      '',
    ].join('\n'),
  );
  return { file, root: projectRoot() };
}

function options(out: string): CheckOptions {
  return {
    ids: IDS,
    runs: 8,
    seed: 5,
    seedOrigin: 'flag',
    path: undefined,
    json: false,
    archive: archiveRoot(undefined),
    writeArchive: false,
    reportRoot: out,
    experiments: true,
  };
}

/** check.json without what may differ between two runs: the times and the date. */
function timeless(out: string): unknown {
  const data = JSON.parse(readFileSync(join(out, 'data', 'check.json'), 'utf8')) as Record<
    string,
    unknown
  > & {
    results: Record<string, unknown>[];
  };
  const { date: _date, durationMs: _durationMs, ...rest } = data;
  return { ...rest, results: data.results.map(({ timeMs: _t, ms: _m, ...row }) => row) };
}

/**
 * Printed text without its times (the experiment's "0.1 s; plots: 0", the table's time column) and without the
 * table's padding, which follows the widest time.
 */
const untimed = (text: string) =>
  text
    .replace(/\d+\.\d s(?=; plots)/g, 'T s')
    .replace(/ \d+\.\ds /g, ' Ts ')
    .replace(/[ -]+/g, ' ');

describe('check in a pool of worker threads', () => {
  test('gives the serial run: same check.json results, same lines in the same order, same exit code', async () => {
    const module = claimsModule();
    // As loadClaimsFile gives them (each names its module, for replay commands), like the workers' claims.
    const registry = new ClaimRegistry(CLAIMS.map((claim) => ({ ...claim, loadedFrom: module.file })));
    // The pool first: its workers start (tsx compiling their imports) while this thread runs the serial check.
    const pooledIo = memoryIo();
    const pooledOut = join(root, 'pooled');
    const pooledRun = checkCommand(registry, options(pooledOut), pooledIo, {
      jobs: 2,
      claimsModule: module,
      worker: sourceWorkerEntry(),
    });
    const serialIo = memoryIo();
    const serialOut = join(root, 'serial');
    const serial = await checkCommand(registry, options(serialOut), serialIo, {
      jobs: 1,
      claimsModule: null,
    });
    const pooled = await pooledRun;
    expect(pooled).toBe(serial);
    expect(timeless(pooledOut)).toEqual(timeless(serialOut));
    // The pool says it is one, then prints each claim's block in run order, like the serial run.
    expect(pooledIo.stderr[1]).toMatch(new RegExp(`^checking ${IDS.length} claims on 2 worker threads`));
    const ordered = pooledIo.stderr.filter((line, i) => i !== 1 && !line.startsWith(HELD_BACK));
    expect(ordered.map(untimed)).toEqual(serialIo.stderr.map(untimed));
    expect(pooledIo.stdout.map(untimed)).toEqual(serialIo.stdout.map(untimed));
  });

  test('hands out the longest claims first, unknown ones before them, ties in run order', () => {
    const named = (id: string) => ({ ...ahw96SingleNeuron, id });
    const claims = [cho15BandThresholds, ahw96SingleNeuron, named('km-phase-transition'), kaw16DeepLinear];
    // km-phase-transition (the longest main-job claim), kaw16, ahw96, then cho15-band-thresholds
    expect(scheduleOrder(claims, null)).toEqual([2, 3, 1, 0]);
    // a claim without a time (a user's) first
    expect(scheduleOrder([...claims, named('my-claim')], null)[0]).toBe(4);
  });
});
