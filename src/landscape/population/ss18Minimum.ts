import { seededRng } from '../../random.js';
import { spuriousMinimumCertificate } from '../certificates.js';
import { examinePoint } from '../examinePoint.js';
import { withIntervalProof } from '../proofCertificate.js';
import { subjectModel } from '../subjectModel.js';
import type { Certificate, GaussianTeacherStudentJson, Subject } from '../subjectTypes.js';
import { rowsOf } from './model.js';
import { identityTeacher, polishEndpoint, ss18Run } from './safranShamir.js';

/**
 * The subject of Safran–Shamir's construction: teacher V = I_k (orthonormal v_j, d = k) and n = k students, each of
 * dimension k, and k ≥ kMin. Returns the problems found (empty: the subject is one the construction speaks of).
 */
export function ss18SubjectProblems(s: Subject, kMin = 1): string[] {
  if (s.kind !== 'gaussian-teacher-student')
    return [`a ${s.kind} subject, expected gaussian-teacher-student`];
  const k = s.teacher.length;
  const identity = s.teacher.every(
    (row, i) => row.length === k && row.every((x, j) => x === (i === j ? 1 : 0)),
  );
  if (!identity) return ['teacher is not V = I_k (orthonormal v_j, d = k)'];
  const problems: string[] = [];
  if (s.student.length !== k) problems.push(`${s.student.length} student neurons, expected n = k = ${k}`);
  if (!s.student.every((row) => row.length === k)) problems.push(`student rows of length ≠ d = ${k}`);
  if (k < kMin) problems.push(`k = ${k} < ${kMin} is outside the claim`);
  return problems;
}

/** The protocol's endpoint for (k, seed), Newton-polished to ‖∇F‖ ~ 1e-15 (a strict minimum: the same point). */
export function ss18Endpoint(
  k: number,
  seed: number,
): { subject: GaussianTeacherStudentJson; iterations: number; gdValue: number } | null {
  const run = ss18Run(k, k, seed);
  if (run.outcome !== 'spurious-min') return null;
  const theta = polishEndpoint(k, k, run.student);
  return {
    subject: {
      kind: 'gaussian-teacher-student',
      student: rowsOf(theta, k, k),
      teacher: rowsOf(identityTeacher(k), k, k),
    },
    iterations: run.iterations,
    gdValue: run.value,
  };
}

/**
 * The certificate of the spurious minimum GD reaches from `seed` at n = k: the polished endpoint re-examined
 * (gradient, exact Hessian, perturbations; strict), the teacher (F = 0) as the better point, and an interval proof
 * when it succeeds (else float-evidence, with the reason in details).
 */
export function ss18SpuriousCertificate(
  k: number,
  seed: number,
):
  | { readonly ok: true; readonly value: { subject: GaussianTeacherStudentJson; certificate: Certificate } }
  | { readonly ok: false; readonly reason: string } {
  const endpoint = ss18Endpoint(k, seed);
  if (endpoint === null)
    return { ok: false, reason: 'the protocol endpoint is no longer a spurious minimum' };
  const model = subjectModel(endpoint.subject);
  const exam = examinePoint(model.objective, model.theta, { rng: seededRng(seed) });
  if (exam.classification !== 'strict-local-min')
    return { ok: false, reason: `examination says ${exam.classification}` };
  const certificate = spuriousMinimumCertificate(model, exam, identityTeacher(k), {
    details: {
      protocol:
        'GD, step 5/k, W_ij ~ N(0, 1/k) from seededRng(seed), stop at ‖∇F‖ ≤ 1e-9; then Newton-polished',
      k,
      n: k,
      seed,
      iterations: endpoint.iterations,
      gdValue: endpoint.gdValue,
      betterPoint: 'the teacher V = I_k (F = 0)',
    },
  });
  const proof = withIntervalProof(endpoint.subject, certificate);
  return {
    ok: true,
    value: {
      subject: endpoint.subject,
      certificate: proof.proved
        ? proof.certificate
        : { ...certificate, details: { ...certificate.details, noProof: proof.reason } },
    },
  };
}
