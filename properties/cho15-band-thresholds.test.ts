import { expect, test } from 'vitest';
import { bandThreshold, eInfinity, isThetaRoot } from '../src/landscape/spinGlass/index.js';
import { describeClaim } from '../test/claimSuite.js';
import { cho15BandThresholds } from './cho15-band-thresholds.js';

describeClaim(cho15BandThresholds);

// [VER] H = 3, recomputed independently (brentq on the same formula): E∞ and E_0 … E_4, six decimals.
const VER_H3 = { eInfinity: 1.632993, E: [1.656998, 1.652873, 1.650253, 1.648399, 1.646999] };

test('[VER] H = 3: E∞ = 1.632993 and E₀…E₄ = 1.656998, 1.652873, 1.650253, 1.648399, 1.646999 (to the printed digits)', () => {
  expect(Math.abs(eInfinity(3) - VER_H3.eInfinity)).toBeLessThanOrEqual(5e-7);
  VER_H3.E.forEach((E, k) => {
    const r = bandThreshold(k, 3);
    expect(r.ok && Math.abs(r.E - E) <= 5e-7).toBe(true);
  });
});

test('the brief’s table: H = 3, 4, 5 and k = 0…4 all pass the property (roots to 1e-12, strictly layered above E∞)', () => {
  for (const H of [3, 4, 5]) {
    for (let k = 0; k <= 4; k++) {
      expect(cho15BandThresholds.check({ H, k }).status).toBe('pass');
      const r = bandThreshold(k, H);
      expect(r.ok && isThetaRoot(k, H, r.E)).toBe(true);
    }
  }
});

test('landscape run cho15-band-thresholds: E∞ and E₀…E₄ per H in the table and the JSON, H = 2 has no band', () => {
  const run = cho15BandThresholds.experiment!.run({ H: '2,3,4', k: '4' }, { seed: 1, log: () => {} });
  expect(run.columns).toEqual(['H', 'E∞', 'E0', 'E1', 'E2', 'E3', 'E4']);
  expect(run.rows[1]).toEqual([3, '1.632993', '1.656998', '1.652873', '1.650253', '1.648399', '1.646999']);
  const json = run.json!.thresholds as {
    H: number;
    eInfinity: number;
    E: (number | null)[];
    note: string | null;
  }[];
  expect(json.map((t) => t.H)).toEqual([2, 3, 4]);
  expect(json[0]!.E.every((e) => e === null) && json[0]!.note !== null).toBe(true);
  expect(Math.abs(json[1]!.E[0]! - VER_H3.E[0]!)).toBeLessThanOrEqual(5e-7);
  expect(
    json[2]!.E.every((e, k) => e !== null && e > json[2]!.eInfinity && (k === 0 || e < json[2]!.E[k - 1]!)),
  ).toBe(true);
  expect(run.assertions[0]!.verdict).toBe('holds');
  expect(run.assertions[0]!.detail).toMatch(/Auffinger, Ben Arous, Černý 2013/);
  expect(() => cho15BandThresholds.experiment!.run({ H: '1' }, { seed: 1, log: () => {} })).toThrow(/--H/);
});
