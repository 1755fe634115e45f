import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { makeFolder, staleTemporaries, writeFileAtomicNoClobber, writeFileAtomicReplace } from './index.js';

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'write-atomic-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The targets of this process's open descriptors that lie under `dir` (Linux: /proc/self/fd). */
function openUnder(dir: string): string[] {
  const fds = readdirSync('/proc/self/fd');
  const targets: string[] = [];
  for (const fd of fds) {
    try {
      targets.push(readlinkSync(join('/proc/self/fd', fd)));
    } catch {
      // the descriptor readdir itself used, closed by now
    }
  }
  return targets.filter((t) => t.startsWith(dir));
}

describe('atomic writes and folders, at the edges the operating system reports', () => {
  test('a path that exists and is not a folder is an ENOTDIR error, the code the CLI prints', () => {
    const root = scratch();
    const file = join(root, 'file');
    writeFileSync(file, 'x');
    let caught: NodeJS.ErrnoException | undefined;
    try {
      makeFolder(file);
    } catch (error) {
      caught = error as NodeJS.ErrnoException;
    }
    expect(caught?.code).toBe('ENOTDIR');
    expect(caught?.message).toBe(`'${file}' is not a folder`);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  test('a folder that mkdir finds already there (a dangling link: stat sees nothing) is no error; the real failure below it is', () => {
    const root = scratch();
    const link = join(root, 'dangling');
    symlinkSync(join(root, 'missing-target'), link);
    // stat follows the link and finds nothing, mkdir finds the link: EEXIST, as when another writer made the
    // folder between our stat and our mkdir. Not an error by itself; the folder below it cannot be made (ENOENT).
    expect(() => makeFolder(link)).not.toThrow();
    let caught: NodeJS.ErrnoException | undefined;
    try {
      makeFolder(join(link, 'sub'));
    } catch (error) {
      caught = error as NodeJS.ErrnoException;
    }
    expect(caught?.code).toBe('ENOENT');
    expect(existsSync(join(root, 'missing-target'))).toBe(false);
  });

  test.skipIf(!existsSync('/proc/self/fd'))('no write leaves a descriptor open', () => {
    const root = scratch();
    expect(writeFileAtomicNoClobber(join(root, 'a.json'), 'one')).toBe(true);
    expect(writeFileAtomicNoClobber(join(root, 'a.json'), 'two')).toBe(false);
    writeFileAtomicReplace(join(root, 'c.json'), 'three');
    expect(openUnder(root)).toEqual([]);
  });

  test('a no-clobber write that fails for any reason but an existing path throws and leaves no temporary', () => {
    const root = scratch();
    // A trailing slash names a folder that is not there: link(2) answers ENOENT, not EEXIST.
    let caught: NodeJS.ErrnoException | undefined;
    try {
      writeFileAtomicNoClobber(`${join(root, 'x.json')}/`, 'one');
    } catch (error) {
      caught = error as NodeJS.ErrnoException;
    }
    expect(caught?.code).toBe('ENOENT');
    expect(readdirSync(root)).toEqual([]);
  });

  test('a writer we may not signal (EPERM) is alive: its temporary is kept; one that is gone (ESRCH) is stale', () => {
    const root = scratch();
    const denied = 4_000_001;
    const gone = 4_000_002;
    writeFileSync(join(root, `.a.json.${denied}.1.tmp`), 'half');
    writeFileSync(join(root, `.b.json.${gone}.1.tmp`), 'half');
    const kill = vi.spyOn(process, 'kill').mockImplementation((pid) => {
      throw Object.assign(new Error('kill'), { code: pid === denied ? 'EPERM' : 'ESRCH' });
    });
    expect(staleTemporaries(root)).toEqual([join(root, `.b.json.${gone}.1.tmp`)]);
    expect(kill).toHaveBeenCalledWith(denied, 0);
    expect(kill).toHaveBeenCalledWith(gone, 0);
  });
});
