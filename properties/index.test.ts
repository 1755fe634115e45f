import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnyClaim } from '../src/claims/index.js';
import { allClaims } from './index.js';

/** Files of properties/ that are not claims: the registry, the citation table, tests and their data. */
const NOT_CLAIMS = new Set(['index.ts', 'sources.ts']);
const folder = fileURLToPath(new URL('.', import.meta.url));
const claimIds = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !NOT_CLAIMS.has(name))
  .map((name) => name.slice(0, -'.ts'.length))
  .sort();

function isClaim(value: unknown): value is AnyClaim {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string' &&
    typeof (value as { check?: unknown }).check === 'function'
  );
}

describe('the claim registry', () => {
  it.each(claimIds)('%s.ts exports one claim, registered, whose id is its file name', async (id) => {
    const module: Record<string, unknown> = await import(
      /* @vite-ignore */ new URL(`./${id}.ts`, import.meta.url).href
    );
    const claims = Object.values(module).filter(isClaim);
    expect(claims.map((claim) => claim.id)).toEqual([id]);
    expect(allClaims).toContain(claims[0]);
  });

  it('lists exactly the claim files, sorted by id, each once', () => {
    const ids = allClaims.map((claim) => claim.id);
    expect(ids).toEqual(claimIds);
    expect(ids).toEqual([...ids].sort());
  });
});
