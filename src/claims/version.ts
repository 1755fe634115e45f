import { readFileSync } from 'node:fs';

/** `landscape-check@<version>`, read from package.json next to src/ (or dist/src/) at first use. */
function readVersion(): string {
  for (const relative of ['../../package.json', '../../../package.json']) {
    try {
      const text = readFileSync(new URL(relative, import.meta.url), 'utf8');
      const parsed = JSON.parse(text) as { name?: string; version?: string };
      if (parsed.name === 'landscape-check' && typeof parsed.version === 'string') return parsed.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}

let cached: string | null = null;

/** The package version (read once, on first call: nothing runs at import time). */
export function toolVersion(): string {
  cached ??= readVersion();
  return cached;
}

/** `landscape-check@<version>`, the `found.tool` of archived files. */
export function toolName(): string {
  return `landscape-check@${toolVersion()}`;
}
