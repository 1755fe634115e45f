import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { NonFiniteError, UserError } from '../../errors.js';
import { brentRoot } from './brent.js';
import { bandThreshold, complexityTheta, eInfinity, iOne, isThetaRoot } from './thresholds.js';
import { THETA_ROOT_RTOL } from './tolerances.js';

describe("Brent's method", () => {
  // Roots r = k/8 of monotone and non-monotone functions on a bracket around them.
  const root = fc.integer({ min: -40, max: 40 }).map((k) => k / 8);
  const width = fc.integer({ min: 1, max: 40 }).map((k) => k / 4);

  test.prop([root, width, width], { numRuns: 100 })(
    'finds the root of (x − r)·(1 + (x − r)²) to ~4ε|r|',
    (r, left, right) => {
      const f = (x: number) => (x - r) * (1 + (x - r) ** 2);
      const result = brentRoot(f, r - left, r + right);
      expect(Math.abs(result.root - r)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(r)));
      expect(result.lo).toBeLessThanOrEqual(result.hi);
    },
  );

  test.prop([root, width, width], { numRuns: 100 })(
    'a flat-then-steep function (x − r)³·e^x: still converges, bracket holds the root',
    (r, left, right) => {
      const f = (x: number) => (x - r) ** 3 * Math.exp(x / 4);
      const result = brentRoot(f, r - left, r + right, { xtol: 1e-13 });
      // A triple root is determined only to ~(ε·scale)^(1/3): check the bracket, not the digits.
      expect(result.lo - 1e-12 * Math.max(1, Math.abs(r))).toBeLessThanOrEqual(r + 1e-5);
      expect(result.hi + 1e-12 * Math.max(1, Math.abs(r))).toBeGreaterThanOrEqual(r - 1e-5);
      expect(Math.abs(result.root - r)).toBeLessThanOrEqual(1e-4);
    },
  );

  test('cos on [0, 2] gives π/2; exact zeros at an end are returned at once', () => {
    expect(Math.abs(brentRoot(Math.cos, 0, 2).root - Math.PI / 2)).toBeLessThanOrEqual(4 * 2 ** -52 * 2);
    expect(brentRoot((x) => x - 1, 1, 3)).toMatchObject({ root: 1, iterations: 0 });
  });

  test('no sign change is a UserError; a non-finite value is a NonFiniteError', () => {
    expect(() => brentRoot((x) => x * x + 1, -1, 1)).toThrow(UserError);
    expect(() => brentRoot((x) => x * x + 1, -1, 1)).toThrow(/same sign/);
    expect(() => brentRoot((x) => Math.log(x), -1, 2)).toThrow(NonFiniteError);
  });
});

describe('the complexity Θ_{k,H} and the band thresholds E_k (Auffinger, Ben Arous, Černý 2013)', () => {
  test('E_∞ = 2√((H−1)/H); I₁(−E_∞) = 0; Θ is continuous at −E_∞ and at 0', () => {
    for (const H of [2, 3, 4, 5, 10]) {
      const e = eInfinity(H);
      expect(e).toBe(2 * Math.sqrt((H - 1) / H));
      expect(iOne(-e, H)).toBe(0);
      for (const k of [0, 3]) {
        const atEdge = complexityTheta(k, H, -e);
        // I₁ grows like (−u − E∞)^(3/2): a step of 1e-12 relative moves Θ by ~1e-18, far below 1e-10.
        expect(Math.abs(complexityTheta(k, H, -e * (1 + 1e-12)) - atEdge)).toBeLessThanOrEqual(
          1e-10 * (1 + Math.abs(atEdge)),
        );
        const atZero = complexityTheta(k, H, 0);
        expect(Math.abs(complexityTheta(k, H, -1e-300) - atZero)).toBeLessThanOrEqual(
          1e-15 * (1 + Math.abs(atZero)),
        );
      }
    }
    expect(() => iOne(-1, 3)).toThrow(UserError);
    expect(() => complexityTheta(-1, 3, -2)).toThrow(UserError);
    expect(() => complexityTheta(0, 1, -2)).toThrow(UserError);
  });

  // [VER] recomputed independently: E_∞ and E_0…E_4 for H = 3 (brentq on the same formula; E_0 = 1.657 is the 3-spin ground state).
  const verified = [1.656998, 1.652873, 1.650253, 1.648399, 1.646999];
  test.each(verified.map((E, k) => [k, E]))('[VER] H = 3: E_%i = %f to the 6 printed decimals', (k, E) => {
    const r = bandThreshold(k, 3);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Math.abs(r.E - E)).toBeLessThanOrEqual(5e-7);
    expect(Math.abs(eInfinity(3) - 1.632993)).toBeLessThanOrEqual(5e-7);
  });

  test.each([3, 4, 5])(
    `H = %i, k = 0…4: Θ(−E_k) = 0 to ${THETA_ROOT_RTOL} and E_0 > E_1 > … > E_4 > E_∞`,
    (H) => {
      const thresholds: number[] = [];
      for (let k = 0; k <= 4; k++) {
        const r = bandThreshold(k, H);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(isThetaRoot(k, H, r.E)).toBe(true);
        expect(r.lo).toBeLessThanOrEqual(r.E);
        expect(r.hi).toBeGreaterThanOrEqual(r.E);
        thresholds.push(r.E);
      }
      for (let k = 0; k + 1 < thresholds.length; k++)
        expect(thresholds[k]!).toBeGreaterThan(thresholds[k + 1]!);
      expect(thresholds[4]!).toBeGreaterThan(eInfinity(H));
    },
  );

  test('E_k ↓ E_∞ as k grows, like k^(−2/3) (I₁ ∝ (−u − E_∞)^(3/2) near −E_∞), and Θ_{k,H} increases on u < −E_∞', () => {
    for (const H of [3, 4, 5]) {
      const gap = (k: number) => {
        const r = bandThreshold(k, H);
        return r.ok ? r.E - eInfinity(H) : Number.NaN;
      };
      const [g10, g1000, g10000] = [gap(10), gap(1000), gap(10_000)];
      expect(g10).toBeGreaterThan(g1000);
      expect(g1000).toBeGreaterThan(g10000);
      expect(g10000).toBeGreaterThan(0);
      expect(g10000).toBeLessThan(1e-3);
      expect(g10000 / g1000).toBeGreaterThan(0.5 * 10 ** (-2 / 3));
      expect(g10000 / g1000).toBeLessThan(1.5 * 10 ** (-2 / 3));
      let previous = Number.NEGATIVE_INFINITY;
      for (let t = 40; t >= 0; t--) {
        const u = -eInfinity(H) - t / 20;
        const value = complexityTheta(2, H, u);
        expect(value).toBeGreaterThan(previous);
        previous = value;
      }
    }
  });

  test('H = 2 (outside the theorem: the 2-spin glass has no band): no root below −E_∞, reported not thrown', () => {
    for (let k = 0; k <= 4; k++) {
      const r = bandThreshold(k, 2);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/not positive/);
    }
  });
});
