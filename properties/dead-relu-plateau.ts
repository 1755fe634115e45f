// Swirszcz, Czarnecki, Pascanu (2016), "Local minima in training of neural networks", arXiv 1611.06310, §3
// ("blind spots": dead ReLUs) [REC section]; the general one-hidden-layer form is DERIVED in
// docs/derivations.md#dead-units. The claim below is the false one; see `statement`. The single-neuron special case is
// single-relu-no-spurious-min.
import fc from 'fast-check';
import type { CounterexampleJson } from '../src/archive/index.js';
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import { deadUnitsProof, distinctInputs, FLAT_RTOL, ldsPath } from '../src/landscape/basins/index.js';
import {
  descendAndExamine,
  isSpuriousGap,
  type MlpSubjectJson,
  spuriousMinimumCertificate,
  subjectModel,
} from '../src/landscape/index.js';
import {
  loss,
  lossWeight,
  type PointJson,
  type Problem,
  pointToVector,
  subjectProblem,
  vectorToPoint,
} from '../src/nn/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** Hypotheses as a genome of small integers (values k/4). */
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

function genome(constantTargets: boolean): fc.Arbitrary<DeadReluGenome> {
  const ints = (length: number) =>
    fc.array(fc.integer({ min: -8, max: 8 }), { minLength: length, maxLength: length });
  return fc.record({
    d: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 2, max: 6 }),
    width: fc.integer({ min: 1, max: 4 }),
    gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
    xs: ints(12),
    ys: ints(6),
    ws: ints(12),
    bs: ints(4),
    shift: fc.integer({ min: 0, max: 16 }),
    vs: ints(4),
    c: fc.integer({ min: -8, max: 8 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    constantTargets: fc.constant(constantTargets),
  });
}

/** f(x) = Σ_j v_j relu(w_j·x + b_j) + c, every parameter trained, at the genome's starting point. */
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

/** The plateau's value: the best constant predictor's loss s·Σ_i ‖y_i − ȳ‖². */
export function plateauLoss(problem: Problem): number {
  const dy = problem.Y.length / problem.n;
  let total = 0;
  for (let o = 0; o < dy; o++) {
    let mean = 0;
    for (let i = 0; i < problem.n; i++) mean += problem.Y[i * dy + o]!;
    mean /= problem.n;
    for (let i = 0; i < problem.n; i++) total += (problem.Y[i * dy + o]! - mean) ** 2;
  }
  return lossWeight(problem) * total;
}

interface Evidence {
  readonly theta: number[];
  readonly better: number[];
}

const DESCENT = { radii: [1e-2, 1e-3, 1e-4], trials: 40 } as const;

export const deadReluPlateau = defineClaim<DeadReluGenome, Evidence>({
  id: 'dead-relu-plateau',
  title: 'A one-hidden-layer relu network has no spurious local minimum (false: the dead-unit plateau)',
  source: sources.swirszczCzarneckiPascanu2016.at('§3, dead ReLUs ("blind spots") [REC section]'),
  statement:
    'Claim (false): for f(x) = Σ_j v_j relu(w_j·x + b_j) + c (width m ≥ 1, every parameter trained), squared loss ' +
    'L = ½Σ_i (f(x_i) − y_i)², every local minimum is global. Refutation (the dead-unit plateau): if w_j·x_i + b_j ≤ −margin < 0 ' +
    'for every unit and sample, then on the ball of radius margin/√(1 + max‖x_i‖²) every unit stays dead, f ≡ c on the ' +
    'data and L ≥ min_c ½Σ(y_i − c)² = ½Σ(y_i − ȳ)²; with c = ȳ the point is a local minimum. It is not strict (any ' +
    'output weight v_j moves freely: a plateau, not a basin) and it is spurious when the targets are not constant. ' +
    'Check: descend from the generated point (L-BFGS, Newton polish), examine it; a critical point with every unit dead ' +
    'and a better point (the end of the Li–Ding–Sun path from it, which frees the dead units) refutes the claim.',
  kind: 'construction',
  expect: 'refuted',
  hypotheses: genome(false),
  budget: { test: 40, check: 200 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses({
      activations: ['relu'],
      bias: true,
      hiddenLayers: [1, 1],
      outputs: 1,
      trained: 'all',
    }),
  },
  check(g) {
    const model = subjectModel(deadReluSubject(g));
    const result = descendAndExamine(model.objective, model.theta, seededRng(g.seed), DESCENT);
    if (result.exam === null)
      return { status: 'inconclusive', reason: `optimiser: ${result.optimized.reason}` };
    const { problem } = model.mlp!;
    const theta = model.mlp!.expand(result.theta);
    const proof = deadUnitsProof(problem, theta);
    if (proof === null) return { status: 'pass', score: -1 };
    const c = result.exam.classification;
    if (c === 'saddle' || c === 'not-critical') return { status: 'pass', score: 0 };
    const path = ldsPath(problem, theta, seededRng(g.seed + 1));
    const better = path.vertices[path.vertices.length - 1]!;
    if (!isSpuriousGap(result.exam.value, loss(problem, better))) return { status: 'pass', score: 0 };
    return {
      status: 'fail',
      evidence: { theta: Array.from(result.theta), better: Array.from(better) },
      score: 1,
    };
  },
  certify(g, evidence) {
    const start = deadReluSubject(g);
    const startModel = subjectModel(start);
    const subject: MlpSubjectJson = {
      ...start,
      point: startModel.toPoint(Float64Array.from(evidence.theta)) as PointJson,
    };
    const model = subjectModel(subject);
    const { problem, theta } = subjectProblem(subject);
    const proof = deadUnitsProof(problem, theta);
    if (proof === null) return { ok: false, reason: 'the descended point does not have every unit dead' };
    const result = descendAndExamine(model.objective, model.theta, seededRng(g.seed + 2), {
      radii: DESCENT.radii,
      trials: 200,
    });
    if (result.exam === null) return { ok: false, reason: 'the point is not critical' };
    // The flat direction: every output weight v_j + 1 (the units are dead, so f does not change).
    const flat = Float64Array.from(theta);
    const output = problem.layout.layers[1]!;
    for (let j = 0; j < output.inputs; j++) flat[output.weightOffset + j]! += 1;
    return {
      ok: true,
      value: {
        subject,
        certificate: spuriousMinimumCertificate(model, result.exam, Float64Array.from(evidence.better), {
          exact: {
            argument:
              'every hidden pre-activation w_j·x_i + b_j ≤ −margin < 0; perturbations of norm < radius = margin/√(1 + max‖x_i‖²) keep every unit dead, so f ≡ c on the data and L ≥ min_c ½Σ(y_i − c)² = plateauLoss = L(point)',
            margin: proof.margin,
            radius: proof.radius,
            plateauLoss: plateauLoss(problem),
          },
          details: {
            notStrict:
              'flatPoint adds 1 to every output weight; the units are dead, so the loss is unchanged: the minimum is a plateau',
            flatPoint: vectorToPoint(problem.net, flat),
          },
        }),
      },
    };
  },
  verifyDetails(file: CounterexampleJson) {
    if (file.subject.kind !== 'mlp') return ['the dead-unit argument needs an mlp subject'];
    const problems: string[] = [];
    const { problem, theta } = subjectProblem(file.subject as MlpSubjectJson);
    const value = loss(problem, theta);
    const exact = file.certificate.exact ?? {};
    const proof = deadUnitsProof(problem, theta);
    if (proof === null) problems.push('exact: some unit is active on some sample');
    else if (Math.abs(proof.margin - Number(exact.margin)) > 1e-12 * (1 + proof.margin)) {
      problems.push(`exact: margin is ${proof.margin}, certificate says ${String(exact.margin)}`);
    }
    const plateau = plateauLoss(problem);
    if (!(Math.abs(value - plateau) <= 1e-10 * (1 + plateau)))
      problems.push(`exact: L(point) = ${value} is not the plateau value ${plateau}`);
    try {
      const flat = pointToVector(problem.net, file.certificate.details?.flatPoint as PointJson);
      if (!(Math.abs(loss(problem, flat) - value) <= FLAT_RTOL * (1 + value)))
        problems.push('details: the flat point changes the loss');
      if (flat.every((x, k) => x === theta[k])) problems.push('details: the flat point is the point itself');
    } catch (error) {
      problems.push(`details: flatPoint: ${(error as Error).message}`);
    }
    return problems;
  },
  mutate(g, rng) {
    const bs = [...g.bs];
    const k = rng.int(0, bs.length - 1);
    bs[k] = Math.max(-8, Math.min(8, bs[k]! + (rng.uniform() < 0.5 ? -1 : 1)));
    return { ...g, bs, shift: Math.max(0, Math.min(16, g.shift + rng.int(-1, 1))) };
  },
  control: {
    description: 'constant targets: the plateau (f ≡ ȳ) is then a global minimum',
    hypotheses: genome(true),
    expect: 'holds',
    runs: 40,
  },
});
