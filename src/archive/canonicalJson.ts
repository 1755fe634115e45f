import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, numbers as JSON.stringify
 * prints them (the shortest text that reads back to the same double). Used for content hashes.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error(`canonicalJson: cannot encode ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** First 16 hex digits of the SHA-256 of the canonical JSON of `subject`: the archive file name. */
export function subjectHash(subject: unknown): string {
  return createHash('sha256').update(canonicalJson(subject), 'utf8').digest('hex').slice(0, 16);
}
