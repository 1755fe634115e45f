import * as I from './interval.js';
import { compose, type Jet } from './jet.js';

/**
 * Elementary functions of jets: each encloses φ, φ′ and φ″ over the range of its argument with the interval
 * kernels of interval.ts and applies the chain rule (jet.ts `compose`). An argument outside the function's
 * domain of smoothness gives ENTIRE enclosures, which no proof accepts.
 */

export function tanhJet(a: Jet): Jet {
  const t = I.tanh(a.value);
  const d1 = I.intersect(I.sub(I.point(1), I.sqr(t)), I.interval(0, 1)) ?? I.ENTIRE;
  const d2 = I.mul(I.scale(t, -2), d1);
  return compose(a, t, d1, d2);
}

/** The logistic σ: σ′ = σ(x)σ(−x), σ″ = σ′(1 − 2σ). */
export function logisticJet(a: Jet): Jet {
  const s = I.logistic(a.value);
  const d1 = I.mul(s, I.logistic(I.neg(a.value)));
  const d2 = I.mul(d1, I.sub(I.point(1), I.scale(s, 2)));
  return compose(a, s, d1, d2);
}

/** softplus: φ′ = σ, φ″ = σ(x)σ(−x). */
export function softplusJet(a: Jet): Jet {
  const s = I.logistic(a.value);
  return compose(a, I.softplus(a.value), s, I.mul(s, I.logistic(I.neg(a.value))));
}

/** √a for a > 0: φ′ = 1/(2√a), φ″ = −1/(4 a√a). */
export function sqrtJet(a: Jet): Jet {
  if (!(a.lo > 0)) return compose(a, I.ENTIRE, I.ENTIRE, I.ENTIRE);
  const s = I.sqrt(a.value);
  const d1 = I.div(I.point(0.5), s);
  const d2 = I.div(I.point(-0.25), I.mul(a.value, s));
  return compose(a, s, d1, d2);
}

/** 1/a for a not containing 0. */
export function reciprocalJet(a: Jet): Jet {
  const r = I.div(I.point(1), a.value);
  const r2 = I.sqr(r);
  return compose(a, r, I.neg(r2), I.scale(I.mul(r2, r), 2));
}

/** arccos on (−1, 1): φ′ = −1/√(1 − a²), φ″ = −a/(1 − a²)^{3/2}. */
export function acosJet(a: Jet): Jet {
  if (!(a.lo > -1 && a.hi < 1)) return compose(a, I.ENTIRE, I.ENTIRE, I.ENTIRE);
  const q = I.sub(I.point(1), I.sqr(a.value));
  if (!(q.lo > 0)) return compose(a, I.ENTIRE, I.ENTIRE, I.ENTIRE);
  const sq = I.sqrt(q);
  const d1 = I.neg(I.div(I.point(1), sq));
  const d2 = I.neg(I.div(a.value, I.mul(q, sq)));
  return compose(a, I.acos(a.value), d1, d2);
}
