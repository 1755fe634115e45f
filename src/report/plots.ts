import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Plot } from '../claims/index.js';

/**
 * The report's plots as Vega-Lite (Vega for contours) specs, rendered to SVG in Node (`view.toSVG()`, no browser,
 * no canvas). Vega is a well-kept grammar with log scales, gradient colour bars with labelled ticks and legends
 * laid out outside the plotting area, which is what a reader of loss-landscape figures expects.
 */

/** 1-D interpolation from a certified point (t = 0) to its better point (t = 1). */
export interface InterpolationPlot {
  readonly type: 'interpolation';
  readonly title: string;
  readonly t: readonly number[];
  readonly loss: readonly number[];
  readonly barrier: { readonly t: number; readonly loss: number; readonly height: number };
}

/** 2-D loss surface on a square grid: values[j][i] at (alpha[i], beta[j]). */
export interface SurfacePlot {
  readonly type: 'surface';
  readonly title: string;
  readonly subtitle: string;
  readonly alpha: readonly number[];
  readonly beta: readonly number[];
  readonly values: readonly (readonly number[])[];
}

/** An eigenvalue density (SLQ smoothed by a Gaussian kernel). */
export interface DensityPlot {
  readonly type: 'density';
  readonly title: string;
  readonly subtitle: string;
  readonly lambda: readonly number[];
  readonly density: readonly number[];
}

export type ReportPlot = Plot | InterpolationPlot | SurfacePlot | DensityPlot;

const WIDTH = 430;
const HEIGHT = 260;
/** Characters per title line: 430 px at 14 px bold sans-serif holds about 55. */
const TITLE_CHARS = 54;
const SUBTITLE_CHARS = 68;

/** Split text into lines of at most `width` characters at spaces (a title that fits its plot). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

function title(text: string, subtitle?: string): Record<string, unknown> {
  return {
    text: wrap(text, TITLE_CHARS),
    ...(subtitle === undefined || subtitle === '' ? {} : { subtitle: wrap(subtitle, SUBTITLE_CHARS) }),
    anchor: 'start',
    fontSize: 14,
    subtitleFontSize: 11,
    subtitleColor: '#444',
    offset: 8,
  };
}

const CONFIG = {
  font: 'sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 120, titlePadding: 8 },
  legend: {
    labelFontSize: 11,
    titleFontSize: 12,
    labelLimit: 220,
    orient: 'bottom',
    direction: 'horizontal',
    columns: 2,
  },
  view: { stroke: '#ccc' },
};

/**
 * A grid is drawn on a log axis when it is geometric: all positive, spanning at least a factor 8, and its
 * log-spacings vary less than its linear spacings (e.g. widths 8, 16, 32, 64).
 */
export function isGeometric(values: readonly number[]): boolean {
  const xs = [...new Set(values)].filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length < 3 || xs[0]! <= 0 || xs[xs.length - 1]! / xs[0]! < 8) return false;
  const spread = (ds: number[]) => {
    const mean = ds.reduce((a, b) => a + b, 0) / ds.length;
    return Math.sqrt(ds.reduce((a, b) => a + (b - mean) ** 2, 0) / ds.length) / Math.abs(mean);
  };
  const lin = xs.slice(1).map((x, i) => x - xs[i]!);
  const log = xs.slice(1).map((x, i) => Math.log(x / xs[i]!));
  return spread(log) < spread(lin);
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

function linesSpec(plot: Extract<Plot, { type: 'lines' }>): TopLevelSpec {
  const rows = plot.series.flatMap((s) =>
    s.x.map((x, i) => ({
      series: s.name,
      x,
      y: finite(s.y[i]!),
      lo: s.lo === undefined ? null : finite(s.lo[i]!),
      hi: s.hi === undefined ? null : finite(s.hi[i]!),
    })),
  );
  const log = isGeometric(rows.map((r) => r.x));
  const distinctX = [...new Set(rows.map((r) => r.x))].sort((a, b) => a - b);
  const integers = distinctX.every(Number.isInteger);
  const hasIntervals = plot.series.some((s) => s.lo !== undefined && s.hi !== undefined);
  const notes: string[] = [];
  if (hasIntervals) notes.push('shaded: each series’ interval (lo to hi)');
  if (plot.band !== undefined) notes.push(`grey band: ${plot.band.label}`);
  if (log) notes.push(`${plot.xLabel} on a log axis (geometric grid)`);
  const palette = plot.series.length <= 10 ? 'tableau10' : 'tableau20';
  const color = { field: 'series', type: 'nominal', title: null, scale: { scheme: palette } };
  const x = {
    field: 'x',
    type: 'quantitative',
    title: plot.xLabel,
    scale: log ? { type: 'log', nice: false } : { zero: false, nice: false },
    // A short grid is labelled at its own values (k = 6, 7, 8 rather than 6.0, 6.2, …).
    axis: log ? { values: distinctX } : integers ? { tickMinStep: 1, format: 'd' } : {},
  };
  const layers: Record<string, unknown>[] = [];
  if (plot.band !== undefined)
    layers.push({
      data: { values: [{ lo: plot.band.lo, hi: plot.band.hi }] },
      mark: { type: 'rect', color: '#bbb', opacity: 0.35 },
      encoding: { y: { field: 'lo', type: 'quantitative', scale: { zero: false } }, y2: { field: 'hi' } },
    });
  if (hasIntervals)
    layers.push({
      transform: [{ filter: 'datum.lo != null && datum.hi != null' }],
      mark: { type: 'area', opacity: 0.18 },
      encoding: {
        x,
        y: { field: 'lo', type: 'quantitative', scale: { zero: false } },
        y2: { field: 'hi' },
        // The fill channel (not color): the area's opacity does not leak into the line legend; fill and stroke
        // share field, domain and scheme, so Vega-Lite merges them into one legend with the same colours.
        fill: color,
      },
    });
  layers.push({
    transform: [{ filter: 'datum.y != null' }],
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x,
      y: { field: 'y', type: 'quantitative', title: plot.yLabel, scale: { zero: false } },
      color,
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: HEIGHT,
    title: title(plot.title, notes.join('; ')),
    data: { values: rows },
    layer: layers,
    config: CONFIG,
  } as unknown as TopLevelSpec;
}

function heatmapSpec(plot: Extract<Plot, { type: 'heatmap' }>): TopLevelSpec {
  const rows: { x: number; y: number; v: number }[] = [];
  let missing = 0;
  plot.y.forEach((y, j) => {
    plot.x.forEach((x, i) => {
      const v = plot.values[j]?.[i];
      if (v === undefined || !Number.isFinite(v)) missing++;
      else rows.push({ x, y, v });
    });
  });
  const notes = ['cells in grid order'];
  if (missing > 0) notes.push(`${missing} blank cells: not computed`);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: Math.min(WIDTH, 48 * plot.x.length + 40),
    height: Math.min(HEIGHT, 28 * plot.y.length + 20),
    title: title(plot.title, notes.join('; ')),
    data: { values: rows },
    mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: { field: 'x', type: 'ordinal', title: plot.xLabel, sort: 'ascending', axis: { labelAngle: 0 } },
      y: { field: 'y', type: 'ordinal', title: plot.yLabel, sort: 'descending' },
      color: {
        field: 'v',
        type: 'quantitative',
        title: 'value',
        scale: { scheme: 'viridis', domain: [0, 1] },
        legend: {
          orient: 'right',
          direction: 'vertical',
          values: [0, 0.2, 0.4, 0.6, 0.8, 1],
          gradientLength: 160,
        },
      },
      tooltip: [{ field: 'x' }, { field: 'y' }, { field: 'v', format: '.3f' }],
    },
    config: CONFIG,
  } as unknown as TopLevelSpec;
}

function histogramSpec(plot: Extract<Plot, { type: 'histogram' }>): TopLevelSpec {
  const rows = plot.series.flatMap((s) =>
    s.values.filter(Number.isFinite).map((value) => ({ series: s.name, value })),
  );
  const notes = ['one panel per series; bar height: fraction of that series’ runs'];
  if (plot.band !== undefined) notes.push(`grey band: ${plot.band.label}`);
  const layers: Record<string, unknown>[] = [];
  if (plot.band !== undefined)
    layers.push({
      mark: { type: 'rect', color: '#bbb', opacity: 0.35 },
      encoding: { x: { datum: plot.band.lo, type: 'quantitative' }, x2: { datum: plot.band.hi } },
    });
  layers.push({
    transform: [
      { bin: { maxbins: 30 }, field: 'value', as: ['b0', 'b1'] },
      { aggregate: [{ op: 'count', as: 'count' }], groupby: ['series', 'b0', 'b1'] },
      { joinaggregate: [{ op: 'sum', field: 'count', as: 'total' }], groupby: ['series'] },
      { calculate: 'datum.count / datum.total', as: 'fraction' },
    ],
    mark: { type: 'rect', color: '#4c78a8' },
    encoding: {
      x: { field: 'b0', type: 'quantitative', title: plot.xLabel, scale: { zero: false } },
      x2: { field: 'b1' },
      y: { field: 'fraction', type: 'quantitative', title: 'fraction of runs' },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: title(plot.title, notes.join('; ')),
    data: { values: rows },
    facet: {
      row: {
        sort: plot.series.map((x) => x.name),
        field: 'series',
        type: 'nominal',
        title: null,
        header: { labelAngle: 0, labelAlign: 'left', labelFontSize: 12 },
      },
    },
    spec: { width: WIDTH, height: 90, layer: layers },
    resolve: { scale: { y: 'independent' } },
    config: CONFIG,
  } as unknown as TopLevelSpec;
}

function interpolationSpec(plot: InterpolationPlot): TopLevelSpec {
  const rows = plot.t.map((t, i) => ({ t, loss: finite(plot.loss[i]!) }));
  const at = (t: number) => rows.reduce((best, r) => (Math.abs(r.t - t) < Math.abs(best.t - t) ? r : best));
  const marks = [
    { t: 0, loss: at(0).loss, role: 'certified point (t = 0)' },
    { t: 1, loss: at(1).loss, role: 'better point (t = 1)' },
  ];
  const hasBarrier = plot.barrier.height > 0;
  if (hasBarrier)
    marks.push({
      t: plot.barrier.t,
      loss: plot.barrier.loss,
      role: `barrier: +${plot.barrier.height.toPrecision(3)} above t = 0`,
    });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: HEIGHT,
    title: title(
      plot.title,
      `loss on θ(t) = (1 − t)·θ_certified + t·θ_better, t in [−0.25, 1.25]${hasBarrier ? '' : '; no barrier: the loss never rises above its value at t = 0 on [0, 1]'}`,
    ),
    config: { ...CONFIG, legend: { ...CONFIG.legend, columns: 1, labelLimit: 0 } },
    layer: [
      {
        data: { values: rows },
        transform: [{ filter: 'datum.loss != null' }],
        mark: { type: 'line', color: '#4c78a8', strokeWidth: 2 },
        encoding: {
          x: {
            field: 't',
            type: 'quantitative',
            title: 't (0: certified point, 1: better point)',
            scale: { nice: false },
          },
          y: { field: 'loss', type: 'quantitative', title: 'loss', scale: { zero: false } },
        },
      },
      ...(hasBarrier
        ? [
            {
              data: { values: [{ t: plot.barrier.t }] },
              mark: { type: 'rule', strokeDash: [4, 3], color: '#e45756' },
              encoding: { x: { field: 't', type: 'quantitative' } },
            },
          ]
        : []),
      {
        data: { values: marks },
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          x: { field: 't', type: 'quantitative' },
          y: { field: 'loss', type: 'quantitative' },
          color: {
            field: 'role',
            type: 'nominal',
            title: null,
            scale: { range: ['#4c78a8', '#54a24b', '#e45756'] },
            sort: null,
          },
          shape: {
            field: 'role',
            type: 'nominal',
            title: null,
            scale: { range: ['circle', 'square', 'triangle-up'] },
            sort: null,
          },
        },
      },
    ],
  } as unknown as TopLevelSpec;
}

function densitySpec(plot: DensityPlot): TopLevelSpec {
  const peak = Math.max(...plot.density.filter(Number.isFinite));
  const floor = peak * 1e-6;
  const rows = plot.lambda.map((lambda, i) => ({ lambda, density: Math.max(plot.density[i]!, floor) }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: HEIGHT,
    title: title(plot.title, `${plot.subtitle}; density on a log axis, floored at 1e-6 of its peak`),
    data: { values: rows },
    mark: { type: 'area', line: { color: '#4c78a8' }, color: '#4c78a8', opacity: 0.3 },
    encoding: {
      x: {
        field: 'lambda',
        type: 'quantitative',
        title: 'eigenvalue λ',
        scale: { nice: false, zero: false },
      },
      y: {
        field: 'density',
        type: 'quantitative',
        title: 'density',
        stack: null,
        axis: { grid: false, tickCount: 6 },
        scale: { type: 'log', domainMin: floor },
      },
    },
    config: CONFIG,
  } as unknown as TopLevelSpec;
}

/** Contour levels at distinct quantiles of the finite values (detail where the surface is flat, too). */
function contourLevels(values: readonly number[], count: number): number[] {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  const out = new Set<number>();
  // The first level sits just below the minimum, so every cell of the picture is filled (without it the
  // lowest region, often the valley through the point, was left white).
  const span = xs[xs.length - 1]! - xs[0]!;
  out.add(xs[0]! - Math.max(span, Math.abs(xs[0]!), 1e-300) * 1e-9);
  for (let k = 1; k < count; k++)
    out.add(Number(xs[Math.floor((k / count) * (xs.length - 1))]!.toPrecision(6)));
  return [...out].sort((a, b) => a - b);
}

function surfaceSpec(plot: SurfacePlot): vega.Spec {
  const n = plot.alpha.length;
  const m = plot.beta.length;
  const side = Math.min(WIDTH, 340);
  // Row 0 of the raster is the top of the picture: the largest β.
  const raster: number[] = [];
  for (let j = m - 1; j >= 0; j--) for (let i = 0; i < n; i++) raster.push(plot.values[j]?.[i] ?? Number.NaN);
  const finiteValues = raster.filter(Number.isFinite);
  const lo = Math.min(...finiteValues);
  const hi = Math.max(...finiteValues);
  const ha = (plot.alpha[n - 1]! - plot.alpha[0]!) / (n - 1) / 2;
  const hb = (plot.beta[m - 1]! - plot.beta[0]!) / (m - 1) / 2;
  const levels = contourLevels(finiteValues, 12);
  const titleSpec = title(plot.title, plot.subtitle);
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: side,
    height: side,
    padding: 5,
    autosize: 'pad',
    title: { ...titleSpec, frame: 'group' } as vega.Title,
    data: [
      {
        name: 'grid',
        values: [{ width: n, height: m, values: raster.map((v) => (Number.isFinite(v) ? v : hi)) }],
      },
      {
        name: 'contours',
        source: 'grid',
        transform: [
          { type: 'isocontour', thresholds: levels, scale: { expr: `${side} / ${n}` }, smooth: true },
        ],
      },
      { name: 'centre', values: [{ a: 0, b: 0, label: 'certified point' }] },
    ],
    scales: [
      {
        name: 'x',
        type: 'linear',
        domain: [plot.alpha[0]! - ha, plot.alpha[n - 1]! + ha],
        range: 'width',
        nice: false,
        zero: false,
      },
      {
        name: 'y',
        type: 'linear',
        domain: [plot.beta[0]! - hb, plot.beta[m - 1]! + hb],
        range: 'height',
        nice: false,
        zero: false,
      },
      { name: 'color', type: 'linear', domain: [lo, hi], range: { scheme: 'viridis' }, zero: false },
    ],
    axes: [
      { scale: 'x', orient: 'bottom', title: 'α (first direction)', tickCount: 5 },
      { scale: 'y', orient: 'left', title: 'β (second direction)', tickCount: 5 },
    ],
    legends: [
      {
        fill: 'color',
        type: 'gradient',
        title: 'loss',
        orient: 'right',
        gradientLength: side - 40,
        tickCount: 6,
        format: '.3~g',
      },
    ],
    marks: [
      {
        type: 'shape',
        from: { data: 'contours' },
        encode: {
          enter: {
            stroke: { value: '#fff' },
            strokeWidth: { value: 0.6 },
            fill: { scale: 'color', field: 'contour.value' },
          },
        },
        transform: [{ type: 'geoshape', field: 'datum.contour' }],
      },
      {
        type: 'symbol',
        from: { data: 'centre' },
        encode: {
          enter: {
            x: { scale: 'x', field: 'a' },
            y: { scale: 'y', field: 'b' },
            shape: { value: 'cross' },
            size: { value: 120 },
            fill: { value: '#e45756' },
            stroke: { value: 'white' },
            strokeWidth: { value: 1 },
          },
        },
      },
    ],
  } as unknown as vega.Spec;
}

/** The Vega spec of a plot (Vega-Lite ones compiled). */
export function vegaSpec(plot: ReportPlot): vega.Spec {
  switch (plot.type) {
    case 'surface':
      return surfaceSpec(plot);
    case 'lines':
      return compile(linesSpec(plot)).spec as vega.Spec;
    case 'heatmap':
      return compile(heatmapSpec(plot)).spec as vega.Spec;
    case 'histogram':
      return compile(histogramSpec(plot)).spec as vega.Spec;
    case 'interpolation':
      return compile(interpolationSpec(plot)).spec as vega.Spec;
    case 'density':
      return compile(densitySpec(plot)).spec as vega.Spec;
  }
}

/** Render a plot to a standalone SVG string (headless Vega view; no browser, no canvas). */
export async function renderPlotSvg(plot: ReportPlot): Promise<string> {
  const view = new vega.View(vega.parse(vegaSpec(plot)), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
