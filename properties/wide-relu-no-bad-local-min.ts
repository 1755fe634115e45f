// Yun, Sra, Jadbabaie (2019), "Small nonlinearities in activation functions create bad local minima in neural
// networks", ICLR 2019 (arXiv 1802.03487), Theorem 1 [REC numbering]; Ding, Li, Sun (2019), "Sub-Optimal Local
// Minima Exist for Neural Networks with Almost All Non-Linear Activations" (arXiv 1911.01413). The claim below is
// the false one ("width ≥ N removes bad local minima"); see `statement`. Construction: see `statement`.
import fc from 'fast-check';
import type { CounterexampleJson } from '../src/archive/index.js';
import {
  defineClaim,
  distinctInputsProblem,
  mlpHypotheses,
  SPURIOUS_MINIMUM_KINDS,
} from '../src/claims/index.js';
import {
  affineFit,
  allActiveProof,
  along,
  distinctInputs,
  ESCAPE_DECREASE_RTOL,
  FLAT_RTOL,
  flatEscape,
  ldsPath,
  linearRegimePoint,
  outputWeightOf,
} from '../src/landscape/basins/index.js';
import {
  examinePoint,
  isSpuriousGap,
  type MlpSubjectJson,
  mlpSubjectAt,
  spuriousMinimumCertificate,
  subjectModel,
} from '../src/landscape/index.js';
import {
  loss,
  makeProblem,
  type PointJson,
  type Problem,
  pointToVector,
  subjectProblem,
  vectorToPoint,
} from '../src/nn/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** Hypotheses as a genome of small integers (values k/4). */
export interface WideReluGenome {
  readonly d: number;
  readonly n: number;
  /** Width m = n + widthOffset ≥ N. */
  readonly widthOffset: number;
  readonly gaps: readonly number[];
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Smallest pre-activation of the construction, shift/4 > 0. */
  readonly shift: number;
  /** Scale 2^scale/2 of the random incoming weights of the units that do not reach the output. */
  readonly scale: number;
  readonly seed: number;
  /** Control: targets y = β·x + β0 exactly affine (β from ys), so the linear regime is globally optimal. */
  readonly affineTargets: boolean;
}

function genome(affineTargets: boolean): fc.Arbitrary<WideReluGenome> {
  return fc.record({
    d: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 3, max: 6 }),
    widthOffset: fc.integer({ min: 0, max: 3 }),
    gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
    xs: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 12, maxLength: 12 }),
    ys: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 6, maxLength: 6 }),
    shift: fc.integer({ min: 1, max: 8 }),
    scale: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    affineTargets: fc.constant(affineTargets),
  });
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
    bias: true,
  };
  const data = { inputs, targets };
  const problem = makeProblem(network, data);
  const theta = linearRegimePoint(problem, {
    shift: g.shift / 4,
    scale: 2 ** g.scale / 2,
    rng: seededRng(g.seed),
  });
  return mlpSubjectAt(network, data, theta);
}

/** A better point: the end of the Li–Ding–Sun path from the construction (width ≥ N: it interpolates). */
function betterPoint(problem: Problem, theta: Float64Array, seed: number): Float64Array {
  const path = ldsPath(problem, theta, seededRng(seed));
  return path.vertices[path.vertices.length - 1]!;
}

interface Evidence {
  readonly better: number[];
}

const EXAM = { radii: [1e-2, 1e-3, 1e-4], trials: 60 } as const;

export const wideReluNoBadLocalMin = defineClaim<WideReluGenome, Evidence>({
  id: 'wide-relu-no-bad-local-min',
  title:
    'A one-hidden-layer relu network of width ≥ N has no bad local minimum (false: the linear-regime minimum)',
  source: sources.yunSraJadbabaie2019.at(
    'Theorem 1 (relu-like networks) [REC numbering]; also Ding, Li, Sun, arXiv 1911.01413',
  ),
  statement:
    'Claim (false): for f(x) = Σ_j a_j relu(w_j·x + b_j) + c with width m ≥ N, squared loss L = ½Σ_i(f(x_i) − y_i)², ' +
    'N distinct samples, every local minimum is global. Refutation (the linear-regime construction of Yun–Sra–Jadbabaie and Ding–Li–Sun): let β ' +
    'be the affine least-squares fit of the data, L_lin its loss; unit 1 carries it (w_1 = β_x, b_1 = β_0 + C, a_1 = 1, ' +
    'c = −C) with C so large that every pre-activation is ≥ shift > 0; the other units get random incoming weights, ' +
    'biases that keep them active on every sample, and a_j = 0. Exact argument: every pre-activation is ≥ margin, so ' +
    'on the ball of radius margin/√(1 + max‖x_i‖²) every unit stays active, the network is affine in x on the data and ' +
    'L ≥ L_lin = L(point): a local minimum, at any width. It is spurious when the data is not affinely fittable: the ' +
    'Li–Ding–Sun path from it reaches loss ≈ 0 (the better point). The certificate records the flat move (a unit with ' +
    'a_j = 0 moves its kink between samples; L unchanged) and the descent step on a_j after it: the minimum is not a ' +
    'basin, consistent with lds-no-suboptimal-basin.',
  kind: 'construction',
  expect: 'refuted',
  hypotheses: genome(false),
  budget: { test: 20, check: 100 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses({
      activations: ['relu'],
      bias: true,
      hiddenLayers: [1, 1],
      outputs: 1,
      trained: 'all',
      more: (s) => {
        const n = s.data.inputs.length;
        const width = s.network.layerSizes[1]!;
        if (width < n) return [`width ${width} < N = ${n}, expected m ≥ N`];
        return distinctInputsProblem(s);
      },
    }),
  },
  check(g) {
    const { problem, theta } = subjectProblem(wideReluSubject(g));
    const proof = allActiveProof(problem, theta);
    if (proof === null)
      return { status: 'inconclusive', reason: 'the construction left a unit inactive (internal error)' };
    const value = loss(problem, theta);
    const better = betterPoint(problem, theta, g.seed + 1);
    const betterLoss = loss(problem, better);
    const score = (value - betterLoss) / (1 + value);
    if (!isSpuriousGap(value, betterLoss)) return { status: 'pass', score };
    const model = subjectModel(wideReluSubject(g));
    const exam = examinePoint(model.objective, model.theta, { rng: seededRng(g.seed + 2), ...EXAM });
    if (exam.classification === 'saddle' || exam.classification === 'not-critical') {
      return {
        status: 'inconclusive',
        reason: `the sampled examination says ${exam.classification}, the exact argument says local minimum`,
      };
    }
    return { status: 'fail', evidence: { better: Array.from(better) }, score };
  },
  certify(g, evidence) {
    const subject = wideReluSubject(g);
    const { problem, theta } = subjectProblem(subject);
    const model = subjectModel(subject);
    const exam = examinePoint(model.objective, model.theta, {
      rng: seededRng(g.seed + 3),
      radii: EXAM.radii,
      trials: 200,
    });
    const proof = allActiveProof(problem, theta);
    if (proof === null) return { ok: false, reason: 'the construction left a unit inactive' };
    const exit = flatEscape(problem, theta, seededRng(g.seed + 4));
    if (exit === null) return { ok: false, reason: 'no flat move followed by a descent step was found' };
    const linear = affineFit(problem);
    return {
      ok: true,
      value: {
        subject,
        certificate: spuriousMinimumCertificate(model, exam, Float64Array.from(evidence.better), {
          exact: {
            argument:
              'every hidden pre-activation w_j·x_i + b_j ≥ margin > 0; perturbations of norm < radius = margin/√(1 + max‖x_i‖²) keep every unit active, so the network is affine in x on the data and L ≥ linearLoss (the affine least-squares loss) = L(point)',
            margin: proof.margin,
            radius: proof.radius,
            linearLoss: linear.loss,
          },
          details: {
            notABasin:
              'flatMove: unit `unit` has output weight 0; moving its incoming weights and bias along the straight segment to flatPoint (its kink now between samples) leaves L unchanged (flatProfile); descent: setting its output weight to −Σ r_i h(x_i)/Σ h(x_i)² then lowers L to descentLoss',
            unit: exit.unit,
            flatPoint: vectorToPoint(problem.net, exit.flatPoint),
            flatProfile: exit.flatProfile,
            descentPoint: vectorToPoint(problem.net, exit.descentPoint),
            descentLoss: exit.descentLoss,
          },
        }),
      },
    };
  },
  verifyDetails(file: CounterexampleJson) {
    if (file.subject.kind !== 'mlp') return ['the linear-regime construction needs an mlp subject'];
    const problems: string[] = [];
    const { problem, theta } = subjectProblem(file.subject as MlpSubjectJson);
    const value = loss(problem, theta);
    const exact = file.certificate.exact ?? {};
    const proof = allActiveProof(problem, theta);
    if (proof === null)
      problems.push('exact: some hidden pre-activation is ≤ 0: the point is not in the linear regime');
    else if (Math.abs(proof.margin - Number(exact.margin)) > 1e-12 * (1 + proof.margin)) {
      problems.push(`exact: margin is ${proof.margin}, certificate says ${String(exact.margin)}`);
    }
    const linear = affineFit(problem).loss;
    if (!(Math.abs(value - linear) <= 1e-10 * (1 + linear))) {
      problems.push(`exact: L(point) = ${value} is not the affine least-squares loss ${linear}`);
    }
    const details = file.certificate.details ?? {};
    const unit = Number(details.unit);
    if (!Number.isInteger(unit) || unit < 0 || unit >= problem.layout.layerSizes[1]!)
      return [...problems, `details: bad unit ${String(details.unit)}`];
    if (outputWeightOf(problem, theta, unit) !== 0)
      problems.push(`details: unit ${unit} has a non-zero output weight at the point`);
    let flat: Float64Array;
    let descent: Float64Array;
    try {
      flat = pointToVector(problem.net, details.flatPoint as PointJson);
      descent = pointToVector(problem.net, details.descentPoint as PointJson);
    } catch (error) {
      return [...problems, `details: ${(error as Error).message}`];
    }
    const [hidden, output] = problem.layout.layers;
    const d = hidden!.inputs;
    const ownIncoming = (k: number) =>
      (k >= hidden!.weightOffset + unit * d && k < hidden!.weightOffset + (unit + 1) * d) ||
      k === hidden!.biasOffset! + unit;
    const ownOutgoing = (k: number) => k === output!.weightOffset + unit;
    for (let k = 0; k < theta.length; k++) {
      if (!ownIncoming(k) && flat[k] !== theta[k])
        problems.push(
          `details: the flat move changes parameter ${k}, not only unit ${unit}'s incoming weights`,
        );
      if (!ownOutgoing(k) && descent[k] !== flat[k])
        problems.push(
          `details: the descent step changes parameter ${k}, not only unit ${unit}'s output weight`,
        );
    }
    const samples = 16;
    for (let s = 0; s <= samples; s++) {
      const v = loss(problem, along(theta, flat, s / samples));
      if (!(Math.abs(v - value) <= FLAT_RTOL * (1 + value))) {
        problems.push(`details: the loss along the flat move is ${v} at t = ${s / samples}, not ${value}`);
        break;
      }
    }
    const descentLoss = loss(problem, descent);
    if (!(value - descentLoss > ESCAPE_DECREASE_RTOL * (1 + value))) {
      problems.push(`details: the descent step gives ${descentLoss}, not below ${value}`);
    }
    if (!(Math.abs(descentLoss - Number(details.descentLoss)) <= 1e-9 * (1 + descentLoss))) {
      problems.push(
        `details: descentLoss is ${descentLoss}, certificate says ${String(details.descentLoss)}`,
      );
    }
    return [...new Set(problems)];
  },
  mutate(g, rng) {
    const ys = [...g.ys];
    const k = rng.int(0, ys.length - 1);
    ys[k] = Math.max(-8, Math.min(8, ys[k]! + (rng.uniform() < 0.5 ? -1 : 1)));
    return { ...g, ys };
  },
  control: {
    description: 'affine targets: the linear regime is then globally optimal, so it is not a bad minimum',
    hypotheses: genome(true),
    expect: 'holds',
    runs: 20,
  },
});
