import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { ShapeError, UserError } from '../../errors.js';
import { maxAbsDiff } from '../../linalg/index.js';
import { centralDifference, centralDifferenceVector } from '../../nn/index.js';
import { seededRng } from '../../random.js';
import {
  cubicHessian,
  cubicValueAndGradient,
  forEachMonomial,
  generalHessian,
  generalValueAndGradient,
  monomialCount,
  orderings,
  randomCouplings,
  randomSpinGlass,
  type SpinGlass,
  spinGlassEnergy,
  spinGlassEnergyAndGradient,
  spinGlassEnergyNaive,
  spinGlassEuclideanHessian,
  spinGlassFromCouplings,
  spinGlassScale,
} from './hamiltonian.js';
import { randomSpherePoint } from './minimize.js';
import { SPIN_FD_RTOL, SPIN_FD_STEP } from './tolerances.js';

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const shape = fc.record({ H: fc.integer({ min: 2, max: 5 }), N: fc.integer({ min: 1, max: 6 }), seed });

function unit(N: number, rng: ReturnType<typeof seededRng>): Float64Array {
  const v = Float64Array.from({ length: N }, () => rng.normal());
  const s = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  return v.map((x) => x / s);
}

describe('monomial enumeration', () => {
  test.prop([fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 5 })], { numRuns: 40 })(
    'visits C(N+H−1, H) non-decreasing tuples in strict lexicographic order',
    (N, H) => {
      const seen: string[] = [];
      let orderingTotal = 0;
      forEachMonomial(N, H, (idx, m) => {
        expect(m).toBe(seen.length);
        for (let p = 1; p < H; p++) expect(idx[p]!).toBeGreaterThanOrEqual(idx[p - 1]!);
        seen.push(Array.from(idx).join(','));
        orderingTotal += orderings(idx);
      });
      expect(seen.length).toBe(monomialCount(N, H));
      expect(new Set(seen).size).toBe(seen.length);
      const sorted = [...seen].sort((a, b) => {
        const x = a.split(',').map(Number);
        const y = b.split(',').map(Number);
        for (let p = 0; p < H; p++) if (x[p] !== y[p]) return x[p]! - y[p]!;
        return 0;
      });
      expect(seen).toEqual(sorted);
      // Every ordered tuple is an ordering of exactly one sorted tuple.
      expect(orderingTotal).toBe(N ** H);
    },
  );
});

describe('spin-glass Hamiltonian', () => {
  test.prop([shape], { numRuns: 60 })(
    'monomial form equals the defining sum over all N^H ordered tuples',
    ({ H, N, seed: s }) => {
      const rng = seededRng(s);
      const couplings = randomCouplings(H, N, rng);
      const glass = spinGlassFromCouplings(H, N, couplings);
      const w = Float64Array.from({ length: N }, () => rng.normal());
      const naive = spinGlassEnergyNaive(H, N, couplings, w);
      const scale =
        Math.sqrt(couplings.reduce((a, x) => a + x * x, 0)) * Math.max(1, ...w.map(Math.abs)) ** H;
      expect(Math.abs(spinGlassEnergy(glass, w) - naive)).toBeLessThanOrEqual(1e-12 * scale);
    },
  );

  test.prop([shape], { numRuns: 80 })(
    `Euclidean gradient equals central differences along a random direction (rel. err ≤ ${SPIN_FD_RTOL})`,
    ({ H, N, seed: s }) => {
      const rng = seededRng(s);
      const glass = randomSpinGlass(H, N, rng);
      const w = randomSpherePoint(N, rng);
      const v = unit(N, rng);
      const { value, gradient } = spinGlassEnergyAndGradient(glass, w);
      const directional = gradient.reduce((a, g, i) => a + g * v[i]!, 0);
      const fd = centralDifference((x) => spinGlassEnergy(glass, x), w, v, SPIN_FD_STEP);
      expect(Math.abs(directional - fd)).toBeLessThanOrEqual(SPIN_FD_RTOL * (1 + Math.abs(value)));
    },
  );

  test.prop([shape], { numRuns: 80 })(
    `Euclidean Hessian·v equals the central difference of the gradient (rel. err ≤ ${SPIN_FD_RTOL})`,
    ({ H, N, seed: s }) => {
      const rng = seededRng(s);
      const glass = randomSpinGlass(H, N, rng);
      const w = randomSpherePoint(N, rng);
      const v = unit(N, rng);
      const h = spinGlassEuclideanHessian(glass, w);
      const fd = centralDifferenceVector(
        (x) => spinGlassEnergyAndGradient(glass, x).gradient,
        w,
        v,
        SPIN_FD_STEP,
      );
      const { gradient } = spinGlassEnergyAndGradient(glass, w);
      const scale = 1 + Math.sqrt(gradient.reduce((a, g) => a + g * g, 0));
      for (let i = 0; i < N; i++) {
        let hv = 0;
        for (let j = 0; j < N; j++) {
          hv += h.data[i * N + j]! * v[j]!;
          expect(h.data[i * N + j]).toBe(h.data[j * N + i]);
        }
        expect(Math.abs(hv - fd[i]!)).toBeLessThanOrEqual(SPIN_FD_RTOL * scale);
      }
    },
  );

  test.prop([shape], { numRuns: 40 })(
    'Euler: ⟨∇L(w), w⟩ = H·L(w) and wᵀ∇²L(w)w = H(H−1)·L(w) (homogeneity)',
    ({ H, N, seed: s }) => {
      const rng = seededRng(s);
      const glass = randomSpinGlass(H, N, rng);
      const w = randomSpherePoint(N, rng);
      const { value, gradient } = spinGlassEnergyAndGradient(glass, w);
      const h = spinGlassEuclideanHessian(glass, w);
      let gw = 0;
      let whw = 0;
      for (let i = 0; i < N; i++) {
        gw += gradient[i]! * w[i]!;
        for (let j = 0; j < N; j++) whw += w[i]! * h.data[i * N + j]! * w[j]!;
      }
      const scale = 1e-12 * (1 + Math.abs(value)) * N * H * H;
      expect(Math.abs(gw - H * value)).toBeLessThanOrEqual(scale);
      expect(Math.abs(whw - H * (H - 1) * value)).toBeLessThanOrEqual(scale);
    },
  );

  test('the H = 3 kernels (value, gradient, Hessian) agree with the general-H code and the naive sum at N = 30', () => {
    const rng = seededRng(7);
    const N = 30;
    const couplings = randomCouplings(3, N, rng);
    const glass = spinGlassFromCouplings(3, N, couplings);
    const w = randomSpherePoint(N, rng);
    const naive = spinGlassEnergyNaive(3, N, couplings, w);
    const cubic = cubicValueAndGradient(glass, w, true);
    const general = generalValueAndGradient(glass, w, true);
    const tol = 1e-12 * (1 + Math.abs(naive)) * N;
    expect(Math.abs(cubic.value - naive)).toBeLessThanOrEqual(tol);
    expect(Math.abs(general.value - naive)).toBeLessThanOrEqual(tol);
    expect(maxAbsDiff(cubic.gradient, general.gradient)).toBeLessThanOrEqual(tol);
    expect(maxAbsDiff(cubicHessian(glass, w).data, generalHessian(glass, w).data)).toBeLessThanOrEqual(tol);
  });

  test('rejects malformed couplings with the shapes named', () => {
    expect(() => spinGlassFromCouplings(3, 2, [1, 2, 3])).toThrow(ShapeError);
    expect(() => spinGlassFromCouplings(3, 2, [1, 2, 3])).toThrow(/expected N\^H = 2\^3 = 8/);
    expect(() => spinGlassFromCouplings(1, 2, [1, 2])).toThrow(UserError);
    expect(() => spinGlassFromCouplings(2, 1, [Number.NaN])).toThrow(/coupling 0 is NaN/);
    expect(() => spinGlassEnergy(randomSpinGlass(3, 4, seededRng(1)), new Float64Array(3))).toThrow(
      ShapeError,
    );
  });
});

describe('covariance identity E[L(w)L(w′)] = N·(⟨w,w′⟩/N)^H (seeded Monte Carlo)', () => {
  // Sample mean of L(w)L(w′) over `draws` independent glasses, with its standard error.
  function covariance(
    draw: () => (w: Float64Array) => number,
    w: Float64Array,
    w2: Float64Array,
    draws: number,
  ) {
    let sum = 0;
    let sum2 = 0;
    for (let t = 0; t < draws; t++) {
      const energy = draw();
      const x = energy(w) * energy(w2);
      sum += x;
      sum2 += x * x;
    }
    const mean = sum / draws;
    const se = Math.sqrt((sum2 / draws - mean * mean) / draws);
    return { mean, se };
  }

  test.each([
    [3, 4, 0.6],
    [3, 5, -0.3],
    [2, 6, 0.8],
    [4, 4, 0.5],
  ])(
    'H = %i, N = %i, overlap %f: monomial-form draws within 4.5 standard errors (10⁴ draws)',
    (H, N, overlap) => {
      const rng = seededRng(1000 * H + N);
      // w and w′ on the sphere with ⟨w, w′⟩/N = overlap.
      const a = unit(N, rng);
      let b = unit(N, rng);
      const ab = a.reduce((s, x, i) => s + x * b[i]!, 0);
      b = b.map((x, i) => x - ab * a[i]!);
      const nb = Math.sqrt(b.reduce((s, x) => s + x * x, 0));
      const w = a.map((x) => x * Math.sqrt(N));
      const w2 = a.map(
        (x, i) => (overlap * x + Math.sqrt(1 - overlap * overlap) * (b[i]! / nb)) * Math.sqrt(N),
      );
      const exact = N * overlap ** H;
      const mono = covariance(
        () => {
          const g = randomSpinGlass(H, N, rng);
          return (x) => spinGlassEnergy(g, x);
        },
        w,
        w2,
        10_000,
      );
      expect(Math.abs(mono.mean - exact)).toBeLessThanOrEqual(4.5 * mono.se);
      const raw = covariance(
        () => {
          const g = spinGlassFromCouplings(H, N, randomCouplings(H, N, rng));
          return (x) => spinGlassEnergy(g, x);
        },
        w,
        w2,
        4000,
      );
      expect(Math.abs(raw.mean - exact)).toBeLessThanOrEqual(4.5 * raw.se);
      // Variance on the sphere: E[L(w)²] = N.
      const variance = covariance(
        () => {
          const g = randomSpinGlass(H, N, rng);
          return (x) => spinGlassEnergy(g, x);
        },
        w,
        w,
        10_000,
      );
      expect(Math.abs(variance.mean - N)).toBeLessThanOrEqual(4.5 * variance.se);
    },
  );
});

// The H = 3 kernels are the experiments' hot path and are rearranged for speed (the Hessian accumulates its upper
// triangle only, the draw has no callback) on the promise that every sum keeps its order, so that a main job's
// numbers do not move: these are the plain loops, compared bit for bit.
function oneRowCubic(glass: SpinGlass, w: Float64Array): { value: number; gradient: Float64Array } {
  const { N, coefficients: A } = glass;
  const g = new Float64Array(N);
  let value = 0;
  let m = 0;
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      const wij = w[i]! * w[j]!;
      let s = 0;
      for (let k = j; k < N; k++) {
        const a = A[m++]!;
        s += a * w[k]!;
        g[k]! += a * wij;
      }
      g[i]! += w[j]! * s;
      g[j]! += w[i]! * s;
      value += wij * s;
    }
  }
  const c = spinGlassScale(N, 3);
  for (let i = 0; i < N; i++) g[i]! *= c;
  return { value: c * value, gradient: g };
}

function fullCubicHessian(glass: SpinGlass, w: Float64Array): Float64Array {
  const { N, coefficients: A } = glass;
  const h = new Float64Array(N * N);
  let m = 0;
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      let s = 0;
      for (let k = j; k < N; k++) {
        const a = A[m++]!;
        s += a * w[k]!;
        h[i * N + k]! += a * w[j]!;
        h[k * N + i]! += a * w[j]!;
        h[j * N + k]! += a * w[i]!;
        h[k * N + j]! += a * w[i]!;
      }
      h[i * N + j]! += s;
      h[j * N + i]! += s;
    }
  }
  const c = spinGlassScale(N, 3);
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      const v = 0.5 * (h[i * N + j]! + h[j * N + i]!) * c;
      h[i * N + j] = v;
      h[j * N + i] = v;
    }
  }
  return h;
}

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('the fast H = 3 kernels are the plain loops bit for bit', () => {
  test.prop([fc.integer({ min: 1, max: 13 }), seed], { numRuns: 60 })(
    'draw, value, value and gradient, Hessian',
    (N, s) => {
      const glass = randomSpinGlass(3, N, seededRng(s));
      const rng = seededRng(s);
      const drawn = new Float64Array(monomialCount(N, 3));
      forEachMonomial(N, 3, (idx, m) => {
        drawn[m] = Math.sqrt(orderings(idx)) * rng.normal();
      });
      expect(sameBits(glass.coefficients, drawn)).toBe(true);
      const w = randomSpherePoint(N, seededRng(s + 1));
      const plain = oneRowCubic(glass, w);
      const fast = cubicValueAndGradient(glass, w, true);
      expect(Object.is(fast.value, plain.value)).toBe(true);
      expect(sameBits(fast.gradient, plain.gradient)).toBe(true);
      expect(Object.is(cubicValueAndGradient(glass, w, false).value, plain.value)).toBe(true);
      expect(sameBits(cubicHessian(glass, w).data, fullCubicHessian(glass, w))).toBe(true);
    },
  );
});
