import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeText } from '../archive/index.js';
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
 * An output folder (`--out`), checked before any computation: it may be missing (it is created) or a folder we can
 * write; a file or an unwritable folder is a UserError, so no result is computed only to be lost.
 */
export function writableOutputFolder(path: string, flag = '--out'): string {
  let stats: import('node:fs').Stats | undefined;
  try {
    stats = statSync(path);
  } catch {
    stats = undefined;
  }
  if (stats !== undefined) {
    if (!stats.isDirectory()) throw new UserError(`${flag} expects a folder, '${path}' is a file`);
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw new UserError(`${flag}: cannot write to '${path}'`);
    }
    return path;
  }
  // Missing: the nearest existing ancestor must be a writable folder.
  let parent = dirname(path);
  for (;;) {
    let parentStats: import('node:fs').Stats | undefined;
    try {
      parentStats = statSync(parent);
    } catch {
      parentStats = undefined;
    }
    if (parentStats !== undefined) {
      if (!parentStats.isDirectory())
        throw new UserError(`${flag}: '${parent}' is a file, cannot create '${path}'`);
      try {
        accessSync(parent, constants.W_OK);
      } catch {
        throw new UserError(`${flag}: cannot create '${path}' (no write access to '${parent}')`);
      }
      return path;
    }
    const up = dirname(parent);
    if (up === parent) return path;
    parent = up;
  }
}
