import { type LoadedFile, loadArchive, loadCounterexampleFile } from '../archive/index.js';
import { rigourOf, verifyRigour } from '../interval/index.js';
import type { AnyClaim } from './claim.js';
import { refutationProblems, verifyCounterexample } from './verify.js';

/** One archived file re-verified by {@link replayArchive}: its path, claim, and the problems found (none: ok). */
export interface ReplayResult {
  readonly path: string;
  /** The claim id the file names (null when the file did not parse). */
  readonly claim: string | null;
  readonly ok: boolean;
  /**
   * Why the file is refused: parse/schema errors, a misplaced or unreadable file, an unknown claim, a certificate
   * that does not refute its claim, or certificate checks that do not hold. The first entry is the first reason.
   */
  readonly problems: readonly string[];
  readonly certificateKind: string | null;
  /** The certificate's rigour level (interval-proof, exact-rational, float-evidence), null when unparsed. */
  readonly rigour?: string | null;
}

/**
 * Re-verify one loaded file: first whether it may refute its claim at all (kind and hypotheses, declared by the
 * claim), then its certificate with today's core at our strength, then the claim's own checks of `details`. With
 * `proofs`, also re-run a rigorous certificate's proof (src/interval; seconds to a minute for the largest SS18 files).
 */
export function replayLoaded(
  file: LoadedFile,
  lookup: (id: string) => AnyClaim | undefined,
  proofs = false,
): ReplayResult {
  if (!file.ok)
    return { path: file.path, claim: null, ok: false, problems: [file.reason], certificateKind: null };
  const value = file.value;
  const claim = lookup(value.claim);
  const refused = refutationProblems(claim, value);
  const problems: string[] = [...refused];
  if (refused.length === 0) {
    try {
      problems.push(...verifyCounterexample(claim, value));
    } catch (error) {
      problems.push(`verification threw: ${(error as Error).message}`);
    }
  }
  if (proofs) problems.push(...verifyRigour(value.subject, value.certificate)); // interval proofs: src/interval
  const rigour = rigourOf(value.certificate);
  return {
    path: file.path,
    claim: value.claim,
    ok: problems.length === 0,
    problems,
    certificateKind: value.certificate.kind,
    rigour,
  };
}

/**
 * Replay archived files: every file of the archive (or one claim's folder), or the given paths. Given paths get the
 * same checks as the scan (a regular file, in its claim's folder, named by its content). A bad file is reported by
 * path and reason and the rest are still replayed.
 */
export function replayArchive(
  root: string,
  lookup: (id: string) => AnyClaim | undefined,
  options: { readonly claim?: string; readonly paths?: readonly string[]; readonly proofs?: boolean } = {},
): ReplayResult[] {
  const files =
    options.paths !== undefined && options.paths.length > 0
      ? options.paths.map((path) => loadCounterexampleFile(path))
      : loadArchive(root, options.claim);
  return files.map((file) => replayLoaded(file, lookup, options.proofs ?? false));
}
