import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * Exit codes as a user sees them: the built binary and the npm scripts run as subprocesses. `npm ci` builds dist/
 * (prepare), so the binary is there; the npm-script test rebuilds it once, as `npm run check` does.
 */
const root = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'cli-exit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function node(cwd: string, ...argv: string[]) {
  const r = spawnSync(process.execPath, argv, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANDSCAPE_SEED: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A copy of the built package (bin, dist, scripts, package.json; node_modules linked) to edit safely. */
function copyOfBuild(): string {
  const copy = join(scratch, 'repo');
  for (const part of ['bin', 'dist', 'scripts', 'package.json'])
    cpSync(join(root, part), join(copy, part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

describe('exit codes of the built binary and the npm scripts', () => {
  test('landscape check --no-such-flag exits 2 with the message alone', () => {
    const r = node(root, 'bin/landscape.js', 'check', '--no-such-flag');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option '--no-such-flag'/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test('landscape hunt runs in a child on V8 --single-threaded: its JSON, its exit code (0, and 2 for bad input)', () => {
    const cache = mkdtempSync(join(scratch, 'cache-'));
    const argv = ['bin/landscape.js', 'hunt', 'km-d0-one-rank', '--steps', '1', '--seed', '1', '--no-write'];
    const r = spawnSync(process.execPath, [...argv, '--json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LANDSCAPE_CACHE_DIR: cache, LANDSCAPE_V8_THREADS: '' },
    });
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { v8HelperThreads: boolean; steps: number; runs: number };
    expect(summary.v8HelperThreads).toBe(false);
    expect(summary.steps).toBe(1);
    expect(summary.runs).toBeGreaterThan(0);
    const bad = node(root, 'bin/landscape.js', 'hunt', '--steps', 'x');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--steps expects an integer/);
  });

  test('scripts/check.js forwards its arguments: a bad flag exits 2 and runs nothing', () => {
    const r = node(root, 'scripts/check.js', '--no-such-flag');
    expect(r.code).toBe(2);
    expect(r.out).not.toMatch(/report written/);
  });

  test('a claim whose verdict is not as expected exits 1 (binary and main-job script), and the report is still written', () => {
    const copy = copyOfBuild();
    const file = join(copy, 'dist', 'properties', 'km-d0-one-rank.js');
    const source = readFileSync(file, 'utf8');
    expect(source).toContain("expect: 'holds',");
    // Flip the theorem's expectation: it holds, so "refuted" is not as expected.
    writeFileSync(file, source.replace("expect: 'holds',", "expect: 'refuted',"));
    const out = join(copy, 'report');
    const common = ['--runs', '3', '--seed', '1', '--out', out, '--archive', join(copy, 'archive')];
    const check = node(copy, 'bin/landscape.js', 'check', 'km-d0-one-rank', ...common);
    expect(check.code, check.err).toBe(1);
    expect(check.out).toMatch(/0 of 1 claims as expected.*not as expected: km-d0-one-rank/s);
    const main = node(copy, 'scripts/check.js', 'km-d0-one-rank', ...common);
    expect(main.code, main.err).toBe(1);
    expect(main.err).toMatch(/main job: check \d+\.\d s, report \d+\.\d s/);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    const data = JSON.parse(readFileSync(join(out, 'data', 'check.json'), 'utf8')) as {
      counts: Record<string, number>;
      results: { id: string; verdict: string; asExpected: boolean; reason: string }[];
    };
    expect(data.counts).toMatchObject({ total: 1, asExpected: 0, holds: 1 });
    expect(data.results[0]).toMatchObject({ id: 'km-d0-one-rank', verdict: 'holds', asExpected: false });
    expect(data.results[0]!.reason).toMatch(/no counterexample in 3 runs/);
    // The unflipped claim in the same copy would pass: the exit code follows the verdict, not the report.
    writeFileSync(file, source);
    expect(node(copy, 'scripts/check.js', 'km-d0-one-rank', ...common).code).toBe(0);
  });

  test('npm run check -- --no-such-flag exits 2 (npm forwards to scripts/check.js)', () => {
    const r = spawnSync('npm', ['run', 'check', '--', '--no-such-flag'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--no-such-flag'/);
  }, 300_000);
});
