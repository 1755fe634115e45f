import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The temporary files of our atomic writes: `.<name>.<pid>.<counter>.tmp` in the target's folder. */
const TEMPORARY = /^\..+\.(\d+)\.\d+\.tmp$/;

let tmpCounter = 0;

/**
 * Create `path` with `contents`, atomically and never overwriting: the bytes go to a temporary file in the
 * same folder, are flushed, and are then hard-linked to `path` (link fails if `path` exists, so a second
 * writer of the same content-named file loses the race harmlessly). A crash at any point leaves either no
 * file or the whole file; the temporary is removed in every case.
 * Returns true if this call created the file, false if it already existed.
 */
export function writeFileAtomicNoClobber(path: string, contents: string): boolean {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  tmpCounter += 1;
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${tmpCounter}.tmp`);
  const fd = openSync(tmp, 'wx');
  try {
    writeSync(fd, contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
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
 * Replace `path` atomically (for caches, not the archive): write a temporary in the same folder, flush, rename over
 * the target. A crash leaves the old file or the new one, never half of one.
 */
export function writeFileAtomicReplace(path: string, contents: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  tmpCounter += 1;
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${tmpCounter}.tmp`);
  const fd = openSync(tmp, 'wx');
  try {
    writeSync(fd, contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (error) {
    unlinkSync(tmp);
    throw error;
  }
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
