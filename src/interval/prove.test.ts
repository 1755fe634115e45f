import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GaussianTeacherStudentJson, MlpSubjectJson } from '../landscape/subjectTypes.js';
import * as I from './interval.js';
import { add, addConstant, constant, mul, negate, scale } from './jet.js';
import { mlpIntervalProblem } from './mlp.js';
import { populationIntervalProblem } from './population.js';
import { jetProblem } from './problem.js';
import { eigenGershgorin, intervalCholesky, proveAt, proveStrictMinimum } from './prove.js';
import { betterCoordinates } from './verifyProof.js';

function load(path: string): { subject: unknown; certificate: { betterPoint: unknown } } {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
}

describe('prover on archived strict minima', () => {
  it('proves the archived SS18 k = 8 minimum', () => {
    const file = load('counterexamples/ss18-spurious-minima-common/9de35c0f7167ef07.json');
    const subject = file.subject as GaussianTeacherStudentJson;
    const problem = populationIntervalProblem(subject);
    const better = Float64Array.from((file.certificate.betterPoint as number[][]).flat());
    const out = proveStrictMinimum(problem, better);
    expect(out.ok).toBe(true);
  });
  // the float-evidence files written before rigour levels (the archive is append-only: their subjects keep their
  // file, so their proofs are shown here rather than written into them)
  for (const path of [
    'counterexamples/ss18-spurious-minima-common/715fd75b1be62b23.json',
    'counterexamples/ss18-spurious-minima-common/79ab7ce3e431e1dc.json',
    'counterexamples/ahw96-single-neuron/59e9e9b5ce6e9392.json',
    'counterexamples/narrow-no-strict-bad-min/bfd40ac05690bff7.json',
  ]) {
    it(`proves the float-evidence minimum ${path.split('/').slice(1).join('/')}`, () => {
      const file = load(path);
      const subject = file.subject as GaussianTeacherStudentJson | MlpSubjectJson;
      const problem =
        subject.kind === 'mlp' ? mlpIntervalProblem(subject) : populationIntervalProblem(subject);
      const better = betterCoordinates(subject, file.certificate.betterPoint);
      const out = proveStrictMinimum(problem, better);
      expect(out.ok ? 'proved' : out.reason).toBe('proved');
    });
  }
  it('proves the archived narrow tanh minimum', () => {
    const file = load('counterexamples/narrow-no-strict-bad-min/06cb1fffb28dcff6.json');
    const subject = file.subject as MlpSubjectJson;
    const problem = mlpIntervalProblem(subject);
    const out = proveStrictMinimum(problem, null);
    expect(out.ok).toBe(true);
  });
});

describe('the prover refuses what is not a provable strict minimum', () => {
  const origin = new Float64Array(2);

  it('refuses a saddle: x² − y² (Hessian diag(2, −2))', () => {
    const p = jetProblem(origin, ([x, y]) => add(mul(x!, x!), negate(mul(y!, y!))));
    const out = proveStrictMinimum(p, null);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toMatch(/not provably positive definite/);
  });

  it('refuses a box that holds no critical point: (x − 1)² + y² on 0 ± 0.1', () => {
    const p = jetProblem(origin, ([x, y]) => {
      const u = addConstant(x!, I.point(-1));
      return add(mul(u, u), mul(y!, y!));
    });
    const out = proveAt(p, 0.1, null);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toMatch(/no critical point/);
    // the same function at its minimum proves
    const q = jetProblem(Float64Array.from([1, 0]), ([x, y]) => {
      const u = addConstant(x!, I.point(-1));
      return add(mul(u, u), mul(y!, y!));
    });
    expect(proveAt(q, 0.1, null).ok).toBe(true);
  });

  it('refuses a strict minimum whose interval Hessian over X is not provably PD: x² + y² + a x²y²', () => {
    // ∇²F = [[2 + 2ay², 4axy], [4axy, 2 + 2ax²]] is PD at every point of X = ±r when a r² = 0.7 < 1, but the
    // interval matrix [[2, 2 + 1.4], [±2.8, …]] over X holds singular members: interval Cholesky must fail
    const a = 0.7;
    const p = jetProblem(origin, ([x, y]) => {
      const xx = mul(x!, x!);
      const yy = mul(y!, y!);
      return add(add(xx, yy), scale(mul(xx, yy), I.point(a)));
    });
    const out = proveAt(p, 1, null);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toMatch(/not provably positive definite/);
    expect(proveAt(p, 1e-3, null).ok).toBe(true);
  });

  it('refuses a better point that is not better', () => {
    const p = jetProblem(origin, ([x, y]) => add(add(mul(x!, x!), mul(y!, y!)), constant(2, I.point(1))));
    const out = proveAt(p, 1e-3, Float64Array.from([0.5, 0]));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toMatch(/not below/);
  });
});

describe('positive definiteness tests of an interval matrix', () => {
  const widen = (m: number[], w: number) => ({
    lo: Float64Array.from(m, (x) => x - w),
    hi: Float64Array.from(m, (x) => x + w),
  });
  it('accept [[2, 1], [1, 2]] ± 1e-12 and refuse [[1, 2], [2, 1]] (eigenvalue −1)', () => {
    const pd = widen([2, 1, 1, 2], 1e-12);
    expect(intervalCholesky(pd.lo, pd.hi, 2).ok).toBe(true);
    expect(eigenGershgorin(pd.lo, pd.hi, 2).ok).toBe(true);
    const indefinite = widen([1, 2, 2, 1], 1e-12);
    expect(intervalCholesky(indefinite.lo, indefinite.hi, 2).ok).toBe(false);
    expect(eigenGershgorin(indefinite.lo, indefinite.hi, 2).ok).toBe(false);
  });
  it('the congruence test proves a rotated, ill-conditioned PD matrix (eigenvalues 1e-3 and 1e3)', () => {
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    const [a, b] = [1e-3, 1e3];
    const m = [a * c * c + b * s * s, (b - a) * c * s, (b - a) * c * s, a * s * s + b * c * c];
    const box = widen(m, 1e-9);
    const out = eigenGershgorin(box.lo, box.hi, 2);
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.margin).toBeGreaterThan(0);
  });
});
