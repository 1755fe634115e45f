import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let userRoot: string | undefined;

/** A user's project (`--claims`, a config file) stands in for ours: archive, report and cache go there. */
export function setProjectRoot(dir: string | undefined): void {
  userRoot = dir;
}

/**
 * The folder of landscape-check's package.json (works from src/ under vitest and from dist/ when built), or the
 * user's project set by setProjectRoot.
 */
export function projectRoot(): string {
  if (userRoot !== undefined) return userRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'landscape-check')
          return dir;
      } catch {
        // keep looking upward
      }
    }
    dir = dirname(dir);
  }
  return process.cwd();
}

/** The archive folder: `--archive DIR`, else LANDSCAPE_ARCHIVE, else `<project>/counterexamples`. */
export function archiveRoot(option: string | undefined): string {
  const chosen = option ?? process.env.LANDSCAPE_ARCHIVE;
  return chosen === undefined || chosen === '' ? join(projectRoot(), 'counterexamples') : resolve(chosen);
}

/** The report folder: `--out DIR`, else `<project>/report`. */
export function reportRoot(option: string | undefined): string {
  return option === undefined ? join(projectRoot(), 'report') : resolve(option);
}

/** The guided-hunt cache (ignored by git): near-misses kept across hunts. */
export function cacheRoot(): string {
  return join(projectRoot(), '.landscape-cache');
}

/** A path as the user should see it: relative to the current directory when it lies below it, else absolute. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, resolve(path));
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel;
}
