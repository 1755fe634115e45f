/** Public face of src/report: the HTML report and its plots (Vega-Lite rendered to SVG; plain SVG for `run`). */
export { type CheckData, type CheckResult, parseCheckData, verdictCounts } from './checkData.js';
export { type ReportCounterexample, type ReportInput, type ReportRun, renderReport } from './html.js';
export { counterexamplePictures, pictureSeed } from './pictures.js';
export {
  type DensityPlot,
  type InterpolationPlot,
  isGeometric,
  type ReportPlot,
  renderPlotSvg,
  type SurfacePlot,
  wrap,
} from './plots.js';
export { escapeXml, renderPlot, ticks } from './svg.js';
