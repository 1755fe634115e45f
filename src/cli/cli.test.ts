import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatCounterexample } from '../archive/index.js';
import { sampleFile } from '../archive/testing/sampleFile.js';
import { memoryIo } from './io.js';
import { main } from './main.js';

const root = mkdtempSync(join(tmpdir(), 'cli-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

function write(name: string, text: string): string {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
}

describe('landscape CLI', () => {
  test('list --json prints {claims: [{id, title, kind, expect, source, counterexamples, rigour}]}', async () => {
    const { code, out } = await run('list', '--json', '--archive', join(root, 'empty'));
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { claims: Record<string, unknown>[] };
    expect(parsed.claims.length).toBeGreaterThanOrEqual(2);
    for (const claim of parsed.claims) {
      expect(Object.keys(claim).sort()).toEqual([
        'counterexamples',
        'expect',
        'id',
        'kind',
        'rigour',
        'source',
        'title',
      ]);
    }
  });

  test('unknown claim ids exit 2 with the closest ids; bad flags exit 2 with usage', async () => {
    const unknown = await run('check', 'single-relu-no-spurios-min', '--runs', '1');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /unknown claim 'single-relu-no-spurios-min'; closest: single-relu-no-spurious-min/,
    );
    const badFlag = await run('list', '--jsn');
    expect(badFlag.code).toBe(2);
    expect(badFlag.err).toMatch(/unknown option '--jsn'/);
    expect((await run('check', '--runs', 'many')).code).toBe(2);
    expect((await run()).code).toBe(2);
    expect((await run('--help')).code).toBe(0);
  });

  test('an empty --archive or --out is a usage error, not the project archive or the working folder', async () => {
    for (const argv of [
      ['replay', '--archive', ''],
      ['list', '--archive='],
      ['report', '--archive', '', '--out', join(root, 'never')],
      ['report', '--archive', join(root, 'empty'), '--out', ''],
      ['check', 'km-d0-one-rank', '--runs', '1', '--no-write', '--out='],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/^landscape: --(archive|out) expects a folder, got an empty path$/);
    }
    expect(readdirSync(root)).not.toContain('never');
  });

  test('check archives a certified counterexample, prints seed, path and replay command; replay and inspect explain it', async () => {
    const archive = join(root, 'archive');
    const out = join(root, 'report');
    const human = await run(
      'check',
      'single-relu-no-spurious-min',
      '--runs',
      '40',
      '--seed',
      '1',
      '--write',
      '--archive',
      archive,
      '--out',
      out,
    );
    expect(human.code).toBe(0);
    expect(human.err).toMatch(/archived \(new file\): /);
    expect(human.err).toMatch(
      /seed 1, path [\d:]+; replay: npx landscape check single-relu-no-spurious-min --seed 1 --path [\d:]+/,
    );
    const files = readdirSync(join(archive, 'single-relu-no-spurious-min'));
    expect(files).toHaveLength(1);
    const json = await run(
      'check',
      'single-relu-no-spurious-min',
      '--runs',
      '40',
      '--seed',
      '1',
      '--archive',
      archive,
      '--json',
      '--out',
      out,
    );
    const results = (JSON.parse(json.out) as { results: Record<string, unknown>[] }).results;
    expect(results[0]).toMatchObject({ id: 'single-relu-no-spurious-min', verdict: 'refuted', seed: 1 });
    for (const key of ['id', 'verdict', 'runs', 'discards', 'seed', 'ms', 'counterexamples'])
      expect(results[0]).toHaveProperty(key);
    expect(readdirSync(join(archive, 'single-relu-no-spurious-min'))).toEqual(files);

    const replay = await run('replay', '--archive', archive);
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/1 of 1 replay/);

    const file = join(archive, 'single-relu-no-spurious-min', files[0]!);
    const inspect = await run('inspect', file, '--json');
    expect(inspect.code).toBe(0);
    const report = JSON.parse(inspect.out) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(
      [
        'activationPatterns',
        'gradient',
        'gradientNorm',
        'hessianEigenvalues',
        'jacobianRank',
        'jacobianSingularValues',
        'loss',
        'onKink',
      ].sort(),
    );
    expect(report.gradientNorm).toBe(0);
    expect(report.onKink).toBe(false);
    const text = await run('inspect', file);
    expect(text.out).toMatch(/dead units 1/);

    const html = await run('report', '--out', out, '--archive', archive);
    expect(html.code).toBe(0);
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('single-relu-no-spurious-min');
    expect(page).toMatch(/<span class="badge refuted">refuted<\/span>/);
  }, 60_000);

  test('inspect: bad input is one line and exit 2, never a stack trace', async () => {
    const good = sampleFile();
    const cases: [string, RegExp][] = [
      [join(root, 'missing.json'), /no such file/],
      [write('bad.json', '{\n  "kind": "mlp",\n  ]\n}'), /invalid JSON at line 3, column 3/],
      [
        write(
          'schema.json',
          JSON.stringify({
            kind: 'mlp',
            network: { layerSizes: [1], activation: { name: 'relu' }, bias: true },
          }),
        ),
        /network.layerSizes: .*|data/,
      ],
      [
        write(
          'shape.json',
          JSON.stringify({
            ...good.subject,
            point: {
              layers: [
                { weights: [[0, 1]], biases: [0] },
                { weights: [[1]], biases: [0] },
              ],
            },
          }),
        ),
        /layer 0 weights are 1×2, expected 1×1/,
      ],
      [
        write('nan.json', formatCounterexample(good).replace('"betterLoss": 0', '"betterLoss": 1e999')),
        /certificate.betterLoss: expected a finite number/,
      ],
    ];
    for (const [path, message] of cases) {
      const result = await run('inspect', path);
      expect(result.code, path).toBe(2);
      expect(result.err, path).toMatch(message);
      expect(result.err.split('\n').filter((l) => l !== '')).toHaveLength(1);
    }
  });
});
