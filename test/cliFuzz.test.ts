import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { formatCounterexample, saveCounterexample } from '../src/archive/index.js';
import { sampleFile } from '../src/archive/testing/sampleFile.js';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

/**
 * The CLI under adversarial argument vectors (issue 16): real command and option names with bad values and junk,
 * run in-process through `main` with a recording Io. Every vector must end with exit code 0, 1 or 2 (never a
 * throw, which the bin reports as an internal error with a stack trace), print no stack trace, print a usage error
 * on one line, and write nothing outside the `--out` folders it was given.
 *
 * Runs: FUZZ_RUNS (default 1000). The seed is LANDSCAPE_SEED's (test/setup.ts configures fast-check with it, so
 * `npm run test:seeds`-style seed changes reach this property too), else fast-check's own; FUZZ_SEED overrides both.
 * Either way it is printed on failure with the path.
 * To keep each vector cheap, a valid expensive command cannot be formed: `check` always gets `--runs 1 --no-write`
 * first and only cheap or unknown ids, `run` always gets at least one bad experiment option, `hunt` a bad --time.
 *
 * A vector that hangs cannot be cut by vitest's timeout (the CLI runs synchronously in this process): with
 * LANDSCAPE_SEED=12 `report --out=/proc/nope` hung in Node's recursive mkdir, which loops forever on an ENOENT under
 * /proc. FUZZ_TRACE=file appends each vector to that file before it runs, so the last line names a hanging vector.
 */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const FUZZ_TRACE = process.env.FUZZ_TRACE;
const FUZZ_TIMEOUT_MS = 600_000;

const root = mkdtempSync(join(tmpdir(), 'cli-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const fixtures = join(root, 'fixtures');
const outs = join(root, 'outs');
mkdirSync(fixtures, { recursive: true });
mkdirSync(outs, { recursive: true });
// The CLI runs with its working folder here, three levels below the temporary root, so a relative junk value such
// as ' ', '%s' or '../..' given to --out lands inside the temporary folder, never in the repository.
const cwd = join(outs, 'cwd', 'a', 'b');
mkdirSync(cwd, { recursive: true });
const archive = join(fixtures, 'archive');
saveCounterexample(archive, sampleFile());
const files = {
  valid: join(fixtures, 'valid.json'),
  junk: join(fixtures, 'junk.json'),
  binary: join(fixtures, 'binary.json'),
  link: join(fixtures, 'link.json'),
  plain: join(fixtures, 'plain.txt'),
  denormal: join(fixtures, 'denormal.json'),
};
writeFileSync(files.valid, formatCounterexample(sampleFile()));
writeFileSync(files.junk, '{"format": "landscape-check/counterexample", "version": 7');
writeFileSync(files.binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x1b, 0x5b, 0x32, 0x4a, 0, 1, 2, 0xff]));
symlinkSync('/etc/hostname', files.link);
writeFileSync(files.plain, 'plain text\n');
const denormal = sampleFile().subject;
writeFileSync(
  files.denormal,
  JSON.stringify({
    ...denormal,
    point: {
      layers: [
        { weights: [[5e-324]], biases: [1e-310] },
        { weights: [[1e-320]], biases: [0] },
      ],
    },
  }),
);

/** Every file under `dir` with its size and mtime: what "touched" compares. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const s = statSync(path, { throwIfNoEntry: false });
        out.set(relative(dir, path), s === undefined ? 'gone' : `${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out;
}
const projectArchive = join(import.meta.dirname, '..', 'counterexamples');
const projectReport = join(import.meta.dirname, '..', 'report');
const projectCache = join(import.meta.dirname, '..', '.landscape-cache');
// report/browser/ holds the browser test's screenshots, written by another test file that may run at the same time.
const projectState = () =>
  [projectArchive, projectReport, projectCache].map((d) =>
    statSync(d, { throwIfNoEntry: false })
      ? new Map([...snapshot(d)].filter(([k]) => !(d === projectReport && k.startsWith('browser'))))
      : null,
  );

const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '-', '--', '---x', '\u001b[2J', 'é', '\u202e', '%s', '$(x)', '../..', '\n', '-1'),
);
const badNumber = fc.constantFrom(
  'abc',
  '2.5',
  '-3',
  '0',
  '0x2',
  '1e9',
  '1e400',
  'NaN',
  'Infinity',
  '-0',
  '',
  ' 4',
  '4 ',
  '99999999999999999999',
);
const anyValue = fc.oneof(badNumber, junk, fc.constantFrom('1', '2', '10'));
const pathValue = fc.constantFrom(
  ...Object.values(files),
  join(fixtures, 'missing.json'),
  fixtures,
  archive,
  '/nonexistent',
  '/dev/null',
);
const outValue = fc.oneof(
  fc.integer({ min: 0, max: 1e6 }).map((k) => join(outs, `o${k}`)),
  fc.constantFrom(files.valid, files.plain, join(files.plain, 'sub'), '/proc/nope', outs),
);
const cheapIds = fc.constantFrom(
  'single-relu-no-spurious-min',
  'region-linearity',
  'no-such-claim',
  'KAW16',
  '',
);
const experimentIds = fc.constantFrom(
  'ss16-initial-basin-quality',
  'ss16-monotone-path',
  'km-phase-transition',
  'cho15-minima-concentrate',
  'ss18-spurious-rate',
  'km-1d-regions',
);
const experimentFlags = fc.constantFrom(
  'trials',
  'n',
  'd',
  'widths',
  'steps',
  'target',
  'runs',
  'k',
  'grid',
  'x',
);

/** Option/value pairs from the real option names (and some junk names). */
function options(names: readonly string[], values: fc.Arbitrary<string>) {
  return fc
    .array(fc.tuple(fc.constantFrom(...names, '--nope', '-x'), values, fc.boolean()), { maxLength: 4 })
    .map((pairs) =>
      pairs.flatMap(([name, value, joined]) => (joined ? [`${name}=${value}`] : [name, value])),
    );
}

const common = fc.oneof(anyValue, pathValue, outValue);
const argv = fc.oneof(
  fc
    .tuple(cheapIds, options(['--runs', '--seed', '--path', '--json', '--archive', '--out'], common))
    .map(([id, rest]) => [
      'check',
      '--runs',
      '1',
      '--no-write',
      '--archive',
      archive,
      '--out',
      join(outs, 'check'),
      id,
      ...rest,
    ]),
  fc
    .tuple(experimentIds, experimentFlags, badNumber, options(['--seed', '--json', '--out'], common))
    .map(([id, flag, bad, rest]) => ['run', id, '--out', join(outs, 'run'), ...rest, `--${flag}`, bad]),
  fc
    .tuple(
      fc.oneof(badNumber, junk),
      options(['--workers', '--steps', '--shard', '--seed', '--json', '--archive'], common),
    )
    .map(([time, rest]) => ['hunt', 'single-relu-no-spurious-min', ...rest, '--time', time]),
  options(['--json', '--archive'], fc.oneof(pathValue, junk)).chain((rest) =>
    fc.array(pathValue, { maxLength: 2 }).map((paths) => ['replay', '--archive', archive, ...paths, ...rest]),
  ),
  fc.tuple(pathValue, options(['--json'], junk)).map(([file, rest]) => ['inspect', file, ...rest]),
  options(['--out', '--archive'], fc.oneof(outValue, pathValue, junk)).map((rest) => [
    'report',
    '--archive',
    archive,
    '--out',
    join(outs, 'report'),
    ...rest,
  ]),
  options(['--json', '--archive'], fc.oneof(pathValue, junk)).map((rest) => ['list', ...rest]),
  fc.array(junk, { maxLength: 4 }),
);

describe('the CLI under bad argument vectors', () => {
  test.prop([argv], { numRuns: FUZZ_RUNS, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) })(
    'exit code 0, 1 or 2, no stack trace, a usage error on one line, nothing outside --out touched',
    async (args) => {
      // Files under a folder the vector names as --out may change; nothing else may.
      const outDirs = args.flatMap((a, i) =>
        a === '--out' && args[i + 1] !== undefined
          ? [args[i + 1]!]
          : a.startsWith('--out=')
            ? [a.slice(6)]
            : [],
      );
      const outside = (m: Map<string, string>) =>
        new Map([...m].filter(([k]) => !outDirs.some((o) => join(fixtures, k).startsWith(`${o}/`))));
      const before = outside(snapshot(fixtures));
      const projectBefore = projectState();
      if (FUZZ_TRACE !== undefined) appendFileSync(FUZZ_TRACE, `${JSON.stringify(args)}\n`);
      const io = memoryIo();
      let code: number | string;
      const previousCwd = process.cwd();
      process.chdir(cwd);
      try {
        code = await main(args, io);
      } catch (error) {
        code = `threw ${(error as Error).message}`;
      } finally {
        process.chdir(previousCwd);
      }
      const err = io.stderr.join('\n');
      expect(code, `args ${JSON.stringify(args)}\n${err}`).toSatisfy((c) => c === 0 || c === 1 || c === 2);
      expect(err, `args ${JSON.stringify(args)}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: nothing raw from the user or a file reaches the terminal.
      expect(`${err}${io.stdout.join('')}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
      if (code === 2 && err.startsWith('landscape: ')) expect(err.split('\n')).toHaveLength(1);
      expect(outside(snapshot(fixtures))).toEqual(before);
      expect(projectState()).toEqual(projectBefore);
    },
    // 1,000 in-process CLI runs: about 30 s of CPU, several minutes of wall time on a loaded machine.
    FUZZ_TIMEOUT_MS,
  );
});

describe('output folders that cannot be made', () => {
  // The vector LANDSCAPE_SEED=12 found: permission bits let root "write" in /proc, and Node's recursive mkdir then
  // looped forever on ENOENT. Now the folder is tried before any computation and refused on one line.
  test.skipIf(!statSync('/proc/self', { throwIfNoEntry: false }))(
    '--out under /proc: a one-line error, exit 2',
    async () => {
      for (const args of [
        ['report', '--archive', archive, '--out=/proc/nope'],
        ['report', '--archive', archive, '--out', '/proc'],
        ['run', 'ss16-monotone-path', '--out', '/proc/x/y', '--trials', '2'],
      ]) {
        const io = memoryIo();
        expect(await main(args, io), JSON.stringify(args)).toBe(2);
        expect(io.stderr).toHaveLength(1);
        expect(io.stderr[0]).toMatch(/^landscape: --out: cannot (create|write to) '\/proc.*' \(ENOENT\)$/);
      }
    },
  );
});
