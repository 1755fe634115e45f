import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import * as Q from './rational.js';

/** decimal.js with enough digits to hold any float64 exactly (at most 767 significant digits). */
const D = Decimal.clone({ precision: 1200, toExpNeg: -9e15, toExpPos: 9e15 });
D.set({ minE: -9e15, maxE: 9e15 });

const decOf = (a: Q.Rational): Decimal => new D(a.p.toString()).div(new D(a.q.toString()));
/** The float64's binary value to 100 significant digits (toPrecision prints the binary value's digits). */
const dec100 = (x: number): Decimal => new D(x.toPrecision(100));

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const small = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe('exact rationals (BigInt)', () => {
  test.prop([finite])('fromFloat is the float’s exact dyadic value (decimal.js reference)', (x) => {
    const r = Q.fromFloat(x);
    expect(r.q > 0n).toBe(true);
    // a dyadic rational: the denominator is a power of two
    expect(r.q & (r.q - 1n)).toBe(0n);
    expect(Q.toFloat(r, 'down')).toBe(x === 0 ? 0 : x);
    expect(Q.toFloat(r, 'up')).toBe(x === 0 ? 0 : x);
    if (x !== 0) expect(decOf(r).minus(dec100(x)).abs().div(dec100(x).abs()).lt('1e-98')).toBe(true);
  });

  test.prop([small, small, small])(
    'field laws hold exactly: (a + b)·c = a·c + b·c, a − a = 0, (a·b)/b = a',
    (x, y, z) => {
      const [a, b, c] = [x, y, z].map(Q.fromFloat) as [Q.Rational, Q.Rational, Q.Rational];
      expect(Q.cmp(Q.mul(Q.add(a, b), c), Q.add(Q.mul(a, c), Q.mul(b, c)))).toBe(0);
      expect(Q.isZero(Q.sub(a, a))).toBe(true);
      if (!Q.isZero(b)) expect(Q.cmp(Q.div(Q.mul(a, b), b), a)).toBe(0);
    },
  );

  test.prop([small, small])('cmp agrees with float comparison of floats', (x, y) => {
    expect(Q.cmp(Q.fromFloat(x), Q.fromFloat(y))).toBe(x < y ? -1 : x > y ? 1 : 0);
  });

  test.prop([fc.double({ min: 0, max: 1e300, noNaN: true })])(
    'sqrtUpper(a) is an upper bound: u² ≥ a, and tight to 1e-15',
    (x) => {
      const a = Q.fromFloat(x);
      const u = Q.sqrtUpper(a);
      expect(Q.cmp(Q.mul(u, u), a)).toBeGreaterThanOrEqual(0);
      expect(Q.toFloat(u)).toBeLessThanOrEqual(Math.sqrt(x) * (1 + 1e-15) + Number.MIN_VALUE);
    },
  );

  test.prop([fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.bigInt({ min: 1n, max: 10n ** 40n })])(
    'toFloat brackets the rational when rounded down or up, and toText/fromText round-trip',
    (p, q) => {
      const a = Q.rational(p, q);
      expect(Q.cmp(Q.fromFloat(Q.toFloat(a, 'down')), a)).toBeLessThanOrEqual(0);
      expect(Q.cmp(Q.fromFloat(Q.toFloat(a, 'up')), a)).toBeGreaterThanOrEqual(0);
      expect(Q.cmp(Q.fromText(Q.toText(a))!, a)).toBe(0);
    },
  );

  it('adversarial values: subnormals, the largest float, −0, tiny differences', () => {
    expect(Q.fromFloat(Number.MIN_VALUE)).toEqual(Q.rational(1n, 1n << 1074n));
    expect(Q.fromFloat(-0)).toEqual(Q.ZERO);
    expect(Q.fromFloat(Number.MAX_VALUE).p).toBe(((1n << 53n) - 1n) << 971n);
    // 0.1 + 0.2 ≠ 0.3 in float64, and the exact values say why
    const sum = Q.add(Q.fromFloat(0.1), Q.fromFloat(0.2));
    expect(Q.cmp(sum, Q.fromFloat(0.3))).toBe(1);
    expect(Q.cmp(Q.fromFloat(1 + 2 ** -52), Q.ONE)).toBe(1);
    expect(Q.fromText('3/0')).toBeNull();
    expect(Q.fromText('1.5')).toBeNull();
    expect(() => Q.fromFloat(Number.NaN)).toThrow(RangeError);
  });
});
