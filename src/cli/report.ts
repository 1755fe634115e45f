import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CounterexampleJson } from '../archive/index.js';
import { loadArchive } from '../archive/index.js';
import { type ClaimRegistry, replayArchive, sourceText, toolName } from '../claims/index.js';
import { type ReportInput, renderReport } from '../report/index.js';
import type { Io } from './io.js';
import { projectRoot } from './paths.js';

/** One line that says what an archived counterexample is. */
export function counterexampleSummary(file: CounterexampleJson): string {
  const s = file.subject;
  const c = file.certificate;
  const subject =
    s.kind === 'mlp'
      ? `mlp [${s.network.layerSizes.join(', ')}] ${s.network.activation.name}${s.network.bias ? '' : ' (no bias)'}, n = ${s.data.inputs.length}`
      : s.kind === 'gaussian-teacher-student'
        ? `teacher–student, ${s.student.length} student / ${s.teacher.length} teacher neurons in R^${s.teacher[0]?.length ?? 0}`
        : `${s.H}-spin glass, N = ${s.N}`;
  const fmt = (v: number) => Number(v.toPrecision(6));
  const evidence: string[] = [`${c.kind}`, `loss ${fmt(c.loss)}`];
  if ('betterLoss' in c) evidence.push(`better point ${fmt(c.betterLoss)}`);
  if (c.gradientNorm !== null) evidence.push(`‖∇‖ ${c.gradientNorm.toExponential(1)}`);
  if (c.hessianEigenvalues !== null && c.hessianEigenvalues.length > 0)
    evidence.push(`λ_min ${fmt(c.hessianEigenvalues[0]!)}`);
  if (c.kind === 'rank-deficient') evidence.push(`rank ${c.jacobianRank} < ${c.claimedRank}`);
  return `${subject}; ${evidence.join(', ')}`;
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

export function reportCommand(registry: ClaimRegistry, archive: string, out: string, io: Io): number {
  const root = projectRoot();
  const dataDir = join(out, 'data');
  const check = readJson<ReportInput['check']>(join(dataDir, 'check.json'));
  const runs = existsSync(dataDir)
    ? readdirSync(dataDir)
        .filter((name) => name.startsWith('run-') && name.endsWith('.json'))
        .sort()
        .map((name) => readJson<ReportInput['runs'][number]>(join(dataDir, name)))
        .filter((r): r is ReportInput['runs'][number] => r !== null)
    : [];
  const replayed = new Map(replayArchive(archive, (id) => registry.get(id)).map((r) => [r.path, r]));
  const counterexamples = loadArchive(archive).map((file) => {
    const replay = replayed.get(file.path);
    return {
      path: relative(root, file.path),
      claim: file.ok ? file.value.claim : (relative(archive, file.path).split(/[\\/]/)[0] ?? '?'),
      ok: replay?.ok ?? false,
      summary: file.ok ? counterexampleSummary(file.value) : file.reason,
    };
  });
  const input: ReportInput = {
    title: 'landscape-check report',
    generatedAt: new Date().toISOString(),
    tool: toolName(),
    claims: registry.claims.map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.kind,
      expect: c.expect,
      source: sourceText(c.source),
      statement: c.statement,
    })),
    check,
    runs,
    counterexamples,
  };
  mkdirSync(out, { recursive: true });
  const file = join(out, 'index.html');
  writeFileSync(file, renderReport(input));
  io.out(
    `report written to ${file} (${input.claims.length} claims, ${runs.length} experiment runs, ${counterexamples.length} counterexamples${check === null ? '; no check results yet' : ''})`,
  );
  return 0;
}
