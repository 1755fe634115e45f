// Safran & Shamir (2018), "Spurious Local Minima are Common in Two-Layer ReLU Neural Networks", ICML 2018
// (PMLR 80), arXiv 1712.08968, Theorem 1 and §4 (computer-assisted proof; Table 1) [REC numbering]. The claim
// below is the false one their construction refutes; see `statement`.
import fc from 'fast-check';
import { defineClaim, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  examinePoint,
  type GaussianTeacherStudentJson,
  spuriousMinimumCertificate,
  subjectModel,
  withIntervalProof,
} from '../src/landscape/index.js';
import {
  identityTeacher,
  polishEndpoint,
  rowsOf,
  SS18_SPURIOUS_F,
  ss18Run,
} from '../src/landscape/population/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** Hypotheses: the teacher size k (= student size n = input dimension d) and the seed of the initialisation. */
export interface Ss18Genome {
  readonly k: number;
  readonly seed: number;
}

function genome(kMin: number, kMax: number): fc.Arbitrary<Ss18Genome> {
  return fc.record({ k: fc.integer({ min: kMin, max: kMax }), seed: fc.integer({ min: 0, max: 99_999 }) });
}

interface Evidence {
  readonly value: number;
  readonly lambdaMin: number;
}

/** The teacher I_k as JSON rows. */
function teacherRows(k: number): number[][] {
  return rowsOf(identityTeacher(k), k, k);
}

/** The protocol's endpoint for a genome, Newton-polished to ‖∇F‖ ~ 1e-15 (it is a strict minimum: same point). */
export function ss18Endpoint(
  g: Ss18Genome,
): { subject: GaussianTeacherStudentJson; iterations: number; gdValue: number } | null {
  const run = ss18Run(g.k, g.k, g.seed);
  if (run.outcome !== 'spurious-min') return null;
  const theta = polishEndpoint(g.k, g.k, run.student);
  return {
    subject: {
      kind: 'gaussian-teacher-student',
      student: rowsOf(theta, g.k, g.k),
      teacher: teacherRows(g.k),
    },
    iterations: run.iterations,
    gdValue: run.value,
  };
}

export const ss18SpuriousMinimaCommon = defineClaim<Ss18Genome, Evidence>({
  id: 'ss18-spurious-minima-common',
  title:
    'Two-layer ReLU teacher–student population loss with k = n ≥ 6 has no spurious local minimum (false)',
  source: sources.safranShamir2018.at(
    'Theorem 1, §4 and Table 1 (computer-assisted proof for 6 ≤ k ≤ 20) [REC numbering]',
  ),
  statement:
    'Claim (false): for x ~ N(0, I_d), teacher x ↦ Σ_{j≤k} relu(v_j·x) with orthonormal v_j (V = I_k, d = k), and a student ' +
    'x ↦ Σ_{i≤n} relu(w_i·x) with n = k neurons and unit output weights, the population loss ' +
    'F(W) = ½E[(Σ_i relu(w_i·x) − Σ_j relu(v_j·x))²] (closed form via the Gaussian ReLU kernel) has no spurious local ' +
    'minimum, i.e. every local minimum has F = 0. Refutation (Safran–Shamir): for 6 ≤ k ≤ 20 gradient descent finds strict ' +
    'local minima with F > 0. Check: the protocol of the paper — GD with step 5/k from W_ij ~ N(0, 1/k), stopped at ' +
    '‖∇F‖ ≤ 1e-9 — from the generated seed; an endpoint with F ≥ 1e-6, gradient below tolerance and a positive definite ' +
    'exact Hessian is a spurious strict local minimum; the certificate is Newton-polished, re-examined (gradient, exact ' +
    'Hessian, perturbations at 3 radii) and its better point is the teacher itself (F = 0). The paper proves strictness ' +
    'rigorously with a Hessian-Lipschitz ball argument [REC]; ours is an interval proof (rigour interval-proof: Krawczyk ' +
    'test for a unique critical point in a box, interval Cholesky of the Hessian over the box, loss enclosure above the ' +
    'teacher’s F = 0; src/interval), with the float64 second-order test as the fallback (float-evidence).',
  kind: 'construction',
  expect: 'refuted',
  hypotheses: genome(6, 12),
  budget: { test: 30, check: 200 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: (s) => {
      if (s.kind !== 'gaussian-teacher-student')
        return [`a ${s.kind} subject, expected gaussian-teacher-student`];
      const k = s.teacher.length;
      const identity = s.teacher.every(
        (row, i) => row.length === k && row.every((x, j) => x === (i === j ? 1 : 0)),
      );
      if (!identity) return ['teacher is not V = I_k (orthonormal v_j, d = k)'];
      if (s.student.length !== k) return [`${s.student.length} student neurons, expected n = k = ${k}`];
      return s.student.every((row) => row.length === k) ? [] : [`student rows of length ≠ d = ${k}`];
    },
  },
  check(g) {
    const run = ss18Run(g.k, g.k, g.seed);
    switch (run.outcome) {
      case 'spurious-min':
        return { status: 'fail', evidence: { value: run.value, lambdaMin: run.lambdaMin ?? 0 }, score: 1 };
      case 'global':
      case 'saddle':
        return { status: 'pass', score: run.value };
      default:
        return {
          status: 'inconclusive',
          reason: `GD endpoint ${run.outcome} (F = ${run.value.toExponential(3)})`,
          score: run.value,
        };
    }
  },
  certify(g) {
    const endpoint = ss18Endpoint(g);
    if (endpoint === null)
      return { ok: false, reason: 'the protocol endpoint is no longer a spurious minimum' };
    const model = subjectModel(endpoint.subject);
    const exam = examinePoint(model.objective, model.theta, { rng: seededRng(g.seed) });
    if (exam.classification !== 'strict-local-min')
      return { ok: false, reason: `examination says ${exam.classification}` };
    const teacher = identityTeacher(g.k);
    const certificate = spuriousMinimumCertificate(model, exam, teacher, {
      details: {
        protocol:
          'GD, step 5/k, W_ij ~ N(0, 1/k) from seededRng(seed), stop at ‖∇F‖ ≤ 1e-9; then Newton-polished',
        k: g.k,
        n: g.k,
        seed: g.seed,
        iterations: endpoint.iterations,
        gdValue: endpoint.gdValue,
        betterPoint: 'the teacher V = I_k (F = 0)',
      },
    });
    // the interval proof (src/interval): kept as float-evidence, with the reason in details, if it fails
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
  },
  verifyDetails(file) {
    const problems: string[] = [];
    if (file.subject.kind !== 'gaussian-teacher-student')
      return ['expected a gaussian-teacher-student subject'];
    const subject = file.subject as GaussianTeacherStudentJson;
    const k = subject.teacher.length;
    const isIdentity = subject.teacher.every(
      (row, j) => row.length === k && row.every((x, c) => x === (c === j ? 1 : 0)),
    );
    if (!isIdentity) problems.push('the teacher is not I_k (orthonormal teacher of the claim)');
    if (subject.student.length !== k)
      problems.push(`student has ${subject.student.length} neurons, the claim needs n = k = ${k}`);
    if (k < 6) problems.push(`k = ${k} < 6 is outside the claim`);
    const details = file.certificate.details;
    if (details?.k !== k) problems.push(`details.k is ${String(details?.k)}, the subject has k = ${k}`);
    if (!(file.certificate.loss >= SS18_SPURIOUS_F))
      problems.push(`F = ${file.certificate.loss} is below the spurious threshold`);
    return problems;
  },
  mutate(g, rng) {
    return rng.uniform() < 0.8
      ? { ...g, seed: rng.int(0, 99_999) }
      : { ...g, k: Math.max(6, Math.min(12, g.k + (rng.uniform() < 0.5 ? -1 : 1))) };
  },
  control: {
    description:
      'k = n ∈ {4, 5} (below the range 6 ≤ k ≤ 20 of the construction; Safran–Shamir report no spurious minima there [REC]): GD reaches F = 0',
    hypotheses: genome(4, 5),
    expect: 'holds',
    runs: 30,
  },
});
