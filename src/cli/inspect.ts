import { readFileSync } from 'node:fs';
import {
  counterexampleSchema,
  describeSchemaError,
  jsonErrorPosition,
  subjectSchema,
} from '../archive/index.js';
import { UserError } from '../errors.js';
import { type InspectReport, inspectSubject, type Subject } from '../landscape/index.js';
import type { Io } from './io.js';
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

export function inspectCommand(file: string, json: boolean, io: Io): number {
  const { subject, claim, certificateKind } = readSubjectFile(file);
  let report: InspectReport;
  try {
    report = inspectSubject(subject);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${file}: ${error.message}`);
    throw error;
  }
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  const lines: string[] = [];
  lines.push(`${file}${claim === null ? '' : `  (claim ${claim}, certificate ${certificateKind})`}`);
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
  io.out(lines.join('\n'));
  return 0;
}
