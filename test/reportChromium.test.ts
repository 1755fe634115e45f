import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { renderReport } from '../src/report/index.js';

/**
 * The report renders in a real browser: headless Chromium (Debian's `chromium`) takes a screenshot of a
 * report with every plot kind. Skipped where Chromium is not installed (`apt-get install chromium`).
 */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const dir = mkdtempSync(join(tmpdir(), 'report-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(CHROMIUM === undefined)('the HTML report in headless Chromium', () => {
  test('renders to a non-empty screenshot', () => {
    const html = renderReport({
      title: 'landscape-check report',
      generatedAt: '2026-11-23',
      tool: 'landscape-check',
      claims: [
        {
          id: 'km-phase-transition',
          title: 'phase transition',
          kind: 'empirical',
          expect: 'holds',
          source: 'K et al.',
          statement: 's',
        },
      ],
      check: {
        seed: 1,
        date: 'd',
        results: [
          {
            id: 'km-phase-transition',
            verdict: 'holds',
            expect: 'holds',
            asExpected: true,
            runs: 1,
            discards: 0,
            inconclusive: 0,
            ms: 10,
            counterexamples: [],
            summary: 'ok',
          },
        ],
      },
      runs: [
        {
          id: 'km-phase-transition',
          seed: 1,
          date: 'd',
          options: {},
          columns: ['d1', 'P'],
          rows: [[1, 0.5]],
          assertions: [{ name: 'monotone', verdict: 'holds', detail: 'within intervals' }],
          plots: [
            {
              type: 'heatmap',
              title: 'P(full rank)',
              xLabel: 'd1',
              yLabel: 'n',
              x: [30, 60, 90],
              y: [10, 20],
              values: [
                [0.1, 0.6, 1],
                [0, 0.3, 0.9],
              ],
            },
            {
              type: 'lines',
              title: 'rate',
              xLabel: 'k',
              yLabel: 'p',
              series: [{ name: 'a', x: [1, 2, 3], y: [0.1, 0.5, 0.9], lo: [0, 0.4, 0.8], hi: [0.2, 0.6, 1] }],
            },
          ],
        },
      ],
      counterexamples: [],
    });
    const page = join(dir, 'index.html');
    writeFileSync(page, html);
    const shot = join(dir, 'shot.png');
    const result = spawnSync(
      CHROMIUM!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--window-size=1200,1600',
        `--screenshot=${shot}`,
        `file://${page}`,
      ],
      { timeout: 60_000, encoding: 'utf8' },
    );
    expect(existsSync(shot), result.stderr).toBe(true);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
  }, 90_000);
});
