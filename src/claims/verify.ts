import { type CounterexampleJson, subjectHash } from '../archive/index.js';
import { verifyCertificate } from '../landscape/index.js';
import { seededRng } from '../random.js';
import { isStatementKind, verifyStatementCertificate } from './certificateKinds.js';
import type { AnyClaim } from './claim.js';

/**
 * Whether a file may refute its claim at all: the claim is known, declares the file's certificate kind as one that
 * contradicts it, and the subject meets the claim's hypotheses. Returns the reasons it may not (empty: it may).
 */
export function refutationProblems(claim: AnyClaim | undefined, file: CounterexampleJson): string[] {
  if (claim === undefined) return [`unknown claim '${file.claim}'`];
  const refutation = claim.refutedBy;
  if (refutation === undefined)
    return [
      `claim ${claim.id} declares no certificate kind that refutes it; a ${file.certificate.kind} file cannot`,
    ];
  if (!refutation.kinds.includes(file.certificate.kind))
    return [
      `a ${file.certificate.kind} certificate does not refute ${claim.id} (refuted only by ${refutation.kinds.join(', ')})`,
    ];
  let problems: string[];
  try {
    problems = refutation.subject(file.subject);
  } catch (error) {
    problems = [`checking the hypotheses threw: ${(error as Error).message}`];
  }
  return problems.map((p) => `subject outside the hypotheses of ${claim.id}: ${p}`);
}

/**
 * Re-verify a certificate with today's core at the claim's strength (never the file's), then the claim's own
 * checks of `details`. Deterministic: the perturbation search is seeded from the subject's hash.
 */
export function verifyCounterexample(claim: AnyClaim | undefined, file: CounterexampleJson): string[] {
  const seed = Number.parseInt(subjectHash(file.subject).slice(0, 8), 16);
  const problems = isStatementKind(file.certificate.kind)
    ? verifyStatementCertificate(file.certificate)
    : [...verifyCertificate(file.subject, file.certificate, seededRng(seed), claim?.refutedBy?.strength)];
  if (claim?.verifyDetails !== undefined) problems.push(...claim.verifyDetails(file, seededRng(seed + 1)));
  return problems;
}
