import fc from 'fast-check';
import type { LiftedProblem } from '../landscape/quadratic/index.js';
import { seededRng } from '../random.js';
import { seedArb } from './seeds.js';

/**
 * Hypotheses of the quadratic-activation landscape with weight decay (Du–Lee 2018): f(x) = Σ_j v_j (w_jᵀx)², inputs
 * and targets k/4 (|k| ≤ 8), λ from a short list, ⌈√(2n)⌉ + extra units per sign, W_0 ~ N(0, 1/d) from a seed.
 */
export const DL_SIZES = {
  minDim: 2,
  maxDim: 4,
  maxSamples: 10,
  gridMax: 8,
  gridDenominator: 4,
  maxExtra: 2,
} as const;
/** Weight-decay strengths λ (DlGenome.lambda indexes this list). */
export const DL_LAMBDAS: readonly number[] = [1 / 16, 1 / 8, 1 / 4, 1 / 2, 1];
/** The control draws where rank(M*) ≥ 2 is common: d ≥ 3, n ≥ 6, λ ≤ 1/8 (more samples, weaker decay). */
const DL_CONTROL = { minDim: 3, minSamples: 6, maxLambda: 1 } as const;
const XS = 40;
const YS = 10;

export interface DlGenome {
  readonly d: number;
  readonly n: number;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** λ = DL_LAMBDAS[lambda]. */
  readonly lambda: number;
  /** Mixed output weights (p = q units of ±1, nuclear-norm lifting) or all +1 (trace over M ⪰ 0). */
  readonly mixed: boolean;
  /** Units per sign beyond ⌈√(2n)⌉. */
  readonly extra: number;
  readonly init: number;
  /** The control: one unit (v = +1), below ⌈√(2n)⌉. */
  readonly narrow: boolean;
}

export function dlGenomeArb(narrow: boolean): fc.Arbitrary<DlGenome> {
  const entries = (length: number) =>
    fc.array(fc.integer({ min: -DL_SIZES.gridMax, max: DL_SIZES.gridMax }), {
      minLength: length,
      maxLength: length,
    });
  return fc.record({
    d: fc.integer({ min: narrow ? DL_CONTROL.minDim : DL_SIZES.minDim, max: DL_SIZES.maxDim }),
    n: fc.integer({ min: narrow ? DL_CONTROL.minSamples : 1, max: DL_SIZES.maxSamples }),
    xs: entries(XS),
    ys: entries(YS),
    lambda: fc.integer({ min: 0, max: narrow ? DL_CONTROL.maxLambda : DL_LAMBDAS.length - 1 }),
    mixed: narrow ? fc.constant(false) : fc.boolean(),
    extra: fc.integer({ min: 0, max: DL_SIZES.maxExtra }),
    init: seedArb(),
    narrow: fc.constant(narrow),
  });
}

export interface DlInstance {
  readonly inputs: number[][];
  readonly targets: number[];
  readonly lambda: number;
  readonly v: number[];
  readonly lifted: LiftedProblem;
  readonly W0: Float64Array;
}

/** The genome's problem: data, λ, output weights, the convex lifting and the initial point. */
export function dlInstance(g: DlGenome): DlInstance {
  const { d, n } = g;
  const q = DL_SIZES.gridDenominator;
  const inputs = Array.from({ length: n }, (_, i) =>
    Array.from({ length: d }, (_, a) => g.xs[(i * d + a) % XS]! / q),
  );
  const targets = Array.from({ length: n }, (_, i) => g.ys[i % YS]! / q);
  const lambda = DL_LAMBDAS[g.lambda]!;
  const perSign = Math.ceil(Math.sqrt(2 * n)) + g.extra;
  const v = g.narrow
    ? [1]
    : g.mixed
      ? [...Array<number>(perSign).fill(1), ...Array<number>(perSign).fill(-1)]
      : Array<number>(perSign).fill(1);
  const rng = seededRng(g.init);
  const W0 = Float64Array.from({ length: v.length * d }, () => rng.normal() / Math.sqrt(d));
  const cone: LiftedProblem['cone'] = v.every((x) => x > 0) ? 'psd' : 'symmetric';
  return { inputs, targets, lambda, v, lifted: { inputs, targets, lambda, cone }, W0 };
}

/** The law of dlGenomeArb(narrow): sizes in range, entries on the grid, λ > 0, and enough units unless narrow. */
export function dlGenomeLaw(narrow: boolean): (g: DlGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    const minDim = narrow ? DL_CONTROL.minDim : DL_SIZES.minDim;
    if (g.d < minDim || g.d > DL_SIZES.maxDim || g.n < 1 || g.n > DL_SIZES.maxSamples)
      problems.push(`d ${g.d}, n ${g.n}`);
    if (![...g.xs, ...g.ys].every((k) => Number.isInteger(k) && Math.abs(k) <= DL_SIZES.gridMax))
      problems.push('entries off the grid');
    const instance = dlInstance(g);
    if (!(instance.lambda > 0)) problems.push(`λ = ${instance.lambda}`);
    if (g.narrow !== narrow) problems.push(`narrow ${g.narrow}, expected ${narrow}`);
    const perSign = Math.ceil(Math.sqrt(2 * g.n));
    const plus = instance.v.filter((x) => x > 0).length;
    if (!narrow && plus < perSign) problems.push(`${plus} units of sign + < ⌈√(2n)⌉ = ${perSign}`);
    if (instance.W0.length !== instance.v.length * g.d || !instance.W0.every(Number.isFinite))
      problems.push('bad W_0');
    return problems;
  };
}
