import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect } from 'vitest';
import {
  type CounterexampleJson,
  canonicalJson,
  counterexamplePath,
  formatCounterexample,
  loadArchive,
  parseCounterexample,
  saveCounterexample,
  subjectHash,
  writeFileAtomicNoClobber,
} from './index.js';
import { sampleFile } from './testing/sampleFile.js';

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'archive-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('canonical JSON and content hashes', () => {
  test.prop([
    fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.boolean()),
    ),
  ])('canonical JSON ignores key order and reads back to the same value', (object) => {
    const reversed = Object.fromEntries(Object.entries(object).reverse());
    expect(canonicalJson(reversed)).toBe(canonicalJson(object));
    expect(JSON.parse(canonicalJson(object))).toEqual(object);
  });

  test('the hash is the first 16 hex digits of the SHA-256 of the canonical subject', () => {
    const subject = sampleFile().subject;
    expect(subjectHash(subject)).toMatch(/^[0-9a-f]{16}$/);
    expect(subjectHash(JSON.parse(JSON.stringify(subject)))).toBe(subjectHash(subject));
    // Known value: pins the canonical form (sorted keys, no whitespace) across versions.
    expect(canonicalJson({ b: [1, 0.5], a: { d: null, c: 'x' } })).toBe(
      '{"a":{"c":"x","d":null},"b":[1,0.5]}',
    );
  });

  test('doubles survive the pretty-printed file bit for bit', () => {
    const file = sampleFile();
    const tricky = [0.1 + 0.2, 1e-300, -(2 ** -1074), 123456789.12345678, Math.PI];
    const withNumbers = {
      ...file,
      subject: { ...file.subject, data: { inputs: tricky.map((v) => [v]), targets: tricky.map(() => [0]) } },
    } as CounterexampleJson;
    const parsed = parseCounterexample(formatCounterexample(withNumbers));
    expect(parsed.ok).toBe(true);
    if (parsed.ok && parsed.value.subject.kind === 'mlp') {
      for (const [i, row] of parsed.value.subject.data.inputs.entries())
        expect(Object.is(row[0], tricky[i])).toBe(true);
    }
  });
});

describe('the archive', () => {
  test('saves under <claim>/<hash>.json, and a repeat find writes nothing', () => {
    const root = scratch();
    const file = sampleFile();
    const first = saveCounterexample(root, file);
    expect(first.created).toBe(true);
    expect(first.path).toBe(counterexamplePath(root, file));
    expect(first.path.endsWith(`${file.claim}/${subjectHash(file.subject)}.json`)).toBe(true);
    const before = readFileSync(first.path, 'utf8');
    const second = saveCounterexample(root, { ...file, found: { ...file.found, seed: 99 } });
    expect(second).toEqual({ path: first.path, created: false });
    expect(readFileSync(first.path, 'utf8')).toBe(before);
    expect(readdirSync(join(root, file.claim))).toEqual([`${subjectHash(file.subject)}.json`]);
  });

  test('refuses to write a file that does not match the schema', () => {
    const root = scratch();
    const bad = sampleFile({ claim: 'Not Kebab' });
    expect(() => saveCounterexample(root, bad)).toThrow(/claim: expected a kebab-case claim id/);
    expect(existsSync(join(root, 'Not Kebab'))).toBe(false);
  });

  test('atomic no-clobber write: the second writer of a path loses harmlessly and no temporary file is left', () => {
    const root = scratch();
    const path = join(root, 'x', 'a.json');
    expect(writeFileAtomicNoClobber(path, 'one')).toBe(true);
    expect(writeFileAtomicNoClobber(path, 'two')).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('one');
    expect(readdirSync(join(root, 'x'))).toEqual(['a.json']);
  });

  test('loading reports each bad file by path and reason and still loads the rest', () => {
    const root = scratch();
    const good = saveCounterexample(root, sampleFile());
    const dir = join(root, 'single-relu-no-spurious-min');
    writeFileSync(join(dir, 'broken.json'), '{\n  "format": "landscape-check/counterexample",\n  oops\n}');
    writeFileSync(join(dir, 'schema.json'), JSON.stringify({ ...sampleFile(), version: 2 }));
    writeFileSync(join(dir, '0000000000000000.json'), formatCounterexample(sampleFile()));
    const loaded = loadArchive(root);
    expect(loaded).toHaveLength(4);
    const byName = Object.fromEntries(loaded.map((f) => [f.path.slice(dir.length + 1), f]));
    expect(byName[good.path.slice(dir.length + 1)]?.ok).toBe(true);
    const broken = byName['broken.json'];
    expect(broken?.ok === false && broken.reason).toMatch(/invalid JSON: line 3, column 3/);
    const schema = byName['schema.json'];
    expect(schema?.ok === false && schema.reason).toMatch(/schema mismatch: version/);
    const misnamed = byName['0000000000000000.json'];
    expect(misnamed?.ok === false && misnamed.reason).toMatch(/misnamed/);
  });

  test('non-finite numbers are rejected with the field path', () => {
    const text = formatCounterexample(sampleFile()).replace('"loss": 0.03125', '"loss": 1e999');
    const parsed = parseCounterexample(text);
    expect(parsed.ok === false && parsed.reason).toMatch(/certificate\.loss: expected a finite number/);
  });
});
