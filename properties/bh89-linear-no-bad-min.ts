// Baldi & Hornik (1989), "Neural networks and principal component analysis: learning from examples without
// local minima", Neural Networks 2(1):53–58, Fact 4 and the Theorem of §3 [REC numbering]. Hypotheses as
// stated there; see `statement`.
import fc from 'fast-check';
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  closedFormFailure,
  descendToCritical,
  layersToPoint,
  linearCriticalPoints,
  linearHypotheses,
  linearSpuriousMinimumCertificate,
  matchesCriticalValue,
} from '../src/landscape/exact/index.js';
import { isSpuriousGap, type MlpSubjectJson, subjectModel } from '../src/landscape/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** Hypotheses as a genome of small integers (readable shrinks; fast-check shrinks them without context). */
export interface LinearProblemGenome {
  readonly dx: number;
  readonly dy: number;
  readonly p: number;
  readonly n: number;
  /** Inputs and targets: integers k, value k/4; only the first n·dx (n·dy) are used. */
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Seed of the random initialisation (entries N(0, 0.5²)). */
  readonly init: number;
  readonly activation: 'identity' | 'relu';
}

const MAX = 64;
const ints = fc.array(fc.integer({ min: -8, max: 8 }), { minLength: MAX, maxLength: MAX });

function genome(activation: LinearProblemGenome['activation']): fc.Arbitrary<LinearProblemGenome> {
  return fc.record({
    dx: fc.integer({ min: 2, max: 4 }),
    dy: fc.integer({ min: 2, max: 4 }),
    p: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 5, max: 10 }),
    xs: ints,
    ys: ints,
    init: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    activation: fc.constant(activation),
  });
}

/** The subject of a genome at its initial point, or null when the genome breaks the hypotheses' shape rules. */
export function linearSubject(g: LinearProblemGenome): MlpSubjectJson | null {
  const p = Math.min(g.p, Math.min(g.dx, g.dy) - 1);
  if (p < 1 || g.n < g.dx + 1) return null;
  const inputs = Array.from({ length: g.n }, (_, i) =>
    Array.from({ length: g.dx }, (_, j) => g.xs[(i * g.dx + j) % MAX]! / 4),
  );
  const targets = Array.from({ length: g.n }, (_, i) =>
    Array.from({ length: g.dy }, (_, j) => g.ys[(i * g.dy + j) % MAX]! / 4),
  );
  const rng = seededRng(g.init);
  const layer = (rows: number, cols: number) =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => 0.5 * rng.normal()));
  return {
    kind: 'mlp',
    network: { layerSizes: [g.dx, p, g.dy], activation: { name: g.activation }, bias: false },
    data: { inputs, targets },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: [
        { weights: layer(p, g.dx), biases: null },
        { weights: layer(g.dy, p), biases: null },
      ],
    },
  };
}

/** What failed: a spurious local minimum (certifiable), or an exact fact of the closed form (not certifiable). */
interface Evidence {
  readonly kind: 'spurious-minimum' | 'closed-form';
  readonly theta: number[];
  readonly detail: string;
}

/** Perturbation search of the examination at the optimiser's endpoint (cheap: the Hessian decides here). */
const RADII = [1e-3, 1e-5];
const TRIALS = 60;

export const bh89LinearNoBadMin = defineClaim<LinearProblemGenome, Evidence>({
  id: 'bh89-linear-no-bad-min',
  title: 'Every local minimum of a one-hidden-layer linear network with squared loss is global',
  source: sources.baldiHornik1989.at('§3, Theorem (critical points of L(A,B)) [REC numbering]'),
  statement:
    'f(x) = A·B·x with A ∈ R^{d_y×p}, B ∈ R^{p×d_x}, p < min(d_x, d_y), no bias, L(A,B) = ½‖Y − X(AB)ᵀ‖²_F over n samples. ' +
    'Hypotheses: Σ_XX = XᵀX invertible and Σ = Σ_YX Σ_XX⁻¹ Σ_XY has distinct eigenvalues λ_1 > … > λ_{d_y} ' +
    '(consecutive gaps > 1e-3·max(1, λ_1); closer draws are discarded). ' +
    'Claims: (i) for every index set I of ≤ p eigenvectors u_i of Σ, (A, B) = (U_I, U_Iᵀ Σ_YX Σ_XX⁻¹) (zero-padded) is a ' +
    'critical point with L = ½(tr Σ_YY − Σ_{i∈I} λ_i); (ii) every such point other than the top-p one has a negative ' +
    'Hessian eigenvalue (a strict saddle), the top-p one a positive semidefinite Hessian; (iii) every critical point ' +
    'has one of these values, and every local minimum has L* = ½(tr Σ_YY − Σ_{i≤p} λ_i), the global minimum. ' +
    'Check: (i)–(ii) on all index sets, exactly (values to 1e-8 relative, ‖∇L‖ ≤ 1e-8·scale, eigenvalues beyond ' +
    '1e-7·|λ|_max); (iii) L-BFGS from a random start, Newton-polished to ‖∇L‖ ≤ 1e-12(1+L), value to 1e-8 relative of a ' +
    'critical value, examined on the quotient by GL(p) (Hessian on the complement of the p² symmetry directions, random ' +
    'perturbations); a local minimum above L* by max(1e-6, 1e-4·L*) is a certified counterexample.',
  kind: 'theorem',
  expect: 'holds',
  hypotheses: genome('identity'),
  budget: { test: 60, check: 1000 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses({
      activations: ['identity'],
      bias: false,
      hiddenLayers: [1, 1],
      trained: 'all',
      more: (s) => {
        const [dx, p, dy] = s.network.layerSizes as [number, number, number];
        if (!(p < Math.min(dx, dy))) return [`p = ${p}, expected p < min(d_x, d_y) = ${Math.min(dx, dy)}`];
        const hyp = linearHypotheses(s);
        return hyp.ok ? [] : [hyp.reason];
      },
    }),
  },
  check(g) {
    const subject = linearSubject(g);
    if (subject === null) return { status: 'discard', reason: 'shape outside the hypotheses' };
    const hyp = linearHypotheses(subject);
    if (!hyp.ok) return { status: 'discard', reason: hyp.reason };
    const closed = hyp.closed;
    const s = subject.loss.scale;
    const model = subjectModel(subject);
    if (subject.network.activation.name === 'identity') {
      for (const point of linearCriticalPoints(subject, closed)) {
        const failure = closedFormFailure(point, closed, s);
        if (failure !== null) {
          const theta = Array.from(model.fromPoint(layersToPoint(point.layers)));
          return {
            status: 'fail',
            evidence: {
              kind: failure.what === 'no-negative-curvature' ? 'spurious-minimum' : 'closed-form',
              theta,
              detail: failure.detail,
            },
          };
        }
      }
    }
    const result = descendToCritical(model.objective, model.theta, seededRng(g.init + 1), {
      radii: RADII,
      trials: TRIALS,
    });
    if (result.exam === null)
      return { status: 'inconclusive', reason: `optimiser: ${result.optimized.reason}` };
    const value = result.exam.value;
    const score = (value - closed.globalLoss) / (1 + Math.abs(closed.globalLoss));
    const c = result.exam.classification;
    const theta = Array.from(result.theta);
    if (c === 'not-critical')
      return { status: 'inconclusive', reason: 'endpoint not critical after polishing', score };
    if (subject.network.activation.name === 'identity') {
      const values = closed.indexSets().map((I) => closed.criticalValue(I));
      if (!values.some((v) => matchesCriticalValue(value, v))) {
        const detail = `critical point with L = ${value}, none of the closed-form critical values ${values.join(', ')}`;
        return { status: 'fail', evidence: { kind: 'closed-form', theta, detail }, score };
      }
    }
    if (c === 'saddle' || matchesCriticalValue(value, closed.globalLoss)) return { status: 'pass', score };
    if (!isSpuriousGap(value, closed.globalLoss))
      return { status: 'inconclusive', reason: 'local minimum just above L*', score };
    if (c === 'degenerate')
      return { status: 'inconclusive', reason: 'degenerate critical point above the global value', score };
    return {
      status: 'fail',
      evidence: {
        kind: 'spurious-minimum',
        theta,
        detail: `${c} at L = ${value} > L* = ${closed.globalLoss}`,
      },
      score,
    };
  },
  certify(g, evidence) {
    if (evidence.kind !== 'spurious-minimum') {
      return {
        ok: false,
        reason: `exact closed-form fact failed (no certificate kind for it): ${evidence.detail}`,
      };
    }
    const subject = linearSubject(g);
    if (subject === null) return { ok: false, reason: 'shape outside the hypotheses' };
    const hyp = linearHypotheses(subject);
    if (!hyp.ok) return { ok: false, reason: hyp.reason };
    const built = linearSpuriousMinimumCertificate(subject, hyp.closed, evidence.theta, g.init + 2);
    if (!built.ok) return { ok: false, reason: `${built.reason} (${evidence.detail})` };
    return { ok: true, value: { subject: built.subject, certificate: built.certificate } };
  },
  control: {
    description:
      'relu instead of identity (outside the hypotheses): dead units give local minima above the linear optimum',
    hypotheses: genome('relu'),
    expect: 'refuted',
    runs: 60,
  },
});
