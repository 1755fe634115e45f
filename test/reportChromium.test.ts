import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { projectRoot } from '../src/cli/paths.js';

/**
 * The report in a real browser: a real `landscape check` at a small budget (three claims, three runs each) and
 * three experiments at tiny options write report data; `landscape report` renders it with the whole archive's
 * pictures; headless Chromium (Debian's `chromium`, driven by playwright-core) loads it at 1280, 800 and 390 px
 * and in print media. At each width: no element sticks out of the page, no text overflows its box, every SVG
 * has a non-empty drawing, no console error. Screenshots stay in report/browser/ for a person to look at.
 * Skipped where Chromium is missing, unless LANDSCAPE_REQUIRE_BROWSER=1 (set by .ci/run, which installs it).
 */
const CHROMIUM = '/usr/bin/chromium';
const required = process.env.LANDSCAPE_REQUIRE_BROWSER === '1';
const available = existsSync(CHROMIUM);
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SEED = '20261204';
const dir = mkdtempSync(join(tmpdir(), 'report-chromium-'));
const out = join(dir, 'report');
const shots = join(projectRoot(), 'report', 'browser');
let context: BrowserContext | null = null;
const consoleErrors: string[] = [];

async function cli(...argv: string[]): Promise<{ code: number; err: string }> {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, err: io.stderr.join('\n') };
}

afterAll(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the page measures about itself (run in the browser). */
interface Layout {
  pageWidth: number;
  viewport: number;
  outside: string[];
  overflowing: string[];
  emptySvgs: number;
  svgs: number;
}

/**
 * Runs in the page (a string, because this project compiles without the DOM library): elements whose box leaves
 * the viewport, elements whose content is wider than their box, and SVGs without a drawing. Hidden elements,
 * closed <details> and the insides of SVGs are skipped.
 */
const MEASURE = `(() => {
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : '') + ': ' +
    (el.textContent || '').trim().slice(0, 60);
  const viewport = document.documentElement.clientWidth;
  const outside = [];
  const overflowing = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || el.closest('details:not([open])') !== null) continue;
    if (el.closest('svg') !== null && el.tagName.toLowerCase() !== 'svg') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < -1 || r.right > viewport + 1) outside.push(describe(el) + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
    if (style.display !== 'inline' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      overflowing.push(describe(el) + ' (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
  }
  const svgs = Array.from(document.querySelectorAll('svg'));
  const emptySvgs = svgs.filter((svg) => {
    const r = svg.getBoundingClientRect();
    return r.width < 50 || r.height < 50 || svg.querySelectorAll('path[d], line, rect, circle').length < 3;
  }).length;
  return { pageWidth: document.documentElement.scrollWidth, viewport, outside: outside.slice(0, 10),
    overflowing: overflowing.slice(0, 10), emptySvgs, svgs: svgs.length };
})()`;

function measure(page: Page): Promise<Layout> {
  return page.evaluate(MEASURE) as Promise<Layout>;
}

/**
 * A PNG of the first element matching `selector`, cut from the page by its box in page coordinates. A locator's own
 * screenshot first waits for the element to be "stable" over animation frames; on a busy machine that wait once took
 * the whole 150 s timeout at 800 px (the page has no animation), so the box is measured once instead.
 */
async function shot(page: Page, selector: string, path: string, timeout: number): Promise<void> {
  const clip = (await page.evaluate(`(() => {
  const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
  return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
})()`)) as { x: number; y: number; width: number; height: number };
  expect(clip.width * clip.height, `${selector} has an empty box`).toBeGreaterThan(0);
  await page.screenshot({ path, fullPage: true, clip, timeout });
}

describe.skipIf(!available && !required)('the report of a real check in headless Chromium', () => {
  beforeAll(async () => {
    if (!available) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
    // A real check at a small budget: a construction with archived counterexamples, a theorem, a teacher–student construction.
    const check = await cli(
      'check',
      'narrow-no-strict-bad-min',
      'km-d0-one-rank',
      'ss18-spurious-minima-common',
      '--runs',
      '3',
      '--seed',
      SEED,
      '--no-write',
      '--out',
      out,
    );
    expect(check.code, check.err).toBe(0);
    // Experiments at tiny options: a heatmap, lines with intervals and a band, histograms.
    for (const args of [
      ['km-phase-transition', '--grid', 'fixed', '--trials', '4'],
      ['cho15-minima-concentrate', '--N', '25,50,100', '--runs', '6'],
      ['ss18-spurious-rate', '--k', '6..8', '--runs', '4', '--embed', '1'],
    ]) {
      const run = await cli('run', ...args, '--seed', SEED, '--out', out);
      expect([0, 1], run.err).toContain(run.code);
    }
    const report = await cli('report', '--out', out);
    expect(report.code, report.err).toBe(0);
    mkdirSync(shots, { recursive: true });
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  }, 240_000);

  test('the page comes from the check: overall counts, a table of contents, every archived file pictured', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('claims as expected');
    expect(html).toContain(`Seed <code>${SEED}</code>`);
    expect(html).toContain('aria-label="contents"');
    const files = html.match(/class="cx"/g)?.length ?? 0;
    expect(files).toBeGreaterThan(0);
    // Each archived counterexample has its 1-D and 2-D pictures.
    expect(html.match(/>1-D: loss from the certified point/g)?.length).toBe(files);
    expect(html.match(/>2-D: loss around the certified point/g)?.length).toBe(files);
  });

  for (const width of [1280, 800, 390]) {
    test(`at ${width} px: nothing sticks out, no text overflows, every SVG drawn, no console error`, async () => {
      const page = context!.pages()[0]!;
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`file://${join(out, 'index.html')}`, { waitUntil: 'load' });
      const layout = await measure(page);
      expect(layout.pageWidth, 'horizontal scroll').toBeLessThanOrEqual(layout.viewport);
      expect(layout.outside).toEqual([]);
      expect(layout.overflowing).toEqual([]);
      expect(layout.svgs).toBeGreaterThan(20);
      expect(layout.emptySvgs).toBe(0);
      expect(consoleErrors).toEqual([]);
      // Screenshots of a long page full of SVG are slow on a busy machine: a generous timeout.
      const timeout = 150_000;
      await page.screenshot({ path: join(shots, `report-${width}.png`), timeout });
      // Viewport and section shots (a full-page PNG of this page is ~8 MB and slow on a busy machine).
      await shot(page, 'section#narrow-no-strict-bad-min', join(shots, `claim-${width}.png`), timeout);
      await shot(page, '.cx', join(shots, `counterexample-${width}.png`), timeout);
      for (const id of ['km-phase-transition', 'cho15-minima-concentrate', 'ss18-spurious-rate'])
        await shot(page, `section#${id} .figures`, join(shots, `${id}-${width}.png`), timeout);
    }, 400_000);
  }

  test('prints without horizontal overflow (print media, A4 width)', async () => {
    const page = context!.pages()[0]!;
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`file://${join(out, 'index.html')}`, { waitUntil: 'load' });
    const layout = await measure(page);
    await page.emulateMedia({ media: 'screen' });
    expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewport);
    expect(layout.outside).toEqual([]);
  }, 120_000);
});
