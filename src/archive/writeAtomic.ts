import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The temporary files of our atomic writes: `.<name>.<pid>.<counter>.tmp` in the target's folder. */
const TEMPORARY = /^\..+\.(\d+)\.\d+\.tmp$/;

let tmpCounter = 0;

/**
 * Create the folder `dir` and its missing ancestors, one level at a time. Not `mkdirSync(dir, { recursive: true })`:
 * Node's recursive mkdir loops forever when a parent exists but the child cannot be made in it and the error is
 * ENOENT (any path under /proc, say `--out /proc/nope`), so a user's path could hang the CLI. Here every failure
 * is thrown as the operating system reported it.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    let exists = false;
    try {
      exists = statSync(at).isDirectory();
      if (!exists) throw Object.assign(new Error(`'${at}' is not a folder`), { code: 'ENOTDIR' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (exists) break;
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Another writer made it between our stat and our mkdir.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Write `contents` to a temporary in `path`'s folder, flush it, then put it in place: 'no-clobber' hard-links it to
 * `path` (link fails if `path` exists, so nothing is ever overwritten), 'replace' renames it over `path`. A crash at
 * any point leaves the old state or the whole new file, never half of one; the temporary is removed in every case.
 * Returns false only when 'no-clobber' found `path` already there.
 */
function writeAtomic(path: string, contents: string, mode: 'no-clobber' | 'replace'): boolean {
  const dir = dirname(path);
  makeFolder(dir);
  tmpCounter += 1;
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${tmpCounter}.tmp`);
  const fd = openSync(tmp, 'wx');
  try {
    try {
      // writeFileSync on a descriptor loops until every byte is written (writeSync may write part of them).
      writeFileSync(fd, contents);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    // A failed write or flush (a full disk, an I/O error) leaves no temporary behind.
    unlinkSync(tmp);
    throw error;
  }
  if (mode === 'replace') {
    try {
      renameSync(tmp, path);
    } catch (error) {
      unlinkSync(tmp);
      throw error;
    }
    return true;
  }
  try {
    linkSync(tmp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Create `path` with `contents`, atomically and never overwriting (a second writer of the same content-named file
 * loses the race harmlessly). Returns true if this call created the file, false if it already existed.
 */
export function writeFileAtomicNoClobber(path: string, contents: string): boolean {
  return writeAtomic(path, contents, 'no-clobber');
}

/**
 * Replace `path` atomically (for caches, not the archive): a crash leaves the old file or the new one, never half
 * of one.
 */
export function writeFileAtomicReplace(path: string, contents: string): void {
  writeAtomic(path, contents, 'replace');
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Temporaries left in `dir` by an atomic write that crashed (its writer process is gone). Writers that are still
 * running are not listed: their temporary is about to become a file.
 */
export function staleTemporaries(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => {
      const match = TEMPORARY.exec(name);
      return match !== null && !processAlive(Number(match[1]));
    })
    .map((name) => join(dir, name))
    .sort();
}

/** Remove the stale temporaries of `dir` (a crashed write's leftovers, never an archived file); returns them. */
export function cleanStaleTemporaries(dir: string): string[] {
  const removed: string[] = [];
  for (const path of staleTemporaries(dir)) {
    try {
      unlinkSync(path);
      removed.push(path);
    } catch {
      // another run cleaned it first
    }
  }
  return removed;
}
