import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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
