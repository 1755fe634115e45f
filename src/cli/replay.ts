import { relative } from 'node:path';
import { archiveTemporaries, escapeText, terminalSafeJson } from '../archive/index.js';
import { type ClaimRegistry, replayArchive } from '../claims/index.js';
import type { Io } from './io.js';
import { displayPath, existingArchive, projectRoot } from './paths.js';

/** Longest reason printed per file (the first reason comes first; the rest is cut). */
export const MAX_REASON_CHARS = 600;
/** Longest path printed (a file name is a content hash; anything longer was put there by hand). */
export const MAX_PATH_CHARS = 300;

/**
 * Re-verify archived counterexamples (all, or the given files) with today's core. Exit 1 if any is refused. Every
 * path and reason is printed escaped (nothing read from disk reaches the terminal raw); leftover temporaries of a
 * crashed write are reported.
 */
export function replayCommand(
  registry: ClaimRegistry,
  archive: string,
  paths: readonly string[],
  json: boolean,
  io: Io,
): number {
  if (paths.length === 0) existingArchive(archive);
  const results = replayArchive(archive, (id) => registry.get(id), { paths, proofs: true });
  const root = projectRoot();
  // Relative to the working folder, as the user typed them (the JSON keeps them relative to the project).
  const shown = (path: string) => escapeText(displayPath(path), MAX_PATH_CHARS);
  const leftovers = paths.length === 0 ? archiveTemporaries(archive) : [];
  if (json) {
    io.out(
      terminalSafeJson(
        JSON.stringify(
          {
            results: results.map((r) => ({
              path: relative(root, r.path),
              claim: r.claim,
              ok: r.ok,
              rigour: r.rigour ?? null,
              problems: r.problems,
            })),
            leftoverTemporaries: leftovers.map((p) => relative(root, p)),
          },
          null,
          2,
        ),
      ),
    );
  } else {
    for (const r of results) {
      io.out(
        r.ok
          ? `ok    ${shown(r.path)}  (${r.claim}, ${r.certificateKind}, ${r.rigour ?? 'float-evidence'})`
          : `FAIL  ${shown(r.path)}: ${escapeText(r.problems.join('; '), MAX_REASON_CHARS)}`,
      );
    }
    for (const path of leftovers)
      io.err(`leftover temporary of a crashed write: ${shown(path)} (removed by the next archive write)`);
    const failed = results.filter((r) => !r.ok).length;
    io.out(
      results.length === 0
        ? 'no archived counterexamples'
        : `${results.length - failed} of ${results.length} replay`,
    );
  }
  return results.every((r) => r.ok) ? 0 : 1;
}
