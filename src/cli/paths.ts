import { existsSync, mkdtempSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeText, makeFolder } from '../archive/index.js';
import { UserError } from '../errors.js';

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

/**
 * A path option given as the empty string (`--archive "$DIR"` with DIR unset) is an error, not the default: the
 * default archive is the project's own, and `--out ''` would be the working folder.
 */
function nonEmpty(name: string, option: string | undefined): string | undefined {
  if (option === '') throw new UserError(`${name} expects a folder, got an empty path`);
  return option;
}

/** The archive folder: `--archive DIR`, else LANDSCAPE_ARCHIVE (empty: unset), else `<project>/counterexamples`. */
export function archiveRoot(option: string | undefined): string {
  const chosen = nonEmpty('--archive', option) ?? process.env.LANDSCAPE_ARCHIVE;
  return chosen === undefined || chosen === '' ? join(projectRoot(), 'counterexamples') : resolve(chosen);
}

/** The report folder: `--out DIR`, else `<project>/report`. */
export function reportRoot(option: string | undefined): string {
  const chosen = nonEmpty('--out', option);
  return chosen === undefined ? join(projectRoot(), 'report') : resolve(chosen);
}

/** The guided-hunt cache (ignored by git): near-misses kept across hunts; LANDSCAPE_CACHE_DIR moves it. */
export function cacheRoot(): string {
  const dir = process.env.LANDSCAPE_CACHE_DIR;
  return dir === undefined || dir === '' ? join(projectRoot(), '.landscape-cache') : resolve(dir);
}

/** A path as the user should see it: relative to the current directory when it lies below it, else absolute. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, resolve(path));
  // Escaped: a folder name given by the user (say '\u001b[2J') never reaches the terminal raw.
  return escapeText(rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel);
}

/** An archive folder that must exist to be read (replay, report): a UserError names it otherwise. */
export function existingArchive(path: string): string {
  let stats: import('node:fs').Stats;
  try {
    stats = statSync(path);
  } catch {
    throw new UserError(`--archive: no such folder '${path}'`);
  }
  if (!stats.isDirectory()) throw new UserError(`--archive expects a folder, '${path}' is not one`);
  return path;
}

/**
 * An archive folder that will be written to or read if present (check, hunt, list): missing is fine, but a path
 * that exists and is not a folder is a UserError (checked before any computation).
 */
export function archiveFolderOrMissing(path: string): string {
  let stats: import('node:fs').Stats | undefined;
  try {
    stats = statSync(path);
  } catch {
    return path;
  }
  if (!stats.isDirectory()) throw new UserError(`--archive expects a folder, '${path}' is not one`);
  return path;
}

/**
 * An output folder (`--out`), checked before any computation: it may be missing (it is created later) or a folder
 * we can write; a file or a folder we cannot write in is a UserError, so no result is computed only to be lost.
 * Writing is tried, not inferred from permission bits (which let root "write" in /proc, where creating anything
 * fails): a probe folder is made inside it, and a missing path is made and removed again.
 */
export function writableOutputFolder(path: string, flag = '--out'): string {
  const shown = escapeText(path);
  let stats: import('node:fs').Stats | undefined;
  try {
    stats = statSync(path);
  } catch {
    stats = undefined;
  }
  if (stats !== undefined) {
    if (!stats.isDirectory()) throw new UserError(`${flag} expects a folder, '${shown}' is a file`);
    try {
      rmdirSync(mkdtempSync(join(path, '.landscape-write-probe-')));
    } catch (error) {
      throw new UserError(`${flag}: cannot write to '${shown}' (${errorCode(error)})`);
    }
    return path;
  }
  // Missing: the nearest existing ancestor must be a folder in which the path can be made.
  const created: string[] = [];
  let parent = resolve(path);
  for (;;) {
    let parentStats: import('node:fs').Stats | undefined;
    try {
      parentStats = statSync(parent);
    } catch {
      parentStats = undefined;
    }
    if (parentStats !== undefined) {
      if (!parentStats.isDirectory())
        throw new UserError(`${flag}: '${escapeText(parent)}' is a file, cannot create '${shown}'`);
      break;
    }
    created.push(parent);
    const up = dirname(parent);
    if (up === parent) break;
    parent = up;
  }
  try {
    makeFolder(path);
  } catch (error) {
    throw new UserError(`${flag}: cannot create '${shown}' (${errorCode(error)})`);
  } finally {
    for (const folder of created) {
      try {
        rmdirSync(folder);
      } catch {
        // made by someone else meanwhile, or never made: left as it is
      }
    }
  }
  return path;
}

function errorCode(error: unknown): string {
  return escapeText((error as NodeJS.ErrnoException).code ?? String((error as Error).message), 60);
}
