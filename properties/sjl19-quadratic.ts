// Soltanolkotabi, Javanmard, Lee (2019), "Theoretical insights into the optimization landscape of
// over-parameterized shallow neural networks", IEEE Trans. Inf. Theory 65(2):742–769 (arXiv 1707.04926),
// Theorem 2.1 [REC numbering; hypotheses REC]. Hypotheses as stated there; see `statement`.
import fc from 'fast-check';
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  examinePoint,
  isSpuriousGap,
  lbfgs,
  type MlpSubjectJson,
  NEWTON_MAX_DIM,
  newtonPolish,
  spuriousMinimumCertificate,
  subjectModel,
} from '../src/landscape/index.js';
import {
  designConditioning,
  factorLifted,
  interpolatingMatrix,
  quadraticNetworkObjective,
  ZERO_LOSS_RTOL,
} from '../src/landscape/quadratic/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** Hypotheses as a genome of small integers: inputs and targets k/4, widths relative to d, an init seed. */
export interface SjlGenome {
  readonly d: number;
  /** n = min(n, d(d+1)/2). */
  readonly n: number;
  /** Units with v = +1 and v = −1 beyond the minimum (d each; with `positiveOnly` every unit is +1). */
  readonly extraPositive: number;
  readonly extraNegative: number;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly init: number;
  /** The control: every v_j = +1 (k = 2d + extras), outside the theorem (then M ⪰ 0). */
  readonly positiveOnly: boolean;
}

const XS = 40;
const YS = 10;

function genome(positiveOnly: boolean): fc.Arbitrary<SjlGenome> {
  return fc.record({
    d: fc.integer({ min: 2, max: 4 }),
    n: fc.integer({ min: 1, max: 10 }),
    extraPositive: fc.integer({ min: 0, max: 2 }),
    extraNegative: fc.integer({ min: 0, max: 2 }),
    xs: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: XS, maxLength: XS }),
    ys: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: YS, maxLength: YS }),
    init: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    positiveOnly: fc.constant(positiveOnly),
  });
}

/**
 * Inputs must be in general position for the quadratic model: σ_min/σ_max of the design Φ (n × d(d+1)/2) at least
 * this. Integer grids produce exactly dependent configurations (then zero loss may be unreachable and the theorem's
 * "generic data" hypothesis fails); 1e-3 also keeps the interpolating M of moderate norm.
 */
export const GENERIC_RTOL = 1e-3;

/** L-BFGS budget: the zero-loss manifold is reached in tens to hundreds of iterations on these sizes. */
const MAX_ITERATIONS = 5000;

/**
 * L-BFGS gradient tolerance, relative to 1 + L: near the zero-loss set L ≈ ‖∇L‖²/(4·curvature), so stopping at the
 * default 1e-9 would leave L ≈ 1e-18, above the zero-loss target; 1e-14 lets the value target decide.
 */
const GRAD_TOL = 1e-14;

export interface SjlInstance {
  readonly inputs: number[][];
  readonly targets: number[];
  readonly v: number[];
  readonly d: number;
  readonly W0: Float64Array;
}

export function sjlInstance(g: SjlGenome): SjlInstance {
  const d = g.d;
  const n = Math.min(g.n, (d * (d + 1)) / 2);
  const inputs = Array.from({ length: n }, (_, i) =>
    Array.from({ length: d }, (_, a) => g.xs[(i * d + a) % XS]! / 4),
  );
  const targets = Array.from({ length: n }, (_, i) => g.ys[i % YS]! / 4);
  const p = d + g.extraPositive;
  const q = d + g.extraNegative;
  const v = g.positiveOnly
    ? Array<number>(p + q).fill(1)
    : [...Array<number>(p).fill(1), ...Array<number>(q).fill(-1)];
  const rng = seededRng(g.init);
  const W0 = Float64Array.from({ length: v.length * d }, () => rng.normal() / Math.sqrt(d));
  return { inputs, targets, v, d, W0 };
}

/** The mlp subject [d, k, 1], quadratic activation, no bias, output layer frozen at v (the archive's form). */
export function sjlSubject(instance: SjlInstance, W: Float64Array): MlpSubjectJson {
  const { d, v } = instance;
  return {
    kind: 'mlp',
    network: {
      layerSizes: [d, v.length, 1],
      activation: { name: 'quadratic' },
      bias: false,
      trainable: [true, false],
    },
    data: { inputs: instance.inputs, targets: instance.targets.map((y) => [y]) },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: [
        {
          weights: Array.from({ length: v.length }, (_, j) => Array.from(W.subarray(j * d, (j + 1) * d))),
          biases: null,
        },
        { weights: [v.slice()], biases: null },
      ],
    },
  };
}

interface Evidence {
  readonly W: number[];
  readonly loss: number;
  readonly classification: string;
}

export const sjl19Quadratic = defineClaim<SjlGenome, Evidence>({
  id: 'sjl19-quadratic',
  title:
    'Quadratic activations, k ≥ 2d with ≥ d output weights of each sign: gradient methods reach zero loss',
  source: sources.soltanolkotabiJavanmardLee2019.at('Theorem 2.1 [REC numbering and hypotheses]'),
  statement:
    'f(x) = Σ_{j=1}^k v_j (w_jᵀx)², v fixed with p ≥ d entries +1 and q ≥ d entries −1 (k = p + q ≥ 2d), squared loss ' +
    'L(W) = ½Σ_i (f(x_i) − y_i)². Hypotheses [REC, unconfirmed against the paper: only confirmed details are CI-blocking]: ' +
    'with these v every symmetric M = Σ_j v_j w_j w_jᵀ is reachable, all local minima are global and all saddles ' +
    'strict; for n ≤ d(d+1)/2 generic inputs the global minimum is 0. Check: d ∈ {2, 3, 4}, inputs and targets k/4 ' +
    `(|k| ≤ 8), generic position (σ_min/σ_max of the n × d(d+1)/2 design ≥ ${GENERIC_RTOL}, else discarded), L-BFGS from ` +
    `W_0 ~ N(0, 1/d) (Newton polish when it crawls) to L ≤ ${ZERO_LOSS_RTOL}·s, s = ½Σy_i² (or L(W_0) when y = 0), ` +
    'which passes, or to a critical point; a critical point above 0 by the ' +
    'spurious gap whose Hessian (on the complement of the O(p, q) symmetry orbit) has no negative eigenvalue and where no ' +
    'perturbation descends is a second-order stationary point that is not global: it refutes "no spurious minima, strict ' +
    'saddles". A saddle endpoint passes; non-convergence is inconclusive.',
  kind: 'theorem',
  expect: 'holds',
  hypotheses: genome(false),
  budget: { test: 30, check: 300 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses({
      activations: ['quadratic'],
      bias: false,
      hiddenLayers: [1, 1],
      outputs: 1,
      trained: 'first-only',
      more: (s) => {
        const d = s.network.layerSizes[0]!;
        const v = s.point.layers[1]?.weights[0] ?? [];
        const p = v.filter((x) => x === 1).length;
        const q = v.filter((x) => x === -1).length;
        return p + q === v.length && p >= d && q >= d
          ? []
          : [`output weights need p ≥ d entries +1 and q ≥ d entries −1 (d = ${d}, p = ${p}, q = ${q})`];
      },
    }),
  },
  check(g) {
    if (designConditioning(sjlInstance(g).inputs) < GENERIC_RTOL)
      return { status: 'discard', reason: 'inputs not in general position' };
    const instance = sjlInstance(g);
    const objective = quadraticNetworkObjective({
      inputs: instance.inputs,
      targets: instance.targets,
      v: instance.v,
      lambda: 0,
    });
    // The loss scale: ½Σy_i² (the loss at W = 0), or the loss at W_0 when every target is 0.
    const scale = Math.max(
      0.5 * instance.targets.reduce((a, y) => a + y * y, 0),
      objective.value(instance.W0),
    );
    const target = ZERO_LOSS_RTOL * scale;
    let result = lbfgs(objective, instance.W0, {
      maxIterations: MAX_ITERATIONS,
      valueTarget: target,
      gradTol: GRAD_TOL,
    });
    if (result.value > target && objective.dim <= NEWTON_MAX_DIM) {
      // Ill-conditioned zero-loss sets make L-BFGS crawl; Newton (pseudo-inverse) finishes the residual quadratically.
      const polished = newtonPolish(objective, result.theta, { gradTol: GRAD_TOL });
      if (polished.value < result.value)
        result = { ...polished, converged: polished.converged || polished.value <= target };
    }
    const score = Math.log10(Math.max(result.value, Number.MIN_VALUE) / Math.max(scale, Number.MIN_VALUE));
    if (result.value <= target) return { status: 'pass', score };
    if (!result.converged)
      return { status: 'inconclusive', reason: `L-BFGS stopped above zero loss (${result.reason})`, score };
    const exam = examinePoint(objective, result.theta, {
      rng: seededRng(g.init + 1),
      radii: [1e-3, 1e-5],
      trials: 40,
    });
    const c = exam.classification;
    if (c === 'saddle') return { status: 'pass', score };
    if (c === 'not-critical') return { status: 'inconclusive', reason: 'endpoint not critical', score };
    if (!isSpuriousGap(result.value, 0))
      return { status: 'inconclusive', reason: 'critical point with a tiny positive loss', score };
    return {
      status: 'fail',
      evidence: { W: Array.from(result.theta), loss: result.value, classification: c },
      score,
    };
  },
  certify(g, evidence) {
    const instance = sjlInstance(g);
    const subject = sjlSubject(instance, Float64Array.from(evidence.W));
    const model = subjectModel(subject);
    const exam = examinePoint(model.objective, model.theta, { rng: seededRng(g.init + 2) });
    // 'degenerate' is expected here: the mlp objective does not quotient the O(p, q) orbit, whose directions are
    // exactly flat. A PSD Hessian with no descending perturbation is what 'local-min-not-global' records (and the
    // verifier re-checks both).
    if (exam.classification === 'saddle' || exam.classification === 'not-critical') {
      return {
        ok: false,
        reason: `the endpoint examines as ${exam.classification} on the mlp (no local-minimum certificate)`,
      };
    }
    const M = interpolatingMatrix(instance.inputs, instance.targets);
    const better = factorLifted(M, instance.d, instance.v);
    if (better === null)
      return { ok: false, reason: 'the interpolating M has more eigenvalues of one sign than v has units' };
    return {
      ok: true,
      value: {
        subject,
        certificate: spuriousMinimumCertificate(model, exam, better, {
          details: {
            interpolatingM: Array.from(M),
            betterFrom: 'least-norm M with x_iᵀMx_i = y_i, split by eigenvalue sign',
          },
        }),
      },
    };
  },
  control: {
    description:
      'every v_j = +1 (no negative units, outside ≥ d of each sign): M ⪰ 0, zero loss is out of reach for targets no PSD M fits',
    hypotheses: genome(true),
    expect: 'refuted',
    runs: 30,
  },
});
