// Kawaguchi (2016), "Deep Learning without Poor Local Minima", NeurIPS 2016 (arXiv 1605.07110), Theorem 2.3
// [REC numbering; statement as widely restated]. Hypotheses as stated there; see `statement`.
import fc from 'fast-check';
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  descendToCritical,
  linearHypotheses,
  linearSpuriousMinimumCertificate,
  matchesCriticalValue,
  ORIGIN_EIG_RTOL,
  ORIGIN_ZERO_RTOL,
  originCurvature,
} from '../src/landscape/exact/index.js';
import { examinePoint, isSpuriousGap, type MlpSubjectJson, subjectModel } from '../src/landscape/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** Hypotheses as a genome of small integers (readable shrinks; fast-check shrinks them without context). */
export interface DeepLinearGenome {
  /** Number of weight layers H (≥ 3: a deep network). */
  readonly depth: number;
  /** Hidden widths d_1 … d_{H−1} (the first H − 1 are used). */
  readonly widths: readonly number[];
  readonly dx: number;
  /** Output dimension; d_y = min(dy, dx) (the hypothesis d_y ≤ d_x). */
  readonly dy: number;
  readonly n: number;
  /** Inputs and targets: integers k, value k/4. */
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Seed of the random initialisation (entries N(0, 0.5²)) and of the perturbation searches. */
  readonly init: number;
  readonly activation: 'identity' | 'relu';
}

const MAX = 64;
const ints = fc.array(fc.integer({ min: -8, max: 8 }), { minLength: MAX, maxLength: MAX });

function genome(activation: DeepLinearGenome['activation']): fc.Arbitrary<DeepLinearGenome> {
  return fc.record({
    depth: fc.integer({ min: 3, max: 4 }),
    widths: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
    dx: fc.integer({ min: 2, max: 4 }),
    dy: fc.integer({ min: 1, max: 4 }),
    n: fc.integer({ min: 5, max: 10 }),
    xs: ints,
    ys: ints,
    init: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    activation: fc.constant(activation),
  });
}

/** The subject of a genome at its random initial point, or null when n < d_x + 1 (Σ_XX cannot be invertible). */
export function deepLinearSubject(g: DeepLinearGenome): MlpSubjectJson | null {
  const dy = Math.min(g.dy, g.dx);
  if (g.n < g.dx + 1) return null;
  const sizes = [g.dx, ...g.widths.slice(0, g.depth - 1), dy];
  const inputs = Array.from({ length: g.n }, (_, i) =>
    Array.from({ length: g.dx }, (_, j) => g.xs[(i * g.dx + j) % MAX]! / 4),
  );
  const targets = Array.from({ length: g.n }, (_, i) =>
    Array.from({ length: dy }, (_, j) => g.ys[(i * dy + j) % MAX]! / 4),
  );
  const rng = seededRng(g.init);
  return {
    kind: 'mlp',
    network: { layerSizes: sizes, activation: { name: g.activation }, bias: false },
    data: { inputs, targets },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: sizes.slice(1).map((rows, l) => ({
        weights: Array.from({ length: rows }, () =>
          Array.from({ length: sizes[l]! }, () => 0.5 * rng.normal()),
        ),
        biases: null,
      })),
    },
  };
}

/** The same data with a depth-2 linear network of width p (for the origin fact of depth 2). */
function shallow(subject: MlpSubjectJson, p: number, targets = subject.data.targets): MlpSubjectJson {
  const [dx, dy] = [subject.network.layerSizes[0]!, subject.network.layerSizes.at(-1)!];
  return {
    ...subject,
    network: { layerSizes: [dx, p, dy], activation: { name: 'identity' }, bias: false },
    data: { inputs: subject.data.inputs, targets },
    point: { layers: [] },
  };
}

interface Evidence {
  readonly kind: 'spurious-minimum' | 'origin';
  readonly theta: number[];
  readonly detail: string;
}

const RADII = [1e-3, 1e-5];
const TRIALS = 60;
/** Perturbation radii at the origin: the descent there is third order (∝ r³‖Σ_YX‖ against r⁴), so larger radii. */
const ORIGIN_RADII = [1e-1, 1e-2];

/** The origin facts; null when they hold, else what failed. */
function originFailure(
  subject: MlpSubjectJson,
  g: DeepLinearGenome,
  wHatResidual: number[][],
): string | null {
  const deep = originCurvature(subject);
  if (!deep.finite || deep.nonZeroEntries > 0) {
    return `depth ${g.depth}: ∇²L(0) has ${deep.nonZeroEntries} non-zero entries (finite: ${deep.finite}), expected exactly 0`;
  }
  const model = subjectModel(subject);
  const zero = new Float64Array(model.objective.dim);
  const secondOrder = examinePoint(model.objective, zero, {
    rng: seededRng(g.init + 3),
    radii: [1e-2],
    trials: 0,
  });
  if (secondOrder.classification !== 'degenerate' && secondOrder.classification !== 'saddle') {
    return `second-order test at the origin says ${secondOrder.classification}, expected inconclusive (degenerate) or saddle`;
  }
  const sampled = examinePoint(model.objective, zero, {
    rng: seededRng(g.init + 4),
    radii: ORIGIN_RADII,
    trials: 40,
  });
  if (sampled.classification === 'local-min' || sampled.classification === 'strict-local-min') {
    return `examination at the origin says ${sampled.classification}`;
  }
  // Depth 2 on the same data: λ_min(∇²L(0)) = −2s·σ_1(Σ_YX) < 0, and ≈ 0 once Σ_YX = 0.
  const p = Math.min(...subject.network.layerSizes.slice(1, -1));
  const two = originCurvature(shallow(subject, p));
  const predicted = -2 * subject.loss.scale * two.sigmaYX;
  if (!(Math.abs(two.lambdaMin - predicted) <= ORIGIN_EIG_RTOL * Math.abs(predicted)) || !(predicted < 0)) {
    return `depth 2: λ_min(∇²L(0)) = ${two.lambdaMin}, expected −2s·σ_1(Σ_YX) = ${predicted} < 0`;
  }
  const orthogonal = originCurvature(shallow(subject, p, wHatResidual));
  if (!(Math.abs(orthogonal.lambdaMin) <= ORIGIN_ZERO_RTOL * orthogonal.scale)) {
    return `depth 2 with Σ_YX = 0: λ_min(∇²L(0)) = ${orthogonal.lambdaMin}, expected 0 (scale ${orthogonal.scale})`;
  }
  return null;
}

export const kaw16DeepLinear = defineClaim<DeepLinearGenome, Evidence>({
  id: 'kaw16-deep-linear',
  title:
    'Every local minimum of a deep linear network with squared loss is global; the origin is a degenerate saddle',
  source: sources.kawaguchi2016.at('Theorem 2.3 [REC numbering]'),
  statement:
    'f(x) = W_H ⋯ W_1 x, H ≥ 3 weight layers, hidden widths d_1 … d_{H−1} with p = min_l d_l, no bias, ' +
    'L = ½‖Y − X(W_H⋯W_1)ᵀ‖²_F. Hypotheses [REC: as restated, not re-read]: Σ_XX = XᵀX and Σ_XY = XᵀY of full rank, ' +
    'd_y ≤ d_x, Σ = Σ_YX Σ_XX⁻¹ Σ_XY with distinct eigenvalues (gaps > 1e-3·max(1, λ_1); closer draws are discarded). ' +
    'Claims: (ii) every local minimum is global, with L* = ½(tr Σ_YY − Σ_{i ≤ min(p, d_y)} λ_i) (the rank-p ' +
    'closed form of the end-to-end matrix); (iv) for H ≥ 3 the origin is a saddle whose Hessian is exactly 0, so a ' +
    'second-order test there is inconclusive and never says "local minimum"; DERIVED (docs/derivations.md#deep-linear-origin): for H = 2 the ' +
    'Hessian at 0 has smallest eigenvalue −2s·σ_1(Σ_YX) (s = ½), negative iff Σ_YX ≠ 0. ' +
    'Check: ∇²L(0) entrywise === 0; examinePoint at 0 without perturbations → degenerate, with perturbations (radii ' +
    '1e-1, 1e-2) never a local minimum; the depth-2 eigenvalue on the same data to 1e-10 relative, and |λ_min| ≤ 1e-8 of ' +
    '2s‖X‖‖Y‖ for targets Y − XŴᵀ (Σ_YX = 0); L-BFGS from a random start, Newton-polished, examined on the quotient by ' +
    'the GL(d_l) symmetries: a local minimum above L* by max(1e-6, 1e-4·L*) is a certified counterexample.',
  kind: 'theorem',
  expect: 'holds',
  hypotheses: genome('identity'),
  budget: { test: 40, check: 500 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses({
      activations: ['identity'],
      bias: false,
      hiddenLayers: [2, Number.POSITIVE_INFINITY],
      trained: 'all',
      more: (s) => {
        const [dx, dy] = [s.network.layerSizes[0]!, s.network.layerSizes.at(-1)!];
        if (!(dy <= dx)) return [`d_y = ${dy} > d_x = ${dx}, expected d_y ≤ d_x`];
        const hyp = linearHypotheses(s, { fullRankXY: true });
        return hyp.ok ? [] : [hyp.reason];
      },
    }),
    // The origin's descent is of third order (∝ r³ against r⁴): replay probes large radii too.
    strength: { radii: [...ORIGIN_RADII, 1e-3, 1e-4, 1e-5], trials: 400 },
  },
  check(g) {
    const subject = deepLinearSubject(g);
    if (subject === null) return { status: 'discard', reason: 'n < d_x + 1: Σ_XX singular' };
    const hyp = linearHypotheses(subject, { fullRankXY: true });
    if (!hyp.ok) return { status: 'discard', reason: hyp.reason };
    const closed = hyp.closed;
    const model = subjectModel(subject);
    if (g.activation === 'identity') {
      const residual = subject.data.targets.map((row, i) =>
        row.map(
          (yk, k) =>
            yk -
            subject.data.inputs[i]!.reduce(
              (acc, xj, j) => acc + xj * closed.wHat.data[k * closed.wHat.cols + j]!,
              0,
            ),
        ),
      );
      const failure = originFailure(subject, g, residual);
      if (failure !== null)
        return {
          status: 'fail',
          evidence: {
            kind: 'origin',
            theta: Array.from(new Float64Array(model.objective.dim)),
            detail: failure,
          },
        };
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
    if (c === 'not-critical')
      return { status: 'inconclusive', reason: 'endpoint not critical after polishing', score };
    if (c === 'saddle' || matchesCriticalValue(value, closed.globalLoss)) return { status: 'pass', score };
    if (!isSpuriousGap(value, closed.globalLoss))
      return { status: 'inconclusive', reason: 'local minimum just above L*', score };
    if (c === 'degenerate')
      return { status: 'inconclusive', reason: 'degenerate critical point above L*', score };
    const theta = Array.from(result.theta);
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
        reason: `exact fact at the origin failed (no certificate kind for it): ${evidence.detail}`,
      };
    }
    const subject = deepLinearSubject(g);
    if (subject === null) return { ok: false, reason: 'shape outside the hypotheses' };
    const hyp = linearHypotheses(subject, { fullRankXY: true });
    if (!hyp.ok) return { ok: false, reason: hyp.reason };
    const built = linearSpuriousMinimumCertificate(subject, hyp.closed, evidence.theta, g.init + 2);
    if (!built.ok) return { ok: false, reason: `${built.reason} (${evidence.detail})` };
    return { ok: true, value: { subject: built.subject, certificate: built.certificate } };
  },
  control: {
    description:
      'relu instead of identity (not a linear network): dead units give local minima above the linear optimum',
    hypotheses: genome('relu'),
    expect: 'refuted',
    runs: 60,
  },
});
