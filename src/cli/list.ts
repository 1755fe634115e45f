import { relative } from 'node:path';
import { listArchiveFiles } from '../archive/index.js';
import { type ClaimRegistry, sourceText } from '../claims/index.js';
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
  }));
  if (json) {
    io.out(JSON.stringify({ claims }, null, 2));
    return 0;
  }
  io.out(
    formatTable(
      ['claim', 'kind', 'expect', 'archived', 'source'],
      claims.map((c) => [c.id, c.kind, c.expect, c.counterexamples.length, c.source]),
    ),
  );
  return 0;
}
