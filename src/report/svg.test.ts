import { describe, expect, test } from 'vitest';
import { escapeXml, renderPlot, ticks } from './svg.js';

describe('SVG plots and the HTML report', () => {
  test('each plot kind renders a standalone SVG with its title escaped', () => {
    const heat = renderPlot({
      type: 'heatmap',
      title: 'P(full rank) <d0=1>',
      xLabel: 'd1',
      yLabel: 'n',
      x: [1, 2],
      y: [10, 20],
      values: [
        [0, 0.5],
        [1, Number.NaN],
      ],
    });
    expect(heat.startsWith('<svg')).toBe(true);
    expect(heat).toContain('P(full rank) &lt;d0=1&gt;');
    expect(heat.match(/<rect /g)?.length).toBeGreaterThanOrEqual(4);
    const lines = renderPlot({
      type: 'lines',
      title: 'rate',
      xLabel: 'k',
      yLabel: 'fraction',
      series: [{ name: 'n = k', x: [6, 7, 8], y: [0.1, 0.2, 0.3], lo: [0, 0.1, 0.2], hi: [0.2, 0.3, 0.4] }],
      band: { lo: 0.1, hi: 0.2, label: 'band' },
    });
    expect(lines).toContain('<polyline');
    const hist = renderPlot({
      type: 'histogram',
      title: 'energies',
      xLabel: 'L/N',
      series: [{ name: 'N=25', values: [-1.6, -1.5, -1.55] }],
    });
    expect(hist).toContain('fraction of runs');
  });

  test('ticks are round numbers covering the range; XML is escaped', () => {
    expect(ticks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(escapeXml(`a<b & "c"`)).toBe('a&lt;b &amp; &quot;c&quot;');
  });
});
