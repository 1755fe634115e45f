import fc from 'fast-check';
import { type ExponentialNeuronModel, exponentialNeuronModel } from '../landscape/quadratic/index.js';
import { seededRng } from '../random.js';

/**
 * Hypotheses of lslsr18-one-neuron (Liang, Sun, Lee, Srikant 2018) as a genome of small integers: inputs k/4, a
 * teacher relu network k/4 that labels them (so a zero-loss point exists), the student's width, λ, and the start.
 */
export interface OneNeuronGenome {
  readonly d: number;
  readonly n: number;
  readonly xs: readonly number[];
  /** Teacher relu network of the student's width: (u_j, c_j, v_j) and c_0, entries k/4. */
  readonly teacher: readonly number[];
  readonly width: number;
  /** λ = ONE_NEURON_LAMBDAS[lambda]. */
  readonly lambda: number;
  /** Hidden biases start shifted by −DEAD_SHIFT_STEP·deadShift (dead units make the plain network's bad minima likely). */
  readonly deadShift: number;
  readonly init: number;
  /** With the exponential neuron (the theorem) or without it (the control). */
  readonly neuron: boolean;
}

/** The regularisation weights λ > 0 tried. */
export const ONE_NEURON_LAMBDAS: readonly number[] = [1 / 4, 1 / 2, 1, 2];
/** The polynomial hinge ℓ(z) = max(z + 1, 0)^ONE_NEURON_POWER (convex, C² for p ≥ 3, zero below −1). */
export const ONE_NEURON_POWER = 3;
/** A sample whose teacher output is within this of 0 is on the teacher's boundary (its label is not robust). */
const TEACHER_BOUNDARY_ATOL = 1e-9;
/** Each deadShift step lowers every hidden bias of the start by this much. */
const DEAD_SHIFT_STEP = 1.5;
const XS = 24;
const TEACHER = 16;
const GRID = 8;

export function oneNeuronArb(neuron: boolean): fc.Arbitrary<OneNeuronGenome> {
  return fc.record({
    d: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 3, max: 8 }),
    xs: fc.array(fc.integer({ min: -GRID, max: GRID }), { minLength: XS, maxLength: XS }),
    teacher: fc.array(fc.integer({ min: -GRID, max: GRID }), { minLength: TEACHER, maxLength: TEACHER }),
    width: fc.integer({ min: 1, max: 3 }),
    lambda: fc.integer({ min: 0, max: ONE_NEURON_LAMBDAS.length - 1 }),
    // The control starts every case with low hidden biases, where the plain network's dead units are likely.
    deadShift: fc.integer({ min: neuron ? 0 : 1, max: 2 }),
    init: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    neuron: fc.constant(neuron),
  });
}

/** The law of oneNeuronArb(neuron). */
export function oneNeuronLaw(neuron: boolean): (g: OneNeuronGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    const int = (x: number, lo: number, hi: number) => Number.isInteger(x) && x >= lo && x <= hi;
    if (!int(g.d, 1, 3) || !int(g.n, 3, 8) || !int(g.width, 1, 3)) problems.push('shape out of range');
    if (g.xs.length !== XS || !g.xs.every((k) => int(k, -GRID, GRID))) problems.push('xs off the grid');
    if (g.teacher.length !== TEACHER || !g.teacher.every((k) => int(k, -GRID, GRID)))
      problems.push('teacher off the grid');
    if (!int(g.lambda, 0, ONE_NEURON_LAMBDAS.length - 1)) problems.push(`λ index ${g.lambda}`);
    if (!int(g.deadShift, neuron ? 0 : 1, 2)) problems.push(`deadShift ${g.deadShift}`);
    if (g.neuron !== neuron) problems.push(`neuron ${g.neuron}`);
    return problems;
  };
}

export interface OneNeuronInstance {
  readonly inputs: number[][];
  readonly labels: number[];
  readonly model: ExponentialNeuronModel;
  readonly theta0: Float64Array;
}

/** The instance of a genome, or why it is outside the hypotheses (repeated inputs; a sample on the teacher's boundary). */
export function oneNeuronInstance(g: OneNeuronGenome): OneNeuronInstance | string {
  const { d, n, width: m } = g;
  const inputs = Array.from({ length: n }, (_, i) =>
    Array.from({ length: d }, (_, a) => g.xs[(i * d + a) % XS]! / 4),
  );
  if (new Set(inputs.map((x) => x.join(','))).size < n) return 'repeated inputs';
  const t = (k: number) => g.teacher[k % TEACHER]! / 4;
  const teacher = (x: readonly number[]) => {
    let f = t(m * (d + 2));
    for (let j = 0; j < m; j++) {
      let z = t(j * (d + 2) + d);
      for (let a = 0; a < d; a++) z += t(j * (d + 2) + a) * x[a]!;
      f += t(j * (d + 2) + d + 1) * Math.max(0, z);
    }
    return f;
  };
  const values = inputs.map(teacher);
  // The teacher realises the labels with a positive margin, so a scaled copy of it has zero loss: a global minimum exists.
  if (values.some((f) => Math.abs(f) < TEACHER_BOUNDARY_ATOL))
    return 'a sample on the teacher’s decision boundary';
  const labels = values.map((f) => (f > 0 ? 1 : -1));
  const model = exponentialNeuronModel({
    inputs,
    labels,
    width: m,
    neuron: g.neuron,
    lambda: ONE_NEURON_LAMBDAS[g.lambda]!,
    power: ONE_NEURON_POWER,
  });
  const rng = seededRng(g.init);
  const theta0 = Float64Array.from({ length: model.layout.size }, () => rng.normal());
  for (let j = 0; j < m; j++) theta0[model.layout.c + j]! -= DEAD_SHIFT_STEP * g.deadShift;
  return { inputs, labels, model, theta0 };
}
