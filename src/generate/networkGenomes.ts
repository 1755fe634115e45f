import fc from 'fast-check';
import type { NetworkGenome } from '../landscape/exact/index.js';

/**
 * Hypotheses over whole networks as a flat genome (src/landscape/exact's NetworkGenome, turned into a subject by
 * genomeSubject): every activation, depth 1–3, hidden widths, d_x 1–3, d_y, n, bias or not, and the point's entries
 * k/4 ∈ [−2, 2] from 96 integers (more than the largest parameter count, so no unit repeats another).
 */
export const NETWORK_GENOME = {
  gridMax: 8,
  gridDenominator: 4,
  maxInputDim: 3,
  points: 96,
  inputs: 18,
  targets: 12,
} as const;

/** The shape a genome family draws from (inclusive ranges). */
export interface NetworkGenomeShape {
  readonly widths: { readonly min: number; readonly max: number };
  readonly hidden: { readonly min: number; readonly max: number };
  readonly n: { readonly min: number; readonly max: number };
  readonly dy: { readonly min: number; readonly max: number };
}

const grid = (length: number) =>
  fc.array(fc.integer({ min: -NETWORK_GENOME.gridMax, max: NETWORK_GENOME.gridMax }), {
    minLength: length,
    maxLength: length,
  });

export function networkGenomeArb(shape: NetworkGenomeShape): fc.Arbitrary<NetworkGenome> {
  return fc.record({
    activation: fc.integer({ min: 0, max: 7 }),
    slope: fc.integer({ min: 1, max: 50 }),
    coefficients: grid(3),
    hidden: fc.integer(shape.hidden),
    widths: fc.array(fc.integer(shape.widths), { minLength: 3, maxLength: 3 }),
    dx: fc.integer({ min: 1, max: NETWORK_GENOME.maxInputDim }),
    dy: fc.integer(shape.dy),
    n: fc.integer(shape.n),
    bias: fc.boolean(),
    xs: grid(NETWORK_GENOME.inputs),
    ys: grid(NETWORK_GENOME.targets),
    ws: grid(NETWORK_GENOME.points),
  });
}

const inRange = (x: number, r: { min: number; max: number }) =>
  Number.isInteger(x) && x >= r.min && x <= r.max;
const onGrid = (xs: readonly number[], length: number) =>
  xs.length === length && xs.every((x) => Number.isInteger(x) && Math.abs(x) <= NETWORK_GENOME.gridMax);

/** The law of networkGenomeArb(shape): the problems of a genome (empty: it is one the family speaks of). */
export function networkGenomeLaw(shape: NetworkGenomeShape): (g: NetworkGenome) => string[] {
  return (g) => {
    const problems: string[] = [];
    if (!inRange(g.hidden, shape.hidden)) problems.push(`hidden ${g.hidden}`);
    if (g.widths.length !== 3 || !g.widths.every((w) => inRange(w, shape.widths)))
      problems.push(`widths ${g.widths}`);
    if (!inRange(g.n, shape.n) || !inRange(g.dy, shape.dy)) problems.push(`n ${g.n}, d_y ${g.dy}`);
    if (!inRange(g.dx, { min: 1, max: NETWORK_GENOME.maxInputDim })) problems.push(`d_x ${g.dx}`);
    if (!inRange(g.activation, { min: 0, max: 7 }) || !inRange(g.slope, { min: 1, max: 50 }))
      problems.push(`activation ${g.activation}, slope ${g.slope}`);
    if (
      !onGrid(g.coefficients, 3) ||
      !onGrid(g.xs, NETWORK_GENOME.inputs) ||
      !onGrid(g.ys, NETWORK_GENOME.targets)
    )
      problems.push('data or coefficients off the grid');
    if (!onGrid(g.ws, NETWORK_GENOME.points)) problems.push('point entries off the grid');
    return problems;
  };
}

/**
 * Which singular value bounds ‖∇L‖ in the Jacobian certificate: the theorem's σ_N (N = n·d_y rows), or a false
 * variant for the controls: σ_1 (the largest), or σ_rank, the smallest non-zero singular value (numericalRank's
 * cut), which differs from σ_N exactly when rank J < N.
 */
export type SingularChoice = 'sigma-N' | 'sigma-rank' | 'sigma-1';

export interface JacobianGenome extends NetworkGenome {
  readonly singular: SingularChoice;
}

/** The Jacobian certificate's networks: depth 1–3, widths 2–6, n 1–6, d_y 1–2. */
export const JACOBIAN_SHAPE: NetworkGenomeShape = {
  widths: { min: 2, max: 6 },
  hidden: { min: 0, max: 2 },
  n: { min: 1, max: 6 },
  dy: { min: 1, max: 2 },
};

/** Narrow networks (width 1, n·d_y = 10–12 outputs > P parameters, so rank J < N): the rank-deficient control. */
export const RANK_DEFICIENT_SHAPE: NetworkGenomeShape = {
  widths: { min: 1, max: 1 },
  hidden: { min: 1, max: 1 },
  n: { min: 5, max: 6 },
  dy: { min: 2, max: 2 },
};

export function jacobianGenomeArb(
  singular: SingularChoice,
  shape: NetworkGenomeShape,
): fc.Arbitrary<JacobianGenome> {
  return networkGenomeArb(shape).map((g) => ({ ...g, singular }));
}
