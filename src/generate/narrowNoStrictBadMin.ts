import fc from 'fast-check';
import { distinctInputs } from '../landscape/basins/index.js';
import {
  CURVATURE_MARGIN,
  GRID_HALF_WIDTH,
  SPURIOUS_ABS_GAP,
  SPURIOUS_REL_GAP,
  STRICT_EIG_RTOL,
  STRICT_EXAM,
} from '../landscape/index.js';
import type { MlpSubjectJson } from '../landscape/subjectTypes.js';
import { seededRng } from '../random.js';
import { scalarNetworkPoint } from './points.js';

/**
 * Hypotheses of narrow-no-strict-bad-min (Li–Ding–Sun's negative side): a genome of small integers and the subject
 * it stands for. Narrow: a single neuron (width 1 < N) or one hidden layer of width ≤ N − 2; wide (the control):
 * width N + widthOffset ≥ N.
 */

/** Hypotheses as a genome of small integers. */
export interface NarrowGenome {
  /**
   * 0–2: f(x) = σ(w·x), one weight, 1-D, no bias (output weight frozen at 1), the family that finds strict
   * bad minima (three values of four, so it dominates the sample and shrinks to it); 3: one hidden layer of
   * width ≤ N − 2 with biases, every parameter trained (checked too; its minima are rarely strict and bad).
   */
  readonly model: number;
  /** 0: sigmoid, 1: tanh (non-homogeneous: no rescaling symmetry, so pointwise strictness is possible). */
  readonly activation: number;
  readonly n: number;
  /** Network (model 3): hidden width min(width, N − 2); the control (wide) uses N + widthOffset. */
  readonly width: number;
  readonly widthOffset: number;
  /**
   * Single-neuron inputs x_i = sign(xs_i)·(1 + |xs_i|/8)·4^{i − ⌊N/2⌋}: one sample per scale, so each
   * conflicting pair of scales makes a valley of L(w) (Auer–Herbster–Warmuth's blocks); network inputs from gaps/xs.
   */
  readonly xs: readonly number[];
  readonly gaps: readonly number[];
  /** Targets: single neuron [ys_i > 0] ∈ {0, 1}; network ys_i/4. */
  readonly ys: readonly number[];
  /** Start: single neuron w0 = w/4·2^e (besides the grid's valleys); network N(0, (2^e/2)²) weights from the seed. */
  readonly w: number;
  readonly e: number;
  readonly seed: number;
  readonly wide: boolean;
}

/** The genome's arbitrary: narrow (the claim) or wide (width ≥ N, the control); shrinks toward small N and widths. */
export function narrowGenomeArb(wide: boolean): fc.Arbitrary<NarrowGenome> {
  const ints = (length: number, min: number, max: number) =>
    fc.array(fc.integer({ min, max }), { minLength: length, maxLength: length });
  return fc.record({
    model: wide ? fc.constant(3) : fc.integer({ min: 0, max: 3 }),
    activation: fc.integer({ min: 0, max: 1 }),
    n: fc.integer({ min: 3, max: 7 }),
    width: fc.integer({ min: 1, max: 2 }),
    widthOffset: fc.integer({ min: 0, max: 2 }),
    xs: ints(7, -8, 8),
    gaps: ints(7, 1, 4),
    ys: ints(7, -8, 8),
    w: fc.integer({ min: -8, max: 8 }),
    e: fc.integer({ min: -2, max: 3 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    wide: fc.constant(wide),
  });
}

export const NARROW_ACTIVATIONS = [{ name: 'sigmoid' }, { name: 'tanh' }] as const;
/** Single neuron: consecutive inputs are NEURON_SCALE_BASE times apart, one sample per scale (a valley each). */
export const NEURON_SCALE_BASE = 4;
/** Network: hidden width ≤ N − NARROW_DEFICIT, so with the output bias rank [h | 1] ≤ N − 1 < N (no interpolation). */
export const NARROW_DEFICIT = 2;

/**
 * The numbers the claim's statement quotes: these hypotheses' and those of the strict-minimum search that runs on
 * them (searchStrictSpurious: examination radii, strictness and curvature margins, the 1-D grid of the better point,
 * the spurious gap).
 */
export const NARROW_CONSTANTS = {
  NEURON_SCALE_BASE,
  NARROW_DEFICIT,
  STRICT_EIG_RTOL,
  STRICT_EXAM_RADII: STRICT_EXAM.radii,
  CURVATURE_MARGIN,
  BETTER_GRID: [-GRID_HALF_WIDTH, GRID_HALF_WIDTH],
  SPURIOUS_ABS_GAP,
  SPURIOUS_REL_GAP,
} as const;

/** The subject of a genome at its starting point. */
export function narrowSubject(g: NarrowGenome): MlpSubjectJson {
  const activation = NARROW_ACTIVATIONS[g.activation]!;
  if (g.model < 3) {
    return {
      kind: 'mlp',
      network: { layerSizes: [1, 1, 1], activation, bias: false, trainable: [true, false] },
      data: {
        inputs: Array.from({ length: g.n }, (_, i) => [
          (g.xs[i]! < 0 ? -1 : 1) *
            (1 + Math.abs(g.xs[i]!) / 8) *
            NEURON_SCALE_BASE ** (i - Math.floor(g.n / 2)),
        ]),
        targets: Array.from({ length: g.n }, (_, i) => [g.ys[i]! > 0 ? 1 : 0]),
      },
      loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
      point: {
        layers: [
          { weights: [[(g.w / 4) * 2 ** g.e]], biases: null },
          { weights: [[1]], biases: null },
        ],
      },
    };
  }
  const width = g.wide ? g.n + g.widthOffset : Math.min(g.width, g.n - NARROW_DEFICIT);
  const rng = seededRng(g.seed);
  const scale = 2 ** g.e / 2;
  const normal = () => scale * rng.normal();
  return {
    kind: 'mlp',
    network: { layerSizes: [1, width, 1], activation, bias: true },
    data: {
      inputs: distinctInputs(g.gaps, g.xs, g.n, 1),
      targets: Array.from({ length: g.n }, (_, i) => [g.ys[i]! / 4]),
    },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: scalarNetworkPoint(width, normal),
  };
}

/** The hypotheses' law: the problems of a genome (empty: a case the claim, or its control, speaks of). */
export function narrowGenomeLaw(wide: boolean): (g: NarrowGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (g.wide !== wide) problems.push(`wide is ${g.wide}, expected ${wide}`);
    if (!(g.n >= 3 && g.n <= 7)) problems.push(`N = ${g.n} not in 3…7`);
    const subject = narrowSubject(g);
    const n = subject.data.inputs.length;
    const width = subject.network.layerSizes[1]!;
    if (n !== g.n) problems.push(`${n} samples, expected N = ${g.n}`);
    if (wide ? width < n : width >= n) problems.push(`hidden width ${width} ${wide ? '<' : '≥'} N = ${n}`);
    if (width < 1) problems.push('hidden width 0');
    const xs = subject.data.inputs.map((x) => x[0]!);
    if (new Set(xs).size !== xs.length) problems.push('inputs not distinct');
    if (![...xs, ...subject.data.targets.flat()].every(Number.isFinite)) problems.push('a non-finite entry');
    return problems;
  };
}
