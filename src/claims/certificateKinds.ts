/**
 * The certificate kinds that are not about a point of the landscape: `identity-violated` (a theorem's identity
 * fails on the subject) and `trend-reversed` (an empirical trend shown reversed by an exact test). Their builders
 * and their generic verifier live here; the landscape kinds are verified by src/landscape/verifyCertificate.ts.
 * A claim that archives one of these re-computes its two sides (or re-runs its experiment) in `verifyDetails`.
 */
import type { CertificateJson } from '../archive/index.js';
import type { Certificate } from '../landscape/index.js';
import { fisherLessPValue } from '../stats/index.js';

/** Recomputed p-values agree with the recorded one to this relative error (stdlib's hypergeometric CDF rounding). */
export const P_VALUE_RTOL = 1e-9;

/** Kinds verified here rather than by the landscape verifier. */
export function isStatementKind(kind: Certificate['kind']): boolean {
  return kind === 'identity-violated' || kind === 'trend-reversed';
}

/** The largest entrywise gap |left_i − right_i| (NaN when a side is not finite: never a pass). */
export function largestGap(left: readonly number[], right: readonly number[]): number {
  let gap = 0;
  for (let i = 0; i < left.length; i++) {
    const d = Math.abs(left[i]! - right[i]!);
    if (!Number.isFinite(d)) return Number.NaN;
    gap = Math.max(gap, d);
  }
  return gap;
}

/** An `identity-violated` certificate from the two sides and the tolerance the identity is checked to. */
export function identityViolated(input: {
  identity: string;
  left: readonly number[];
  right: readonly number[];
  tolerance: number;
  loss: number;
  tolerances?: Readonly<Record<string, number>>;
}): Extract<CertificateJson, { kind: 'identity-violated' }> {
  return {
    kind: 'identity-violated',
    loss: input.loss,
    gradientNorm: null,
    hessianEigenvalues: null,
    identity: input.identity,
    left: [...input.left],
    right: [...input.right],
    difference: largestGap(input.left, input.right),
    tolerance: input.tolerance,
    ...(input.tolerances === undefined ? {} : { tolerances: { ...input.tolerances } }),
  };
}

/**
 * A `trend-reversed` certificate: the claim says group 0 < group 1; the one-sided Fisher exact test of the
 * reverse (group 1 < group 0) has p-value ≤ alpha.
 */
export function trendReversed(input: {
  trend: string;
  groups: readonly [
    { label: string; successes: number; trials: number },
    { label: string; successes: number; trials: number },
  ];
  alpha: number;
  seed: number;
  replay: string;
  loss: number;
  table?: { columns: string[]; rows: (string | number)[][] } | undefined;
}): Extract<CertificateJson, { kind: 'trend-reversed' }> {
  const [a, b] = input.groups;
  return {
    kind: 'trend-reversed',
    loss: input.loss,
    gradientNorm: null,
    hessianEigenvalues: null,
    trend: input.trend,
    test: 'one-sided Fisher exact',
    groups: [{ ...a }, { ...b }],
    pValue: fisherLessPValue(b.successes, b.trials, a.successes, a.trials),
    alpha: input.alpha,
    seed: input.seed,
    replay: input.replay,
    ...(input.table === undefined ? {} : { table: input.table }),
  };
}

/** Re-check a statement certificate from its own numbers. Returns the problems (empty: it verifies). */
export function verifyStatementCertificate(certificate: Certificate): string[] {
  const problems: string[] = [];
  if (certificate.kind === 'identity-violated') {
    const c = certificate;
    if (c.left.length !== c.right.length)
      problems.push(`left has ${c.left.length} entries, right has ${c.right.length}`);
    const gap = largestGap(c.left, c.right);
    if (!Number.isFinite(gap)) problems.push('a side of the identity is not finite');
    else if (Math.abs(gap - c.difference) > 1e-12 * Math.max(1, gap))
      problems.push(`largest gap |left − right| is ${gap}, certificate says ${c.difference}`);
    if (!(c.tolerance >= 0)) problems.push(`tolerance ${c.tolerance} is not a non-negative number`);
    if (!(gap > c.tolerance)) problems.push(`gap ${gap} does not exceed the tolerance ${c.tolerance}`);
  } else if (certificate.kind === 'trend-reversed') {
    const c = certificate;
    const [a, b] = c.groups;
    if (a === undefined || b === undefined) return ['trend-reversed needs two groups'];
    for (const g of c.groups)
      if (g.successes > g.trials)
        problems.push(`group '${g.label}': ${g.successes} successes in ${g.trials} trials`);
    const p = fisherLessPValue(b.successes, b.trials, a.successes, a.trials);
    if (!(Math.abs(p - c.pValue) <= P_VALUE_RTOL * Math.max(p, 1e-300)))
      problems.push(`one-sided Fisher p-value is ${p}, certificate says ${c.pValue}`);
    if (!(c.alpha > 0 && c.alpha < 1)) problems.push(`alpha ${c.alpha} is not in (0, 1)`);
    if (!(p <= c.alpha)) problems.push(`p = ${p} is not ≤ α = ${c.alpha}: the reversal is not shown`);
  } else {
    problems.push(`'${certificate.kind}' is not a statement certificate`);
  }
  return problems;
}
