import { NonFiniteError, UserError } from '../../errors.js';
import { BRENT_XTOL } from './tolerances.js';

/** ε of float64. */
const EPS = 2 ** -52;

export interface RootResult {
  /** The end of the final bracket with the smaller |f|. */
  readonly root: number;
  readonly value: number;
  /** The final bracket [lo, hi] (f changes sign on it, or one end is an exact zero). */
  readonly lo: number;
  readonly hi: number;
  readonly iterations: number;
}

/**
 * A root of f in [a, b] where f(a) and f(b) have opposite signs (or one is 0), by Brent's method (zeroin:
 * inverse quadratic interpolation and secant steps, falling back to bisection whenever they do not shrink
 * the bracket fast enough; Brent 1973, ch. 4). Always keeps a sign-changing bracket, so it converges for any
 * continuous f; stops when the bracket is narrower than 4ε|x| + xtol·max(1, |x|) or f is exactly 0.
 *
 * Throws UserError when [a, b] does not bracket a sign change, NonFiniteError when f is not finite there.
 */
export function brentRoot(
  f: (x: number) => number,
  a: number,
  b: number,
  options: { xtol?: number; maxIterations?: number } = {},
): RootResult {
  const xtol = options.xtol ?? BRENT_XTOL;
  const maxIterations = options.maxIterations ?? 200;
  let fa = f(a);
  let fb = f(b);
  if (!Number.isFinite(fa) || !Number.isFinite(fb)) {
    throw new NonFiniteError(`brentRoot: f(${a}) = ${fa}, f(${b}) = ${fb}; both must be finite`);
  }
  if (fa === 0) return { root: a, value: 0, lo: a, hi: a, iterations: 0 };
  if (fb === 0) return { root: b, value: 0, lo: b, hi: b, iterations: 0 };
  if (Math.sign(fa) === Math.sign(fb)) {
    throw new UserError(`brentRoot: f(${a}) = ${fa} and f(${b}) = ${fb} have the same sign; no bracket`);
  }
  // b: best estimate; a: previous b; c: the other end of the bracket [b, c].
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * EPS * Math.abs(b) + 0.5 * xtol * Math.max(1, Math.abs(b));
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) {
      return { root: b, value: fb, lo: Math.min(b, c), hi: Math.max(b, c), iterations: iteration };
    }
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when only two distinct points, else inverse quadratic.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
    if (!Number.isFinite(fb)) throw new NonFiniteError(`brentRoot: f(${b}) = ${fb}`);
  }
  throw new Error(
    `brentRoot: no convergence in ${maxIterations} iterations (bracket [${Math.min(b, c)}, ${Math.max(b, c)}])`,
  );
}
