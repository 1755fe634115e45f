/** Public face of src/report: the HTML report and its SVG plots. */
export { type ReportInput, renderReport } from './html.js';
export { escapeXml, renderPlot, ticks } from './svg.js';
