import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { replayCommand } from '../claims/index.js';
import { UserError } from '../errors.js';
import { memoryIo } from './io.js';
import { claimsArgument, claimsOfModule, loadClaimsFile, userClaims } from './loadClaims.js';
import { main } from './main.js';

const root = mkdtempSync(join(tmpdir(), 'load-claims-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A user module: one claim that always holds (its check never fails), written with plain fast-check. */
function userModule(id: string, extra = ''): string {
  return [
    `import fc from ${JSON.stringify(import.meta.resolve('fast-check'))};`,
    `export const always${extra === '' ? '' : ': unknown'} = {`,
    `  id: '${id}', title: 'always holds', statement: 'x = x for every integer x', kind: 'theorem', expect: 'holds',`,
    "  source: { authors: 'Anyone', year: 2026, title: 'Reflexivity', where: 'line 1' },",
    '  hypotheses: fc.integer(), budget: { test: 3, check: 5 },',
    "  check: (x) => (x === x ? { status: 'pass' } : { status: 'fail', evidence: x }),",
    "  certify: () => ({ ok: false, reason: 'nothing to certify' }),",
    '};',
    "export const helper = 'not a claim';",
    '',
  ].join('\n');
}

describe('--claims: user modules', () => {
  test('claimsArgument finds --claims FILE and --claims=FILE anywhere before --', () => {
    expect(claimsArgument(['check', '--claims', 'a.js', '--runs', '3'])).toBe('a.js');
    expect(claimsArgument(['--claims=b.mjs', 'list'])).toBe('b.mjs');
    expect(claimsArgument(['check', 'id'])).toBeUndefined();
    expect(() => claimsArgument(['check', '--claims'])).toThrow(UserError);
  });

  test('a module exporting no claim, or a non-claim in its list, is a one-line UserError', () => {
    expect(() => claimsOfModule({ helper: 1 }, 'x.js')).toThrow(/exports no claims/);
    expect(() => claimsOfModule({ default: [{ id: 'a' }] }, 'x.js')).toThrow(
      /export default\[0\] is not a claim/,
    );
    const partial = { id: 'a', check: () => ({ status: 'pass' }) };
    expect(() => claimsOfModule({ partial }, 'x.js')).toThrow(/claim 'a' has no title/);
  });

  test('a .mjs module loads: named claims are found, other exports ignored', async () => {
    writeFileSync(join(root, 'mine.mjs'), userModule('mine-always'));
    const user = await loadClaimsFile('mine.mjs', root);
    expect(user.claims.map((c) => c.id)).toEqual(['mine-always']);
    expect(user.root).toBe(root);
  });

  test('a .ts module loads through tsx', async () => {
    writeFileSync(join(root, 'typed.ts'), userModule('typed-always', 'typed'));
    const user = await loadClaimsFile('typed.ts', root);
    expect(user.claims.map((c) => c.id)).toEqual(['typed-always']);
  });

  test('without --claims, landscape.config.js in the working folder names the module; no config: built-ins', async () => {
    const project = join(root, 'project');
    mkdirSync(join(project, 'claims'), { recursive: true });
    writeFileSync(join(project, 'claims', 'mine.mjs'), userModule('configured-always'));
    expect(await userClaims(['list'], project)).toBeNull();
    writeFileSync(join(project, 'landscape.config.js'), "export default { claims: './claims/mine.mjs' };\n");
    const user = await userClaims(['list'], project);
    expect(user?.claims.map((c) => c.id)).toEqual(['configured-always']);
    expect(user?.file).toBe(join('claims', 'mine.mjs'));
    // A module is imported once per process, so the bad config goes into a folder of its own.
    const bad = join(root, 'bad-project');
    mkdirSync(bad);
    writeFileSync(join(bad, 'landscape.config.js'), 'export default { claim: 1 };\n');
    await expect(userClaims(['list'], bad)).rejects.toThrow(/expected export default \{ claims/);
  });

  test('a missing file, or one that throws on import, is a one-line UserError', async () => {
    await expect(loadClaimsFile('nothing.js', root)).rejects.toThrow(/no such file/);
    writeFileSync(join(root, 'broken.mjs'), "throw new Error('boom\\nsecond line');\n");
    await expect(loadClaimsFile('broken.mjs', root)).rejects.toThrow(/could not be loaded: boom$/);
  });

  test('landscape list/check --claims run the user claims only; bad --claims exits 2 with one line', async () => {
    const io = memoryIo();
    const file = join(root, 'mine.mjs');
    expect(await main(['list', '--json', '--claims', file], io)).toBe(0);
    const listed = JSON.parse(io.stdout.join('\n')) as { claims: { id: string }[] };
    expect(listed.claims.map((c) => c.id)).toEqual(['mine-always']);

    const checkIo = memoryIo();
    const argv = ['check', '--claims', file, '--json', '--seed', '1', '--out', join(root, 'report')];
    expect(await main([...argv, '--archive', join(root, 'counterexamples')], checkIo)).toBe(0);
    const checked = JSON.parse(checkIo.stdout.join('\n')) as { results: { id: string; verdict: string }[] };
    expect(checked.results.map((r) => [r.id, r.verdict])).toEqual([['mine-always', 'holds']]);

    const bad = memoryIo();
    expect(await main(['check', '--claims', join(root, 'nothing.js')], bad)).toBe(2);
    expect(bad.stderr).toHaveLength(1);
    expect(bad.stderr[0]).toMatch(/^landscape: --claims .*nothing\.js: no such file/);

    const hunt = memoryIo();
    expect(await main(['hunt', '--claims', file, '--time', '1s'], hunt)).toBe(2);
    expect(hunt.stderr[0]).toMatch(/hunt runs the built-in claims only/);
  });

  test('a user claim’s failure prints a replay command with --claims FILE, and that command replays it', async () => {
    const file = join(root, 'fails.mjs');
    writeFileSync(
      file,
      userModule('mine-fails').replace(
        "check: (x) => (x === x ? { status: 'pass' } : { status: 'fail', evidence: x }),",
        "check: (x) => (x < 5 ? { status: 'pass' } : { status: 'fail', evidence: x }),",
      ),
    );
    const run = async (argv: string[]) => {
      const io = memoryIo();
      await main([...argv, '--json', '--out', join(root, 'report'), '--archive', join(root, 'none')], io);
      return (JSON.parse(io.stdout.join('\n')) as { results: { replay: string | null; verdict: string }[] })
        .results[0]!;
    };
    const first = await run(['check', 'mine-fails', '--claims', file, '--seed', '1']);
    expect(first.verdict).toBe('inconclusive'); // failed, but its certify builds no certificate
    expect(first.replay).toMatch(
      /^npx landscape check mine-fails --claims \S+fails\.mjs --seed 1 --path \S+$/,
    );
    const again = await run(first.replay!.split(' ').slice(2));
    expect(again.replay).toBe(first.replay);
    expect(replayCommand('a', 3, '0:1', 'my claims/it’s.mjs')).toBe(
      "npx landscape check a --claims 'my claims/it’s.mjs' --seed 3 --path 0:1",
    );
    expect(replayCommand('a', 3)).toBe('npx landscape check a --seed 3');
  });
});
