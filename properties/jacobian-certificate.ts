// The Jacobian certificate (docs/derivations.md#jacobian-certificate, DERIVED, exact): the engine of the "full-rank Jacobian ⇒ global
// minimum" arguments of Karhadkar et al. (arXiv 2305.19510), Nguyen & Hein (2017, arXiv 1704.08045) and Soudry &
// Carmon (2016, arXiv 1605.08361). A linear-algebra fact, checked here against the numeric core.
import { defineClaim } from '../src/claims/index.js';
import {
  JACOBIAN_SHAPE,
  type JacobianGenome,
  jacobianGenomeArb,
  RANK_DEFICIENT_SHAPE,
} from '../src/generate/networkGenomes.js';
import {
  genomeSubject,
  JACOBIAN_CERT_FLOOR_EPS,
  JACOBIAN_CERT_RTOL,
  jacobianCertificate,
} from '../src/landscape/exact/index.js';
import { subjectModel } from '../src/landscape/index.js';
import { decideRank } from '../src/linalg/index.js';
import { sources } from './sources.js';

/** Depths (hidden layers + 1) the statement quotes. */
const DEPTHS = [JACOBIAN_SHAPE.hidden.min + 1, JACOBIAN_SHAPE.hidden.max + 1] as const;

/**
 * A second control: σ_N replaced by the smallest non-zero singular value on rank-deficient J. It fails only where
 * J is well conditioned (≈ 6 % of draws: when σ_1 ≫ σ_rank the top direction alone carries ‖Jᵀr‖), so its test
 * takes a few hundred runs.
 */
export const rankDeficientControl = jacobianGenomeArb('sigma-rank', RANK_DEFICIENT_SHAPE);

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
    `For any network (every activation, depth ${DEPTHS[0]}–${DEPTHS[1]}, with or without bias), any data and any point θ, with ` +
    'r = f(X) − Y ∈ R^N (N = n·d_y), J = ∂r/∂θ ∈ R^{N×P} and L = s‖r‖² (s = ½, so ∇L = 2s·Jᵀr): ' +
    '2s·‖r‖·σ_N(J) ≤ ‖∇L‖, where σ_N is the N-th singular value (0 when P < N). Hence if rank J = N then ' +
    '‖r‖ ≤ ‖∇L‖/(2s·σ_N), and a critical point with full-row-rank J has zero loss. Checked with slack ' +
    `‖∇L‖·${JACOBIAN_CERT_RTOL} + ${JACOBIAN_CERT_FLOOR_EPS}·max(N, P)·ε·σ_1(J)·2s‖r‖ (the SVD's absolute error); ` +
    "∇L from backpropagation, J from the core's reverse-mode Jacobian (independent code paths).",
  constants: { DEPTHS, JACOBIAN_CERT_RTOL, JACOBIAN_CERT_FLOOR_EPS },
  literals: ['2s', '0 when P < N'],
  kind: 'theorem',
  expect: 'holds',
  hypotheses: jacobianGenomeArb('sigma-N', JACOBIAN_SHAPE),
  budget: { test: 1000, check: 20000 },
  check(g) {
    const model = subjectModel(genomeSubject(g));
    const problem = model.mlp!.problem;
    const rows = problem.n * problem.layout.layerSizes.at(-1)!;
    let k = g.singular === 'sigma-1' ? 1 : rows;
    if (g.singular === 'sigma-rank') {
      // numericalRank's rank and decidability, certified without the SVD when J has full rank
      const rank = decideRank(model.mlp!.jacobian(model.theta));
      if (rank.rank === 0 || !rank.decidable)
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
        `‖∇L‖(1 + ${JACOBIAN_CERT_RTOL}) + floor = ${evidence.allowed}`,
    };
  },
  control: {
    description:
      'σ_N replaced by σ_1 (the largest singular value): false unless r lies along the top left singular vector',
    hypotheses: jacobianGenomeArb('sigma-1', JACOBIAN_SHAPE),
    expect: 'refuted',
    runs: 40,
  },
});
