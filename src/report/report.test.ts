import { describe, expect, test } from 'vitest';
import { parseCheckData, verdictCounts } from './checkData.js';
import { type ReportInput, renderReport } from './html.js';
import { isGeometric, renderPlotSvg, wrap } from './plots.js';

const claims: ReportInput['claims'] = [
  {
    id: 'a-theorem',
    title: 'A',
    kind: 'theorem',
    expect: 'holds',
    source: 'Someone 2020, Thm 1',
    statement: 'x < y',
  },
  { id: 'b-construction', title: 'B', kind: 'construction', expect: 'refuted', source: 'S', statement: 's' },
];

const check = parseCheckData({
  tool: 'landscape-check@0.1.0',
  seed: 7,
  date: '2026-12-04T00:00:00Z',
  durationMs: 12_345,
  budget: { runs: 20 },
  results: [
    {
      id: 'a-theorem',
      kind: 'theorem',
      expect: 'holds',
      verdict: 'inconclusive',
      reason: 'the optimiser did not converge on 9 of 20 cases',
      asExpected: false,
      timeMs: 100,
      assertions: [{ name: 'no bad minimum', verdict: 'inconclusive', reason: 'too few decided cases' }],
      failure: {
        seed: 7,
        path: '0:1',
        replay: 'npx landscape check a-theorem --seed 7 --path 0:1',
        case: 'n = 3',
      },
    },
    {
      id: 'b-construction',
      verdict: 'refuted',
      asExpected: true,
      summary: 'an older file: summary, ms',
      ms: 5,
    },
  ],
});

describe('the HTML report', () => {
  test('check.json is read leniently: missing counts are counted, old field names are understood', () => {
    expect(check).not.toBeNull();
    expect(verdictCounts(check!)).toEqual({ total: 2, asExpected: 1, holds: 0, refuted: 1, inconclusive: 1 });
    expect(
      parseCheckData({ results: [{ id: 'x', verdict: 'maybe', timeMs: 'soon' }] })?.results[0]?.verdict,
    ).toBe(undefined);
    expect(parseCheckData('not an object')).toBeNull();
  });

  test('starts with the overall result and a table of contents linking each claim to its section', async () => {
    const html = await renderReport({
      title: 'r',
      generatedAt: 'now',
      tool: 't',
      claims,
      check,
      runs: [],
      counterexamples: [],
    });
    const summary = html.indexOf('overall result');
    const toc = html.indexOf('aria-label="contents"');
    const section = html.indexOf('<section class="claim" id="a-theorem">');
    expect(summary).toBeGreaterThan(0);
    expect(toc).toBeGreaterThan(summary);
    expect(section).toBeGreaterThan(toc);
    expect(html).toContain('<b>1 of 2</b> claims as expected');
    expect(html).toContain('Seed <code>7</code>');
    expect(html).toContain('20 runs per claim');
    expect(html).toContain('12.3 s');
    for (const c of claims) expect(html).toContain(`href="#${c.id}"`);
    // The verdict with its reason, and the replay command, in the section.
    expect(html).toContain('the optimiser did not converge on 9 of 20 cases');
    expect(html).toContain('NOT as expected');
    expect(html).toContain('npx landscape check a-theorem --seed 7 --path 0:1');
    expect(html).toContain('an older file: summary, ms');
    expect(html).toContain('x &lt; y');
  });

  test('without check.json the report says how to make one; no scripts, no external resources', async () => {
    const html = await renderReport({
      title: 'r',
      generatedAt: 'now',
      tool: 't',
      claims,
      check: null,
      runs: [
        {
          id: 'a-theorem',
          seed: 1,
          plots: [
            { type: 'histogram', title: 'h', xLabel: 'x', series: [{ name: 's', values: [1, 2, 2, 3] }] },
          ],
          assertions: [{ name: 'trend', verdict: 'holds', detail: 'ok' }],
          columns: ['a'],
          rows: [[1.23456789]],
        },
      ],
      counterexamples: [
        {
          path: 'counterexamples/b-construction/0123456789abcdef.json',
          href: 'counterexamples/b-construction/0123456789abcdef.json',
          claim: 'b-construction',
          ok: true,
          rigour: 'interval-proof',
          summary: 'mlp [1, 1, 1]',
          plots: [],
          notes: ['no 1-D interpolation: the certificate has no better point'],
        },
      ],
    });
    expect(html).toContain('No check results yet');
    expect(html).toContain('rigour <b>interval-proof</b>');
    expect(html).toContain('href="counterexamples/b-construction/0123456789abcdef.json"');
    expect(html).not.toMatch(/<script|src=|href="http/);
    expect(html).toContain('<svg');
    expect(html).toContain('1.23457');
  });

  test('plots: geometric grids get log axes, long titles wrap, every kind renders a non-empty SVG', async () => {
    expect(isGeometric([8, 16, 32, 64, 128])).toBe(true);
    expect(isGeometric([10, 20, 30, 40, 50])).toBe(false);
    expect(isGeometric([1, 2])).toBe(false);
    for (const line of wrap('a '.repeat(100), 20)) expect(line.length).toBeLessThanOrEqual(20);
    const svg = await renderPlotSvg({
      type: 'lines',
      title: 'rate',
      xLabel: 'width',
      yLabel: 'p',
      series: [
        {
          name: 'n = 8',
          x: [8, 16, 32, 64],
          y: [0.1, 0.2, 0.3, 0.4],
          lo: [0, 0.1, 0.2, 0.3],
          hi: [0.2, 0.3, 0.4, 0.5],
        },
      ],
      band: { lo: 0.1, hi: 0.2, label: 'published band' },
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('published band');
    expect(svg).toContain('log axis');
    const surface = await renderPlotSvg({
      type: 'surface',
      title: 's',
      subtitle: 'sub',
      alpha: [-1, 0, 1],
      beta: [-1, 0, 1],
      values: [
        [2, 1, 2],
        [1, 0, 1],
        [2, 1, 2],
      ],
    });
    expect(surface).toMatch(/<path[^>]* d="M/);
    const interp = await renderPlotSvg({
      type: 'interpolation',
      title: 'i',
      t: [-0.25, 0, 0.5, 1, 1.25],
      loss: [2, 1, 1.5, 0, 0.5],
      barrier: { t: 0.5, loss: 1.5, height: 0.5 },
    });
    expect(interp).toContain('barrier');
  });
});
