import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { memoryIo } from './io.js';
import { main } from './main.js';
import { projectRoot } from './paths.js';

const out = mkdtempSync(join(tmpdir(), 'inspect-curvature-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const archive = join(projectRoot(), 'counterexamples');
const mlpFiles = readdirSync(archive, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(archive, d.name)).map((f) => join(archive, d.name, f)))
  .filter(
    (f) =>
      f.endsWith('.json') &&
      (JSON.parse(readFileSync(f, 'utf8')) as { subject: { kind: string } }).subject.kind === 'mlp',
  )
  .sort();

async function run(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

interface CurvatureJson {
  hessianEigenvalues: number[];
  curvature: {
    trace: { estimate: number; standardError: number; exact: number };
    density: { moments: { p: number; estimate: number; standardError: number; exact: number }[] };
    topK: { values: number[]; exact: number[]; converged: boolean };
  };
}

describe('landscape inspect --trace --density --top-k on every archived mlp file', () => {
  test('the archive has mlp files', () => expect(mlpFiles.length).toBeGreaterThan(5));

  test.each(mlpFiles.map((f) => [relative(projectRoot(), f), f]))(
    '%s: top-5 equal the exact eigenvalues (1e-8), trace and moments within 4 standard errors',
    async (_name, file) => {
      const r = await run('inspect', file, '--trace', '--density', '--top-k', '5', '--seed', '3', '--json');
      expect(r.code, r.err).toBe(0);
      const json = JSON.parse(r.out) as CurvatureJson;
      const { trace, density, topK } = json.curvature;
      expect(topK.converged).toBe(true);
      expect(topK.values.length).toBe(Math.min(5, json.hessianEigenvalues.length));
      for (const [i, v] of topK.values.entries())
        expect(Math.abs(v - topK.exact[i]!)).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(topK.exact[i]!)));
      const scale = 1e-9 * (1 + Math.abs(trace.exact));
      expect(Math.abs(trace.estimate - trace.exact)).toBeLessThanOrEqual(4 * trace.standardError + scale);
      for (const m of density.moments)
        expect(Math.abs(m.estimate - m.exact)).toBeLessThanOrEqual(
          4 * m.standardError + 1e-9 * (1 + Math.abs(m.exact)),
        );
    },
  );

  test('text output names each estimate with its error bar; --plot writes the density SVG', async () => {
    const plot = join(out, 'density.svg');
    const r = await run('inspect', mlpFiles[0]!, '--trace', '--top-k', '2', '--plot', plot, '--seed', '1');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/trace {11}\S+ ± \S+ \(Hutchinson/);
    expect(r.out).toContain('p = 2');
    expect(r.out).toMatch(/top-[12] /);
    const svg = readFileSync(plot, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Hessian eigenvalue density');
  });

  test('a bad --top-k is a one-line usage error', async () => {
    const r = await run('inspect', mlpFiles[0]!, '--top-k', 'zero');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^landscape: --top-k/);
  });
});
