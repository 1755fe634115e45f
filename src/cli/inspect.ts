import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import {
  counterexampleSchema,
  describeSchemaError,
  jsonErrorPosition,
  makeFolder,
  subjectSchema,
} from '../archive/index.js';
import { UserError } from '../errors.js';
import {
  densityMoment,
  hutchinsonTrace,
  type InspectReport,
  inspectSubject,
  lanczosDensity,
  type Subject,
  smoothedDensity,
  subjectHessianOperator,
  subjectModel,
  topEigenvalues,
} from '../landscape/index.js';
import { seededRng } from '../random.js';
import { type DensityPlot, renderPlotSvg } from '../report/index.js';
import type { Io } from './io.js';
import { displayPath } from './paths.js';
import { parseInteger, resolveSeed } from './seed.js';
import { formatNumber } from './table.js';

/** Read FILE as a counterexample file or a bare subject; every problem is a one-line UserError. */
export function readSubjectFile(file: string): {
  subject: Subject;
  claim: string | null;
  certificateKind: string | null;
} {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `${file}: no such file`
        : `${file}: cannot read (${code ?? (error as Error).message})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: invalid JSON at ${jsonErrorPosition(text, error)}`);
  }
  if (typeof json === 'object' && json !== null && 'format' in json) {
    const parsed = counterexampleSchema.safeParse(json);
    if (!parsed.success)
      throw new UserError(`${file}: not a valid counterexample file: ${describeSchemaError(parsed.error)}`);
    return {
      subject: parsed.data.subject,
      claim: parsed.data.claim,
      certificateKind: parsed.data.certificate.kind,
    };
  }
  const parsed = subjectSchema.safeParse(json);
  if (!parsed.success) {
    throw new UserError(
      `${file}: neither a counterexample file nor a subject: ${describeSchemaError(parsed.error)}`,
    );
  }
  return { subject: parsed.data, claim: null, certificateKind: null };
}

function list(values: readonly number[], max = 12): string {
  const shown = values.slice(0, max).map(formatNumber).join(', ');
  return values.length > max ? `${shown}, … (${values.length} in all)` : shown;
}

/** The raw flags of `landscape inspect` (commander's strings). */
export interface InspectCliOptions {
  json?: boolean;
  trace?: boolean;
  density?: boolean;
  topK?: string;
  plot?: string;
  samples?: string;
  probes?: string;
  steps?: string;
  seed?: string;
}

/** What `inspect` computes beyond the exact report (all seeded, all on Hessian-vector products). */
export interface InspectOptions {
  readonly json: boolean;
  readonly trace: boolean;
  readonly density: boolean;
  readonly topK: number | null;
  readonly plot: string | null;
  readonly samples: number;
  readonly probes: number;
  readonly steps: number | null;
  readonly seed: number;
  readonly seedOrigin: 'flag' | 'env' | 'fresh';
}

/** Validate the flags once (bad values are one-line user errors). */
export function inspectOptions(opts: InspectCliOptions): InspectOptions {
  const { seed, origin } = resolveSeed(opts.seed);
  return {
    json: opts.json === true,
    trace: opts.trace === true,
    density: opts.density === true || opts.plot !== undefined,
    topK: opts.topK === undefined ? null : parseInteger('--top-k', opts.topK, 1, 10_000),
    plot: opts.plot ?? null,
    samples: opts.samples === undefined ? 100 : parseInteger('--samples', opts.samples, 2, 1_000_000),
    probes: opts.probes === undefined ? 10 : parseInteger('--probes', opts.probes, 1, 10_000),
    steps: opts.steps === undefined ? null : parseInteger('--steps', opts.steps, 1, 100_000),
    seed,
    seedOrigin: origin,
  };
}

/** Default SLQ steps: PyHessian uses 100; 80 keeps the quadrature exact for polynomials of degree ≤ 159. */
const DEFAULT_SLQ_STEPS = 80;

interface Curvature {
  seed: number;
  trace?: { estimate: number; standardError: number; samples: number; exact: number };
  density?: {
    probes: number;
    steps: number;
    moments: { p: number; estimate: number; standardError: number; exact: number }[];
    nodes: number[][];
    weights: number[][];
  };
  topK?: { values: number[]; residuals: number[]; steps: number; converged: boolean; exact: number[] };
}

export async function inspectCommand(file: string, options: InspectOptions, io: Io): Promise<number> {
  const { subject, claim, certificateKind } = readSubjectFile(file);
  let report: InspectReport;
  const curvature: Curvature = { seed: options.seed };
  let densityPlot: DensityPlot | null = null;
  try {
    report = inspectSubject(subject);
    const wanted = options.trace || options.density || options.topK !== null;
    if (wanted) {
      const model = subjectModel(subject);
      const op = subjectHessianOperator(model);
      const eig = report.hessianEigenvalues;
      // The exact spectrum is already in the report: print it beside each estimate so a reader can judge it.
      const exactMoment = (p: number) => eig.reduce((acc, l) => acc + l ** p, 0) / Math.max(eig.length, 1);
      if (options.trace) {
        const t = hutchinsonTrace(op, options.samples, seededRng(options.seed));
        curvature.trace = {
          estimate: t.trace,
          standardError: t.standardError,
          samples: t.samples,
          exact: exactMoment(1) * eig.length,
        };
      }
      if (options.density) {
        const steps = Math.min(options.steps ?? DEFAULT_SLQ_STEPS, op.dim);
        const d = lanczosDensity(op, options.probes, steps, seededRng(options.seed + 1));
        curvature.density = {
          probes: options.probes,
          steps,
          moments: [1, 2, 3, 4].map((p) => {
            const m = densityMoment(d, p);
            return { p, estimate: m.value, standardError: m.standardError, exact: exactMoment(p) };
          }),
          nodes: d.probes.map((q) => [...q.nodes]),
          weights: d.probes.map((q) => [...q.weights]),
        };
        const smooth = smoothedDensity(d);
        densityPlot = {
          type: 'density',
          title: `Hessian eigenvalue density: ${basename(file)}`,
          subtitle: `stochastic Lanczos quadrature, ${options.probes} probes × ${steps} steps, Gaussian kernel σ = ${smooth.sigma.toPrecision(2)}; seed ${options.seed}`,
          lambda: smooth.lambda,
          density: smooth.density,
        };
      }
      if (options.topK !== null) {
        const top = topEigenvalues(op, options.topK, seededRng(options.seed + 2));
        curvature.topK = {
          values: [...top.values],
          residuals: [...top.residuals],
          steps: top.steps,
          converged: top.converged,
          exact: [...eig].reverse().slice(0, options.topK),
        };
      }
    }
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${file}: ${error.message}`);
    throw error;
  }
  let plotFile: string | null = null;
  if (options.plot !== null && densityPlot !== null) {
    plotFile = options.plot;
    try {
      makeFolder(dirname(resolve(plotFile)));
      writeFileSync(plotFile, await renderPlotSvg(densityPlot));
    } catch (error) {
      throw new UserError(
        `--plot ${plotFile}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
  }
  const extended = options.trace || options.density || options.topK !== null;
  if (options.json) {
    io.out(
      JSON.stringify(
        extended
          ? { ...report, curvature, ...(plotFile === null ? {} : { plot: displayPath(plotFile) }) }
          : report,
        null,
        2,
      ),
    );
    return 0;
  }
  const lines: string[] = [];
  lines.push(
    `${displayPath(file)}${claim === null ? '' : `  (claim ${claim}, certificate ${certificateKind})`}`,
  );
  lines.push(`subject kind      ${subject.kind}`);
  lines.push(`loss              ${report.loss}`);
  lines.push(`gradient norm     ${report.gradientNorm.toExponential(3)}`);
  const eig = report.hessianEigenvalues;
  lines.push(`Hessian (${eig.length}×${eig.length}) eigenvalues, ascending: ${list(eig)}`);
  if (eig.length > 0) {
    const negatives = eig.filter((v) => v < 0).length;
    lines.push(
      `  λ_min ${formatNumber(eig[0]!)}, λ_max ${formatNumber(eig[eig.length - 1]!)}, ${negatives} negative`,
    );
  }
  if (report.jacobianSingularValues !== null) {
    lines.push(
      `Jacobian rank     ${report.jacobianRank} (singular values: ${list(report.jacobianSingularValues)})`,
    );
  }
  lines.push(
    `on a kink         ${report.onKink ? 'yes: the loss is not differentiable here; the Hessian is region-wise' : 'no'}`,
  );
  if (report.activationPatterns !== null) {
    const s = report.activationPatterns.summary;
    lines.push(
      `activation        active pairs per layer ${s.activeCounts.join(', ')}; dead units ${s.deadUnits.join(', ')}; ` +
        `always-active units ${s.alwaysActiveUnits.join(', ')}; ${s.distinctPatterns} distinct sample patterns`,
    );
    lines.push(
      `kink margin       ${formatNumber(report.activationPatterns.kinkMargin)} (tolerance ${report.activationPatterns.kinkTolerance})`,
    );
  }
  if (extended) {
    lines.push(
      `curvature (Hessian-vector products, seed ${options.seed}${options.seedOrigin === 'fresh' ? ', fresh: pass --seed to repeat' : ''}; exact values from the full Hessian in brackets)`,
    );
    const t = curvature.trace;
    if (t !== undefined)
      lines.push(
        `  trace           ${formatNumber(t.estimate)} ± ${formatNumber(t.standardError)} (Hutchinson, ${t.samples} Rademacher probes; standard error) [exact ${formatNumber(t.exact)}]`,
      );
    const d = curvature.density;
    if (d !== undefined) {
      lines.push(
        `  density         SLQ, ${d.probes} probes × ${d.steps} Lanczos steps; moments tr(H^p)/dim:`,
      );
      for (const m of d.moments)
        lines.push(
          `    p = ${m.p}         ${formatNumber(m.estimate)} ± ${formatNumber(m.standardError)} [exact ${formatNumber(m.exact)}]`,
        );
    }
    const k = curvature.topK;
    if (k !== undefined) {
      lines.push(
        `  top-${k.values.length}           ${k.values.map(formatNumber).join(', ')} (Lanczos, ${k.steps} steps${k.converged ? '' : ', NOT converged'}) [exact ${k.exact.map(formatNumber).join(', ')}]`,
      );
      lines.push(`  residual bounds ${k.residuals.map((r) => r.toExponential(1)).join(', ')}`);
    }
    if (plotFile !== null) lines.push(`  density plot    ${displayPath(plotFile)}`);
  }
  io.out(lines.join('\n'));
  return 0;
}
