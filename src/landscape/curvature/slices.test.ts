import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { counterexampleSchema } from '../../archive/index.js';
import { subjectModel } from '../subjectModel.js';
import { interpolationProfile, randomSurface } from './slices.js';

const root = join(import.meta.dirname, '../../..');
const load = (path: string) => counterexampleSchema.parse(JSON.parse(readFileSync(join(root, path), 'utf8')));

describe('landscape slices (1-D interpolation, 2-D filter-normalised surface)', () => {
  const file = load('counterexamples/narrow-no-strict-bad-min/06cb1fffb28dcff6.json');
  const model = subjectModel(file.subject);
  const better = 'betterPoint' in file.certificate ? file.certificate.betterPoint : null;

  test('the interpolation passes through the certified loss at t = 0 and the better loss at t = 1', () => {
    if (better === null) throw new Error('fixture has no better point');
    const profile = interpolationProfile(model, better, 61);
    const at = (t: number) => profile.loss[profile.t.findIndex((x) => Math.abs(x - t) < 1e-12)]!;
    expect(at(0)).toBeCloseTo(file.certificate.loss, 10);
    expect(at(1)).toBeCloseTo((file.certificate as { betterLoss: number }).betterLoss, 8);
    // a strict local minimum that is not global: the segment climbs before it descends.
    expect(profile.barrier.height).toBeGreaterThan(0);
    expect(profile.barrier.t).toBeGreaterThan(0);
    expect(profile.barrier.t).toBeLessThan(1);
  });

  test('the surface is the certified loss at its centre, seeded, and differs between seeds', () => {
    const s = randomSurface(model, 7, 5);
    expect(s.values[2]![2]).toBeCloseTo(file.certificate.loss, 10);
    expect(randomSurface(model, 7, 5)).toEqual(s);
    expect(randomSurface(model, 8, 5).values).not.toEqual(s.values);
    expect(s.values.flat().every(Number.isFinite)).toBe(true);
  });

  test('teacher–student subjects get both pictures too', () => {
    const ts = load('counterexamples/ss18-spurious-minima-common/715fd75b1be62b23.json');
    const m = subjectModel(ts.subject);
    const s = randomSurface(m, 1, 3);
    expect(s.values[1]![1]).toBeCloseTo(ts.certificate.loss, 10);
    if (!('betterPoint' in ts.certificate)) throw new Error('fixture has no better point');
    expect(interpolationProfile(m, ts.certificate.betterPoint, 11).loss.every(Number.isFinite)).toBe(true);
  });
});
