import { beforeAll, describe, expect, test } from 'vitest';
import { seededRng } from '../../random.js';
import { loadHighs } from '../solvers/index.js';
import { subjectModel } from '../subjectModel.js';
import { interiorMinimizers, regionLoss, regionSlack } from './regionProgram.js';
import { examineRegion } from './regionTheorem.js';
import {
  caseParameters,
  caseRegion,
  fromTheta,
  seededTwoLayerCase,
  toTheta,
  twoLayerSubject,
  withParameters,
} from './twoLayer.js';

beforeAll(async () => {
  await loadHighs();
});

describe('two-layer cases', () => {
  test('W̃ ↔ θ round trip, and the network loss equals the region quadratic at the point (rel. 1e-12)', () => {
    for (const slope of [0, 0.1]) {
      const c = seededTwoLayerCase({
        n: 5,
        d0: 3,
        d1: 4,
        bias: true,
        slope,
        dataSeed: 1,
        weightSeed: 2,
        outputSeed: 3,
        noise: [1, -2, 3],
      });
      const w = caseParameters(c);
      expect(fromTheta(c, toTheta(c, w))).toEqual(w);
      const model = subjectModel(twoLayerSubject(c));
      expect(Array.from(model.theta)).toEqual(Array.from(toTheta(c, w)));
      const value = model.objective.value(model.theta);
      expect(Math.abs(value - regionLoss(caseRegion(c), w))).toBeLessThanOrEqual(1e-12 * (1 + value));
      expect(caseParameters(withParameters(c, w))).toEqual(w);
    }
  });
});

describe('interiorMinimizers (region LP, HiGHS)', () => {
  test('targets produced by the network itself: a zero-loss point strictly inside its own region', () => {
    const c = seededTwoLayerCase({
      n: 4,
      d0: 2,
      d1: 4,
      bias: true,
      slope: 0,
      dataSeed: 4,
      weightSeed: 5,
      outputSeed: 6,
      noise: [0],
    });
    const region = caseRegion(c);
    expect(regionSlack(region, caseParameters(c))).toBeGreaterThan(0);
    const lp = interiorMinimizers(region);
    expect(lp.status).toBe('optimal');
    expect(lp.interior).toBe(true);
    expect(lp.minimumLoss).toBeLessThan(1e-20);
    expect(regionLoss(region, lp.w!)).toBeLessThan(1e-20);
  });

  test('too few parameters (d1·(d0+1) < n): the interior minimiser near the point has positive loss', () => {
    const c = seededTwoLayerCase({
      n: 6,
      d0: 1,
      d1: 1,
      bias: true,
      slope: 0,
      dataSeed: 7,
      weightSeed: 8,
      outputSeed: 9,
      noise: [1, -1, 2, 0, -2, 1],
    });
    const lp = interiorMinimizers(caseRegion(c));
    expect(lp.minimumLoss).toBeGreaterThan(1e-3);
    if (lp.interior) expect(regionLoss(caseRegion(c), lp.w!)).toBeCloseTo(lp.minimumLoss, 10);
  });
});

describe('examineRegion', () => {
  test('full-rank regions: certificate inequality holds, zero-loss set of dimension d1·(d0+1) − n', () => {
    let checked = 0;
    for (let seed = 0; seed < 30 && checked < 3; seed++) {
      const c = seededTwoLayerCase({
        n: 4,
        d0: 2,
        d1: 4,
        bias: true,
        slope: 0,
        dataSeed: seed,
        weightSeed: seed + 1,
        outputSeed: 6,
        noise: [1, 0, -1, 2],
      });
      const exam = examineRegion(c, seededRng(seed));
      expect(exam.certificate.worst).toBeLessThanOrEqual(0);
      expect(exam.linearityError).toBeLessThan(1e-10);
      if (exam.rank !== 4 || exam.zeroLossSet === null) continue;
      expect(exam.criticalPoint!.loss).toBeLessThanOrEqual(exam.zeroLossTol);
      expect(exam.zeroLossSet.dimension).toBe(4 * 3 - 4);
      expect(exam.zeroLossSet.worstLoss).toBeLessThanOrEqual(exam.zeroLossTol);
      expect(exam.zeroLossSet.leftRegion).toBe(0);
      checked++;
    }
    expect(checked).toBe(3);
  });
});
