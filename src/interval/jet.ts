import { type Interval, interval, nextDown, nextUp } from './interval.js';

/**
 * Second-order jets over intervals: a value, a gradient and a Hessian (all interval-valued) of a function of
 * n variables, propagated by the chain rule with outward rounding. Evaluated at a box X (each variable a jet
 * with value X_i, gradient e_i, Hessian 0), the result encloses f(x), ∇f(x) and ∇²f(x) for every x ∈ X.
 * Dense storage: the Hessian is n×n row-major, only the upper triangle (j ≥ i) is computed and read.
 */
export class Jet {
  constructor(
    readonly n: number,
    public lo: number,
    public hi: number,
    readonly glo: Float64Array,
    readonly ghi: Float64Array,
    readonly hlo: Float64Array,
    readonly hhi: Float64Array,
  ) {}

  get value(): Interval {
    return interval(this.lo, this.hi);
  }

  gradient(i: number): Interval {
    return interval(this.glo[i]!, this.ghi[i]!);
  }

  /** ∂²f/∂x_i∂x_j (symmetric). */
  hessian(i: number, j: number): Interval {
    const k = i <= j ? i * this.n + j : j * this.n + i;
    return interval(this.hlo[k]!, this.hhi[k]!);
  }
}

function blank(n: number, lo: number, hi: number): Jet {
  return new Jet(
    n,
    lo,
    hi,
    new Float64Array(n),
    new Float64Array(n),
    new Float64Array(n * n),
    new Float64Array(n * n),
  );
}

/** A constant interval. */
export function constant(n: number, c: Interval): Jet {
  return blank(n, c.lo, c.hi);
}

/** The variable x_i ranging over `x`. */
export function variable(n: number, i: number, x: Interval): Jet {
  const j = blank(n, x.lo, x.hi);
  j.glo[i] = 1;
  j.ghi[i] = 1;
  return j;
}

// scratch results of the scalar kernels below (no allocation in the inner loops)
let rLo = 0;
let rHi = 0;

function mulIv(a0: number, a1: number, b0: number, b1: number): void {
  if ((a0 === 0 && a1 === 0) || (b0 === 0 && b1 === 0)) {
    rLo = 0;
    rHi = 0;
    return;
  }
  const p1 = a0 * b0;
  const p2 = a0 * b1;
  const p3 = a1 * b0;
  const p4 = a1 * b1;
  rLo = nextDown(Math.min(p1, p2, p3, p4));
  rHi = nextUp(Math.max(p1, p2, p3, p4));
  if (Number.isNaN(rLo) || Number.isNaN(rHi)) {
    rLo = Number.NEGATIVE_INFINITY;
    rHi = Number.POSITIVE_INFINITY;
  }
}

function addLo(a: number, b: number): number {
  const s = a + b;
  return Number.isNaN(s) ? Number.NEGATIVE_INFINITY : s === 0 && a === 0 && b === 0 ? 0 : nextDown(s);
}

function addHi(a: number, b: number): number {
  const s = a + b;
  return Number.isNaN(s) ? Number.POSITIVE_INFINITY : s === 0 && a === 0 && b === 0 ? 0 : nextUp(s);
}

/** Exact-zero-preserving sum lower end: 0 + 0 stays 0 (sparse gradients stay exactly zero). */
export function add(a: Jet, b: Jet): Jet {
  const n = a.n;
  const r = blank(n, addLo(a.lo, b.lo), addHi(a.hi, b.hi));
  for (let i = 0; i < n; i++) {
    r.glo[i] = addLo(a.glo[i]!, b.glo[i]!);
    r.ghi[i] = addHi(a.ghi[i]!, b.ghi[i]!);
  }
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const k = i * n + j;
      r.hlo[k] = addLo(a.hlo[k]!, b.hlo[k]!);
      r.hhi[k] = addHi(a.hhi[k]!, b.hhi[k]!);
    }
  return r;
}

export function negate(a: Jet): Jet {
  const n = a.n;
  const r = blank(n, -a.hi, -a.lo);
  for (let i = 0; i < n; i++) {
    r.glo[i] = -a.ghi[i]!;
    r.ghi[i] = -a.glo[i]!;
  }
  for (let k = 0; k < n * n; k++) {
    r.hlo[k] = -a.hhi[k]!;
    r.hhi[k] = -a.hlo[k]!;
  }
  return r;
}

export function sub(a: Jet, b: Jet): Jet {
  return add(a, negate(b));
}

/** c · a for an interval constant c. */
export function scale(a: Jet, c: Interval): Jet {
  const n = a.n;
  mulIv(a.lo, a.hi, c.lo, c.hi);
  const r = blank(n, rLo, rHi);
  for (let i = 0; i < n; i++) {
    mulIv(a.glo[i]!, a.ghi[i]!, c.lo, c.hi);
    r.glo[i] = rLo;
    r.ghi[i] = rHi;
  }
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const k = i * n + j;
      mulIv(a.hlo[k]!, a.hhi[k]!, c.lo, c.hi);
      r.hlo[k] = rLo;
      r.hhi[k] = rHi;
    }
  return r;
}

/** a · b: value ab, gradient a∇b + b∇a, Hessian a∇²b + b∇²a + ∇a∇bᵀ + ∇b∇aᵀ. */
export function mul(a: Jet, b: Jet): Jet {
  const n = a.n;
  mulIv(a.lo, a.hi, b.lo, b.hi);
  const r = blank(n, rLo, rHi);
  for (let i = 0; i < n; i++) {
    mulIv(a.lo, a.hi, b.glo[i]!, b.ghi[i]!);
    const l1 = rLo;
    const h1 = rHi;
    mulIv(b.lo, b.hi, a.glo[i]!, a.ghi[i]!);
    r.glo[i] = addLo(l1, rLo);
    r.ghi[i] = addHi(h1, rHi);
  }
  for (let i = 0; i < n; i++) {
    const agl = a.glo[i]!;
    const agh = a.ghi[i]!;
    const bgl = b.glo[i]!;
    const bgh = b.ghi[i]!;
    for (let j = i; j < n; j++) {
      const k = i * n + j;
      mulIv(a.lo, a.hi, b.hlo[k]!, b.hhi[k]!);
      let lo = rLo;
      let hi = rHi;
      mulIv(b.lo, b.hi, a.hlo[k]!, a.hhi[k]!);
      lo = addLo(lo, rLo);
      hi = addHi(hi, rHi);
      mulIv(agl, agh, b.glo[j]!, b.ghi[j]!);
      lo = addLo(lo, rLo);
      hi = addHi(hi, rHi);
      mulIv(bgl, bgh, a.glo[j]!, a.ghi[j]!);
      r.hlo[k] = addLo(lo, rLo);
      r.hhi[k] = addHi(hi, rHi);
    }
  }
  return r;
}

/**
 * φ(a) for a scalar function φ given by enclosures of φ, φ′ and φ″ over the range of a: value φ(a), gradient
 * φ′∇a, Hessian φ′∇²a + φ″∇a∇aᵀ. The caller encloses φ, φ′, φ″ over the interval a.value.
 */
export function compose(a: Jet, f0: Interval, f1: Interval, f2: Interval): Jet {
  const n = a.n;
  const r = blank(n, f0.lo, f0.hi);
  for (let i = 0; i < n; i++) {
    mulIv(f1.lo, f1.hi, a.glo[i]!, a.ghi[i]!);
    r.glo[i] = rLo;
    r.ghi[i] = rHi;
  }
  for (let i = 0; i < n; i++) {
    const gl = a.glo[i]!;
    const gh = a.ghi[i]!;
    for (let j = i; j < n; j++) {
      const k = i * n + j;
      mulIv(f1.lo, f1.hi, a.hlo[k]!, a.hhi[k]!);
      const lo = rLo;
      const hi = rHi;
      mulIv(gl, gh, a.glo[j]!, a.ghi[j]!);
      mulIv(rLo, rHi, f2.lo, f2.hi);
      r.hlo[k] = addLo(lo, rLo);
      r.hhi[k] = addHi(hi, rHi);
    }
  }
  return r;
}

/** a + c for an interval constant c. */
export function addConstant(a: Jet, c: Interval): Jet {
  const r = new Jet(a.n, addLo(a.lo, c.lo), addHi(a.hi, c.hi), a.glo, a.ghi, a.hlo, a.hhi);
  return r;
}
