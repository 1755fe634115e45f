/**
 * Exact rational numbers p/q on BigInt (q > 0, gcd(p, q) = 1): the exact-rational proof path, separate from the
 * float core and from the interval code. Every float64 is a dyadic rational m·2^e, so archived numbers convert
 * exactly (`fromFloat`); nothing here rounds.
 */
export interface Rational {
  readonly p: bigint;
  readonly q: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(p: bigint, q = 1n): Rational {
  if (q === 0n) throw new RangeError('rational: zero denominator');
  const sign = q < 0n ? -1n : 1n;
  const g = gcd(p, q) || 1n;
  return { p: (sign * p) / g, q: (sign * q) / g };
}

export const ZERO = rational(0n);
export const ONE = rational(1n);

/** The exact value of a finite float64 (a dyadic rational). */
export function fromFloat(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`rational: ${x} is not finite`);
  if (x === 0) return ZERO;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? -1n : 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  // normal: (2^52 + f)·2^(e − 1075); subnormal: f·2^(−1074)
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const e = (exponent === 0 ? 1 : exponent) - 1075;
  return e >= 0 ? rational(sign * (mantissa << BigInt(e))) : rational(sign * mantissa, 1n << BigInt(-e));
}

export const add = (a: Rational, b: Rational): Rational => rational(a.p * b.q + b.p * a.q, a.q * b.q);
export const sub = (a: Rational, b: Rational): Rational => rational(a.p * b.q - b.p * a.q, a.q * b.q);
export const mul = (a: Rational, b: Rational): Rational => rational(a.p * b.p, a.q * b.q);
export function div(a: Rational, b: Rational): Rational {
  if (b.p === 0n) throw new RangeError('rational: division by zero');
  return rational(a.p * b.q, a.q * b.p);
}
export const neg = (a: Rational): Rational => ({ p: -a.p, q: a.q });
export const abs = (a: Rational): Rational => (a.p < 0n ? neg(a) : a);
/** Sign of a − b: −1, 0 or 1. */
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const d = a.p * b.q - b.p * a.q;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
export const isZero = (a: Rational): boolean => a.p === 0n;
export const sum = (xs: readonly Rational[]): Rational => xs.reduce(add, ZERO);
export const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (cmp(a, b) >= 0 ? a : b);

/** "p/q" (or "p" when q = 1): the exact form recorded in proofs. */
export function toText(a: Rational): string {
  return a.q === 1n ? `${a.p}` : `${a.p}/${a.q}`;
}

/** Parse "p/q" or "p" (integers, q > 0); null when the text is not one. */
export function fromText(text: string): Rational | null {
  const m = /^(-?\d{1,4000})(?:\/(\d{1,4000}))?$/.exec(text);
  if (m === null) return null;
  const q = m[2] === undefined ? 1n : BigInt(m[2]);
  return q === 0n ? null : rational(BigInt(m[1]!), q);
}

/** The nearest float64 below or at a (for display: rounded toward −∞ when `down`, else toward +∞). */
export function toFloat(a: Rational, direction: 'down' | 'up' | 'nearest' = 'nearest'): number {
  // an approximation: 62 significant bits by BigInt division, scaled by a power of two in two steps
  const bits = (v: bigint): number => (v < 0n ? -v : v).toString(2).length;
  const shift = bits(a.q) - bits(a.p) + 62;
  const n = shift >= 0 ? (a.p << BigInt(shift)) / a.q : a.p / (a.q << BigInt(-shift));
  const half = Math.trunc(shift / 2);
  let x = Number(n) * 2 ** -half * 2 ** -(shift - half);
  if (direction === 'nearest') return x;
  if (direction === 'down') {
    while (cmp(fromFloat(x), a) > 0) x = nextDown(x);
    return x;
  }
  while (cmp(fromFloat(x), a) < 0) x = nextUp(x);
  return x;
}

function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
const nextDown = (x: number): number => -nextUp(-x);

/**
 * A rational upper bound u ≥ √a (a ≥ 0), checked exactly (u² ≥ a): a float square root stepped up until the
 * exact check passes. Exactness is in the check, not in the float that proposes u.
 */
export function sqrtUpper(a: Rational): Rational {
  if (a.p < 0n) throw new RangeError('sqrtUpper: negative argument');
  if (a.p === 0n) return ZERO;
  let u = Math.sqrt(toFloat(a, 'up'));
  if (!(u > 0)) u = Number.MIN_VALUE;
  for (;;) {
    const r = fromFloat(u);
    if (cmp(mul(r, r), a) >= 0) return r;
    u = nextUp(u);
  }
}
