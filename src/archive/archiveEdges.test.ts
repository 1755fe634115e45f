import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect } from 'vitest';
import {
  ARCHIVE_DIR,
  archiveTemporaries,
  type CounterexampleJson,
  counterexamplePath,
  escapeText,
  formatCounterexample,
  jsonErrorPosition,
  listArchiveFiles,
  loadArchive,
  loadCounterexampleFile,
  MAX_ARCHIVE_FILE_BYTES,
  MAX_QUOTE_CHARS,
  parseCounterexample,
  prettyJson,
  saveCounterexample,
  scanArchive,
  staleTemporaries,
  subjectHash,
  terminalSafeJson,
} from './index.js';
import { sampleFile } from './testing/sampleFile.js';

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'archive-edges-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const CLAIM = 'single-relu-no-spurious-min';

/** The sample file with another subject (one more data point), hence another hash. */
function otherSample(): CounterexampleJson {
  const file = sampleFile();
  if (file.subject.kind !== 'mlp') throw new Error('sample is an mlp');
  return {
    ...file,
    subject: {
      ...file.subject,
      data: { inputs: [[0], [1], [2]], targets: [[0], [0.25], [0.5]] },
    },
  } as CounterexampleJson;
}

/**
 * The code points a terminal acts on or hides, as [first, last] ranges (C0 controls, DEL and C1, soft hyphen, Arabic
 * letter mark, zero-width and bidi marks, line/paragraph separators and embeddings, word joiner to nominal digit
 * shapes, BOM, interlinear annotation to replacement character, surrogates).
 */
const UNSAFE: readonly (readonly [number, number])[] = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x61c, 0x61c],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0xfeff, 0xfeff],
  [0xfff9, 0xfffd],
  [0xd800, 0xdfff],
];
const unsafe = (code: number) => UNSAFE.some(([a, b]) => code >= a && code <= b);
/** Every range's ends and their outside neighbours. */
const EDGES = [...new Set(UNSAFE.flatMap(([a, b]) => [a - 1, a, b, b + 1]).filter((c) => c >= 0))];
const hex4 = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

describe('text from disk reaches the terminal escaped', () => {
  test('escapeText escapes exactly the unsafe code points, at every edge of every range', () => {
    for (const code of EDGES) {
      const ch = String.fromCodePoint(code);
      expect(escapeText(`a${ch}b`), `U+${code.toString(16)}`).toBe(`a${unsafe(code) ? hex4(code) : ch}b`);
    }
  });

  // Text from code points, the ranges' edges among them (not fc.string's 'binary' unit: building it takes seconds).
  const anyText = fc
    .array(fc.oneof(fc.constantFrom(...EDGES), fc.integer({ min: 0, max: 0x10ffff })), { maxLength: 40 })
    .map((codes) => String.fromCodePoint(...codes));
  test.prop([anyText])('escapeText leaves no unsafe code point and loses nothing else', (text) => {
    const escaped = escapeText(text);
    for (const ch of escaped) expect(unsafe(ch.codePointAt(0)!)).toBe(false);
    // Undoing the escapes gives the text back (a backslash in the text itself stays as it is).
    const undone = escaped.replace(/\\u([0-9a-f]{4})/g, (whole, h: string) =>
      unsafe(Number.parseInt(h, 16)) ? String.fromCharCode(Number.parseInt(h, 16)) : whole,
    );
    expect(undone).toBe(text);
  });

  test('escapeText cuts after max characters of the escaped text, with an ellipsis; max itself is kept whole', () => {
    expect(escapeText('x'.repeat(10), 10)).toBe('x'.repeat(10));
    expect(escapeText('x'.repeat(11), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(escapeText('ab\u001bcd', 5)).toBe('ab\\u0…');
    expect(escapeText('x'.repeat(1000))).toBe('x'.repeat(1000));
  });

  test('terminalSafeJson escapes what JSON.stringify leaves raw, keeps the layout, and parses to the same value', () => {
    const value = {
      'k\u202e': ['\u007f', '\u0085\u00ad', 'a\u2028b', '\ufeff', 'é ü', '\u001b'],
      n: [1, -0.5],
    };
    const pretty = JSON.stringify(value, null, 2);
    const safe = terminalSafeJson(pretty);
    expect(JSON.parse(safe)).toEqual(value);
    expect(safe).toContain('\\u007f');
    expect(safe).toContain('\\u0085\\u00ad');
    expect(safe).toContain('\\u202e');
    expect(safe).toContain('é ü');
    // Newlines and indentation outside strings are layout, not content: kept raw.
    expect(safe.split('\n')).toHaveLength(pretty.split('\n').length);
    expect(safe.startsWith('{\n  "k')).toBe(true);
  });

  test.prop([fc.jsonValue({ maxDepth: 3 })])(
    'terminalSafeJson of any pretty JSON parses back to the same value and shows no unsafe character but newlines',
    (value) => {
      const safe = terminalSafeJson(JSON.stringify(value, null, 2));
      expect(JSON.parse(safe)).toEqual(JSON.parse(JSON.stringify(value)));
      for (const ch of safe) {
        const code = ch.codePointAt(0)!;
        expect(code === 0x0a || !unsafe(code)).toBe(true);
      }
    },
  );
});

describe('the file text', () => {
  test('prettyJson by example: vectors on one line, nested values indented by two, empty containers inline', () => {
    expect(
      prettyJson({ a: [1, 0.5], b: {}, c: [], d: undefined, e: [{ x: null }, [2]], f: [null, 's', true] }),
    ).toBe(
      [
        '{',
        '  "a": [1, 0.5],',
        '  "b": {},',
        '  "c": [],',
        '  "e": [',
        '    {',
        '      "x": null',
        '    },',
        '    [2]',
        '  ],',
        '  "f": [null, "s", true]',
        '}',
      ].join('\n'),
    );
    expect(prettyJson(undefined)).toBe('null');
    expect(prettyJson('x')).toBe('"x"');
    expect(prettyJson({ only: undefined })).toBe('{}');
    // An array with any object in it is laid out one element a line, its numbers included.
    expect(prettyJson([1, { x: null }])).toBe('[\n  1,\n  {\n    "x": null\n  }\n]');
  });

  test.prop([fc.jsonValue({ maxDepth: 4 })])('prettyJson reads back to the same value', (value) => {
    expect(JSON.parse(prettyJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  test('a file is its pretty JSON and one trailing newline', () => {
    const file = sampleFile();
    const text = formatCounterexample(file);
    expect(text).toBe(`${prettyJson(file)}\n`);
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('JSON errors name line and column; a message without a position is quoted escaped and cut short', () => {
    const text = '{\n  "a": 1,\n  oops\n}';
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e;
    }
    // Node 20 says "Expected double-quoted property name in JSON at position 16 (line 3 column 3)".
    expect(jsonErrorPosition(text, error)).toMatch(/^line 3, column 3: Expected [a-z- ]*property name$/);
    expect(jsonErrorPosition('', new Error(`bad\u001b${'y'.repeat(100)}`))).toBe(
      `bad\\u001b${'y'.repeat(MAX_QUOTE_CHARS - 9)}…`,
    );
    expect(jsonErrorPosition('', 'not an error')).toBe('not an error');
    expect(jsonErrorPosition('ab\ncd', new Error('Bad thing in JSON at position 4 (line 2 column 2)'))).toBe(
      'line 2, column 2: Bad thing',
    );
  });

  test('parse failures say which: invalid JSON or schema mismatch', () => {
    expect(parseCounterexample('[1,')).toEqual({
      ok: false,
      reason: 'invalid JSON: Unexpected end of JSON input',
    });
    const schema = parseCounterexample(JSON.stringify({ ...sampleFile(), title: '' }));
    expect(schema.ok === false && schema.reason).toMatch(/^schema mismatch: title: /);
    const good = parseCounterexample(formatCounterexample(sampleFile()));
    expect(good).toEqual({ ok: true, value: sampleFile() });
  });
});

describe('saving beside corrupted files', () => {
  test('a valid file of another subject at the content path is reported (misnamed there); the find goes beside it', () => {
    const root = scratch();
    const file = sampleFile();
    const path = counterexamplePath(root, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, formatCounterexample(otherSample()));
    const reason = `file is misnamed: its claim and subject hash say it belongs at ${CLAIM}/${subjectHash(otherSample().subject)}.json`;
    const saved = saveCounterexample(root, file);
    expect(saved).toEqual({
      path: path.replace(/\.json$/, '-1.json'),
      created: true,
      corrupted: { path, reason },
    });
    // A repeat find finds the file beside, writes nothing, and reports the corrupted one again.
    expect(saveCounterexample(root, file)).toEqual({
      path: saved.path,
      created: false,
      corrupted: { path, reason },
    });
    expect(readFileSync(path, 'utf8')).toBe(formatCounterexample(otherSample()));
  });

  test('after ten corrupted files (the content path and nine beside it) saving is an error naming the path', () => {
    const root = scratch();
    const file = sampleFile();
    const path = counterexamplePath(root, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'junk');
    for (let k = 1; k <= 8; k++) writeFileSync(path.replace(/\.json$/, `-${k}.json`), 'junk');
    // Nine corrupted: the tenth name is free.
    const saved = saveCounterexample(root, file);
    expect(saved.path).toBe(path.replace(/\.json$/, '-9.json'));
    expect(saved.corrupted?.path).toBe(path);
    renameSync(saved.path, `${saved.path}.moved`);
    writeFileSync(saved.path, 'junk');
    expect(() => saveCounterexample(root, file)).toThrow(
      `10 corrupted files already sit at ${path} and beside it`,
    );
  });

  test('a file that does not match the schema is refused before anything is written', () => {
    const root = scratch();
    expect(() => saveCounterexample(root, sampleFile({ title: '' }))).toThrow(
      /^refusing to archive an invalid counterexample: title: /,
    );
    expect(existsSync(join(root, CLAIM))).toBe(false);
  });
});

describe('reading the archive', () => {
  test('names beside a corrupted file: <hash>-1 … <hash>-9 only', () => {
    const root = scratch();
    const file = sampleFile();
    const hash = subjectHash(file.subject);
    const dir = join(root, CLAIM);
    mkdirSync(dir, { recursive: true });
    const text = formatCounterexample(file);
    const names = [
      `${hash}-1.json`,
      `${hash}-9.json`,
      `${hash}-0.json`,
      `${hash}-10.json`,
      `x${hash}-1.json`,
      `${hash}-1.json.json`,
      `${hash}.json.json`,
    ];
    for (const name of names) writeFileSync(join(dir, name), text);
    const ok = loadArchive(root)
      .filter((f) => f.ok)
      .map((f) => f.path.slice(dir.length + 1));
    expect(ok).toEqual([`${hash}-1.json`, `${hash}-9.json`]);
  });

  test('a single path is checked against the folder two levels up unless a root is given', () => {
    const root = scratch();
    const saved = saveCounterexample(join(root, 'a', ARCHIVE_DIR), sampleFile());
    expect(loadCounterexampleFile(saved.path).ok).toBe(true);
    expect(loadCounterexampleFile(saved.path, join(root, 'a', ARCHIVE_DIR)).ok).toBe(true);
    const wrongRoot = loadCounterexampleFile(saved.path, join(root, 'a'));
    expect(wrongRoot.ok === false && wrongRoot.reason).toBe(
      `file is misnamed: its claim and subject hash say it belongs at ${CLAIM}/${subjectHash(sampleFile().subject)}.json`,
    );
    const missing = loadCounterexampleFile(join(root, 'nope.json'));
    expect(missing).toEqual({ path: join(root, 'nope.json'), ok: false, reason: 'cannot read: ENOENT' });
  });

  test('a device, a socket and a folder named *.json are refused by kind, never read', async () => {
    const device = loadCounterexampleFile('/dev/null');
    expect(device).toEqual({
      path: '/dev/null',
      ok: false,
      reason: 'a device, not a regular file (not followed)',
    });
    const root = scratch();
    const dir = join(root, CLAIM);
    mkdirSync(join(dir, 'folder.json'), { recursive: true });
    mkdirSync(join(dir, 'plain-folder'));
    writeFileSync(join(dir, 'notes.txt'), 'not an archive file');
    const socket = join(dir, 's.json');
    const server = createServer();
    await new Promise<void>((done) => server.listen(socket, done));
    try {
      const reasons = Object.fromEntries(
        loadArchive(root).map((f) => [f.path.slice(dir.length + 1), f.ok ? 'ok' : f.reason]),
      );
      expect(reasons).toEqual({
        'folder.json': 'a directory, not a regular file',
        's.json': 'a socket, not a regular file',
      });
      const one = loadCounterexampleFile(socket);
      expect(one.ok === false && one.reason).toBe('a socket, not a regular file (not followed)');
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  test('a FIFO not named *.json is refused too; hidden entries are skipped', () => {
    const root = scratch();
    const dir = join(root, CLAIM);
    mkdirSync(dir, { recursive: true });
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    writeFileSync(join(dir, '.hidden.json'), 'x');
    mkdirSync(join(root, '.hidden-claim'));
    writeFileSync(join(root, '.hidden-claim', 'a.json'), 'x');
    expect(scanArchive(root)).toEqual([{ path: join(dir, 'pipe'), refusal: 'a FIFO, not a regular file' }]);
  });

  test('scan: sorted by path, one claim on request, a file where a claim folder belongs refused, a missing root empty', () => {
    const root = scratch();
    const a = saveCounterexample(root, sampleFile());
    const b = saveCounterexample(root, otherSample());
    const c = saveCounterexample(root, { ...sampleFile(), claim: 'another-claim' });
    writeFileSync(join(root, 'stray-file'), 'x');
    const sorted = [a.path, b.path, c.path].sort();
    expect(listArchiveFiles(root)).toEqual(sorted);
    expect(scanArchive(root).map((e) => e.path)).toEqual(sorted);
    expect(listArchiveFiles(root, CLAIM)).toEqual([a.path, b.path].sort());
    expect(loadArchive(root, 'another-claim').map((f) => [f.path, f.ok])).toEqual([[c.path, true]]);
    expect(scanArchive(root, 'stray-file')).toEqual([
      {
        path: join(root, 'stray-file'),
        refusal: 'not a regular file where a claim folder belongs (not followed)',
      },
    ]);
    expect(scanArchive(root, 'no-such-claim')).toEqual([]);
    expect(scanArchive(join(root, 'missing'))).toEqual([]);
    expect(loadArchive(join(root, 'missing'))).toEqual([]);
  });

  test('a symbolic link where a claim folder belongs is refused when that claim is asked for', () => {
    const root = scratch();
    const saved = saveCounterexample(root, sampleFile());
    symlinkSync(join(root, CLAIM), join(root, 'linked'));
    expect(scanArchive(root, 'linked')).toEqual([
      { path: join(root, 'linked'), refusal: 'a symbolic link where a claim folder belongs (not followed)' },
    ]);
    expect(readFileSync(saved.path, 'utf8')).toBe(formatCounterexample(sampleFile()));
  });

  test("temporaries: the whole archive's or one claim's, folders only, a missing root has none", () => {
    const root = scratch();
    const dir = join(root, CLAIM);
    const other = join(root, 'another-claim');
    mkdirSync(dir, { recursive: true });
    mkdirSync(other);
    writeFileSync(join(root, '.x.json.999999999.1.tmp'), 'top level: not in a claim folder');
    writeFileSync(join(dir, '.a.json.999999999.1.tmp'), 'half');
    writeFileSync(join(other, '.b.json.999999999.2.tmp'), 'half');
    expect(archiveTemporaries(root).sort()).toEqual(
      [join(dir, '.a.json.999999999.1.tmp'), join(other, '.b.json.999999999.2.tmp')].sort(),
    );
    expect(archiveTemporaries(root, 'another-claim')).toEqual([join(other, '.b.json.999999999.2.tmp')]);
    expect(archiveTemporaries(join(root, 'missing'))).toEqual([]);
  });
});

describe('reading, at its limits', () => {
  test('a file of exactly the size cap is read (and judged on its content)', () => {
    const root = scratch();
    const dir = join(root, CLAIM);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cap.json'), ' '.repeat(MAX_ARCHIVE_FILE_BYTES));
    const [loaded] = loadArchive(root);
    expect(loaded?.ok === false && loaded.reason).toBe('invalid JSON: Unexpected end of JSON input');
  });

  test.skipIf(!existsSync('/proc/self/fd'))('reading files leaves no descriptor open', () => {
    const root = scratch();
    const saved = saveCounterexample(root, sampleFile());
    writeFileSync(join(root, CLAIM, 'broken.json'), '{');
    expect(loadArchive(root).map((f) => f.ok)).toEqual([true, false]);
    expect(loadCounterexampleFile(saved.path).ok).toBe(true);
    const open = readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        return [readlinkSync(join('/proc/self/fd', fd))];
      } catch {
        return [];
      }
    });
    expect(open.filter((t) => t.startsWith(root))).toEqual([]);
  });

  test('scanning is sorted by path: a refused link at the top level sorts among the claim folders; refused entries are not listed', () => {
    const root = scratch();
    const saved = saveCounterexample(root, sampleFile());
    // Found first (the top level is read before the claim folders), sorted last.
    symlinkSync(join(root, CLAIM), join(root, 'zz-linked-claim'));
    symlinkSync(saved.path, join(root, CLAIM, 'link.json'));
    expect(scanArchive(root)).toEqual([
      { path: saved.path, refusal: null },
      { path: join(root, CLAIM, 'link.json'), refusal: 'a symbolic link (not followed)' },
      { path: join(root, 'zz-linked-claim'), refusal: 'a symbolic link in the archive (not followed)' },
    ]);
    expect(listArchiveFiles(root)).toEqual([saved.path]);
    // A link that sorts first is still found first: the order is the path's, not the reading's.
    symlinkSync(join(root, CLAIM), join(root, 'aa-linked-claim'));
    expect(scanArchive(root).map((e) => e.path)[0]).toBe(join(root, 'aa-linked-claim'));
  });

  test("stale temporaries are sorted as strings (UTF-16 code units), not in the folder's byte order", () => {
    const root = scratch();
    // U+FF21 sorts before U+1F600 by code point (and in UTF-8 bytes), after it by UTF-16 code unit.
    const names = ['.\uff21.json.999999999.1.tmp', '.\u{1f600}.json.999999999.2.tmp'];
    for (const name of names) writeFileSync(join(root, name), 'half');
    expect(staleTemporaries(root)).toEqual([join(root, names[1]!), join(root, names[0]!)]);
  });
});
