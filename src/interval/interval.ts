/**
 * Outward-rounded interval arithmetic on float64, written for the rigorous certificates (a code path separate
 * from the float core in src/nn and src/landscape).
 *
 * Rounding. JavaScript has no directed rounding, so every result is computed in round-to-nearest and then
 * stepped outward: the lower end one ulp down (nextDown), the upper end one ulp up (nextUp). For +, −, ×, ÷
 * and sqrt IEEE 754 guarantees the rounded result is within half an ulp of the exact one, so one step outward
 * encloses it. The elementary functions (Math.exp, Math.log1p, Math.tanh, Math.acos, Math.sin, Math.cos) are
 * not correctly rounded: V8 implements them with ports of fdlibm (src/base/ieee754.cc; sin/cos may use the
 * glibc-derived port), whose documented error is below 1 ulp; we step ELEMENTARY_ULPS ulps outward, a 4×
 * margin, and clamp to each function's true range. The logistic and softplus are composed from enclosed
 * operations, so they inherit the bound. Every kernel is property-tested against decimal.js at 60 digits
 * (src/interval/interval.test.ts) on random and adversarial inputs.
 *
 * We did not use an npm interval library: the ones we found (interval-arithmetic, 2016) are unmaintained and
 * round with a relative epsilon that is not a rigorous bound near subnormals. This file is small enough to
 * read and is checked against an arbitrary-precision reference.
 *
 * NaN never passes: an operation with a NaN end returns the entire line [−∞, +∞] (ENTIRE), which no proof
 * check accepts.
 */

/** Ulps stepped outward after an fdlibm elementary function (documented error < 1 ulp; a 4× margin). */
export const ELEMENTARY_ULPS = 4;

const buffer = new Float64Array(1);
const words = new Uint32Array(buffer.buffer);
// little-endian hosts (every platform Node 20 supports): words[0] is the low word, words[1] the high word
const LO = 0;
const HI = 1;

/** The smallest float64 strictly greater than x (Infinity stays Infinity; NaN stays NaN). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Number.POSITIVE_INFINITY) return x;
  if (x === 0) return Number.MIN_VALUE;
  buffer[0] = x;
  if (x > 0) {
    words[LO] = (words[LO]! + 1) >>> 0;
    if (words[LO] === 0) words[HI] = (words[HI]! + 1) >>> 0;
  } else {
    if (words[LO] === 0) words[HI] = (words[HI]! - 1) >>> 0;
    words[LO] = (words[LO]! - 1) >>> 0;
  }
  return buffer[0];
}

/** The largest float64 strictly less than x. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

function down(x: number, ulps: number): number {
  let y = x;
  for (let i = 0; i < ulps; i++) y = nextDown(y);
  return y;
}

function up(x: number, ulps: number): number {
  let y = x;
  for (let i = 0; i < ulps; i++) y = nextUp(y);
  return y;
}

/** A closed interval [lo, hi] of reals with float64 ends, lo ≤ hi (or ENTIRE after a NaN). */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

export const ENTIRE: Interval = Object.freeze({ lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY });

/** [lo, hi]; a NaN end or lo > hi gives ENTIRE (never a pass). */
export function interval(lo: number, hi: number): Interval {
  if (Number.isNaN(lo) || Number.isNaN(hi) || lo > hi) return ENTIRE;
  return { lo, hi };
}

/** The degenerate interval [x, x] (x is exactly representable: it is a float64). */
export function point(x: number): Interval {
  return interval(x, x);
}

/** π enclosed: Math.PI is the float64 nearest π (below it), nextUp(Math.PI) is above. */
export const PI: Interval = interval(Math.PI, nextUp(Math.PI));

export function isBounded(a: Interval): boolean {
  return Number.isFinite(a.lo) && Number.isFinite(a.hi);
}

export function contains(a: Interval, x: number): boolean {
  return a.lo <= x && x <= a.hi;
}

/** b ⊆ a. */
export function subset(b: Interval, a: Interval): boolean {
  return a.lo <= b.lo && b.hi <= a.hi;
}

/** b lies in the interior of a. */
export function interior(b: Interval, a: Interval): boolean {
  return a.lo < b.lo && b.hi < a.hi;
}

export function intersect(a: Interval, b: Interval): Interval | null {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return lo <= hi ? { lo, hi } : null;
}

export function hull(a: Interval, b: Interval): Interval {
  return interval(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi));
}

/** An upper bound of the width hi − lo. */
export function width(a: Interval): number {
  return nextUp(a.hi - a.lo);
}

/** A float inside the interval, near its middle. */
export function mid(a: Interval): number {
  const m = a.lo / 2 + a.hi / 2;
  return Math.min(a.hi, Math.max(a.lo, m));
}

/** max |x| over the interval (exact). */
export function mag(a: Interval): number {
  return Math.max(Math.abs(a.lo), Math.abs(a.hi));
}

export function neg(a: Interval): Interval {
  return { lo: -a.hi, hi: -a.lo };
}

export function add(a: Interval, b: Interval): Interval {
  return interval(nextDown(a.lo + b.lo), nextUp(a.hi + b.hi));
}

export function sub(a: Interval, b: Interval): Interval {
  return interval(nextDown(a.lo - b.hi), nextUp(a.hi - b.lo));
}

/** 0 · ∞ inside a product counts as 0 (the interval's end is a bound, not a value). */
function times(x: number, y: number): number {
  return x === 0 || y === 0 ? 0 : x * y;
}

export function mul(a: Interval, b: Interval): Interval {
  const p1 = times(a.lo, b.lo);
  const p2 = times(a.lo, b.hi);
  const p3 = times(a.hi, b.lo);
  const p4 = times(a.hi, b.hi);
  return interval(nextDown(Math.min(p1, p2, p3, p4)), nextUp(Math.max(p1, p2, p3, p4)));
}

/** a · c for a float c. */
export function scale(a: Interval, c: number): Interval {
  return mul(a, point(c));
}

/** a², tighter than mul(a, a) when a straddles 0. */
export function sqr(a: Interval): Interval {
  if (a.lo >= 0) return interval(nextDown(a.lo * a.lo), nextUp(a.hi * a.hi));
  if (a.hi <= 0) return interval(nextDown(a.hi * a.hi), nextUp(a.lo * a.lo));
  const m = mag(a);
  return interval(0, nextUp(m * m));
}

/** a / b; b containing 0 gives ENTIRE. */
export function div(a: Interval, b: Interval): Interval {
  if (b.lo <= 0 && b.hi >= 0) return ENTIRE;
  const q = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi];
  return interval(nextDown(Math.min(...q)), nextUp(Math.max(...q)));
}

/** √a over a ∩ [0, ∞); a entirely negative gives ENTIRE. */
export function sqrt(a: Interval): Interval {
  if (a.hi < 0) return ENTIRE;
  const lo = a.lo <= 0 ? 0 : Math.max(0, nextDown(Math.sqrt(a.lo)));
  return interval(lo, nextUp(Math.sqrt(a.hi)));
}

/** An increasing elementary function: f(lo) stepped down, f(hi) stepped up, clamped to [min, max]. */
function increasing(f: (x: number) => number, a: Interval, min: number, max: number): Interval {
  const lo = Math.max(min, down(f(a.lo), ELEMENTARY_ULPS));
  const hi = Math.min(max, up(f(a.hi), ELEMENTARY_ULPS));
  return interval(lo, hi);
}

export function exp(a: Interval): Interval {
  return increasing(Math.exp, a, 0, Number.POSITIVE_INFINITY);
}

/** log(1 + x), defined for x > −1 (an end at or below −1 gives −∞ there). */
export function log1p(a: Interval): Interval {
  if (a.hi <= -1) return ENTIRE;
  const r = increasing(Math.log1p, a, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  return a.lo <= -1 ? interval(Number.NEGATIVE_INFINITY, r.hi) : r;
}

export function tanh(a: Interval): Interval {
  return increasing(Math.tanh, a, -1, 1);
}

/** The enclosure of 1/(1 + e^{−x}) at one float x, composed from enclosed operations (no overflow). */
function logisticAt(x: number): Interval {
  if (x >= 0) return div(point(1), add(point(1), exp(point(-x))));
  const e = exp(point(x));
  return div(e, add(point(1), e));
}

/** The logistic σ(x) = 1/(1 + e^{−x}), increasing, in [0, 1]. */
export function logistic(a: Interval): Interval {
  return interval(Math.max(0, logisticAt(a.lo).lo), Math.min(1, logisticAt(a.hi).hi));
}

/** softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^{−|x|}) at one float x. */
function softplusAt(x: number): Interval {
  return add(point(Math.max(x, 0)), log1p(exp(point(-Math.abs(x)))));
}

/** softplus, increasing, positive. */
export function softplus(a: Interval): Interval {
  return interval(Math.max(0, softplusAt(a.lo).lo), softplusAt(a.hi).hi);
}

/** arccos on a ∩ [−1, 1], decreasing, in [0, π]; a outside [−1, 1] gives ENTIRE. */
export function acos(a: Interval): Interval {
  if (a.lo > 1 || a.hi < -1) return ENTIRE;
  const x0 = Math.max(-1, a.lo);
  const x1 = Math.min(1, a.hi);
  const lo = Math.max(0, down(Math.acos(x1), ELEMENTARY_ULPS));
  const hi = Math.min(PI.hi, up(Math.acos(x0), ELEMENTARY_ULPS));
  return interval(lo, hi);
}

/**
 * Does [a.lo, a.hi] possibly contain a point c + 2πm for an integer m? Conservative: answers true whenever it
 * cannot exclude one with the enclosure of π.
 */
function mayContain(a: Interval, c: Interval): boolean {
  const twoPi = scale(PI, 2);
  // m ranges over the integers with c + 2πm possibly in a
  const mLo = Math.floor(sub(a, c).lo / twoPi.hi) - 1;
  const mHi = Math.ceil(sub(a, c).hi / twoPi.lo) + 1;
  for (let m = mLo; m <= mHi; m++) {
    const at = add(c, scale(twoPi, m));
    if (at.lo <= a.hi && at.hi >= a.lo) return true;
  }
  return false;
}

/** An end value of sin or cos at a float, stepped outward and clamped to [−1, 1]. */
function trigEnds(f: (x: number) => number, a: Interval): { lo: number; hi: number } {
  const u = f(a.lo);
  const v = f(a.hi);
  return {
    lo: Math.max(-1, down(Math.min(u, v), ELEMENTARY_ULPS)),
    hi: Math.min(1, up(Math.max(u, v), ELEMENTARY_ULPS)),
  };
}

const HALF_PI = scale(PI, 0.5);

function trig(f: (x: number) => number, a: Interval, maxAt: Interval, minAt: Interval): Interval {
  if (!isBounded(a)) return interval(-1, 1);
  if (width(a) >= 2 * Math.PI) return interval(-1, 1);
  // more periods than a safe integer loop: give the full range
  if (mag(a) > 1e15) return interval(-1, 1);
  const ends = trigEnds(f, a);
  return interval(mayContain(a, minAt) ? -1 : ends.lo, mayContain(a, maxAt) ? 1 : ends.hi);
}

/** sin: the maxima are at π/2 + 2πm, the minima at −π/2 + 2πm. */
export function sin(a: Interval): Interval {
  return trig(Math.sin, a, HALF_PI, neg(HALF_PI));
}

/** cos: the maxima are at 2πm, the minima at π + 2πm. */
export function cos(a: Interval): Interval {
  return trig(Math.cos, a, point(0), PI);
}
