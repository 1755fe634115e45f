import type { Plot } from '../claims/index.js';
import { type CheckData, type CheckResult, verdictCounts } from './checkData.js';
import { type ReportPlot, renderPlotSvg } from './plots.js';
import { escapeXml } from './svg.js';

/** One archived counterexample as the report shows it. */
export interface ReportCounterexample {
  /** Path shown to the reader (relative to the project). */
  readonly path: string;
  /** Link from the report page to the file (a copy inside the report folder, so the folder travels whole). */
  readonly href: string;
  readonly claim: string;
  /** The certificate replays with today's core. */
  readonly ok: boolean;
  /** `certificate.rigour` when the file has one, else "float-evidence". */
  readonly rigour: string;
  readonly summary: string;
  /** 1-D interpolation, 2-D surface and eigenvalue density, where they could be computed. */
  readonly plots: readonly ReportPlot[];
  /** Why a picture is missing (e.g. no better point in the certificate). */
  readonly notes: readonly string[];
}

export interface ReportRun {
  readonly id: string;
  readonly seed?: number;
  readonly date?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly columns?: readonly string[];
  readonly rows?: readonly (readonly (string | number)[])[];
  readonly plots?: readonly Plot[];
  readonly assertions?: readonly {
    readonly name: string;
    readonly verdict: string;
    readonly detail?: string;
  }[];
}

/** What the report shows; the CLI gathers it (claims, the last check, experiment runs, the archive). */
export interface ReportInput {
  readonly title: string;
  readonly generatedAt: string;
  readonly tool: string;
  readonly claims: readonly {
    readonly id: string;
    readonly title: string;
    readonly kind: string;
    readonly expect: string;
    readonly source: string;
    readonly statement: string;
  }[];
  /** The last `landscape check` (report/data/check.json; null: never run or unreadable). */
  readonly check: CheckData | null;
  readonly runs: readonly ReportRun[];
  readonly counterexamples: readonly ReportCounterexample[];
}

const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; padding: 1rem; max-width: 1100px;
  color: #1f2328; line-height: 1.45; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; } h2 { font-size: 1.3rem; margin: 0; } h3 { font-size: 1.05rem; }
a { color: #0550ae; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
.badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 1rem; font-weight: 600; font-size: 0.85rem;
  white-space: nowrap; border: 1px solid currentColor; }
.holds { color: #1a7f37; } .refuted { color: #9a4b00; } .inconclusive { color: #6e40c9; } .missing { color: #57606a; }
.unexpected { background: #ffebe9; }
.summary { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.75rem 1rem; background: #f6f8fa; }
.summary p { margin: 0.25rem 0; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; font-size: 1.05rem; }
.claim { border-top: 2px solid #d0d7de; padding-top: 0.75rem; margin-top: 1.5rem; }
.verdict { font-size: 1.05rem; }
.statement { white-space: pre-wrap; background: #f6f8fa; padding: 0.5rem 0.75rem; border-left: 3px solid #d0d7de; }
.cx { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 500px), 1fr)); gap: 1rem;
  align-items: start; }
figure { margin: 0.5rem 0; max-width: 100%; }
figure svg { max-width: 100%; height: auto; display: block; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.85rem; }
pre { white-space: pre-wrap; background: #f6f8fa; padding: 0.5rem; }
nav.toc td:first-child { white-space: nowrap; }
nav.toc td, nav.toc th { overflow-wrap: break-word; }
.nowrap { white-space: nowrap; }
.muted { color: #57606a; font-size: 0.9rem; }
@media (max-width: 700px) {
  body { padding: 0.5rem; }
  table { font-size: 0.8rem; }
  .hide-narrow { display: none; }
  nav.toc td:first-child { white-space: normal; }
}
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .claim, figure, .cx { break-inside: avoid; }
  .scroll { overflow: visible; }
  details > summary { display: none; }
}
`;

const e = (text: string | number): string => escapeXml(String(text));

function badge(verdict: string | undefined): string {
  const v = verdict ?? 'missing';
  const known = ['holds', 'refuted', 'inconclusive'].includes(v) ? v : 'missing';
  return `<span class="badge ${known}">${e(verdict ?? 'not checked')}</span>`;
}

function seconds(ms: number | undefined): string {
  if (ms === undefined) return '–';
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function reasonOf(r: CheckResult | undefined): string {
  return r?.reason ?? r?.summary ?? '';
}

/** A table wrapped so that a wide one scrolls inside its box instead of widening the page. */
function table(
  head: readonly string[],
  rows: readonly string[][],
  rowClasses: readonly string[] = [],
): string {
  const h = head.map((c) => `<th>${c}</th>`).join('');
  const body = rows.map(
    (r, i) => `<tr${rowClasses[i] ? ` class="${rowClasses[i]}"` : ''}>${r.join('')}</tr>`,
  );
  return `<div class="scroll"><table><thead><tr>${h}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

const td = (html: string, cls = ''): string => `<td${cls === '' ? '' : ` class="${cls}"`}>${html}</td>`;

async function figure(plot: ReportPlot): Promise<string> {
  try {
    return `<figure>${await renderPlotSvg(plot)}</figure>`;
  } catch (error) {
    return `<p class="muted">plot “${e(plot.title)}” could not be drawn: ${e((error as Error).message)}</p>`;
  }
}

function header(input: ReportInput): string {
  const parts: string[] = [
    `<h1>${e(input.title)}</h1>`,
    '<section class="summary" aria-label="overall result">',
  ];
  const check = input.check;
  if (check === null) {
    parts.push(
      '<p><b>No check results yet.</b> Run <code>npx landscape check</code> (it writes <code>report/data/check.json</code>), then <code>npx landscape report</code>.</p>',
    );
  } else {
    const c = verdictCounts(check);
    const all = c.asExpected === c.total;
    parts.push(
      `<p class="counts"><span><b>${c.asExpected} of ${c.total}</b> claims as expected${all ? '' : ` (<b>${c.total - c.asExpected} not</b>)`}</span>` +
        `<span class="holds">${c.holds} holds</span><span class="refuted">${c.refuted} refuted</span>` +
        `<span class="inconclusive">${c.inconclusive} inconclusive</span></p>`,
    );
    const budget =
      check.budget?.runs === undefined || check.budget?.runs === null
        ? "each claim's default number of runs"
        : `${check.budget.runs} runs per claim`;
    parts.push(
      `<p>Seed <code>${e(check.seed ?? '–')}</code> · budget: ${e(budget)} · time ${e(seconds(check.durationMs))} · checked ${e(check.date ?? '–')} by ${e(check.tool ?? input.tool)}</p>`,
    );
    if (check.seed !== undefined)
      parts.push(
        `<p class="muted">Replay the whole check: <code>npx landscape check --seed ${e(check.seed)}</code></p>`,
      );
  }
  parts.push(`<p class="muted">Report generated ${e(input.generatedAt)} by ${e(input.tool)}.</p></section>`);
  return parts.join('\n');
}

function contents(input: ReportInput, results: Map<string, CheckResult>): string {
  const rows: string[][] = [];
  const classes: string[] = [];
  for (const claim of input.claims) {
    const r = results.get(claim.id);
    const cx = input.counterexamples.filter((c) => c.claim === claim.id).length;
    rows.push([
      td(`<a href="#${e(claim.id)}">${e(claim.id)}</a>`),
      td(badge(r?.verdict)),
      td(e(r?.expect ?? claim.expect), 'nowrap hide-narrow'),
      td(e(reasonOf(r))),
      td(String(cx), 'num hide-narrow'),
    ]);
    classes.push(r !== undefined && r.asExpected === false ? 'unexpected' : '');
  }
  return `<nav class="toc" aria-label="contents"><h2>Claims</h2>${table(
    [
      'claim',
      'verdict',
      '<span class="hide-narrow">expected</span>',
      'reason',
      '<span class="hide-narrow">files</span>',
    ],
    rows,
    classes,
  ).replace(
    /<th><span class="hide-narrow">(\w+)<\/span><\/th>/g,
    '<th class="nowrap hide-narrow">$1</th>',
  )}</nav>`;
}

async function counterexampleBlock(c: ReportCounterexample): Promise<string> {
  const parts = [
    '<div class="cx">',
    `<p><a href="${e(c.href)}"><code>${e(c.path)}</code></a> · rigour <b>${e(c.rigour)}</b> · ${c.ok ? 'replays with today’s core' : '<b class="inconclusive">does NOT replay</b>'}</p>`,
    `<p class="muted">${e(c.summary)}</p>`,
  ];
  for (const note of c.notes) parts.push(`<p class="muted">${e(note)}</p>`);
  if (c.plots.length > 0) {
    parts.push('<div class="figures">');
    for (const plot of c.plots) parts.push(await figure(plot));
    parts.push('</div>');
  }
  parts.push('</div>');
  return parts.join('\n');
}

async function runBlock(run: ReportRun): Promise<string> {
  const parts: string[] = [];
  const options = Object.entries(run.options ?? {})
    .map(([k, v]) => `--${k} ${v}`)
    .join(' ');
  parts.push(
    `<h3>Experiment</h3><p class="muted">Run ${e(run.date ?? '–')}, seed <code>${e(run.seed ?? '–')}</code>${options === '' ? '' : `, options <code>${e(options)}</code>`}. The plots and table below come from this run; the verdict above is the check's.</p>`,
  );
  const assertions = run.assertions ?? [];
  if (assertions.length > 0)
    parts.push(
      table(
        ['assertion of this run', 'verdict', 'detail'],
        assertions.map((a) => [td(e(a.name)), td(badge(a.verdict)), td(e(a.detail ?? ''))]),
      ),
    );
  const plots = run.plots ?? [];
  if (plots.length > 0) {
    parts.push('<div class="figures">');
    for (const plot of plots) parts.push(await figure(plot));
    parts.push('</div>');
  }
  const columns = run.columns ?? [];
  const rows = run.rows ?? [];
  if (columns.length > 0) {
    parts.push(
      `<details><summary>data table (${rows.length} rows)</summary>${table(
        columns.map(e),
        rows.map((row) =>
          row.map((v) => (typeof v === 'number' ? td(e(Number(v.toPrecision(6))), 'num') : td(e(v)))),
        ),
      )}</details>`,
    );
  }
  return parts.join('\n');
}

async function claimSection(
  claim: ReportInput['claims'][number],
  result: CheckResult | undefined,
  input: ReportInput,
): Promise<string> {
  const parts: string[] = [`<section class="claim" id="${e(claim.id)}">`];
  parts.push(`<h2>${e(claim.id)}</h2><p><b>${e(claim.title)}</b></p>`);
  if (result === undefined) {
    parts.push(`<p class="verdict">${badge(undefined)} This claim was not in the last check.</p>`);
  } else {
    const expected = result.expect ?? claim.expect;
    const as =
      result.asExpected === undefined
        ? ''
        : result.asExpected
          ? ` (expected ${e(expected)}: as expected)`
          : ` <b>(expected ${e(expected)}: NOT as expected)</b>`;
    parts.push(
      `<p class="verdict">${badge(result.verdict)}${as} ${e(reasonOf(result))} <span class="muted">${e(seconds(result.timeMs ?? result.ms))}</span></p>`,
    );
    const assertions = result.assertions ?? [];
    if (assertions.length > 0)
      parts.push(
        table(
          ['assertion', 'verdict', 'reason'],
          assertions.map((a) => [td(e(a.name)), td(badge(a.verdict)), td(e(a.reason ?? a.detail ?? ''))]),
        ),
      );
    const f = result.failure;
    if (f !== undefined && f !== null) {
      parts.push(
        `<p>Failing case${f.seed === undefined ? '' : `, seed <code>${e(f.seed)}</code>`}${f.path === undefined ? '' : `, path <code>${e(f.path)}</code>`}${f.archived ? `, archived as <code>${e(f.archived)}</code>` : ''}:</p>`,
      );
      if (f.case !== undefined) parts.push(`<pre>${e(f.case)}</pre>`);
      if (f.replay !== undefined) parts.push(`<p>Replay: <code>${e(f.replay)}</code></p>`);
    }
  }
  parts.push(
    `<p>${e(claim.kind)}, expected to be <b>${e(claim.expect)}</b>. Source: ${e(claim.source)}.</p>`,
  );
  parts.push(`<div class="statement">${e(claim.statement)}</div>`);
  const cxs = input.counterexamples.filter((c) => c.claim === claim.id);
  if (cxs.length > 0) {
    parts.push(`<h3>Counterexamples (${cxs.length})</h3>`);
    for (const c of cxs) parts.push(await counterexampleBlock(c));
  }
  for (const run of input.runs.filter((r) => r.id === claim.id)) parts.push(await runBlock(run));
  parts.push('<p class="muted"><a href="#top">back to the top</a></p></section>');
  return parts.join('\n');
}

/**
 * A self-contained HTML page (inline CSS and SVG; no scripts, no external resources): the overall result,
 * a table of contents with one row per claim, then one section per claim.
 */
export async function renderReport(input: ReportInput): Promise<string> {
  const results = new Map((input.check?.results ?? []).map((r) => [r.id, r]));
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(input.title)}</title><style>${STYLE}</style></head><body id="top">`,
    header(input),
    contents(input, results),
  ];
  const known = new Set(input.claims.map((c) => c.id));
  for (const claim of input.claims) parts.push(await claimSection(claim, results.get(claim.id), input));
  const orphans = (input.check?.results ?? []).filter((r) => !known.has(r.id));
  if (orphans.length > 0)
    parts.push(
      `<section class="claim"><h2>Results for unknown claims</h2><p>${orphans.map((r) => `${e(r.id)}: ${badge(r.verdict)}`).join('; ')}</p></section>`,
    );
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}
