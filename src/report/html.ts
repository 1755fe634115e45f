import type { Plot } from '../claims/index.js';
import { escapeXml, renderPlot } from './svg.js';

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
  /** The last `landscape check` (null: never run). */
  readonly check: {
    readonly seed: number;
    readonly date: string;
    readonly results: readonly {
      readonly id: string;
      readonly verdict: string;
      readonly expect: string;
      readonly asExpected: boolean;
      readonly runs: number;
      readonly discards: number;
      readonly inconclusive: number;
      readonly ms: number;
      readonly counterexamples: readonly string[];
      readonly summary: string;
    }[];
  } | null;
  readonly runs: readonly {
    readonly id: string;
    readonly seed: number;
    readonly date: string;
    readonly options: Readonly<Record<string, string>>;
    readonly columns: readonly string[];
    readonly rows: readonly (readonly (string | number)[])[];
    readonly plots: readonly Plot[];
    readonly assertions: readonly {
      readonly name: string;
      readonly verdict: string;
      readonly detail: string;
    }[];
  }[];
  readonly counterexamples: readonly {
    readonly path: string;
    readonly claim: string;
    readonly ok: boolean;
    readonly summary: string;
  }[];
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; line-height: 1.4; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.holds { color: #1a7f37; font-weight: bold; } .refuted { color: #b35900; font-weight: bold; }
.inconclusive { color: #6e40c9; font-weight: bold; } .bad { background: #ffe5e5; }
.claim { border-top: 1px solid #ddd; padding-top: 1rem; margin-top: 1rem; }
.statement { white-space: pre-wrap; background: #fafafa; padding: 0.5rem; border-left: 3px solid #ccc; }
code { font-size: 0.85rem; }
`;

function cell(value: string | number, numeric = false): string {
  return `<td${numeric ? ' class="num"' : ''}>${escapeXml(String(value))}</td>`;
}

/** A self-contained HTML page (inline CSS and SVG, no scripts, no external resources). */
export function renderReport(input: ReportInput): string {
  const parts: string[] = [];
  parts.push('<!doctype html>', '<html lang="en"><head><meta charset="utf-8">');
  parts.push(`<title>${escapeXml(input.title)}</title><style>${STYLE}</style></head><body>`);
  parts.push(`<h1>${escapeXml(input.title)}</h1>`);
  parts.push(`<p>Generated ${escapeXml(input.generatedAt)} by ${escapeXml(input.tool)}.</p>`);

  parts.push('<h2>Verdicts</h2>');
  if (input.check === null) {
    parts.push(
      '<p>No check has been run yet: <code>npx landscape check</code> writes the verdicts shown here.</p>',
    );
  } else {
    parts.push(`<p>Last check: ${escapeXml(input.check.date)}, seed <code>${input.check.seed}</code>.</p>`);
    parts.push(
      '<table><tr><th>claim</th><th>verdict</th><th>expected</th><th>runs</th><th>discards</th><th>inconclusive</th><th>time</th><th>counterexamples</th><th>summary</th></tr>',
    );
    for (const r of input.check.results) {
      parts.push(
        `<tr${r.asExpected ? '' : ' class="bad"'}>${cell(r.id)}<td class="${escapeXml(r.verdict)}">${escapeXml(r.verdict)}</td>${cell(r.expect)}${cell(r.runs, true)}${cell(r.discards, true)}${cell(r.inconclusive, true)}${cell(`${(r.ms / 1000).toFixed(1)} s`, true)}${cell(r.counterexamples.length, true)}${cell(r.summary)}</tr>`,
      );
    }
    parts.push('</table>');
  }

  parts.push('<h2>Claims</h2>');
  for (const claim of input.claims) {
    parts.push(`<div class="claim" id="${escapeXml(claim.id)}">`);
    parts.push(`<h3>${escapeXml(claim.id)}: ${escapeXml(claim.title)}</h3>`);
    parts.push(
      `<p><b>${escapeXml(claim.kind)}</b>, expected to be <b>${escapeXml(claim.expect)}</b>. Source: ${escapeXml(claim.source)}.</p>`,
    );
    parts.push(`<div class="statement">${escapeXml(claim.statement)}</div>`);
    const cxs = input.counterexamples.filter((c) => c.claim === claim.id);
    if (cxs.length > 0) {
      parts.push('<table><tr><th>counterexample</th><th>replays</th><th>summary</th></tr>');
      for (const c of cxs)
        parts.push(
          `<tr${c.ok ? '' : ' class="bad"'}>${cell(c.path)}${cell(c.ok ? 'yes' : 'NO')}${cell(c.summary)}</tr>`,
        );
      parts.push('</table>');
    }
    for (const run of input.runs.filter((r) => r.id === claim.id)) {
      const options = Object.entries(run.options)
        .map(([k, v]) => `--${k} ${v}`)
        .join(' ');
      parts.push(
        `<p>Experiment run ${escapeXml(run.date)}, seed <code>${run.seed}</code>, options <code>${escapeXml(options)}</code>.</p>`,
      );
      parts.push('<table><tr><th>assertion</th><th>verdict</th><th>detail</th></tr>');
      for (const a of run.assertions) {
        parts.push(
          `<tr>${cell(a.name)}<td class="${escapeXml(a.verdict)}">${escapeXml(a.verdict)}</td>${cell(a.detail)}</tr>`,
        );
      }
      parts.push('</table>');
      for (const plot of run.plots) parts.push(`<figure>${renderPlot(plot)}</figure>`);
      parts.push(
        `<details><summary>table (${run.rows.length} rows)</summary><table><tr>${run.columns.map((c) => `<th>${escapeXml(c)}</th>`).join('')}</tr>`,
      );
      for (const row of run.rows)
        parts.push(
          `<tr>${row.map((v) => cell(typeof v === 'number' ? Number(v.toPrecision(6)) : v, typeof v === 'number')).join('')}</tr>`,
        );
      parts.push('</table></details>');
    }
    parts.push('</div>');
  }
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}
