import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect } from 'vitest';
import {
  type CounterexampleJson,
  canonicalJson,
  cleanStaleTemporaries,
  counterexamplePath,
  escapeText,
  formatCounterexample,
  loadArchive,
  loadCounterexampleFile,
  MAX_ARCHIVE_FILE_BYTES,
  makeFolder,
  parseCounterexample,
  saveCounterexample,
  staleTemporaries,
  subjectHash,
  writeFileAtomicNoClobber,
  writeFileAtomicReplace,
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
  test('canonical JSON by example: keys sorted by code unit, undefined members dropped, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: 'x', B: null }], é: 0.1 })).toBe(
      '{"a":[1,{"B":null,"c":"x"}],"b":1,"é":0.1}',
    );
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(() => canonicalJson(undefined)).toThrow(/cannot encode undefined/);
    expect(() => canonicalJson(() => 1)).toThrow(/cannot encode function/);
  });
});

describe('the archive', () => {
  test('saves under <claim>/<hash>.json, and a repeat find writes nothing', () => {
    const root = scratch();
    const file = sampleFile();
    const first = saveCounterexample(root, file);
    // No `corrupted` member when nothing was corrupted (not even an undefined one).
    expect(first).toStrictEqual({ path: counterexamplePath(root, file), created: true });
    expect(first.path).toBe(counterexamplePath(root, file));
    expect(first.path.endsWith(`${file.claim}/${subjectHash(file.subject)}.json`)).toBe(true);
    const before = readFileSync(first.path, 'utf8');
    const second = saveCounterexample(root, { ...file, found: { ...file.found, seed: 99 } });
    expect(second).toStrictEqual({ path: first.path, created: false });
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

  test('symbolic links (files and claim folders) and FIFOs are refused with the reason, never followed', () => {
    const root = scratch();
    const good = saveCounterexample(root, sampleFile());
    const dir = join(root, 'single-relu-no-spurious-min');
    symlinkSync('/etc/passwd', join(dir, 'passwd.json'));
    symlinkSync(good.path, join(dir, 'link.json'));
    symlinkSync(dir, join(root, 'linked-claim'));
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    const loaded = loadArchive(root);
    const reason = (name: string) => {
      const f = loaded.find((l) => l.path.endsWith(name));
      return f?.ok === false ? f.reason : 'ok';
    };
    expect(reason('passwd.json')).toMatch(/symbolic link \(not followed\)/);
    expect(reason('link.json')).toMatch(/symbolic link \(not followed\)/);
    expect(reason('linked-claim')).toMatch(/symbolic link in the archive/);
    expect(reason('fifo.json')).toMatch(/a FIFO, not a regular file/);
    expect(loaded.filter((l) => l.ok)).toHaveLength(1);
    expect(loaded.map((l) => (l.ok ? '' : l.reason)).join('\n')).not.toMatch(/root:/);
    // A single path gets the same refusal.
    const one = loadCounterexampleFile(join(dir, 'passwd.json'));
    expect(one.ok === false && one.reason).toMatch(/symbolic link/);
  });

  test("a single path gets the scan's folder and name checks", () => {
    const root = scratch();
    const elsewhere = join(root, 'other-claim');
    mkdirSync(elsewhere, { recursive: true });
    const path = join(elsewhere, `${subjectHash(sampleFile().subject)}.json`);
    writeFileSync(path, formatCounterexample(sampleFile()));
    const loaded = loadCounterexampleFile(path);
    expect(loaded.ok === false && loaded.reason).toMatch(
      /misnamed: its claim and subject hash say it belongs at single-relu-no-spurious-min\//,
    );
  });

  test('a file over the size cap is refused unread', () => {
    const root = scratch();
    const dir = join(root, 'single-relu-no-spurious-min');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'big.json'), ' '.repeat(MAX_ARCHIVE_FILE_BYTES + 1));
    const [loaded] = loadArchive(root);
    expect(loaded?.ok === false && loaded.reason).toBe(
      'file is 8.4 MB, larger than the 8 MB an archive file may be',
    );
  });

  test('control bytes from a binary file reach a reason only escaped and cut short', () => {
    const root = scratch();
    const dir = join(root, 'single-relu-no-spurious-min');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'binary.json'),
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x1b, 0x5b, 0x32, 0x4a, 0, 0, 0, 0]),
    );
    const [loaded] = loadArchive(root);
    const reason = loaded?.ok === false ? loaded.reason : '';
    expect(reason).toMatch(/invalid JSON/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test asserts control bytes are absent.
    expect(reason).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(escapeText('a\u001b[2Jb\u202e', 100)).toBe('a\\u001b[2Jb\\u202e');
    expect(escapeText('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`);
  });

  test('a corrupted file at the content path never blocks the true find: written beside, the corrupt one reported', () => {
    const root = scratch();
    const file = sampleFile();
    const path = counterexamplePath(root, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '{"truncated": ');
    const saved = saveCounterexample(root, file);
    expect(saved.created).toBe(true);
    expect(saved.path).toBe(path.replace(/\.json$/, '-1.json'));
    expect(saved.corrupted?.path).toBe(path);
    expect(saved.corrupted?.reason).toMatch(/invalid JSON/);
    expect(readFileSync(path, 'utf8')).toBe('{"truncated": ');
    // The file beside replays under the name check; a repeat find writes nothing new.
    expect(loadCounterexampleFile(saved.path, root).ok).toBe(true);
    const again = saveCounterexample(root, file);
    expect(again.created).toBe(false);
    expect(again.path).toBe(saved.path);
  });

  test("leftover temporaries of a crashed write are listed and cleaned; a live writer's are not", () => {
    const root = scratch();
    const dir = join(root, 'single-relu-no-spurious-min');
    mkdirSync(dir, { recursive: true });
    const dead = join(dir, '.abc.json.999999999.1.tmp');
    const live = join(dir, `.abc.json.${process.pid}.7.tmp`);
    writeFileSync(dead, 'half');
    writeFileSync(live, 'half');
    expect(staleTemporaries(dir)).toEqual([dead]);
    saveCounterexample(root, sampleFile());
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(cleanStaleTemporaries(dir)).toEqual([]);
  });

  test('atomic replace (caches): the new content in place, no temporary left', () => {
    const root = scratch();
    const path = join(root, 'cache', 'c.json');
    writeFileAtomicReplace(path, 'one');
    writeFileAtomicReplace(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(join(root, 'cache'))).toEqual(['c.json']);
  });

  test('folders are made level by level; a path that cannot be made is an error, never a hang', () => {
    const root = scratch();
    makeFolder(join(root, 'a', 'b', 'c'));
    makeFolder(join(root, 'a', 'b', 'c'));
    expect(readdirSync(join(root, 'a', 'b'))).toEqual(['c']);
    writeFileSync(join(root, 'file'), 'x');
    expect(() => makeFolder(join(root, 'file', 'sub'))).toThrow();
    expect(() => writeFileAtomicReplace(join(root, 'file', 'c.json'), 'x')).toThrow();
    // Node's own recursive mkdir loops forever here (a parent that exists, a child that fails with ENOENT).
    if (existsSync('/proc/self')) expect(() => makeFolder('/proc/no-such/folder')).toThrow(/ENOENT/);
  });

  test('a replace that cannot rename removes its temporary and throws; the target is untouched', () => {
    const root = scratch();
    const target = join(root, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomicReplace(target, 'x')).toThrow();
    expect(readdirSync(root)).toEqual(['taken']);
    expect(readdirSync(target)).toEqual(['inside']);
  });

  test('a no-clobber write onto a folder loses like any existing path and leaves no temporary', () => {
    const root = scratch();
    mkdirSync(join(root, 'taken'));
    expect(writeFileAtomicNoClobber(join(root, 'taken'), 'x')).toBe(false);
    expect(readdirSync(root)).toEqual(['taken']);
  });

  test("temporaries: only our exact name pattern, another live process's kept, sorted; a missing folder has none", () => {
    const root = scratch();
    const dead = (name: string) => join(root, name);
    const names = [
      '.b.json.999999999.12.tmp',
      '.a.json.999999999.3.tmp',
      `.c.json.${process.ppid}.1.tmp`,
      'a.json.999999999.1.tmp',
      '.a.json.999999999.1.tmp.bak',
      '.a.json.x.1.tmp',
    ];
    for (const name of names) writeFileSync(join(root, name), 'half');
    expect(staleTemporaries(root)).toEqual([
      dead('.a.json.999999999.3.tmp'),
      dead('.b.json.999999999.12.tmp'),
    ]);
    expect(staleTemporaries(join(root, 'missing'))).toEqual([]);
  });

  test('makeFolder names a path that exists and is not a folder', () => {
    const root = scratch();
    writeFileSync(join(root, 'file'), 'x');
    expect(() => makeFolder(join(root, 'file'))).toThrow(/'.*file' is not a folder/);
    expect(readdirSync(root)).toEqual(['file']);
  });
});
