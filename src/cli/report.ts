import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { CounterexampleJson } from '../archive/index.js';
import { loadArchive } from '../archive/index.js';
import { type ClaimRegistry, replayArchive, sourceText, toolName } from '../claims/index.js';
import { claimedRigour } from '../exact/index.js';
import {
  counterexamplePictures,
  parseCheckData,
  type ReportCounterexample,
  type ReportInput,
  type ReportRun,
  renderReport,
} from '../report/index.js';
import type { Io } from './io.js';
import { displayPath, projectRoot } from './paths.js';

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

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/**
 * Gather the report's input (claims, report/data/check.json, report/data/run-*.json, the archive replayed, each
 * file's pictures), copy every archived file into the report folder (so the folder is self-contained and its
 * links work when it travels), and write `<out>/index.html`.
 */
export async function reportCommand(
  registry: ClaimRegistry,
  archive: string,
  out: string,
  io: Io,
): Promise<number> {
  const root = projectRoot();
  const dataDir = join(out, 'data');
  const check = parseCheckData(readJson(join(dataDir, 'check.json')));
  const runs = existsSync(dataDir)
    ? readdirSync(dataDir)
        .filter((name) => name.startsWith('run-') && name.endsWith('.json'))
        .sort()
        .map((name) => readJson(join(dataDir, name)))
        .filter(
          (r): r is ReportRun =>
            typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string',
        )
    : [];
  const replayed = new Map(replayArchive(archive, (id) => registry.get(id)).map((r) => [r.path, r]));
  const copies = join(out, 'counterexamples');
  const counterexamples: ReportCounterexample[] = loadArchive(archive).map((file) => {
    const replay = replayed.get(file.path);
    const inArchive = relative(archive, file.path);
    const copy = join(copies, inArchive);
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(file.path, copy);
    const href = relative(out, copy).split(sep).join('/');
    const hash = basename(file.path, '.json');
    if (!file.ok)
      return {
        path: relative(root, file.path),
        href,
        claim: inArchive.split(/[\\/]/)[0] ?? '?',
        ok: false,
        rigour: 'unreadable',
        summary: file.reason,
        plots: [],
        notes: [],
      };
    const rigour = claimedRigour(file.path, file.value.certificate as { rigour?: string });
    const pictures = counterexamplePictures(file.value, hash);
    return {
      path: relative(root, file.path),
      href,
      claim: file.value.claim,
      ok: replay?.ok ?? false,
      rigour: typeof rigour === 'string' ? rigour : 'float-evidence',
      summary: counterexampleSummary(file.value),
      plots: pictures.plots,
      notes: pictures.notes,
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
  writeFileSync(file, await renderReport(input));
  io.out(
    `report written to ${displayPath(file)} (${input.claims.length} claims, ${runs.length} experiment runs, ${counterexamples.length} counterexamples${check === null ? '; no check results yet' : ''})`,
  );
  return 0;
}
