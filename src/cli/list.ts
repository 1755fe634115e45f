import { relative } from 'node:path';
import { listArchiveFiles, loadArchive } from '../archive/index.js';
import { type ClaimRegistry, sourceText } from '../claims/index.js';
import { claimedRigour } from '../exact/index.js';
import type { Io } from './io.js';
import { projectRoot } from './paths.js';
import { formatTable } from './table.js';

export function listCommand(registry: ClaimRegistry, archive: string, json: boolean, io: Io): number {
  const root = projectRoot();
  const claims = registry.claims.map((claim) => ({
    id: claim.id,
    title: claim.title,
    kind: claim.kind,
    expect: claim.expect,
    source: sourceText(claim.source),
    counterexamples: listArchiveFiles(archive, claim.id).map((path) => relative(root, path)),
    // rigour level per archived file (absent rigour: float-evidence), counted in the table's 'proved' column
    rigour: loadArchive(archive, claim.id).map((f) =>
      f.ok ? claimedRigour(f.path, f.value.certificate) : 'unreadable',
    ),
  }));
  if (json) {
    io.out(JSON.stringify({ claims }, null, 2));
    return 0;
  }
  io.out(
    formatTable(
      ['claim', 'kind', 'expect', 'archived', 'proved', 'source'],
      claims.map((c) => [
        c.id,
        c.kind,
        c.expect,
        c.counterexamples.length,
        c.rigour.filter((r) => r === 'interval-proof' || r === 'exact-rational').length,
        c.source,
      ]),
    ),
  );
  return 0;
}
