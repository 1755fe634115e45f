import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { allClaims } from '../../properties/index.js';
import { ClaimRegistry } from '../claims/index.js';
import { type CheckOptions, checkCommand } from './check.js';
import { scheduleOrder, sourceWorkerEntry } from './checkPool.js';
import { memoryIo } from './io.js';
import { archiveRoot } from './paths.js';

const root = mkdtempSync(join(tmpdir(), 'check-pool-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Fast claims of every expectation, one with an experiment, one refuted by its archive. */
const IDS = ['ahw96-single-neuron', 'bh89-linear-no-bad-min', 'cho15-band-thresholds', 'kaw16-deep-linear'];

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

/** A printed line without its time (the experiment's "0.1 s; plots: 0" and the table's time column). */
const untimed = (text: string) => text.replace(/\d+\.\d s(?=; plots)/g, 'T s').replace(/ \d+\.\ds /g, ' Ts ');

describe('check in a pool of worker threads', () => {
  test('gives the serial run: same check.json results, same lines in the same order, same exit code', async () => {
    const registry = new ClaimRegistry(allClaims);
    const serialIo = memoryIo();
    const serialOut = join(root, 'serial');
    const serial = await checkCommand(registry, options(serialOut), serialIo, {
      jobs: 1,
      claimsModule: null,
    });
    const pooledIo = memoryIo();
    const pooledOut = join(root, 'pooled');
    const pooled = await checkCommand(registry, options(pooledOut), pooledIo, {
      jobs: 2,
      claimsModule: null,
      worker: sourceWorkerEntry(),
    });
    expect(pooled).toBe(serial);
    expect(timeless(pooledOut)).toEqual(timeless(serialOut));
    // The pool says it is one, then prints each claim's block in run order, like the serial run.
    expect(pooledIo.stderr[1]).toBe(`checking ${IDS.length} claims on 2 worker threads…`);
    expect(pooledIo.stderr.filter((_, i) => i !== 1).map(untimed)).toEqual(serialIo.stderr.map(untimed));
    expect(pooledIo.stdout.map(untimed)).toEqual(serialIo.stdout.map(untimed));
  });

  test('hands out the longest claims first, unknown ones before them, ties in run order', () => {
    const registry = new ClaimRegistry(allClaims);
    const ids = ['cho15-band-thresholds', 'ahw96-single-neuron', 'km-phase-transition', 'kaw16-deep-linear'];
    // km-phase-transition (the longest main-job claim), kaw16, ahw96, then cho15-band-thresholds
    expect(scheduleOrder(registry.select(ids), null)).toEqual([2, 3, 1, 0]);
    const mine = { ...registry.get('ahw96-single-neuron')!, id: 'my-claim' };
    expect(scheduleOrder([...registry.select(ids), mine], null)[0]).toBe(4);
  });
});
