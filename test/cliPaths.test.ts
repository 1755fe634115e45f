import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { saveCounterexample } from '../src/archive/index.js';
import { sampleFile } from '../src/archive/testing/sampleFile.js';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

/**
 * Paths `check` and `replay` print: relative to the working folder the user runs them from (not to the project),
 * and escaped, so a file name put in the archive by hand never reaches the terminal raw (issue 16).
 */
const root = mkdtempSync(join(tmpdir(), 'cli-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const archive = join(root, 'archive');
const claim = 'single-relu-no-spurious-min';
const saved = saveCounterexample(archive, sampleFile());
// A hand-made file whose name holds an escape sequence (it clears a terminal when printed raw).
mkdirSync(join(archive, claim), { recursive: true });
writeFileSync(join(archive, claim, '\u001b[2J.json'), '{}');

async function runIn(cwd: string, args: string[]) {
  const io = memoryIo();
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(args, io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  } finally {
    process.chdir(previous);
  }
}

describe('paths printed by check and replay', () => {
  test('replay: relative to the working folder, names escaped', async () => {
    const { code, out } = await runIn(archive, ['replay', '--archive', archive]);
    expect(code).toBe(1);
    expect(out).toContain(`ok    ${claim}/${saved.path.split('/').pop()}`);
    expect(out).toContain(`FAIL  ${claim}/\\u001b[2J.json: `);
    expect(out).not.toContain('\u001b');
    const inClaim = await runIn(join(archive, claim), ['replay', '--archive', archive]);
    expect(inClaim.out).toMatch(/^ok {4}[0-9a-f]{16}\.json/m);
  });

  test('check: the refused archive file relative to the working folder, escaped', async () => {
    const { err } = await runIn(archive, [
      'check',
      claim,
      '--runs',
      '1',
      '--no-write',
      '--archive',
      archive,
      '--out',
      join(root, 'out'),
    ]);
    expect(err).toContain(`archived file fails replay: ${claim}/\\u001b[2J.json: `);
    expect(err).not.toContain('\u001b');
  });
});
