import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { allClaims } from '../properties/index.js';
import { loadArchive } from '../src/archive/index.js';
import { replayLoaded } from '../src/claims/index.js';

/**
 * The whole archive, file by file: every file parses, matches the schema, sits where its content says
 * (counterexamples/<claim>/<hash of subject>.json) and names a registered claim. A bad file is reported by path
 * and reason and the others still load. Each file then replays: it refutes the claim it names (a kind the claim
 * declares, a subject meeting its hypotheses) and its certificate verifies at our strength; a refused file fails here
 * naming the reason (each claim's own suite replays its folder too).
 */
const ARCHIVE = join(import.meta.dirname, '..', 'counterexamples');
const files = loadArchive(ARCHIVE);
const known = new Set(allClaims.map((c) => c.id));

describe('the archive as a whole', () => {
  test('is not empty (the constructions have certified counterexamples)', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files.map((f) => [f.path.slice(ARCHIVE.length + 1), f] as const))(
    '%s loads and names a registered claim',
    (_name, file) => {
      expect(file.ok ? [] : [file.reason]).toEqual([]);
      if (file.ok) expect(known.has(file.value.claim), `unknown claim ${file.value.claim}`).toBe(true);
    },
  );

  test.each(files.map((f) => [f.path.slice(ARCHIVE.length + 1), f] as const))(
    '%s refutes the claim it names and replays at our strength',
    (_name, file) => {
      const result = replayLoaded(file, (id) => allClaims.find((c) => c.id === id));
      expect(result.problems).toEqual([]);
    },
  );
});
