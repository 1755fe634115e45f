import {
  betterCoordinates,
  ELEMENTARY_ULPS,
  intervalProblemOf,
  proveStrictMinimum,
  REPRODUCE_RTOL,
  REPRODUCE_ULPS,
  UnprovableSubject,
} from '../interval/index.js';

import type { Certificate, Subject } from './subjectTypes.js';

/** The outcome of trying to upgrade a float certificate to an interval proof. */
export interface ProofAttempt {
  readonly certificate: Certificate;
  readonly proved: boolean;
  /** Why there is no proof (the certificate stays float-evidence). */
  readonly reason: string | null;
  /** Wall time of the proof (ms). */
  readonly ms: number;
}

/**
 * Try to prove a `strict-local-min-not-global` certificate with the interval prover (src/interval/prove.ts)
 * around the subject's point. Proved: the certificate gains `rigour: 'interval-proof'`, the `proof` and the
 * tolerances the proof and its verifier use. Not proved: the certificate is returned unchanged
 * (float-evidence) with the reason.
 */
export function withIntervalProof(subject: Subject, certificate: Certificate): ProofAttempt {
  const started = performance.now();
  const done = (c: Certificate, proved: boolean, reason: string | null): ProofAttempt => ({
    certificate: c,
    proved,
    reason,
    ms: performance.now() - started,
  });
  if (certificate.kind !== 'strict-local-min-not-global')
    return done(certificate, false, `a ${certificate.kind} certificate has no interval proof`);
  try {
    const problem = intervalProblemOf(subject);
    const out = proveStrictMinimum(problem, betterCoordinates(subject, certificate.betterPoint));
    if (!out.ok) return done(certificate, false, out.reason);
    return done(
      {
        ...certificate,
        rigour: 'interval-proof',
        proof: out.proof,
        tolerances: {
          ...certificate.tolerances,
          ELEMENTARY_ULPS,
          PROOF_REPRODUCE_RTOL: REPRODUCE_RTOL,
          PROOF_REPRODUCE_ULPS: REPRODUCE_ULPS,
        },
      },
      true,
      null,
    );
  } catch (error) {
    if (error instanceof UnprovableSubject) return done(certificate, false, error.message);
    throw error;
  }
}
