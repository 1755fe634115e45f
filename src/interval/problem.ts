import type { Interval } from './interval.js';
import { type Jet, variable } from './jet.js';

/**
 * Enclosures of a C² function F over a box: its value, gradient and Hessian (full symmetric n×n, row-major),
 * each a lower and an upper array. Every x in the box has F(x), ∇F(x), ∇²F(x) inside them.
 */
export interface Enclosure {
  readonly value: Interval;
  readonly glo: Float64Array;
  readonly ghi: Float64Array;
  readonly hlo: Float64Array;
  readonly hhi: Float64Array;
}

/**
 * A subject re-derived in interval arithmetic: its n coordinates (`coordinates` says which, in words), the
 * float point it is centred on, and the enclosure of F over a box (lower and upper ends per coordinate).
 */
export interface IntervalProblem {
  readonly n: number;
  readonly coordinates: string;
  readonly center: Float64Array;
  /**
   * `order` 0: only `value` is meaningful; 1: also the gradient; 2 (default): also the Hessian. A problem may
   * compute more than asked (the mlp jets always do).
   */
  enclose(lo: Float64Array, hi: Float64Array, order?: 0 | 1 | 2): Enclosure;
  /** F at another point of the same space (the better point), as an interval. */
  valueAt(x: Float64Array): Interval;
}

/** The jet's enclosures with the Hessian mirrored to a full symmetric matrix. */
export function jetEnclosure(j: Jet): Enclosure {
  const n = j.n;
  const hlo = new Float64Array(n * n);
  const hhi = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let c = i; c < n; c++) {
      hlo[i * n + c] = hlo[c * n + i] = j.hlo[i * n + c]!;
      hhi[i * n + c] = hhi[c * n + i] = j.hhi[i * n + c]!;
    }
  return { value: j.value, glo: Float64Array.from(j.glo), ghi: Float64Array.from(j.ghi), hlo, hhi };
}

/** An IntervalProblem from a function written on jets (tests, small examples). */
export function jetProblem(
  center: Float64Array,
  f: (x: readonly Jet[]) => Jet,
  coordinates = 'x_1, …, x_n',
): IntervalProblem {
  const n = center.length;
  const evaluate = (lo: Float64Array, hi: Float64Array): Jet =>
    f(Array.from({ length: n }, (_, i) => variable(n, i, { lo: lo[i]!, hi: hi[i]! })));
  return {
    n,
    coordinates,
    center,
    enclose: (lo, hi) => jetEnclosure(evaluate(lo, hi)),
    valueAt: (x) => evaluate(x, x).value,
  };
}
