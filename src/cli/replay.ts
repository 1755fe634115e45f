import { relative } from 'node:path';
import { type ClaimRegistry, replayArchive } from '../claims/index.js';
import type { Io } from './io.js';
import { projectRoot } from './paths.js';

/** Re-verify archived counterexamples (all, or the given files) with today's core. Exit 1 if any fails. */
export function replayCommand(
  registry: ClaimRegistry,
  archive: string,
  paths: readonly string[],
  json: boolean,
  io: Io,
): number {
  const results = replayArchive(archive, (id) => registry.get(id), { paths, proofs: true });
  const root = projectRoot();
  if (json) {
    io.out(
      JSON.stringify(
        {
          results: results.map((r) => ({
            path: relative(root, r.path),
            claim: r.claim,
            ok: r.ok,
            rigour: r.rigour ?? null,
            problems: r.problems,
          })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const r of results) {
      const where = relative(root, r.path);
      io.out(
        r.ok
          ? `ok    ${where}  (${r.claim}, ${r.certificateKind}, ${r.rigour ?? 'float-evidence'})`
          : `FAIL  ${where}: ${r.problems.join('; ')}`,
      );
    }
    const failed = results.filter((r) => !r.ok).length;
    io.out(
      results.length === 0
        ? 'no archived counterexamples'
        : `${results.length - failed} of ${results.length} replay`,
    );
  }
  return results.every((r) => r.ok) ? 0 : 1;
}
