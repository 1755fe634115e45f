import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { subjectHash } from './canonicalJson.js';
import { type CounterexampleJson, counterexampleSchema, describeSchemaError } from './schema.js';
import { cleanStaleTemporaries, staleTemporaries, writeFileAtomicNoClobber } from './writeAtomic.js';

/**
 * Largest archive file we read: 8 MiB. The largest file today is 8 kB; a spin glass of N = 60, H = 3 (216 000
 * couplings) is ~4 MB. Anything larger is refused unread, so a padded file cannot exhaust memory or time.
 */
export const MAX_ARCHIVE_FILE_BYTES = 8 * 1024 * 1024;

/** Reasons quote file content (or names) at most this many characters, escaped. */
export const MAX_QUOTE_CHARS = 60;

/**
 * Text from a file or a file name made safe for a terminal: control, format and non-ASCII-space characters as
 * \uXXXX escapes, cut to `max` characters with an ellipsis. Nothing read from disk reaches the terminal raw.
 */
/**
 * JSON text safe for a terminal: characters that `JSON.stringify` leaves raw (it escapes those below U+0020 in
 * strings and emits only newlines and spaces outside them) but a terminal acts on (U+007F–U+009F,
 * bidi and other format characters, separators) as \\uXXXX escapes, which keeps the JSON valid and equal in value.
 */
export function terminalSafeJson(json: string): string {
  return [...json]
    .map((ch) =>
      ch.codePointAt(0)! >= 0x7f && isUnsafeCodePoint(ch.codePointAt(0)!)
        ? `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`
        : ch,
    )
    .join('');
}

function isUnsafeCodePoint(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0xad ||
    code === 0x61c ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0xfeff ||
    (code >= 0xfff9 && code <= 0xfffd) ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

export function escapeText(text: string, max = Number.POSITIVE_INFINITY): string {
  let escaped = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    escaped += isUnsafeCodePoint(code) ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
    if (escaped.length > max) return `${escaped.slice(0, max)}…`;
  }
  return escaped;
}

/** The default archive folder, relative to the project root. */
export const ARCHIVE_DIR = 'counterexamples';

/** A file read from the archive: its parsed content, or why it could not be loaded. */
export type LoadedFile =
  | { readonly path: string; readonly ok: true; readonly value: CounterexampleJson }
  | { readonly path: string; readonly ok: false; readonly reason: string };

/** Where a counterexample is kept: `<root>/<claim>/<hash of subject>.json`. */
export function counterexamplePath(root: string, value: CounterexampleJson): string {
  return join(root, value.claim, `${subjectHash(value.subject)}.json`);
}

/**
 * Pretty-printed JSON that a person can read: objects indented by 2 spaces, arrays of numbers (vectors,
 * matrix rows) kept on one line. Numbers print as JSON.stringify does (shortest round-trip text), so reading
 * the file back gives bit-identical doubles.
 */
export function prettyJson(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object'))
      return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${prettyJson(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** The file text: `prettyJson`, keys in the order of the format, trailing newline. */
export function formatCounterexample(value: CounterexampleJson): string {
  return `${prettyJson(value)}\n`;
}

/** What {@link saveCounterexample} did: the path, and whether the file was created (false: archived before). */
export interface SaveResult {
  readonly path: string;
  /** False when the same subject was archived before: nothing was written. */
  readonly created: boolean;
  /**
   * A file already at the content path that is not a valid archive file of this subject (unreadable, corrupt, or
   * another subject): it is left as it is, reported here, and the find is written beside it (`<hash>-<k>.json`).
   */
  readonly corrupted?: { readonly path: string; readonly reason: string };
}

/** Most files written beside a corrupted one (`<hash>-1.json` … `<hash>-9.json`). */
const MAX_BESIDE = 9;

/**
 * Validate and archive a counterexample. Content-named, atomic, append-only: an existing file is never
 * rewritten. Throws (before writing anything) when the value does not match the schema. A corrupted file at the
 * content path never blocks the find: it is reported and the find is written beside it. Leftover temporaries of a
 * crashed write in the claim's folder are removed first.
 */
export function saveCounterexample(root: string, value: CounterexampleJson): SaveResult {
  const parsed = counterexampleSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`refusing to archive an invalid counterexample: ${describeSchemaError(parsed.error)}`);
  }
  const path = counterexamplePath(root, parsed.data);
  cleanStaleTemporaries(dirname(path));
  const hash = subjectHash(parsed.data.subject);
  let corrupted: { path: string; reason: string } | undefined;
  for (let k = 0; k <= MAX_BESIDE; k++) {
    const target = k === 0 ? path : join(dirname(path), `${hash}-${k}.json`);
    if (writeFileAtomicNoClobber(target, formatCounterexample(parsed.data)))
      return corrupted === undefined
        ? { path: target, created: true }
        : { path: target, created: true, corrupted };
    const existing = loadCounterexampleFile(target, root);
    if (existing.ok && subjectHash(existing.value.subject) === hash)
      return corrupted === undefined
        ? { path: target, created: false }
        : { path: target, created: false, corrupted };
    corrupted ??= { path: target, reason: existing.ok ? 'holds another subject' : existing.reason };
  }
  throw new Error(`${MAX_BESIDE + 1} corrupted files already sit at ${path} and beside it`);
}

/** Parse one file's text; the reason names the JSON position or the schema field. */
export function parseCounterexample(
  text: string,
): { ok: true; value: CounterexampleJson } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${jsonErrorPosition(text, error)}` };
  }
  const parsed = counterexampleSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `schema mismatch: ${describeSchemaError(parsed.error)}` };
  return { ok: true, value: parsed.data };
}

/** What a directory entry is, for a refusal: "a symbolic link", "a directory", "a FIFO", … */
function entryKind(stats: import('node:fs').Stats): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Read a file without following a symbolic link, without blocking on a FIFO, and only up to
 * MAX_ARCHIVE_FILE_BYTES. Returns the text or why it was not read.
 */
function readArchiveText(path: string): { ok: true; text: string } | { ok: false; reason: string } {
  let link: import('node:fs').Stats;
  try {
    link = lstatSync(path);
  } catch (error) {
    return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
  }
  if (!link.isFile()) return { ok: false, reason: `${entryKind(link)}, not a regular file (not followed)` };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason: code === 'ELOOP' ? 'a symbolic link (not followed)' : `cannot read: ${code ?? 'error'}`,
    };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: `${entryKind(stats)}, not a regular file` };
    if (stats.size > MAX_ARCHIVE_FILE_BYTES)
      return {
        ok: false,
        reason: `file is ${(stats.size / 1e6).toFixed(1)} MB, larger than the ${MAX_ARCHIVE_FILE_BYTES / 1024 / 1024} MB an archive file may be`,
      };
    return { ok: true, text: readFileSync(fd, 'utf8') };
  } catch (error) {
    return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
  } finally {
    closeSync(fd);
  }
}

/** A file name the archive accepts for a subject hash: `<hash>.json`, or `<hash>-<k>.json` beside a corrupted one. */
function acceptedName(name: string, hash: string): boolean {
  return name === `${hash}.json` || new RegExp(`^${hash}-[1-9]\\.json$`).test(name);
}

/**
 * Load one archived file. It must be a regular file (a symbolic link is refused, never followed), sit in the folder
 * of the claim it names and be named by its subject's hash, under `root` (default: the folder two levels up, so a
 * single path gets the same checks as the scan). Reasons quote content only escaped and cut short.
 */
export function loadCounterexampleFile(path: string, root?: string): LoadedFile {
  const read = readArchiveText(path);
  if (!read.ok) return { path, ok: false, reason: escapeText(read.reason, 200) };
  const parsed = parseCounterexample(read.text);
  if (!parsed.ok) return { path, ok: false, reason: escapeText(parsed.reason, 300) };
  const base = resolve(root ?? dirname(dirname(resolve(path))));
  const hash = subjectHash(parsed.value.subject);
  const where = relative(base, resolve(path));
  const expected = join(parsed.value.claim, `${hash}.json`);
  if (dirname(where) !== parsed.value.claim || !acceptedName(basename(where), hash)) {
    return {
      path,
      ok: false,
      reason: escapeText(`file is misnamed: its claim and subject hash say it belongs at ${expected}`, 300),
    };
  }
  return { path, ok: true, value: parsed.value };
}

/** Every `*.json` file under `root/<claim>/` (optionally one claim), sorted by path. Regular files only. */
export function listArchiveFiles(root: string, claim?: string): string[] {
  return scanArchive(root, claim)
    .filter((entry) => entry.refusal === null)
    .map((entry) => entry.path);
}

/**
 * Every entry of the archive (or one claim's folder) that is or claims to be an archive file: regular `*.json`
 * files (refusal null), and the entries refused unread with the reason — symbolic links (files or claim folders,
 * never followed), FIFOs, devices and folders named `*.json`. Hidden files (our temporaries) are skipped here.
 */
export function scanArchive(root: string, claim?: string): { path: string; refusal: string | null }[] {
  if (!existsSync(root)) return [];
  const out: { path: string; refusal: string | null }[] = [];
  let folders: string[];
  if (claim === undefined) {
    folders = [];
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) folders.push(entry.name);
      else if (entry.isSymbolicLink())
        out.push({ path: join(root, entry.name), refusal: 'a symbolic link in the archive (not followed)' });
    }
  } else {
    folders = [claim];
  }
  for (const folder of folders) {
    const dir = join(root, folder);
    let stats: import('node:fs').Stats;
    try {
      stats = lstatSync(dir);
    } catch {
      continue;
    }
    if (!stats.isDirectory()) {
      out.push({ path: dir, refusal: `${entryKind(stats)} where a claim folder belongs (not followed)` });
      continue;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isFile()) {
        if (entry.name.endsWith('.json')) out.push({ path, refusal: null });
      } else if (entry.isSymbolicLink()) {
        out.push({ path, refusal: 'a symbolic link (not followed)' });
      } else if (entry.name.endsWith('.json') || !entry.isDirectory()) {
        out.push({ path, refusal: `${entryKind(lstatSync(path))}, not a regular file` });
      }
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Load the whole archive (or one claim's folder): bad files — and symbolic links or other non-regular entries —
 * are reported by path and reason, never thrown, never followed.
 */
export function loadArchive(root: string, claim?: string): LoadedFile[] {
  return scanArchive(root, claim).map((entry) =>
    entry.refusal === null
      ? loadCounterexampleFile(entry.path, root)
      : { path: entry.path, ok: false as const, reason: entry.refusal },
  );
}

/** Leftover temporaries of crashed writes in the archive (or one claim's folder), for a run to report. */
export function archiveTemporaries(root: string, claim?: string): string[] {
  if (!existsSync(root)) return [];
  const folders =
    claim !== undefined
      ? [claim]
      : readdirSync(root, { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => e.name);
  return folders.flatMap((folder) => staleTemporaries(join(root, folder)));
}

/** "line L, column C: message" for a JSON.parse error (Node 20 reports a character position). */
export function jsonErrorPosition(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  if (match === null) return escapeText(message, MAX_QUOTE_CHARS);
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  const what = message.replace(/ in JSON at position \d+.*$/, '');
  return `line ${line}, column ${column}: ${escapeText(what, MAX_QUOTE_CHARS)}`;
}
