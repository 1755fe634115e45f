import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GaussianTeacherStudentJson, MlpSubjectJson } from '../landscape/subjectTypes.js';
import * as I from './interval.js';
import { add, addConstant, constant, mul, negate, scale } from './jet.js';
import { mlpIntervalProblem } from './mlp.js';
import { populationIntervalProblem } from './population.js';
import { jetProblem } from './problem.js';
import { proveAt, proveStrictMinimum } from './prove.js';

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
