import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

/**
 * Hunts across machines, locally: two shards of one hunt write into separate folders (as two CI jobs would),
 * `landscape merge` validates every file (schema, content name, certificate replay) and copies it into a third
 * archive. Merging again changes nothing; a tampered or misnamed file is refused with its reason.
 */
const dir = mkdtempSync(join(tmpdir(), 'hunt-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

function files(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.json')) out.push(relative(root, join(d, e.name)));
    }
  };
  walk(root);
  return out.sort();
}

describe('hunt --steps', () => {
  test('takes exactly n steps, the claims in turns of one step each, and reports them per claim', async () => {
    const hunt = await cli(
      'hunt',
      'dl18-quadratic',
      'dead-relu-plateau',
      '--steps',
      '4',
      '--seed',
      '5',
      '--workers',
      '1',
      '--no-write',
      '--archive',
      join(dir, 'steps'),
      '--json',
    );
    expect(hunt.code, hunt.err).toBe(0);
    const summary = JSON.parse(hunt.out) as {
      steps: number;
      perClaim: { claim: string; steps: number; runs: number }[];
      perWorker: { steps: number; pastDeadlineSeconds: number | null }[];
    };
    expect(summary.steps).toBe(4);
    expect(summary.perClaim.map((c) => [c.claim, c.steps])).toEqual([
      ['dl18-quadratic', 2],
      ['dead-relu-plateau', 2],
    ]);
    for (const c of summary.perClaim) expect(c.runs).toBeGreaterThan(0);
    expect(summary.perWorker[0]).toMatchObject({ steps: 4, pastDeadlineSeconds: null });
  });

  test('needs --time or --steps', async () => {
    const hunt = await cli('hunt', 'dead-relu-plateau');
    expect(hunt.code).toBe(2);
    expect(hunt.err).toMatch(/hunt needs --time, --steps or both/);
    const zero = await cli('hunt', 'dead-relu-plateau', '--steps', '0');
    expect(zero.code).toBe(2);
    expect(zero.err).toMatch(/--steps must be an integer in \[1, 1000000000\]/);
  });
});

describe('two hunt shards merged by `landscape merge`', () => {
  test('the union of both shards lands in the archive; a second merge adds nothing', async () => {
    for (const shard of ['1/2', '2/2']) {
      const archive = join(dir, `shard-${shard[0]}`);
      const hunt = await cli(
        'hunt',
        'narrow-no-strict-bad-min',
        'dead-relu-plateau',
        '--time',
        '4s',
        '--workers',
        '1',
        '--shard',
        shard,
        '--seed',
        '5',
        '--archive',
        archive,
      );
      expect(hunt.code, hunt.err).toBe(0);
      // Per worker: its rate over its own steps, when it started and how far its last step ran past the deadline.
      expect(hunt.out).toMatch(
        /worker 0: \d+ steps, \d+ runs in [\d.]+ s of steps \([\d.]+\/s\); first step at [\d.]+ s, last one ended at [\d.]+ s \(-?[\d.]+ s past the deadline\)/,
      );
      mkdirSync(archive, { recursive: true });
    }
    const a = files(join(dir, 'shard-1'));
    const b = files(join(dir, 'shard-2'));
    expect(a.length + b.length).toBeGreaterThan(0);
    const merged = join(dir, 'merged');
    const first = await cli(
      'merge',
      join(dir, 'shard-1'),
      join(dir, 'shard-2'),
      '--archive',
      merged,
      '--json',
    );
    expect(first.code, first.out.slice(0, 3000)).toBe(0);
    expect(files(merged)).toEqual([...new Set([...a, ...b])].sort());
    for (const f of a)
      expect(readFileSync(join(merged, f), 'utf8')).toBe(readFileSync(join(dir, 'shard-1', f), 'utf8'));
    const again = await cli(
      'merge',
      join(dir, 'shard-1'),
      join(dir, 'shard-2'),
      '--archive',
      merged,
      '--json',
    );
    expect(again.code).toBe(0);
    const results = (JSON.parse(again.out) as { results: { outcome: string }[] }).results;
    expect(results.every((r) => r.outcome === 'present')).toBe(true);
  }, 120_000);

  test('a file whose certificate does not verify, a misnamed file and broken JSON are refused with reasons', async () => {
    const source = join(
      import.meta.dirname,
      '..',
      'counterexamples',
      'narrow-no-strict-bad-min',
      '06cb1fffb28dcff6.json',
    );
    const bad = join(dir, 'bad');
    mkdirSync(join(bad, 'narrow-no-strict-bad-min'), { recursive: true });
    const json = JSON.parse(readFileSync(source, 'utf8')) as { certificate: { loss: number } };
    json.certificate.loss += 1;
    writeFileSync(
      join(bad, 'narrow-no-strict-bad-min', '06cb1fffb28dcff6.json'),
      JSON.stringify(json, null, 2),
    );
    mkdirSync(join(bad, 'elsewhere'), { recursive: true });
    cpSync(source, join(bad, 'elsewhere', 'renamed.json'));
    writeFileSync(join(bad, 'elsewhere', 'broken.json'), '{ "format": ');
    const archive = join(dir, 'archive-bad');
    const merge = await cli('merge', bad, '--archive', archive);
    expect(merge.code).toBe(1);
    expect(merge.out).toMatch(/broken\.json\s+refused\s+invalid JSON/);
    expect(merge.out).toMatch(/renamed\.json\s+refused\s+(file is )?misnamed/);
    expect(merge.out).toMatch(/06cb1fffb28dcff6\.json\s+refused\s+certificate:/);
    expect(merge.out).toContain('0 added, 0 already present, 3 refused');
    expect(files(join(dir)).some((f) => f.startsWith('archive-bad'))).toBe(false);
  }, 120_000);

  test('a DIR that is not a folder is a usage error (exit 2, one line)', async () => {
    const r = await cli('merge', join(dir, 'nope'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^landscape: merge: .*nope is not a folder/);
  });
});
