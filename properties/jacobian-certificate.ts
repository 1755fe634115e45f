// The Jacobian certificate (docs/derivations.md#jacobian-certificate, DERIVED, exact): the engine of the "full-rank Jacobian ⇒ global
// minimum" arguments of Karhadkar et al. (arXiv 2305.19510), Nguyen & Hein (2017, arXiv 1704.08045) and Soudry &
// Carmon (2016, arXiv 1605.08361). A linear-algebra fact, checked here against the numeric core.
import fc from 'fast-check';
import { defineClaim } from '../src/claims/index.js';
import { genomeSubject, jacobianCertificate, type NetworkGenome } from '../src/landscape/exact/index.js';
import { subjectModel } from '../src/landscape/index.js';
import { numericalRank, rankIsDecidable } from '../src/linalg/index.js';
import { sources } from './sources.js';

/**
 * Which singular value bounds ‖∇L‖: the theorem's σ_N (N = n·d_y rows), or a false variant for the controls: σ_1
 * (the largest), or σ_rank, the smallest non-zero singular value (numericalRank's cut), which differs from σ_N
 * exactly when rank J < N.
 */
export type SingularChoice = 'sigma-N' | 'sigma-rank' | 'sigma-1';

export interface JacobianGenome extends NetworkGenome {
  readonly singular: SingularChoice;
}

const grid = (length: number) =>
  fc.array(fc.integer({ min: -8, max: 8 }), { minLength: length, maxLength: length });

/**
 * Networks of every activation, depth 1–3, widths `widths`, d_x 1–3, d_y 1–2, n 1–6, bias or not; the point's
 * entries k/4 ∈ [−2, 2] from 96 integers (more than the largest parameter count, so no unit repeats another).
 */
export function networkGenome(options: {
  readonly widths: { min: number; max: number };
  readonly hidden: { min: number; max: number };
  readonly n: { min: number; max: number };
  readonly dy: { min: number; max: number };
}): fc.Arbitrary<NetworkGenome> {
  return fc.record({
    activation: fc.integer({ min: 0, max: 7 }),
    slope: fc.integer({ min: 1, max: 50 }),
    coefficients: grid(3),
    hidden: fc.integer(options.hidden),
    widths: fc.array(fc.integer(options.widths), { minLength: 3, maxLength: 3 }),
    dx: fc.integer({ min: 1, max: 3 }),
    dy: fc.integer(options.dy),
    n: fc.integer(options.n),
    bias: fc.boolean(),
    xs: grid(18),
    ys: grid(12),
    ws: grid(96),
  });
}

function genome(
  singular: SingularChoice,
  shape: Parameters<typeof networkGenome>[0],
): fc.Arbitrary<JacobianGenome> {
  return networkGenome(shape).map((g) => ({ ...g, singular }));
}

const THEOREM_SHAPE = {
  widths: { min: 2, max: 6 },
  hidden: { min: 0, max: 2 },
  n: { min: 1, max: 6 },
  dy: { min: 1, max: 2 },
};

/**
 * A second control: narrow networks (width 1, n·d_y = 10–12 outputs > P parameters, so rank J < N) with σ_N replaced
 * by the smallest non-zero singular value. It fails only where J is well conditioned (≈ 6 % of draws: when
 * σ_1 ≫ σ_rank the top direction alone carries ‖Jᵀr‖), so its test takes a few hundred runs.
 */
export const rankDeficientControl: fc.Arbitrary<JacobianGenome> = genome('sigma-rank', {
  widths: { min: 1, max: 1 },
  hidden: { min: 1, max: 1 },
  n: { min: 5, max: 6 },
  dy: { min: 2, max: 2 },
});

interface Evidence {
  readonly lowerBound: number;
  readonly allowed: number;
  readonly k: number;
}

export const jacobianCertificateClaim = defineClaim<JacobianGenome, Evidence>({
  id: 'jacobian-certificate',
  title:
    'At every point, ‖r‖·σ_N(J) bounds the gradient: a full-row-rank Jacobian at a critical point means zero loss',
  source: sources.karhadkar2023.at(
    'the full-rank Jacobian argument [REC: where stated]; the inequality is DERIVED in docs/derivations.md#jacobian-certificate',
  ),
  statement:
    'For any network (every activation, depth 1–3, with or without bias), any data and any point θ, with ' +
    'r = f(X) − Y ∈ R^N (N = n·d_y), J = ∂r/∂θ ∈ R^{N×P} and L = s‖r‖² (s = ½, so ∇L = 2s·Jᵀr): ' +
    '2s·‖r‖·σ_N(J) ≤ ‖∇L‖, where σ_N is the N-th singular value (0 when P < N). Hence if rank J = N then ' +
    '‖r‖ ≤ ‖∇L‖/(2s·σ_N), and a critical point with full-row-rank J has zero loss. Checked with slack ' +
    "‖∇L‖·1e-10 + 64·max(N, P)·ε·σ_1(J)·2s‖r‖ (the SVD's absolute error); ∇L from backpropagation, J from the " +
    "core's reverse-mode Jacobian (independent code paths).",
  kind: 'theorem',
  expect: 'holds',
  hypotheses: genome('sigma-N', THEOREM_SHAPE),
  budget: { test: 1000, check: 20000 },
  check(g) {
    const model = subjectModel(genomeSubject(g));
    const problem = model.mlp!.problem;
    const rows = problem.n * problem.layout.layerSizes.at(-1)!;
    let k = g.singular === 'sigma-1' ? 1 : rows;
    if (g.singular === 'sigma-rank') {
      const rank = numericalRank(model.mlp!.jacobian(model.theta));
      if (rank.rank === 0 || !rankIsDecidable(rank))
        return { status: 'discard', reason: 'rank of J is 0 or undecidable' };
      k = rank.rank;
    }
    const cert = jacobianCertificate(problem, model.theta, k);
    if (!Number.isFinite(cert.lowerBound) || !Number.isFinite(cert.gradientNorm)) {
      return { status: 'discard', reason: 'non-finite loss or gradient at the generated point' };
    }
    const score = cert.lowerBound / Math.max(cert.allowed, Number.MIN_VALUE);
    if (cert.holds) return { status: 'pass', score };
    return { status: 'fail', evidence: { lowerBound: cert.lowerBound, allowed: cert.allowed, k }, score };
  },
  certify(_g, evidence) {
    return {
      ok: false,
      reason:
        `exact identity failed (no certificate kind for it): 2s‖r‖σ_${evidence.k}(J) = ${evidence.lowerBound} > ` +
        `‖∇L‖(1 + 1e-10) + floor = ${evidence.allowed}`,
    };
  },
  control: {
    description:
      'σ_N replaced by σ_1 (the largest singular value): false unless r lies along the top left singular vector',
    hypotheses: genome('sigma-1', THEOREM_SHAPE),
    expect: 'refuted',
    runs: 40,
  },
});
