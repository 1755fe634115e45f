import type { Plot } from '../claims/index.js';

/** Plain SVG for the report's plots: no browser, no dependency, deterministic output. */

const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = { left: 70, right: 20, top: 40, bottom: 60 };
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf', '#7f7f7f'];

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e5)) return value.toExponential(1);
  return Number(value.toPrecision(3)).toString();
}

/** About `count` round tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    out.push(Number(t.toPrecision(12)));
  return out;
}

function frame(title: string, xLabel: string, yLabel: string, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="${(MARGIN.left + WIDTH - MARGIN.right) / 2}" y="${HEIGHT - 14}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(16 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`,
    body,
    '</svg>',
  ].join('\n');
}

type Scale = (v: number) => number;

function linear(d0: number, d1: number, r0: number, r1: number): Scale {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

function axes(x: Scale, y: Scale, xTicks: number[], yTicks: number[]): string {
  const parts: string[] = [];
  const x0 = MARGIN.left;
  const x1 = WIDTH - MARGIN.right;
  const y0 = HEIGHT - MARGIN.bottom;
  const y1 = MARGIN.top;
  parts.push(`<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}" stroke="black"/>`);
  parts.push(`<line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}" stroke="black"/>`);
  for (const t of xTicks) {
    const px = x(t).toFixed(1);
    parts.push(`<line x1="${px}" y1="${y0}" x2="${px}" y2="${y0 + 5}" stroke="black"/>`);
    parts.push(`<text x="${px}" y="${y0 + 18}" text-anchor="middle">${fmt(t)}</text>`);
  }
  for (const t of yTicks) {
    const py = y(t).toFixed(1);
    parts.push(`<line x1="${x0 - 5}" y1="${py}" x2="${x0}" y2="${py}" stroke="black"/>`);
    parts.push(`<line x1="${x0}" y1="${py}" x2="${x1}" y2="${py}" stroke="#eee"/>`);
    parts.push(`<text x="${x0 - 8}" y="${Number(py) + 4}" text-anchor="end">${fmt(t)}</text>`);
  }
  return parts.join('\n');
}

function finiteRange(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  return [lo, hi];
}

/** Colour for p ∈ [0, 1]: white → dark blue (viridis-like ramp would need a table; two-stop is enough here). */
function ramp(p: number): string {
  if (!Number.isFinite(p)) return '#ccc';
  const t = Math.min(1, Math.max(0, p));
  const r = Math.round(247 - t * (247 - 8));
  const g = Math.round(251 - t * (251 - 48));
  const b = Math.round(255 - t * (255 - 107));
  return `rgb(${r},${g},${b})`;
}

function heatmap(plot: Extract<Plot, { type: 'heatmap' }>): string {
  const nx = plot.x.length;
  const ny = plot.y.length;
  const legend = 60;
  const w = (WIDTH - MARGIN.left - MARGIN.right - legend) / Math.max(1, nx);
  const h = (HEIGHT - MARGIN.top - MARGIN.bottom) / Math.max(1, ny);
  const parts: string[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const v = plot.values[j]?.[i] ?? Number.NaN;
      const px = MARGIN.left + i * w;
      const py = HEIGHT - MARGIN.bottom - (j + 1) * h;
      parts.push(
        `<rect x="${px.toFixed(1)}" y="${py.toFixed(1)}" width="${(w + 0.5).toFixed(1)}" height="${(h + 0.5).toFixed(1)}" fill="${ramp(v)}"><title>${escapeXml(`${plot.xLabel}=${plot.x[i]}, ${plot.yLabel}=${plot.y[j]}: ${fmt(v)}`)}</title></rect>`,
      );
    }
  }
  const every = (count: number) => Math.max(1, Math.ceil(count / 10));
  plot.x.forEach((x, i) => {
    if (i % every(nx) !== 0) return;
    parts.push(
      `<text x="${(MARGIN.left + (i + 0.5) * w).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${fmt(x)}</text>`,
    );
  });
  plot.y.forEach((y, j) => {
    if (j % every(ny) !== 0) return;
    parts.push(
      `<text x="${MARGIN.left - 6}" y="${(HEIGHT - MARGIN.bottom - (j + 0.5) * h + 4).toFixed(1)}" text-anchor="end">${fmt(y)}</text>`,
    );
  });
  const lx = WIDTH - MARGIN.right - legend + 20;
  const lh = HEIGHT - MARGIN.top - MARGIN.bottom;
  for (let k = 0; k < 20; k++) {
    parts.push(
      `<rect x="${lx}" y="${(MARGIN.top + (lh * k) / 20).toFixed(1)}" width="14" height="${(lh / 20 + 0.5).toFixed(1)}" fill="${ramp(1 - k / 20)}"/>`,
    );
  }
  parts.push(`<text x="${lx + 18}" y="${MARGIN.top + 10}">1</text>`);
  parts.push(`<text x="${lx + 18}" y="${MARGIN.top + lh}">0</text>`);
  return frame(plot.title, plot.xLabel, plot.yLabel, parts.join('\n'));
}

function lines(plot: Extract<Plot, { type: 'lines' }>): string {
  const xs = plot.series.flatMap((s) => s.x);
  const ys = plot.series.flatMap((s) => [...s.y, ...(s.lo ?? []), ...(s.hi ?? [])]);
  if (plot.band !== undefined) ys.push(plot.band.lo, plot.band.hi);
  const [xlo, xhi] = finiteRange(xs);
  const [ylo, yhi] = finiteRange(ys);
  const x = linear(xlo, xhi, MARGIN.left + 10, WIDTH - MARGIN.right - 10);
  const y = linear(ylo, yhi, HEIGHT - MARGIN.bottom - 10, MARGIN.top + 10);
  const parts = [axes(x, y, ticks(xlo, xhi), ticks(ylo, yhi))];
  if (plot.band !== undefined) {
    parts.push(
      `<rect x="${MARGIN.left}" y="${y(plot.band.hi).toFixed(1)}" width="${WIDTH - MARGIN.left - MARGIN.right}" height="${(y(plot.band.lo) - y(plot.band.hi)).toFixed(1)}" fill="#ffd70055"><title>${escapeXml(plot.band.label)}</title></rect>`,
    );
  }
  plot.series.forEach((s, k) => {
    const colour = PALETTE[k % PALETTE.length]!;
    const points = s.x
      .map((xv, i) => [x(xv), y(s.y[i] ?? Number.NaN)] as const)
      .filter(([, py]) => Number.isFinite(py));
    if (s.lo !== undefined && s.hi !== undefined) {
      s.x.forEach((xv, i) => {
        const lo = s.lo?.[i];
        const hi = s.hi?.[i];
        if (lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi)) return;
        const px = x(xv).toFixed(1);
        parts.push(
          `<line x1="${px}" y1="${y(lo).toFixed(1)}" x2="${px}" y2="${y(hi).toFixed(1)}" stroke="${colour}" stroke-opacity="0.6" stroke-width="2"/>`,
        );
      });
    }
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="1.5" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`,
    );
    for (const [px, py] of points)
      parts.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3" fill="${colour}"/>`);
    parts.push(
      `<text x="${WIDTH - MARGIN.right - 150}" y="${MARGIN.top + 14 + 16 * k}" fill="${colour}">${escapeXml(s.name)}</text>`,
    );
  });
  return frame(plot.title, plot.xLabel, plot.yLabel, parts.join('\n'));
}

function histogram(plot: Extract<Plot, { type: 'histogram' }>): string {
  const all = plot.series.flatMap((s) => s.values).filter(Number.isFinite);
  const extra = plot.band === undefined ? [] : [plot.band.lo, plot.band.hi];
  const [lo, hi] = finiteRange([...all, ...extra]);
  const bins = 30;
  const width = (hi - lo) / bins;
  const counts = plot.series.map((s) => {
    const c = new Array<number>(bins).fill(0);
    for (const v of s.values) {
      if (!Number.isFinite(v)) continue;
      c[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))]! += 1;
    }
    const total = Math.max(1, s.values.length);
    return c.map((v) => v / total);
  });
  const ymax = Math.max(0.01, ...counts.flat());
  const x = linear(lo, hi, MARGIN.left + 10, WIDTH - MARGIN.right - 10);
  const y = linear(0, ymax, HEIGHT - MARGIN.bottom, MARGIN.top + 10);
  const parts = [axes(x, y, ticks(lo, hi), ticks(0, ymax))];
  if (plot.band !== undefined) {
    parts.push(
      `<rect x="${x(plot.band.lo).toFixed(1)}" y="${MARGIN.top}" width="${(x(plot.band.hi) - x(plot.band.lo)).toFixed(1)}" height="${HEIGHT - MARGIN.top - MARGIN.bottom}" fill="#ffd70066"><title>${escapeXml(plot.band.label)}</title></rect>`,
    );
  }
  counts.forEach((c, k) => {
    const colour = PALETTE[k % PALETTE.length]!;
    const path = c.map(
      (v, i) =>
        `${x(lo + i * width).toFixed(1)},${y(v).toFixed(1)} ${x(lo + (i + 1) * width).toFixed(1)},${y(v).toFixed(1)}`,
    );
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="1.5" points="${x(lo).toFixed(1)},${y(0).toFixed(1)} ${path.join(' ')} ${x(hi).toFixed(1)},${y(0).toFixed(1)}"/>`,
    );
    parts.push(
      `<text x="${WIDTH - MARGIN.right - 150}" y="${MARGIN.top + 14 + 16 * k}" fill="${colour}">${escapeXml(plot.series[k]!.name)}</text>`,
    );
  });
  return frame(plot.title, plot.xLabel, 'fraction of runs', parts.join('\n'));
}

/** One plot as a standalone SVG document. */
export function renderPlot(plot: Plot): string {
  switch (plot.type) {
    case 'heatmap':
      return heatmap(plot);
    case 'lines':
      return lines(plot);
    case 'histogram':
      return histogram(plot);
  }
}
