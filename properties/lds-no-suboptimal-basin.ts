// Li, Ding, Sun (2022), "On the Benefit of Width for Neural Networks: Disappearance of Basins", SIAM J. Optim.
// 32:1728–1758 (arXiv 1812.11039; v1 "Over-Parameterized Deep Neural Networks Have No Strict Local Minima For
// Any Continuous Activations"), the positive theorem (no sub-optimal basin when the last hidden layer has ≥ N
// units) [REC numbering]. Hypotheses as stated there; see `statement`.
import fc from 'fast-check';
import {
  defineClaim,
  distinctInputsProblem,
  mlpHypotheses,
  SPURIOUS_MINIMUM_KINDS,
} from '../src/claims/index.js';
import {
  distinctInputs,
  integerTargets,
  ldsPath,
  linearRegimePoint,
  quadraticMonomialRank,
} from '../src/landscape/basins/index.js';
import {
  descendAndExamine,
  isSpuriousGap,
  lbfgs,
  type MlpSubjectJson,
  spuriousMinimumCertificate,
  subjectModel,
} from '../src/landscape/index.js';
import { type ActivationSpec, makeProblem, vectorToPoint } from '../src/nn/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** The activations the claim is checked with (any continuous activation; these at least). */
export const LDS_ACTIVATIONS: readonly ActivationSpec[] = [
  { name: 'relu' },
  { name: 'leaky-relu', slope: 0.1 },
  { name: 'tanh' },
  { name: 'sigmoid' },
  { name: 'softplus' },
  { name: 'quadratic' },
];

/** Where the path starts. */
export const START_KINDS = ['generated', 'optimised', 'linear-regime', 'dead'] as const;
export type StartKind = (typeof START_KINDS)[number];

/** Hypotheses as a genome of small integers (readable shrinks; values k/4). */
export interface LdsGenome {
  /** Index into LDS_ACTIVATIONS. */
  readonly activation: number;
  /** Hidden layers (1 or 2; the last one is the wide one). */
  readonly depth: number;
  readonly d: number;
  readonly n: number;
  /** Last hidden width: n + widthOffset (narrow: max(1, n − 2 − widthOffset), the control). */
  readonly widthOffset: number;
  readonly outputs: number;
  readonly gaps: readonly number[];
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Index into START_KINDS (linear-regime and dead need a one-hidden-layer relu-type network; else generated). */
  readonly start: number;
  /** Weight scale 0.5·2^scale of the generated point. */
  readonly scale: number;
  readonly seed: number;
  readonly narrow: boolean;
}

function genome(narrow: boolean): fc.Arbitrary<LdsGenome> {
  return fc.record({
    activation: fc.integer({ min: 0, max: LDS_ACTIVATIONS.length - 1 }),
    depth: fc.integer({ min: 1, max: 2 }),
    d: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 2, max: 6 }),
    widthOffset: fc.integer({ min: 0, max: 3 }),
    outputs: fc.integer({ min: 1, max: 2 }),
    gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
    xs: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 12, maxLength: 12 }),
    ys: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 12, maxLength: 12 }),
    start: fc.integer({ min: 0, max: START_KINDS.length - 1 }),
    scale: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    narrow: fc.constant(narrow),
  });
}

export interface LdsCase {
  readonly subject: MlpSubjectJson;
  readonly start: StartKind;
}

/**
 * The subject of a genome, with its starting point (generated, reached by optimisation, the linear-regime
 * local minimum, or a dead-unit plateau point), or the reason the genome is outside the hypotheses.
 */
export function ldsCase(g: LdsGenome): LdsCase | { discard: string } {
  const activation = LDS_ACTIVATIONS[g.activation]!;
  const quadratic = activation.name === 'quadratic';
  // Quadratic units span only the quadratic polynomials: one hidden layer, d ≥ 2 and N ≤ (d+1)(d+2)/2 keep
  // interpolation possible (checked exactly below); outside that inf L > 0 and the ε-target does not apply.
  const depth = quadratic ? 1 : g.depth;
  const d = quadratic ? Math.max(2, g.d) : g.d;
  const n = g.narrow ? Math.max(3, g.n) : g.n;
  const width = g.narrow ? Math.max(1, n - 2 - g.widthOffset) : n + g.widthOffset;
  const inputs = distinctInputs(g.gaps, g.xs, n, d);
  if (quadratic && quadraticMonomialRank(inputs) < n) {
    return {
      discard:
        'quadratic activation and the samples lie on a quadric: no quadratic network interpolates them',
    };
  }
  const layerSizes = depth === 1 ? [d, width, g.outputs] : [d, 3, width, g.outputs];
  const network = { layerSizes, activation, bias: true };
  const data = { inputs, targets: integerTargets(g.ys, n, g.outputs) };
  const problem = makeProblem(network, data);
  const rng = seededRng(g.seed);
  const scale = 0.5 * 2 ** g.scale;
  let theta: Float64Array = Float64Array.from({ length: problem.layout.size }, () => scale * rng.normal());
  let start = START_KINDS[g.start]!;
  const relu = activation.name === 'relu';
  const reluLike = relu || activation.name === 'leaky-relu';
  if (start === 'linear-regime' && !(reluLike && depth === 1 && width >= g.outputs)) start = 'generated';
  if (start === 'dead' && !(relu && depth === 1)) start = 'generated';
  if (start === 'linear-regime')
    theta = linearRegimePoint(problem, { shift: 0.25 * (1 + g.scale), scale, rng });
  if (start === 'dead') {
    // every unit dead with margin ≥ ¼; output bias at the targets' mean (the plateau's minimum)
    const [hidden, output] = problem.layout.layers;
    for (let j = 0; j < width; j++) {
      let maxZ = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        let z = 0;
        for (let k = 0; k < d; k++) z += theta[hidden!.weightOffset + j * d + k]! * inputs[i]![k]!;
        maxZ = Math.max(maxZ, z);
      }
      theta[hidden!.biasOffset! + j] = -maxZ - 0.25;
    }
    for (let o = 0; o < g.outputs; o++)
      theta[output!.biasOffset! + o] = data.targets.reduce((s, y) => s + y[o]!, 0) / n;
  }
  const subject: MlpSubjectJson = {
    kind: 'mlp',
    network,
    data,
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: vectorToPoint(network, theta),
  };
  if (start !== 'optimised') return { subject, start };
  const model = subjectModel(subject);
  const reached = lbfgs(model.objective, model.theta, { maxIterations: 300 });
  if (!reached.theta.every(Number.isFinite)) return { subject, start: 'generated' };
  return { subject: { ...subject, point: vectorToPoint(network, reached.theta) }, start };
}

interface Evidence {
  readonly reason: string;
  readonly endLoss: number;
}

export const ldsNoSuboptimalBasin = defineClaim<LdsGenome, Evidence>({
  id: 'lds-no-suboptimal-basin',
  title:
    'A network whose last hidden layer has ≥ N units has no sub-optimal basin (a non-increasing path reaches loss ≤ ε)',
  source: sources.liDingSun2022.at(
    'positive theorem: no sub-optimal basins for wide networks [REC numbering; v1 states last hidden width ≥ N]',
  ),
  statement:
    'Hypotheses: a fully connected network of depth 1 or 2 hidden layers with biases, any continuous activation ' +
    '(checked: relu, leaky-relu 0.1, tanh, sigmoid, softplus, quadratic), last hidden layer of width m ≥ N, squared loss ' +
    'L = ½Σ_i‖f(x_i) − y_i‖², N samples pairwise distinct in at least one coordinate. Claim: no sub-optimal basin ' +
    '(set-wise strict local minimum); we check the stronger constructive form: from every point there is a path along ' +
    'which L never increases and which ends at L ≤ ε = 1e-10·(1 + ½‖Y‖²). The path: (1) output layer along the ' +
    'segment to the least-squares solution of the current last-hidden features (convex, minimal at the end); ' +
    '(2) within the least-squares solutions to one supported on a basis of the feature columns, redundant units to ' +
    'output weight 0 (loss constant); (3) the redundant units’ incoming weights to hinges that give [h_{L−1} | 1] full ' +
    'row rank N (loss constant: they do not reach the output); (4) output layer to the interpolating least squares. ' +
    'The loss is sampled at 9 points of every segment; no step may go up by more than 1e-9·(1 + L_start). Starts: ' +
    'generated points (N(0, s²) weights), points reached by L-BFGS from them, the linear-regime local minimum (relu, ' +
    'leaky-relu) and the dead-unit plateau (relu). For the quadratic activation (polynomial: its units span only the ' +
    'quadratic polynomials) the check needs one hidden layer and samples whose degree-≤2 monomial matrix has rank N, ' +
    'so that interpolation is possible; other samples are discarded. With 2 hidden layers, samples whose first-layer ' +
    'features coincide make the construction inapplicable (inconclusive). A failed construction is a refutation only ' +
    'if the start is certified as a strict local minimum above a better point.',
  kind: 'theorem',
  expect: 'holds',
  hypotheses: genome(false),
  budget: { test: 40, check: 400 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses({
      bias: true,
      hiddenLayers: [1, 2],
      trained: 'all',
      more: (s) => {
        const n = s.data.inputs.length;
        const last = s.network.layerSizes.at(-2)!;
        if (last < n) return [`last hidden width ${last} < N = ${n}, expected ≥ N`];
        return distinctInputsProblem(s);
      },
    }),
  },
  check(g) {
    const built = ldsCase(g);
    if ('discard' in built) return { status: 'discard', reason: built.discard };
    const model = subjectModel(built.subject);
    const path = ldsPath(model.mlp!.problem, model.mlp!.full, seededRng(g.seed + 1));
    if (path.status === 'inapplicable')
      return { status: 'inconclusive', reason: `construction inapplicable: ${path.reason}` };
    const score = Math.log10(
      Math.max(path.endLoss / path.epsilon, path.maxIncrease / path.increaseFloor, 1e-30),
    );
    if (path.status === 'reached') return { status: 'pass', score };
    return {
      status: 'fail',
      evidence: { reason: `${built.start} start: ${path.reason}`, endLoss: path.endLoss },
      score,
    };
  },
  certify(g, evidence) {
    // A failed construction refutes the theorem only with a certified basin: a strict local minimum above a
    // point of lower loss. Descend from the start, examine, compare with the best of a few restarts.
    const built = ldsCase(g);
    if ('discard' in built) return { ok: false, reason: built.discard };
    const model = subjectModel(built.subject);
    const result = descendAndExamine(model.objective, model.theta, seededRng(g.seed + 2), {
      radii: [1e-2, 1e-3, 1e-4],
      trials: 200,
    });
    if (result.exam === null)
      return { ok: false, reason: `${evidence.reason}; the optimiser did not converge from the start` };
    if (result.exam.classification !== 'strict-local-min') {
      return {
        ok: false,
        reason: `${evidence.reason}; the nearby critical point is ${result.exam.classification}, not a certified basin`,
      };
    }
    const rng = seededRng(g.seed + 3);
    let better: Float64Array | null = null;
    for (let r = 0; r < 6; r++) {
      const restart = lbfgs(
        model.objective,
        Float64Array.from(model.theta, () => rng.normal()),
        { maxIterations: 3000 },
      );
      if (better === null || restart.value < model.objective.value(better)) better = restart.theta;
    }
    if (better === null || !isSpuriousGap(result.exam.value, model.objective.value(better))) {
      return {
        ok: false,
        reason: `${evidence.reason}; the strict local minimum found is not above a better point`,
      };
    }
    const final: MlpSubjectJson = {
      ...built.subject,
      point: model.toPoint(result.theta) as MlpSubjectJson['point'],
    };
    return {
      ok: true,
      value: {
        subject: final,
        certificate: spuriousMinimumCertificate(subjectModel(final), result.exam, better, {
          details: { pathFailure: evidence.reason, pathEndLoss: evidence.endLoss, start: built.start },
        }),
      },
    };
  },
  control: {
    description:
      'last hidden width ≤ N − 2 (narrow): the construction cannot reach full row rank and ends above ε',
    hypotheses: genome(true),
    expect: 'refuted',
    runs: 20,
  },
});
