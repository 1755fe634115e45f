import { verifyExactProof } from '../exact/index.js';
import type { Certificate, IntervalProofJson, Rigour, Subject } from '../landscape/subjectTypes.js';
import type { PointJson } from '../nn/spec.js';
import * as I from './interval.js';
import { flattenPoint, mlpIntervalProblem, UnprovableSubject } from './mlp.js';
import { populationIntervalProblem } from './population.js';
import type { IntervalProblem } from './problem.js';
import { type IntervalProof, proveAt } from './prove.js';

/**
 * The verifier of rigorous certificates: it re-runs the interval proof from the subject's point and the
 * recorded radius with the interval code of src/interval (never the float core), and checks that every
 * recorded number is what the proof computes. A file without `rigour` is `float-evidence` (checked by the float
 * verifier alone).
 */

/**
 * How far a recorded end may sit from the recomputed one: REPRODUCE_RTOL of the recomputed interval's width
 * plus REPRODUCE_ULPS ulps of the end (room for a libm that differs by an ulp on another engine; far below
 * any deliberate change of a number).
 */
export const REPRODUCE_RTOL = 1e-6;
export const REPRODUCE_ULPS = 64;
/**
 * How far a recorded gershgorinMargin may sit from the recomputed one, relative: the margin is computed with the
 * float eigenvectors V of mid(H) (any V is sound, so V is not part of the proof), and V changes in its last digits
 * when the float eigensolver's kernel changes: measured up to 8e-5 relative on the SS18 files after the eigvalsh
 * SIMD kernel (79c6f7f). 1e-3 leaves room for that and still catches a deliberate change of the number.
 */
export const GERSHGORIN_REPRODUCE_RTOL = 1e-3;

/** The level a certificate claims (absent: float-evidence). */
export function rigourOf(certificate: Certificate): Rigour {
  return certificate.rigour ?? 'float-evidence';
}

/** The interval problem of a subject, or why there is none. */
export function intervalProblemOf(subject: Subject): IntervalProblem {
  switch (subject.kind) {
    case 'mlp':
      return mlpIntervalProblem(subject);
    case 'gaussian-teacher-student':
      return populationIntervalProblem(subject);
    default:
      throw new UnprovableSubject(
        'spherical-spin-glass: no interval prover yet (the minimum lives on the sphere |x|² = N; a proof needs the constrained (Lagrangian) system)',
      );
  }
}

/** The better point in the problem's coordinates. */
export function betterCoordinates(subject: Subject, better: unknown): Float64Array {
  if (subject.kind === 'mlp') return flattenPoint(subject, better as PointJson);
  return Float64Array.from((better as number[][]).flat());
}

function ulpsOf(x: number): number {
  return Math.abs(I.nextUp(Math.abs(x)) - Math.abs(x));
}

function endsClose(recorded: number, recomputed: number, width: number): boolean {
  return (
    Number.isFinite(recorded) &&
    Math.abs(recorded - recomputed) <= REPRODUCE_RTOL * width + REPRODUCE_ULPS * ulpsOf(recomputed)
  );
}

function intervalClose(recorded: readonly [number, number], recomputed: readonly [number, number]): boolean {
  const w = recomputed[1] - recomputed[0];
  return endsClose(recorded[0], recomputed[0], w) && endsClose(recorded[1], recomputed[1], w);
}

function scalarClose(recorded: number, recomputed: number): boolean {
  return (
    Number.isFinite(recorded) &&
    Math.abs(recorded - recomputed) <=
      REPRODUCE_RTOL * Math.abs(recomputed) + REPRODUCE_ULPS * ulpsOf(recomputed)
  );
}

const fmt = (a: readonly [number, number]): string => `[${a[0]}, ${a[1]}]`;

/** Compare a recorded proof with the recomputed one: every number, with the reason for each mismatch. */
export function compareProofs(recorded: IntervalProofJson, recomputed: IntervalProof): string[] {
  const problems: string[] = [];
  if (recorded.dimension !== recomputed.dimension)
    return [`proof.dimension is ${recorded.dimension}, the subject has ${recomputed.dimension} coordinates`];
  if (recorded.coordinates !== recomputed.coordinates)
    problems.push(`proof.coordinates says '${recorded.coordinates}', expected '${recomputed.coordinates}'`);
  if (recorded.krawczyk.length !== recomputed.krawczyk.length)
    problems.push(
      `proof.krawczyk has ${recorded.krawczyk.length} intervals, expected ${recomputed.dimension}`,
    );
  recorded.krawczyk.forEach((k, i) => {
    const now = recomputed.krawczyk[i];
    if (now !== undefined && !intervalClose(k, now))
      problems.push(`proof.krawczyk[${i}] is ${fmt(k)}, recomputed ${fmt(now)}`);
  });
  if (!scalarClose(recorded.contraction, recomputed.contraction))
    problems.push(`proof.contraction is ${recorded.contraction}, recomputed ${recomputed.contraction}`);
  if (recorded.pdTest !== recomputed.pdTest)
    problems.push(
      `proof.pdTest is ${recorded.pdTest ?? 'interval Cholesky'}, recomputed ${recomputed.pdTest ?? 'interval Cholesky'}`,
    );
  for (const key of ['choleskyMinPivot', 'gershgorinMargin'] as const) {
    const r = recorded[key];
    const c = recomputed[key];
    if (r === undefined && c === undefined) continue;
    if (r === undefined || c === undefined) {
      problems.push(`proof.${key} is ${r}, recomputed ${c}`);
      continue;
    }
    const close =
      key === 'gershgorinMargin'
        ? Number.isFinite(r) && Math.abs(r - c) <= GERSHGORIN_REPRODUCE_RTOL * Math.abs(c)
        : scalarClose(r, c);
    if (!close) problems.push(`proof.${key} is ${r}, recomputed ${c}`);
    else if (!(r > 0)) problems.push(`proof.${key} is not positive`);
  }
  if (!intervalClose(recorded.lossEnclosure, recomputed.lossEnclosure))
    problems.push(
      `proof.lossEnclosure is ${fmt(recorded.lossEnclosure)}, recomputed ${fmt(recomputed.lossEnclosure)}`,
    );
  const rb = recorded.betterLossEnclosure;
  const nb = recomputed.betterLossEnclosure;
  if ((rb === undefined) !== (nb === undefined))
    problems.push('proof.betterLossEnclosure is missing or extra');
  else if (rb !== undefined && nb !== undefined && !intervalClose(rb, nb))
    problems.push(`proof.betterLossEnclosure is ${fmt(rb)}, recomputed ${fmt(nb)}`);
  if (rb !== undefined && !(rb[1] < recorded.lossEnclosure[0]))
    problems.push('proof.betterLossEnclosure does not lie below proof.lossEnclosure');
  if (!(recorded.contraction < 1)) problems.push(`proof.contraction ${recorded.contraction} is not below 1`);
  return problems;
}

/**
 * Re-check the rigour level a certificate claims. Empty: the level holds (or is float evidence, which the float
 * verifier checks). Never throws for bad content.
 */
export function verifyRigour(subject: Subject, certificate: Certificate): string[] {
  const level = rigourOf(certificate);
  if (level === 'float-evidence') {
    return certificate.proof === undefined ? [] : ['a proof is recorded but rigour is float-evidence'];
  }
  if (level === 'exact-rational') {
    // the exact path (src/exact): BigInt rationals, separate from the float core and from the intervals
    if (certificate.exactProof === undefined) return ['rigour exact-rational but no exactProof is recorded'];
    return verifyExactProof(
      subject,
      (certificate as { betterPoint?: unknown }).betterPoint,
      certificate.exactProof,
    );
  }
  if (certificate.kind !== 'strict-local-min-not-global')
    return [`rigour interval-proof is only defined for strict-local-min-not-global, not ${certificate.kind}`];
  const recorded = certificate.proof;
  if (recorded === undefined) return ['rigour interval-proof but no proof is recorded'];
  try {
    const problem = intervalProblemOf(subject);
    const better = betterCoordinates(subject, certificate.betterPoint);
    if (better.length !== problem.n)
      return [`betterPoint has ${better.length} coordinates, the subject ${problem.n}`];
    const out = proveAt(problem, recorded.radius, better);
    if (!out.ok) return [`interval proof no longer proves: ${out.reason}`];
    return compareProofs(recorded, out.proof);
  } catch (error) {
    return [`interval proof: ${(error as Error).message}`];
  }
}
