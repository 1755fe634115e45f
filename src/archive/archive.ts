import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { subjectHash } from './canonicalJson.js';
import { type CounterexampleJson, counterexampleSchema, describeSchemaError } from './schema.js';
import { writeFileAtomicNoClobber } from './writeAtomic.js';

/** The default archive folder, relative to the project root. */
export const ARCHIVE_DIR = 'counterexamples';

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

export interface SaveResult {
  readonly path: string;
  /** False when the same subject was archived before: nothing was written. */
  readonly created: boolean;
}

/**
 * Validate and archive a counterexample. Content-named, atomic, append-only: an existing file is never
 * rewritten. Throws (before writing anything) when the value does not match the schema.
 */
export function saveCounterexample(root: string, value: CounterexampleJson): SaveResult {
  const parsed = counterexampleSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`refusing to archive an invalid counterexample: ${describeSchemaError(parsed.error)}`);
  }
  const path = counterexamplePath(root, parsed.data);
  if (existsSync(path)) return { path, created: false };
  const created = writeFileAtomicNoClobber(path, formatCounterexample(parsed.data));
  return { path, created };
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

/** Load one archived file. The claim folder and the file name must match the content. */
export function loadCounterexampleFile(path: string, root?: string): LoadedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { path, ok: false, reason: `cannot read: ${(error as Error).message}` };
  }
  const parsed = parseCounterexample(text);
  if (!parsed.ok) return { path, ok: false, reason: parsed.reason };
  if (root !== undefined) {
    const expected = counterexamplePath(root, parsed.value);
    if (relative(root, expected) !== relative(root, path)) {
      return {
        path,
        ok: false,
        reason: `file is misnamed: its claim and subject hash say it belongs at ${relative(root, expected)}`,
      };
    }
  }
  return { path, ok: true, value: parsed.value };
}

/** Every `*.json` file under `root/<claim>/` (optionally one claim), sorted by path. */
export function listArchiveFiles(root: string, claim?: string): string[] {
  if (!existsSync(root)) return [];
  const claims = claim === undefined ? readdirSync(root, { withFileTypes: true }) : null;
  const folders =
    claims === null
      ? [claim as string]
      : claims.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const files: string[] = [];
  for (const folder of folders) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.'))
        files.push(join(dir, entry.name));
    }
  }
  return files.sort();
}

/** Load the whole archive (or one claim's folder): bad files are reported by path and reason, never thrown. */
export function loadArchive(root: string, claim?: string): LoadedFile[] {
  return listArchiveFiles(root, claim).map((path) => loadCounterexampleFile(path, root));
}

/** "line L, column C: message" for a JSON.parse error (Node 20 reports a character position). */
export function jsonErrorPosition(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  if (match === null) return message;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}
