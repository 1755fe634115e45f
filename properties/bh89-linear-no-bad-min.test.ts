import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  closedFormFailure,
  descendToCritical,
  linearCriticalPoints,
  linearHypotheses,
  matchesCriticalValue,
} from '../src/landscape/exact/index.js';
import { type MlpSubjectJson, subjectModel } from '../src/landscape/index.js';
import { seededRng } from '../src/random.js';
import { describeClaim } from '../test/claimSuite.js';
import { bh89LinearNoBadMin } from './bh89-linear-no-bad-min.js';

describeClaim(bh89LinearNoBadMin);

/** The recomputed [VER] instance: dx = 6, dy = 5, p = 2, N = 40, L = ‖Y − ABX‖²_F (scale 1, no ½). */
const ver = JSON.parse(
  readFileSync(join(import.meta.dirname, 'bh89-linear-no-bad-min.ver.json'), 'utf8'),
) as {
  inputs: number[][];
  targets: number[][];
};

function verSubject(seed: number, sd: number): MlpSubjectJson {
  const rng = seededRng(seed);
  const layer = (rows: number, cols: number) =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => sd * rng.normal()));
  return {
    kind: 'mlp',
    network: { layerSizes: [6, 2, 5], activation: { name: 'identity' }, bias: false },
    data: { inputs: ver.inputs, targets: ver.targets },
    loss: { name: 'squared', scale: 1, reduction: 'sum' },
    point: {
      layers: [
        { weights: layer(2, 6), biases: null },
        { weights: layer(5, 2), biases: null },
      ],
    },
  };
}

describe('bh89 on the recomputed [VER] instance (dx=6, dy=5, p=2, N=40)', () => {
  const subject = verSubject(1, 0.1);
  const hyp = linearHypotheses(subject);
  if (!hyp.ok) throw new Error(`the [VER] instance breaks the hypotheses: ${hyp.reason}`);
  const closed = hyp.closed;

  test('closed form L* = 182.77183792 and next critical values 304.0008, 400.8058 (digits as given)', () => {
    expect(Math.abs(closed.globalLoss - 182.77183792)).toBeLessThanOrEqual(5e-9);
    const values = [...new Set(closed.indexSets().map((I) => closed.criticalValue(I)))].sort((a, b) => a - b);
    expect(Math.abs(values[1]! - 304.0008)).toBeLessThanOrEqual(5e-5);
    expect(Math.abs(values[2]! - 400.8058)).toBeLessThanOrEqual(5e-5);
  });

  test('all 16 index-set critical points: exact values, critical, non-top ones have a negative Hessian eigenvalue', () => {
    const points = linearCriticalPoints(subject, closed);
    expect(points).toHaveLength(16);
    expect(points.filter((p) => p.top)).toHaveLength(1);
    for (const point of points) expect(closedFormFailure(point, closed, 1)).toBeNull();
  });

  test('L-BFGS from 20 random small starts ends at L* (relative 1e-8)', () => {
    for (let seed = 0; seed < 20; seed++) {
      const model = subjectModel(verSubject(100 + seed, 0.1));
      const result = descendToCritical(model.objective, model.theta, seededRng(seed), { examine: false });
      expect(result.optimized.converged, `start ${seed}: ${result.optimized.reason}`).toBe(true);
      expect(
        matchesCriticalValue(result.optimized.value, closed.globalLoss),
        `start ${seed}: L = ${result.optimized.value}`,
      ).toBe(true);
    }
  });

  test('the enumeration check can fail: a saddle called top, or the top called a saddle, is reported', () => {
    const points = linearCriticalPoints(subject, closed);
    const top = points.find((p) => p.top)!;
    const saddle = points.find((p) => !p.top && p.indices.length === 2)!;
    expect(closedFormFailure({ ...saddle, top: true }, closed, 1)?.what).toBe('top-not-psd');
    expect(closedFormFailure({ ...top, top: false }, closed, 1)?.what).toBe('no-negative-curvature');
    const shifted = { ...top, expectedValue: top.expectedValue * (1 + 1e-6) };
    expect(closedFormFailure(shifted, closed, 1)?.what).toBe('value');
  });
});
