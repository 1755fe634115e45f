import fc from 'fast-check';
import type { MlpSubjectJson } from '../landscape/index.js';
import { seededRng } from '../random.js';

/**
 * Hypotheses of sjl19-quadratic (Soltanolkotabi, Javanmard, Lee 2019): a quadratic-activation network
 * f(x) = Σ_j v_j (w_jᵀx)² with output weights v fixed at ±1, as a genome of small integers.
 */

/** Hypotheses as a genome of small integers: inputs and targets k/4, widths relative to d, an init seed. */
export interface SjlGenome {
  readonly d: number;
  /** n = min(n, d(d+1)/2). */
  readonly n: number;
  /** Units with v = +1 and v = −1 beyond the minimum (d each; with `positiveOnly` every unit is +1). */
  readonly extraPositive: number;
  readonly extraNegative: number;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly init: number;
  /** The control: every v_j = +1 (k = 2d + extras), outside the theorem (then M ⪰ 0). */
  readonly positiveOnly: boolean;
}

const XS = 40;
const YS = 10;
/** Input dimensions d (inclusive). */
export const SJL_DIMS = [2, 4] as const;
/** Inputs and targets are k/4 with |k| ≤ SJL_GRID. */
export const SJL_GRID = 8;

export function sjlArb(positiveOnly: boolean): fc.Arbitrary<SjlGenome> {
  return fc.record({
    d: fc.integer({ min: SJL_DIMS[0], max: SJL_DIMS[1] }),
    n: fc.integer({ min: 1, max: 10 }),
    extraPositive: fc.integer({ min: 0, max: 2 }),
    extraNegative: fc.integer({ min: 0, max: 2 }),
    xs: fc.array(fc.integer({ min: -SJL_GRID, max: SJL_GRID }), { minLength: XS, maxLength: XS }),
    ys: fc.array(fc.integer({ min: -SJL_GRID, max: SJL_GRID }), { minLength: YS, maxLength: YS }),
    init: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    positiveOnly: fc.constant(positiveOnly),
  });
}

/** The law of sjlArb(positiveOnly). */
export function sjlLaw(positiveOnly: boolean): (g: SjlGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    const int = (x: number, lo: number, hi: number) => Number.isInteger(x) && x >= lo && x <= hi;
    if (!int(g.d, SJL_DIMS[0], SJL_DIMS[1]) || !int(g.n, 1, 10))
      problems.push(`d = ${g.d}, n = ${g.n} out of range`);
    if (!int(g.extraPositive, 0, 2) || !int(g.extraNegative, 0, 2)) problems.push('extra units out of range');
    if (g.xs.length !== XS || !g.xs.every((k) => int(k, -SJL_GRID, SJL_GRID)))
      problems.push('xs off the grid');
    if (g.ys.length !== YS || !g.ys.every((k) => int(k, -SJL_GRID, SJL_GRID)))
      problems.push('ys off the grid');
    if (g.positiveOnly !== positiveOnly) problems.push(`positiveOnly ${g.positiveOnly}`);
    return problems;
  };
}

/**
 * Inputs must be in general position for the quadratic model: σ_min/σ_max of the design Φ (n × d(d+1)/2) at least
 * this. Integer grids produce exactly dependent configurations (then zero loss may be unreachable and the theorem's
 * "generic data" hypothesis fails); 1e-3 also keeps the interpolating M of moderate norm.
 */
export const SJL_GENERIC_RTOL = 1e-3;

/** The theorem's output weights on an archived subject: p ≥ d entries +1 and q ≥ d entries −1, nothing else. */
export function sjlOutputWeightProblems(s: MlpSubjectJson): string[] {
  const d = s.network.layerSizes[0]!;
  const v = s.point.layers[1]?.weights[0] ?? [];
  const p = v.filter((x) => x === 1).length;
  const q = v.filter((x) => x === -1).length;
  return p + q === v.length && p >= d && q >= d
    ? []
    : [`output weights need p ≥ d entries +1 and q ≥ d entries −1 (d = ${d}, p = ${p}, q = ${q})`];
}

export interface SjlInstance {
  readonly inputs: number[][];
  readonly targets: number[];
  readonly v: number[];
  readonly d: number;
  readonly W0: Float64Array;
}

/** The theorem's network on an archived subject (an mlpHypotheses shape): quadratic, no bias, v frozen and signed. */
export const SJL_NETWORK_SHAPE = {
  activations: ['quadratic'],
  bias: false,
  hiddenLayers: [1, 1],
  outputs: 1,
  trained: 'first-only',
  more: sjlOutputWeightProblems,
} as const;

/** Inputs, targets (n ≤ d(d+1)/2), output weights v and the start W_0 ~ N(0, 1/d) of a genome. */
export function sjlInstance(g: SjlGenome): SjlInstance {
  const d = g.d;
  const n = Math.min(g.n, (d * (d + 1)) / 2);
  const inputs = Array.from({ length: n }, (_, i) =>
    Array.from({ length: d }, (_, a) => g.xs[(i * d + a) % XS]! / 4),
  );
  const targets = Array.from({ length: n }, (_, i) => g.ys[i % YS]! / 4);
  const p = d + g.extraPositive;
  const q = d + g.extraNegative;
  const v = g.positiveOnly
    ? Array<number>(p + q).fill(1)
    : [...Array<number>(p).fill(1), ...Array<number>(q).fill(-1)];
  const rng = seededRng(g.init);
  const W0 = Float64Array.from({ length: v.length * d }, () => rng.normal() / Math.sqrt(d));
  return { inputs, targets, v, d, W0 };
}

/** The mlp subject [d, k, 1], quadratic activation, no bias, output layer frozen at v (the archive's form). */
export function sjlSubject(instance: SjlInstance, W: Float64Array): MlpSubjectJson {
  const { d, v } = instance;
  return {
    kind: 'mlp',
    network: {
      layerSizes: [d, v.length, 1],
      activation: { name: 'quadratic' },
      bias: false,
      trainable: [true, false],
    },
    data: { inputs: instance.inputs, targets: instance.targets.map((y) => [y]) },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: [
        {
          weights: Array.from({ length: v.length }, (_, j) => Array.from(W.subarray(j * d, (j + 1) * d))),
          biases: null,
        },
        { weights: [v.slice()], biases: null },
      ],
    },
  };
}
