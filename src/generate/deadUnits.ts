import fc from 'fast-check';
import { distinctInputs } from '../landscape/basins/index.js';
import type { MlpSubjectJson } from '../landscape/index.js';
import type { Rng } from '../random.js';

/**
 * Hypotheses of the dead-unit constructions (Swirszcz, Czarnecki, Pascanu 2016): single-relu-no-spurious-min's
 * single neuron and dead-relu-plateau's one-hidden-layer network. Genomes of small integers (values k/4), so
 * shrinks read well and need no context.
 */

/** Entries of the integer grids: k ∈ [−GRID, GRID], value k/4. */
const GRID = 8;
const ints = (length: number, min = -GRID, max = GRID) =>
  fc.array(fc.integer({ min, max }), { minLength: length, maxLength: length });
const inGrid = (xs: readonly number[], min = -GRID, max = GRID) =>
  xs.every((x) => Number.isInteger(x) && x >= min && x <= max);
const clampStep = (x: number, rng: Rng, min = -GRID, max = GRID) =>
  Math.max(min, Math.min(max, x + (rng.uniform() < 0.5 ? -1 : 1)));

/** A single relu neuron f(x) = relu(w·x + b): data, starting point (w, b) = (ws, bs)/4, a restart seed. */
export interface SingleNeuronGenome {
  readonly d: number;
  readonly n: number;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** The starting point: w = ws/4, b = bs/4. */
  readonly ws: readonly number[];
  readonly bs: number;
  /** Seed of the restarts that look for a better point. */
  readonly restarts: number;
}

/** Input entries kept by a single-neuron genome (n ≤ 8 samples of d ≤ 3 entries). */
const SINGLE_XS = 24;
/** Target entries (one per sample, n ≤ 8). */
const SINGLE_YS = 8;

/** Target ranges: any sign (the claim), or y ≤ 0 (the control: f ≡ 0 is then globally optimal). */
export const SINGLE_NEURON_TARGETS = { any: { min: -GRID, max: GRID }, nonPositive: { min: -GRID, max: 0 } };

/** The arbitrary of a single neuron with targets k/4, k in `targets`. */
export function singleNeuronArb(targets: { min: number; max: number }): fc.Arbitrary<SingleNeuronGenome> {
  return fc.record({
    d: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 2, max: 8 }),
    xs: ints(SINGLE_XS),
    ys: fc.array(fc.integer(targets), { minLength: SINGLE_YS, maxLength: SINGLE_YS }),
    ws: ints(3),
    bs: fc.integer({ min: -GRID, max: GRID }),
    restarts: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
}

/** The law of singleNeuronArb(targets): the problems of a genome (empty: within the hypotheses). */
export function singleNeuronLaw(targets: { min: number; max: number }): (g: SingleNeuronGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!(g.d >= 1 && g.d <= 3 && g.n >= 2 && g.n <= 8)) problems.push(`d = ${g.d}, n = ${g.n} out of range`);
    if (g.xs.length !== SINGLE_XS || !inGrid(g.xs)) problems.push('xs off the grid');
    if (g.ys.length !== SINGLE_YS || !inGrid(g.ys, targets.min, targets.max))
      problems.push('ys out of range');
    if (g.ws.length !== 3 || !inGrid([...g.ws, g.bs])) problems.push('(w, b) off the grid');
    return problems;
  };
}

/** f(x) = relu(w·x + b) as an mlp [d, 1, 1] whose output layer (weight 1, bias 0) is frozen. */
export function singleNeuronSubject(g: SingleNeuronGenome): MlpSubjectJson {
  const inputs = Array.from({ length: g.n }, (_, i) =>
    Array.from({ length: g.d }, (_, j) => g.xs[(i * g.d + j) % SINGLE_XS]! / 4),
  );
  const targets = Array.from({ length: g.n }, (_, i) => [g.ys[i % SINGLE_YS]! / 4]);
  return {
    kind: 'mlp',
    network: { layerSizes: [g.d, 1, 1], activation: { name: 'relu' }, bias: true, trainable: [true, false] },
    data: { inputs, targets },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: [
        { weights: [Array.from({ length: g.d }, (_, j) => g.ws[j % 3]! / 4)], biases: [g.bs / 4] },
        { weights: [[1]], biases: [0] },
      ],
    },
  };
}

/** Guided hunting: one step of one coordinate of (w, b). */
export function mutateSingleNeuron(g: SingleNeuronGenome, rng: Rng): SingleNeuronGenome {
  const ws = [...g.ws];
  const k = rng.int(0, 3);
  if (k < 3) ws[k] = clampStep(ws[k]!, rng);
  return { ...g, ws, bs: k === 3 ? clampStep(g.bs, rng) : g.bs };
}

/** f(x) = Σ_j v_j relu(w_j·x + b_j) + c, every parameter trained, started where the units are likely dead. */
export interface DeadReluGenome {
  readonly d: number;
  readonly n: number;
  readonly width: number;
  readonly gaps: readonly number[];
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Incoming weights ws/4, biases bs/4 − shift/2, output weights vs/4, output bias c/4. */
  readonly ws: readonly number[];
  readonly bs: readonly number[];
  readonly shift: number;
  readonly vs: readonly number[];
  readonly c: number;
  readonly seed: number;
  /** Control: every target equal (ys[0]/4), so the plateau is the global minimum. */
  readonly constantTargets: boolean;
}

/** Largest bias shift (biases bs/4 − shift/2). */
const MAX_SHIFT = 16;

/** The arbitrary of the dead-unit network; `constantTargets`: the control. */
export function deadReluArb(constantTargets: boolean): fc.Arbitrary<DeadReluGenome> {
  return fc.record({
    d: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 2, max: 6 }),
    width: fc.integer({ min: 1, max: 4 }),
    gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
    xs: ints(12),
    ys: ints(6),
    ws: ints(12),
    bs: ints(4),
    shift: fc.integer({ min: 0, max: MAX_SHIFT }),
    vs: ints(4),
    c: fc.integer({ min: -GRID, max: GRID }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    constantTargets: fc.constant(constantTargets),
  });
}

/** The law of deadReluArb(constantTargets). */
export function deadReluLaw(constantTargets: boolean): (g: DeadReluGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!(g.d >= 1 && g.d <= 3 && g.n >= 2 && g.n <= 6 && g.width >= 1 && g.width <= 4))
      problems.push(`d = ${g.d}, n = ${g.n}, width ${g.width} out of range`);
    if (g.gaps.length !== 6 || !inGrid(g.gaps, 1, 4)) problems.push('gaps out of [1, 4]');
    for (const [name, xs, length] of [
      ['xs', g.xs, 12],
      ['ys', g.ys, 6],
      ['ws', g.ws, 12],
      ['bs', g.bs, 4],
      ['vs', g.vs, 4],
    ] as const)
      if (xs.length !== length || !inGrid(xs)) problems.push(`${name} off the grid`);
    if (!inGrid([g.shift], 0, MAX_SHIFT) || !inGrid([g.c])) problems.push('shift or c out of range');
    if (g.constantTargets !== constantTargets) problems.push(`constantTargets ${g.constantTargets}`);
    return problems;
  };
}

/** The network, data and starting point of a dead-unit genome. */
export function deadReluSubject(g: DeadReluGenome): MlpSubjectJson {
  const inputs = distinctInputs(g.gaps, g.xs, g.n, g.d);
  const targets = Array.from({ length: g.n }, (_, i) => [
    (g.constantTargets ? g.ys[0]! : g.ys[i % g.ys.length]!) / 4,
  ]);
  return {
    kind: 'mlp',
    network: { layerSizes: [g.d, g.width, 1], activation: { name: 'relu' }, bias: true },
    data: { inputs, targets },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: [
        {
          weights: Array.from({ length: g.width }, (_, j) =>
            Array.from({ length: g.d }, (_, k) => g.ws[(j * g.d + k) % g.ws.length]! / 4),
          ),
          biases: Array.from({ length: g.width }, (_, j) => g.bs[j % g.bs.length]! / 4 - g.shift / 2),
        },
        {
          weights: [Array.from({ length: g.width }, (_, j) => g.vs[j % g.vs.length]! / 4)],
          biases: [g.c / 4],
        },
      ],
    },
  };
}

/** Guided hunting: one step of one bias and of the shift. */
export function mutateDeadRelu(g: DeadReluGenome, rng: Rng): DeadReluGenome {
  const bs = [...g.bs];
  const k = rng.int(0, bs.length - 1);
  bs[k] = clampStep(bs[k]!, rng);
  return { ...g, bs, shift: Math.max(0, Math.min(MAX_SHIFT, g.shift + rng.int(-1, 1))) };
}
