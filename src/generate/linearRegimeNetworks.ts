import fc from 'fast-check';
import { distinctInputs, linearRegimePoint } from '../landscape/basins/index.js';
import { type MlpSubjectJson, mlpSubjectAt } from '../landscape/index.js';
import { type ActivationSpec, makeProblem } from '../nn/index.js';
import { type Rng, seededRng } from '../random.js';
import { hasDistinctInputs } from './datasets.js';

/**
 * Hypotheses of the linear-regime constructions (Yun, Sra, Jadbabaie 2019; Ding, Li, Sun 2019):
 * wide-relu-no-bad-local-min (relu, width m ≥ N) and ysj19-small-nonlinearity (relu-like, s₊ ≠ s₋). Genomes of
 * small integers (data values k/4); the point is src/landscape/basins' linearRegimePoint.
 */

/** Entries of the integer grids: k ∈ [−GRID, GRID], value k/4. */
const GRID = 8;
const ints = (length: number) =>
  fc.array(fc.integer({ min: -GRID, max: GRID }), { minLength: length, maxLength: length });
const inGrid = (xs: readonly number[], min = -GRID, max = GRID) =>
  xs.every((x) => Number.isInteger(x) && x >= min && x <= max);

/** The fields both constructions share: data (distinct inputs), the construction's shift and scale, a seed. */
interface LinearRegimeFields {
  readonly d: number;
  readonly n: number;
  readonly gaps: readonly number[];
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Smallest pre-activation of the construction, shift/4 > 0. */
  readonly shift: number;
  /** Scale 2^scale/2 of the random incoming weights of the units that do not reach the output. */
  readonly scale: number;
  readonly seed: number;
}

function sharedProblems(g: LinearRegimeFields, ys: number): string[] {
  const problems: string[] = [];
  if (g.gaps.length !== 6 || !inGrid(g.gaps, 1, 4)) problems.push('gaps out of [1, 4]');
  if (g.xs.length !== 12 || !inGrid(g.xs)) problems.push('xs off the grid');
  if (g.ys.length !== ys || !inGrid(g.ys)) problems.push('ys off the grid');
  if (!inGrid([g.shift], 1, 8) || !inGrid([g.scale], 0, 2)) problems.push('shift or scale out of range');
  return problems;
}

/** The linear-regime point of a network on a genome's data. */
function linearRegimeSubject(
  g: LinearRegimeFields,
  network: { layerSizes: number[]; activation: ActivationSpec; bias: true },
  targets: number[][],
  inputs: number[][],
): MlpSubjectJson {
  const data = { inputs, targets };
  const theta = linearRegimePoint(makeProblem(network, data), {
    shift: g.shift / 4,
    scale: 2 ** g.scale / 2,
    rng: seededRng(g.seed),
  });
  return mlpSubjectAt(network, data, theta);
}

/** Guided hunting: one step of one target. */
function stepTarget<G extends LinearRegimeFields>(g: G, rng: Rng): G {
  const ys = [...g.ys];
  const k = rng.int(0, ys.length - 1);
  ys[k] = Math.max(-GRID, Math.min(GRID, ys[k]! + (rng.uniform() < 0.5 ? -1 : 1)));
  return { ...g, ys };
}

/** wide-relu-no-bad-local-min: a relu network of width m = n + widthOffset ≥ N. */
export interface WideReluGenome extends LinearRegimeFields {
  /** Width m = n + widthOffset ≥ N. */
  readonly widthOffset: number;
  /** Control: targets y = β·x + β0 exactly affine (β from ys), so the linear regime is globally optimal. */
  readonly affineTargets: boolean;
}

/** Largest width offset m − N. */
export const WIDE_RELU_MAX_OFFSET = 3;

export function wideReluArb(affineTargets: boolean): fc.Arbitrary<WideReluGenome> {
  return fc.record({
    d: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 3, max: 6 }),
    widthOffset: fc.integer({ min: 0, max: WIDE_RELU_MAX_OFFSET }),
    gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
    xs: ints(12),
    ys: ints(6),
    shift: fc.integer({ min: 1, max: 8 }),
    scale: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    affineTargets: fc.constant(affineTargets),
  });
}

export function wideReluLaw(affineTargets: boolean): (g: WideReluGenome) => string[] {
  return (g) => {
    const problems = sharedProblems(g, 6);
    if (!(g.d >= 1 && g.d <= 3 && g.n >= 3 && g.n <= 6)) problems.push(`d = ${g.d}, n = ${g.n} out of range`);
    if (!inGrid([g.widthOffset], 0, WIDE_RELU_MAX_OFFSET)) problems.push(`width offset ${g.widthOffset}`);
    if (g.affineTargets !== affineTargets) problems.push(`affineTargets ${g.affineTargets}`);
    return problems;
  };
}

/** The claim's hypotheses on a subject beyond its shape: width m ≥ N and N distinct inputs. */
export function wideReluSubjectProblems(s: MlpSubjectJson): string[] {
  const n = s.data.inputs.length;
  const width = s.network.layerSizes[1]!;
  if (width < n) return [`width ${width} < N = ${n}, expected m ≥ N`];
  return hasDistinctInputs(s.data) ? [] : ['two equal inputs, expected distinct inputs'];
}

/** The network, data and the linear-regime point of a genome. */
export function wideReluSubject(g: WideReluGenome): MlpSubjectJson {
  const inputs = distinctInputs(g.gaps, g.xs, g.n, g.d);
  const targets = inputs.map((x, i) =>
    g.affineTargets
      ? [x.reduce((s, xj, j) => s + xj * (g.ys[j]! / 4), g.ys[5]! / 4)]
      : [g.ys[i % g.ys.length]! / 4],
  );
  const network = {
    layerSizes: [g.d, g.n + g.widthOffset, 1],
    activation: { name: 'relu' as const },
    bias: true as const,
  };
  return linearRegimeSubject(g, network, targets, inputs);
}

export const mutateWideRelu: (g: WideReluGenome, rng: Rng) => WideReluGenome = stepTarget;

/** ysj19-small-nonlinearity: a relu-like network h(t) = t (t ≥ 0), s₋t (t < 0), s₋ = slopes[slope]. */
export interface SmallNonlinearityGenome extends LinearRegimeFields {
  /** s₋ = slopes[slope]; s₊ = 1. */
  readonly slope: number;
  readonly slopes: readonly number[];
  readonly width: number;
}

/** The construction needs a second unit (output weight 0) besides the one carrying the affine fit. */
export const SMALL_NONLINEARITY_MIN_WIDTH = 2;

/** The claim's hypotheses on a subject beyond its shape: relu-like with s₊ ≠ s₋, width ≥ SMALL_NONLINEARITY_MIN_WIDTH. */
export function smallNonlinearitySubjectProblems(s: MlpSubjectJson): string[] {
  const a = s.network.activation;
  if (a.name === 'leaky-relu' && a.slope === 1) return ['slope 1: the activation is linear (s₊ = s₋)'];
  return s.network.layerSizes[1]! >= SMALL_NONLINEARITY_MIN_WIDTH ? [] : ['hidden width below 2'];
}

export function smallNonlinearityArb(slopes: readonly number[]): fc.Arbitrary<SmallNonlinearityGenome> {
  return fc.record({
    // s₋ is what a counterexample is about (e.g. the small nonlinearity 0.9): kept as found (the data shrinks).
    slope: fc.noShrink(fc.integer({ min: 0, max: slopes.length - 1 })),
    slopes: fc.constant(slopes),
    d: fc.integer({ min: 1, max: 2 }),
    n: fc.integer({ min: 4, max: 7 }),
    width: fc.integer({ min: SMALL_NONLINEARITY_MIN_WIDTH, max: 4 }),
    gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
    xs: ints(12),
    ys: ints(7),
    shift: fc.integer({ min: 1, max: 8 }),
    scale: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
}

export function smallNonlinearityLaw(slopes: readonly number[]): (g: SmallNonlinearityGenome) => string[] {
  return (g) => {
    const problems = sharedProblems(g, 7);
    if (
      !(
        g.d >= 1 &&
        g.d <= 2 &&
        g.n >= 4 &&
        g.n <= 7 &&
        g.width >= SMALL_NONLINEARITY_MIN_WIDTH &&
        g.width <= 4
      )
    )
      problems.push(`d = ${g.d}, n = ${g.n}, width ${g.width} out of range`);
    if (g.slopes !== slopes || !(g.slope >= 0 && g.slope < slopes.length)) problems.push(`slope ${g.slope}`);
    return problems;
  };
}

/** The activation of a genome: relu for s₋ = 0, else leaky-relu with slope s₋. */
export function smallNonlinearityActivation(g: SmallNonlinearityGenome): ActivationSpec {
  const s = g.slopes[g.slope]!;
  return s === 0 ? { name: 'relu' } : { name: 'leaky-relu', slope: s };
}

/** The network, data and linear-regime point of a genome. */
export function smallNonlinearitySubject(g: SmallNonlinearityGenome): MlpSubjectJson {
  const inputs = distinctInputs(g.gaps, g.xs, g.n, g.d);
  const targets = inputs.map((_, i) => [g.ys[i % g.ys.length]! / 4]);
  const network = {
    layerSizes: [g.d, g.width, 1],
    activation: smallNonlinearityActivation(g),
    bias: true as const,
  };
  return linearRegimeSubject(g, network, targets, inputs);
}

/** Guided hunting: one step of one target, and now and then another s₋. */
export function mutateSmallNonlinearity(g: SmallNonlinearityGenome, rng: Rng): SmallNonlinearityGenome {
  const stepped = stepTarget(g, rng);
  return { ...stepped, slope: rng.uniform() < 0.3 ? rng.int(0, g.slopes.length - 1) : g.slope };
}
