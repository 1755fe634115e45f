import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import {
  type CounterexampleJson,
  exactPwlProofSchema,
  intervalProofSchema,
  writeFileAtomicNoClobber,
} from '../archive/index.js';
import type {
  Certificate,
  IntervalProofJson,
  MlpSubjectJson,
  Rigour,
  Subject,
} from '../landscape/subjectTypes.js';
import type { PointJson } from '../nn/spec.js';
import { type ExactOutcome, type ExactPwlProof, provePwl, provePwlAt } from './pwlProof.js';
import * as Q from './rational.js';

/**
 * Proof files: the archive is append-only and a file is named by its subject, so a proof found after a file was
 * written cannot go into it. It goes beside it, `<hash>.proof` (not `.json`: the archive scan never reads it as a
 * counterexample), naming the file and the SHA-256 of its bytes; `landscape replay` re-runs the proof and compares
 * every recorded number exactly. A changed file or a changed number fails with the reason.
 */

export const PROOF_FILE_FORMAT = 'landscape-check/proof';

const proofFileCommon = {
  format: z.literal(PROOF_FILE_FORMAT),
  version: z.literal(1),
  claim: z.string(),
  /** The archive file this proves (same folder). */
  file: z.string().regex(/^[0-9a-f]{16}\.json$/),
  /** SHA-256 of that file's bytes: the proof is of exactly that file. */
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** What was proved, in words. */
  proved: z.string(),
};

/** A proof file: an exact-rational proof (piecewise-linear files) or an interval proof (smooth strict minima). */
export const proofFileSchema = z.discriminatedUnion('rigour', [
  z.object({ ...proofFileCommon, rigour: z.literal('exact-rational'), proof: exactPwlProofSchema }).strict(),
  z.object({ ...proofFileCommon, rigour: z.literal('interval-proof'), proof: intervalProofSchema }).strict(),
]);

type ProofFileCommon = Omit<z.infer<typeof proofFileSchema>, 'proof' | 'rigour'>;
export type ProofFileJson =
  | (ProofFileCommon & { readonly rigour: 'exact-rational'; readonly proof: ExactPwlProof })
  | (ProofFileCommon & { readonly rigour: 'interval-proof'; readonly proof: IntervalProofJson });

export const PROVED_INTERVAL =
  'a strict local minimum x*: the only critical point in the box point ± radius (Krawczyk), the Hessian positive definite over the box, F(x*) in lossEnclosure, and F(betterPoint) below it: a strict local minimum that is not global';

export const PROVED_PWL =
  'a local minimum p* with ‖p* − point‖ ≤ radius/2 (the point moved on the output layer only) whose loss is lossLowerBound, and betterLoss < lossLowerBound: a local minimum that is not global';

/** `<hash>.json` → `<hash>.proof`. */
export function proofFilePath(archivePath: string): string {
  return archivePath.replace(/\.json$/, '.proof');
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The exact proof of an archived piecewise-linear file, from the radius its `exact` argument states. */
export function proveArchived(file: CounterexampleJson): ExactOutcome {
  if (file.subject.kind !== 'mlp') return { ok: false, step: 'subject', reason: 'needs an mlp subject' };
  const certificate = file.certificate as { betterPoint?: unknown; exact?: Record<string, unknown> | null };
  if (certificate.betterPoint === undefined)
    return { ok: false, step: 'better point', reason: 'the certificate has no betterPoint' };
  const radius = certificate.exact?.radius;
  if (typeof radius !== 'number' || !(radius > 0))
    return { ok: false, step: 'margin', reason: 'the certificate states no exact.radius' };
  return provePwl(file.subject as MlpSubjectJson, certificate.betterPoint as PointJson, radius);
}

/** Compare a recorded exact proof with the recomputed one, field by field (exact equality of every number). */
export function compareExact(recorded: ExactPwlProof, recomputed: ExactPwlProof): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(recomputed) as (keyof ExactPwlProof)[]) {
    const r = JSON.stringify(recorded[key]);
    const c = JSON.stringify(recomputed[key]);
    if (r !== c) problems.push(`proof.${key} is ${cut(r)}, recomputed ${cut(c)}`);
  }
  return problems;
}

const cut = (s: string | undefined): string =>
  s === undefined ? 'missing' : s.length > 80 ? `${s.slice(0, 77)}…` : s;

/** Re-check a recorded exact proof against its subject and better point (every number compared exactly). */
export function verifyExactProof(subject: Subject, betterPoint: unknown, recorded: ExactPwlProof): string[] {
  if (subject.kind !== 'mlp') return ['exact-rational proof: needs an mlp subject'];
  const rho = Q.fromText(recorded.radius);
  if (rho === null || !(rho.p > 0n))
    return [`proof.radius '${cut(recorded.radius)}' is not a positive rational`];
  if (betterPoint === undefined) return ['exact-rational proof: the certificate has no betterPoint'];
  try {
    const out = provePwlAt(subject, betterPoint as PointJson, rho);
    if (!out.ok) return [`exact-rational proof no longer proves (${out.step}): ${out.reason}`];
    return compareExact(recorded, out.proof);
  } catch (error) {
    return [`exact-rational proof: ${(error as Error).message}`];
  }
}

/**
 * The proof file beside an archive file, re-checked: null when there is none; else its level and the problems
 * (empty: it proves). A proof file that does not parse, names another file or another version of the file fails.
 */
export function checkProofFile(
  archivePath: string,
  file: CounterexampleJson,
  /** The interval verifier (src/interval's verifyRigour), when interval proof files are to be re-run. */
  intervalVerifier?: (subject: Subject, certificate: Certificate) => string[],
): { rigour: Rigour; problems: string[] } | null {
  const path = proofFilePath(archivePath);
  if (!existsSync(path)) return null;
  let parsed: ProofFileJson;
  try {
    const result = proofFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!result.success)
      return {
        rigour: 'float-evidence',
        problems: [`${basename(path)}: not a proof file (${result.error.issues[0]?.message})`],
      };
    parsed = result.data as ProofFileJson;
  } catch (error) {
    return { rigour: 'float-evidence', problems: [`${basename(path)}: ${(error as Error).message}`] };
  }
  const problems: string[] = [];
  if (parsed.file !== basename(archivePath) || parsed.claim !== file.claim)
    problems.push(`${basename(path)} names ${parsed.claim}/${parsed.file}, not this file`);
  if (parsed.fileSha256 !== sha256(readFileSync(archivePath)))
    problems.push(`${basename(path)}: the archive file's bytes changed since the proof (SHA-256 differs)`);
  const certificate = file.certificate as Certificate;
  if (parsed.rigour === 'exact-rational') {
    problems.push(
      ...verifyExactProof(
        file.subject as Subject,
        (certificate as { betterPoint?: unknown }).betterPoint,
        parsed.proof,
      ),
    );
  } else if (intervalVerifier !== undefined) {
    const proved = { ...certificate, rigour: 'interval-proof', proof: parsed.proof } as Certificate;
    problems.push(...intervalVerifier(file.subject as Subject, proved));
  }
  return { rigour: parsed.rigour, problems };
}

/** Write the proof file of an archive file (never overwriting); returns its path and whether it was created. */
export function writeProofFile(
  archivePath: string,
  file: CounterexampleJson,
  proved:
    | { readonly rigour: 'exact-rational'; readonly proof: ExactPwlProof }
    | { readonly rigour: 'interval-proof'; readonly proof: IntervalProofJson },
): { path: string; created: boolean } {
  const value = {
    format: PROOF_FILE_FORMAT,
    version: 1,
    claim: file.claim,
    file: basename(archivePath),
    fileSha256: sha256(readFileSync(archivePath)),
    rigour: proved.rigour,
    proved: proved.rigour === 'exact-rational' ? PROVED_PWL : PROVED_INTERVAL,
    proof: proved.proof,
  };
  const path = proofFilePath(archivePath);
  return { path, created: writeFileAtomicNoClobber(path, `${JSON.stringify(value, null, 2)}\n`) };
}

/** The level an archive file claims: its proof file's when one sits beside it, else its certificate's. */
export function claimedRigour(
  archivePath: string,
  certificate: { readonly rigour?: string | undefined },
): string {
  const path = proofFilePath(archivePath);
  if (existsSync(path)) {
    try {
      const parsed = proofFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      return parsed.success ? parsed.data.rigour : 'float-evidence';
    } catch {
      return 'float-evidence';
    }
  }
  return certificate.rigour ?? 'float-evidence';
}
