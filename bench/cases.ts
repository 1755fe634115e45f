/**
 * The benchmark cases: each builds its inputs from the shared data law (law.ts), then times one
 * function. Sizes and laws are mirrored exactly in bench/numpy_cases.py.
 */
import {
  decideRank,
  dense,
  numericalRank,
  singularValues,
  symmetricEigenvalues,
} from '../src/linalg/index.js';
import { hessian, jacobian, lossAndGradient, makeProblem, type NetworkSpec } from '../src/nn/index.js';
import { lawArray, lawStream } from './law.js';
import { phaseTransitionCase } from './phase_transition.js';

/** What a case reports besides its time: a few numbers both sides must agree on. */
export type CaseCheck = Readonly<Record<string, number>>;

export interface BenchCase {
  readonly name: string;
  readonly size: string;
  /** Target for the median ratio ours/numpy (issue 15's goals), or null. */
  readonly target: number | null;
  /** Untimed calls before the first batch (JIT and caches warm on both sides). */
  readonly warmup: number;
  /** Timed calls per batch; a batch reports their median. */
  readonly batch: number;
  /** Batches per side, interleaved ours, numpy, ours, numpy, …: one ratio per pair. */
  readonly pairs: number;
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

/**
 * Warm-up calls of the two Jacobian cases. Each call allocates a fresh 164 KB J, whose backing store comes from the
 * C allocator: until the first garbage collection frees some (after about 170 calls, on external-memory pressure),
 * every one is a new mmap that faults its pages in, and the Jacobian build took 0.7–1.0 ms instead of 0.065
 * (measured with --trace-gc, load 10). With 50 warm-up calls about half of the timed pairs fell in that start-up
 * phase (pair ratios bimodal, 0.45 and 1.5); 400 reach the steady state a long-running check is in.
 */
const JACOBIAN_WARMUP = 400;

export const CASES: readonly BenchCase[] = [
  {
    name: 'gradient',
    size: 'relu n=256 d=16 m=64',
    target: 0.8,
    warmup: 200,
    batch: 25,
    pairs: 15,
    setup: () => {
      const { problem, theta } = twoLayer(1, 256, 16, 64, 'relu');
      return () => {
        const { loss, gradient } = lossAndGradient(problem, theta);
        return { loss, gradientSum: gradient.reduce((s, g) => s + g, 0) };
      };
    },
  },
  {
    // The rank as the claims that need only a rank decide it (jacobian-certificate, km-block-partition-fullrank,
    // km-independent-inputs-rank): decideRank, numericalRank's answer certified by the Gram test at full rank
    // (docs/derivations.md#certified-full-rank). numpy's twin runs the SVD (matrix_rank).
    name: 'jacobian-rank',
    size: 'relu n=64 d=8 m=32 (J 64×321, decideRank)',
    target: 1.0,
    warmup: JACOBIAN_WARMUP,
    batch: 15,
    pairs: 15,
    setup: () => {
      const { problem, theta } = twoLayer(2, 64, 8, 32, 'relu');
      return () => ({ rank: decideRank(jacobian(problem, theta)).rank });
    },
  },
  {
    // The same rank with all the singular values (numericalRank: the SVD), as inspect and the certificates use it.
    name: 'jacobian-svd-rank',
    size: 'relu n=64 d=8 m=32 (J 64×321, numericalRank)',
    target: null,
    warmup: JACOBIAN_WARMUP,
    batch: 15,
    pairs: 15,
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
    target: 1.5,
    warmup: 10,
    batch: 3,
    pairs: 15,
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
    batch: 15,
    pairs: 15,
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
    target: 2.0,
    warmup: 10,
    batch: 5,
    pairs: 15,
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

/** Times `repeats` calls of a case's thunk; returns their median (ms) and the last call's check numbers. */
export function timeBatch(thunk: () => CaseCheck, repeats: number): { ms: number; check: CaseCheck } {
  let check: CaseCheck = {};
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    check = thunk();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return { ms: times[Math.floor(times.length / 2)]!, check };
}
