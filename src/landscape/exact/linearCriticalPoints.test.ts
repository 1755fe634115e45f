import { describe, expect, test } from 'vitest';
import { seededRng } from '../../random.js';
import type { MlpSubjectJson } from '../index.js';
import {
  closedFormFailure,
  linearCriticalPoints,
  linearHypotheses,
  linearSpuriousMinimumCertificate,
  originCurvature,
} from './linearCriticalPoints.js';

function linear(sizes: number[], seed: number, n = 8, scale = 0.5): MlpSubjectJson {
  const rng = seededRng(seed);
  const rows = (r: number, c: number) =>
    Array.from({ length: r }, () => Array.from({ length: c }, () => rng.normal()));
  return {
    kind: 'mlp',
    network: { layerSizes: sizes, activation: { name: 'identity' }, bias: false },
    data: { inputs: rows(n, sizes[0]!), targets: rows(n, sizes.at(-1)!) },
    loss: { name: 'squared', scale, reduction: 'sum' },
    point: { layers: sizes.slice(1).map((r, l) => ({ weights: rows(r, sizes[l]!), biases: null })) },
  };
}

describe('linearCriticalPoints', () => {
  test.each([
    [[3, 2, 3], 1],
    [[4, 2, 3], 2],
    [[3, 1, 2], 3],
    [[4, 3, 2, 3], 4],
  ])(
    'network %j: every index set is critical with its closed-form value; at depth 2 only the top one lacks a negative eigenvalue',
    (sizes, seed) => {
      const subject = linear(sizes, seed);
      const hyp = linearHypotheses(subject);
      if (!hyp.ok) throw new Error(hyp.reason);
      const points = linearCriticalPoints(subject, hyp.closed);
      expect(points.filter((p) => p.top)).toHaveLength(1);
      for (const point of points) expect(closedFormFailure(point, hyp.closed, 0.5)).toBeNull();
      if (sizes.length > 3) {
        // depth ≥ 3: the empty set is the origin, a saddle whose Hessian is exactly 0 (no negative eigenvalue)
        const origin = points.find((p) => p.indices.length === 0)!;
        expect([origin.lambdaMin, origin.lambdaMax]).toEqual([0, 0]);
      } else {
        for (const point of points.filter((p) => !p.top)) expect(point.lambdaMin).toBeLessThan(0);
      }
    },
  );

  test('refuses a nonlinear network', () => {
    const subject = linear([3, 2, 3], 1);
    const hyp = linearHypotheses(subject);
    if (!hyp.ok) throw new Error(hyp.reason);
    expect(() =>
      linearCriticalPoints(
        { ...subject, network: { ...subject.network, activation: { name: 'relu' } } },
        hyp.closed,
      ),
    ).toThrow(/linear/);
  });
});

describe('linearHypotheses', () => {
  test('discards singular Σ_XX, repeated eigenvalues and (on request) rank-deficient Σ_XY', () => {
    const subject = linear([3, 1, 2], 5);
    const singular = {
      ...subject,
      data: { ...subject.data, inputs: subject.data.inputs.map((r) => [r[0]!, r[0]!, r[2]!]) },
    };
    expect(linearHypotheses(singular)).toEqual({ ok: false, reason: 'XᵀX singular' });
    // Y = 0: Σ = 0 has the repeated eigenvalue 0
    const zero = { ...subject, data: { ...subject.data, targets: subject.data.targets.map(() => [0, 0]) } };
    expect(linearHypotheses(zero)).toMatchObject({
      ok: false,
      reason: 'Σ has (nearly) repeated eigenvalues',
    });
    // Y with two identical columns: rank Σ_XY = 1 < 2 (and Σ has eigenvalue 0 once, so the gap test passes)
    const twin = {
      ...subject,
      data: { ...subject.data, targets: subject.data.targets.map((r) => [r[0]!, r[0]!]) },
    };
    expect(linearHypotheses(twin).ok).toBe(true);
    expect(linearHypotheses(twin, { fullRankXY: true })).toEqual({
      ok: false,
      reason: 'Σ_XY not of full rank',
    });
  });
});

describe('originCurvature', () => {
  test('depth ≥ 3: the Hessian at 0 is exactly 0', () => {
    for (const sizes of [
      [3, 2, 2, 2],
      [2, 3, 1, 2, 2],
    ]) {
      const c = originCurvature(linear(sizes, 9));
      expect(c.finite).toBe(true);
      expect(c.nonZeroEntries).toBe(0);
    }
  });

  test('depth 2: λ_min(∇²L(0)) = −2s·σ_1(Σ_YX) (rel. 1e-10), for s = ½ and s = 2', () => {
    for (const s of [0.5, 2]) {
      const c = originCurvature(linear([3, 2, 2], 11, 8, s));
      expect(Math.abs(c.lambdaMin + 2 * s * c.sigmaYX)).toBeLessThanOrEqual(1e-10 * 2 * s * c.sigmaYX);
      expect(c.lambdaMax).toBeCloseTo(2 * s * c.sigmaYX, 10);
    }
  });
});

describe('linearSpuriousMinimumCertificate', () => {
  test('refuses to certify a saddle (an index-set point that is not the top one)', () => {
    const subject = linear([3, 2, 3], 1);
    const hyp = linearHypotheses(subject);
    if (!hyp.ok) throw new Error(hyp.reason);
    const saddle = linearCriticalPoints(subject, hyp.closed).find((p) => !p.top && p.indices.length === 2)!;
    const theta = saddle.layers.flatMap((w) => w.flat());
    const built = linearSpuriousMinimumCertificate(subject, hyp.closed, theta, 1);
    expect(built.ok).toBe(false);
  });
});
