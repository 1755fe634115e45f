/**
 * The benchmark cases: each builds its inputs from the shared data law (law.ts), then times one
 * function. Sizes and laws are mirrored exactly in bench/numpy_cases.py.
 */
import { dense, numericalRank, singularValues, symmetricEigenvalues } from '../src/linalg/index.js';
import { hessian, jacobian, lossAndGradient, makeProblem, type NetworkSpec } from '../src/nn/index.js';
import { lawArray, lawStream } from './law.js';
import { phaseTransitionCase } from './phase_transition.js';

/** What a case reports besides its time: a few numbers both sides must agree on. */
export type CaseCheck = Readonly<Record<string, number>>;

export interface BenchCase {
  readonly name: string;
  readonly size: string;
  /** Target for the ratio ours/numpy (the goals), or null. */
  readonly target: number | null;
  readonly warmup: number;
  readonly repeats: number;
  /** Builds the inputs (untimed) and returns the timed thunk. */
  readonly setup: () => () => CaseCheck;
}

/**
 * Two-layer network d → m → 1 with bias; X (n×d), Y (n×1), then θ uniform in (−0.5, 0.5), all from one
 * stream of the law.
 */
function twoLayer(seed: number, n: number, d: number, m: number, act: 'relu' | 'tanh') {
  const next = lawStream(seed);
  const X = lawArray(next, n * d);
  const Y = lawArray(next, n);
  const net: NetworkSpec = { layerSizes: [d, m, 1], activation: { name: act }, bias: true };
  const rows = (a: Float64Array, cols: number) =>
    Array.from({ length: a.length / cols }, (_, i) => Array.from(a.subarray(i * cols, (i + 1) * cols)));
  const problem = makeProblem(net, { inputs: rows(X, d), targets: rows(Y, 1) });
  const theta = lawArray(next, problem.layout.size, 0.5);
  return { problem, theta };
}

export const CASES: readonly BenchCase[] = [
  {
    name: 'gradient',
    size: 'relu n=256 d=16 m=64',
    target: 1.0,
    warmup: 200,
    repeats: 301,
    setup: () => {
      const { problem, theta } = twoLayer(1, 256, 16, 64, 'relu');
      return () => {
        const { loss, gradient } = lossAndGradient(problem, theta);
        return { loss, gradientSum: gradient.reduce((s, g) => s + g, 0) };
      };
    },
  },
  {
    name: 'jacobian-rank',
    size: 'relu n=64 d=8 m=32 (J 64×321)',
    target: 2.0,
    warmup: 50,
    repeats: 101,
    setup: () => {
      const { problem, theta } = twoLayer(2, 64, 8, 32, 'relu');
      return () => {
        const r = numericalRank(jacobian(problem, theta));
        return { rank: r.rank, sigmaMax: r.singularValues[0]! };
      };
    },
  },
  {
    name: 'hessian-eigs',
    size: 'tanh n=64 d=8 m=32 (H 321×321)',
    target: 3.0,
    warmup: 10,
    repeats: 31,
    setup: () => {
      const { problem, theta } = twoLayer(3, 64, 8, 32, 'tanh');
      return () => {
        const ev = symmetricEigenvalues(hessian(problem, theta));
        return { lambdaMin: ev[0]!, lambdaMax: ev[ev.length - 1]! };
      };
    },
  },
  {
    name: 'svd-64x321',
    size: 'singular values of 64×321',
    target: 2.0,
    warmup: 50,
    repeats: 101,
    setup: () => {
      const a = dense(64, 321, lawArray(lawStream(4), 64 * 321));
      return () => {
        const s = singularValues(a);
        return { sigmaMax: s[0]!, sigmaMin: s[s.length - 1]! };
      };
    },
  },
  {
    name: 'eigvalsh-320',
    size: 'eigenvalues of symmetric 320×320',
    target: 3.0,
    warmup: 10,
    repeats: 31,
    setup: () => {
      const n = 320;
      const raw = lawArray(lawStream(5), n * n);
      const a = dense(n, n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) a.data[i * n + j] = 0.5 * (raw[i * n + j]! + raw[j * n + i]!);
      return () => {
        const ev = symmetricEigenvalues(a);
        return { lambdaMin: ev[0]!, lambdaMax: ev[n - 1]! };
      };
    },
  },
  phaseTransitionCase,
];

/** Runs one case in this process: warm-up, then the median of `repeats` timed calls. */
export function runCase(c: BenchCase): { name: string; size: string; ms: number; check: CaseCheck } {
  const thunk = c.setup();
  let check: CaseCheck = {};
  for (let i = 0; i < c.warmup; i++) check = thunk();
  const times: number[] = [];
  for (let i = 0; i < c.repeats; i++) {
    const t0 = performance.now();
    check = thunk();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return { name: c.name, size: c.size, ms: times[Math.floor(times.length / 2)]!, check };
}
