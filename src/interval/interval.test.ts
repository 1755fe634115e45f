import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import * as I from './interval.js';

/**
 * The interval kernels against decimal.js at 400 significant digits: for every input interval and a sample of
 * points inside it, the 400-digit value of the function lies inside the computed enclosure. Inputs are random
 * floats and adversarial ones (near 0 and subnormals, near overflow, near the ends of a domain, intervals one
 * ulp wide, large arguments of sin and cos).
 */

const D = Decimal.clone({
  precision: 400,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
D.set({ minE: -9e15, maxE: 9e15 });

/** The exact value of a float64 to 100 significant digits (toPrecision prints the binary value's digits). */
function dec(x: number): Decimal {
  return new D(x.toPrecision(100));
}

function inside(r: Decimal, a: I.Interval): boolean {
  const lo = a.lo === Number.NEGATIVE_INFINITY ? true : dec(a.lo).lte(r);
  const hi = a.hi === Number.POSITIVE_INFINITY ? true : dec(a.hi).gte(r);
  return lo && hi;
}

const PI60 = D.acos(-1);

const refs = {
  exp: (x: Decimal) => D.exp(x),
  log1p: (x: Decimal) => D.ln(x.plus(1)),
  tanh: (x: Decimal) => D.tanh(x),
  logistic: (x: Decimal) => new D(1).div(D.exp(x.neg()).plus(1)),
  softplus: (x: Decimal) => (x.gt(0) ? x.plus(D.ln(D.exp(x.neg()).plus(1))) : D.ln(D.exp(x).plus(1))),
  sqrt: (x: Decimal) => x.sqrt(),
  acos: (x: Decimal) => D.acos(x),
  sin: (x: Decimal) => D.sin(x),
  cos: (x: Decimal) => D.cos(x),
} as const;

type Name = keyof typeof refs;

/** Domains: where each function is defined and the reference is cheap. */
const domains: Record<Name, [number, number]> = {
  exp: [-745, 709.78],
  log1p: [-0.999999, 1e300],
  tanh: [-40, 40],
  logistic: [-700, 700],
  softplus: [-700, 700],
  sqrt: [0, 1e300],
  acos: [-1, 1],
  sin: [-1e6, 1e6],
  cos: [-1e6, 1e6],
};

const adversarial: Record<Name, number[]> = {
  exp: [0, 5e-324, -5e-324, 1e-300, -1e-17, 709.78, 709.7, -745, -708.4, 1, -1],
  log1p: [0, 5e-324, 1e-300, -1e-17, 1e-17, -0.999999, 1e300, 1e-8, -1e-8],
  tanh: [0, 5e-324, 1e-300, -1e-17, 1e-9, 19.06, 22, 40, -40, 0.55],
  logistic: [0, 5e-324, -36.7, 36.7, -700, 700, 1e-17, -1e-17],
  softplus: [0, 5e-324, -36.7, 36.7, -700, 700, 1e-17, -1e-17, 33.3],
  sqrt: [0, 5e-324, 1e-300, 2, 1e300, 0.25],
  acos: [1, -1, 0, 5e-324, 1 - 2 ** -53, -1 + 2 ** -53, 0.5, 1 - 1e-12],
  sin: [0, 5e-324, Math.PI, -Math.PI, Math.PI / 2, 1e6, 355, 1e-300],
  cos: [0, 5e-324, Math.PI, Math.PI / 2, -Math.PI / 2, 1e6, 355, 1e-300],
};

const kernels: Record<Name, (a: I.Interval) => I.Interval> = {
  exp: I.exp,
  log1p: I.log1p,
  tanh: I.tanh,
  logistic: I.logistic,
  softplus: I.softplus,
  sqrt: I.sqrt,
  acos: I.acos,
  sin: I.sin,
  cos: I.cos,
};

function enclosure(name: Name, a: I.Interval): I.Interval {
  return kernels[name](a);
}

/** For an input interval, check the 400-digit values at both ends and at a middle point. */
function check(name: Name, lo: number, hi: number): void {
  const a = I.interval(lo, hi);
  const out = enclosure(name, a);
  expect(out.lo <= out.hi, `${name}([${lo}, ${hi}]) is empty`).toBe(true);
  for (const x of [lo, I.mid(a), hi]) {
    const r = refs[name](dec(x));
    expect(inside(r, out), `${name}(${x}) = ${r.toPrecision(25)} not in [${out.lo}, ${out.hi}]`).toBe(true);
  }
}

function floatIn([a, b]: [number, number]): fc.Arbitrary<number> {
  return fc.double({ min: a, max: b, noNaN: true, noDefaultInfinity: true });
}

describe('elementary enclosures against decimal.js (400 digits)', () => {
  for (const name of Object.keys(refs) as Name[]) {
    it(`${name}: adversarial points and one-ulp intervals`, () => {
      const [a, b] = domains[name];
      for (const x of adversarial[name]) {
        check(name, x, x);
        const up = Math.min(b, I.nextUp(x));
        if (up >= x) check(name, x, up);
        const dn = Math.max(a, I.nextDown(x));
        if (dn <= x) check(name, dn, x);
      }
    });
    test.prop([floatIn(domains[name]), floatIn(domains[name])], { numRuns: 60 })(
      `${name}: random intervals`,
      (x, y) => {
        check(name, Math.min(x, y), Math.max(x, y));
      },
    );
    test.prop([floatIn([-3, 3]), fc.double({ min: 0, max: 1e-6, noNaN: true })], { numRuns: 40 })(
      `${name}: narrow intervals near 0`,
      (x, w) => {
        const [a, b] = domains[name];
        const lo = Math.max(a, Math.min(b, x));
        check(name, lo, Math.min(b, lo + w));
      },
    );
  }

  it('acos stays in [0, π] and sin/cos reach ±1 inside a period', () => {
    const full = I.acos(I.interval(-1, 1));
    expect(full.lo).toBe(0);
    expect(dec(full.hi).gte(PI60)).toBe(true);
    expect(I.sin(I.interval(1, 2)).hi).toBe(1);
    expect(I.cos(I.interval(3, 3.2)).lo).toBe(-1);
    expect(I.sin(I.interval(0.1, 0.2)).hi).toBeLessThan(1);
  });
});

describe('arithmetic against decimal.js', () => {
  const anyFloat = fc.double({ min: -1e150, max: 1e150, noNaN: true, noDefaultInfinity: true });
  const ops = {
    add: (x: Decimal, y: Decimal) => x.plus(y),
    sub: (x: Decimal, y: Decimal) => x.minus(y),
    mul: (x: Decimal, y: Decimal) => x.times(y),
    div: (x: Decimal, y: Decimal) => x.div(y),
  } as const;
  for (const op of Object.keys(ops) as (keyof typeof ops)[]) {
    test.prop([anyFloat, anyFloat, anyFloat, anyFloat], { numRuns: 80 })(
      `${op} encloses every product of ends`,
      (a, b, c, d) => {
        const x = I.interval(Math.min(a, b), Math.max(a, b));
        const y = I.interval(Math.min(c, d), Math.max(c, d));
        const out = { add: I.add, sub: I.sub, mul: I.mul, div: I.div }[op](x, y);
        if (op === 'div' && y.lo <= 0 && y.hi >= 0) {
          expect(out).toEqual(I.ENTIRE);
          return;
        }
        for (const u of [x.lo, x.hi])
          for (const v of [y.lo, y.hi]) expect(inside(ops[op](dec(u), dec(v)), out)).toBe(true);
      },
    );
  }

  it('tiny differences and subnormals are enclosed', () => {
    const x = I.point(1 + 2 ** -52);
    const d = I.sub(x, I.point(1));
    expect(inside(new D(2).pow(-52), d)).toBe(true);
    const t = I.mul(I.point(5e-324), I.point(0.5));
    expect(t.lo <= 0 && t.hi > 0).toBe(true);
    expect(inside(dec(1e-300).times(dec(1e-300)), I.mul(I.point(1e-300), I.point(1e-300)))).toBe(true);
  });

  it('NaN never passes: it gives the entire line', () => {
    expect(I.interval(Number.NaN, 1)).toEqual(I.ENTIRE);
    expect(I.add(I.point(Number.POSITIVE_INFINITY), I.point(Number.NEGATIVE_INFINITY))).toEqual(I.ENTIRE);
    expect(I.div(I.point(1), I.interval(-1, 1))).toEqual(I.ENTIRE);
  });

  it('nextUp/nextDown step exactly one float', () => {
    expect(I.nextUp(1)).toBe(1 + 2 ** -52);
    expect(I.nextDown(1)).toBe(1 - 2 ** -53);
    expect(I.nextUp(0)).toBe(5e-324);
    expect(I.nextDown(0)).toBe(-5e-324);
    expect(I.nextUp(-5e-324)).toBe(-0);
    expect(I.nextUp(Number.MAX_VALUE)).toBe(Number.POSITIVE_INFINITY);
    expect(I.nextUp(2 ** 32 - 2 ** -20)).toBeGreaterThan(2 ** 32 - 2 ** -20);
    expect(I.nextDown(2 ** 32)).toBeLessThan(2 ** 32);
  });
});
