// Li, Ding, Sun (2022), "On the Benefit of Width for Neural Networks: Disappearance of Basins", SIAM J. Optim.
// 32:1728–1758 (arXiv 1812.11039), the negative side: "for a large class of networks with width below a threshold,
// we construct strict local minima that are not global" [SRC abstract; the paper's construction is REC]. Our
// instances are implementable substitutes for the paper's construction [REC]: a single logistic
// neuron in 1-D (Auer, Herbster, Warmuth 1995) and narrow sigmoid/tanh networks. The claim below is the false
// one; see `statement`.
import fc from 'fast-check';
import type { CounterexampleJson } from '../src/archive/index.js';
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import { distinctInputs } from '../src/landscape/basins/index.js';
import {
  descendAndExamine,
  examinePoint,
  isSpuriousGap,
  LOSS_ROUNDING_RTOL,
  lbfgs,
  type MlpSubjectJson,
  type Objective,
  type PointExamination,
  spuriousMinimumCertificate,
  subjectModel,
  withIntervalProof,
} from '../src/landscape/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

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

function genome(wide: boolean): fc.Arbitrary<NarrowGenome> {
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

const ACTIVATIONS = [{ name: 'sigmoid' }, { name: 'tanh' }] as const;

/** The subject of a genome at its starting point. */
export function narrowSubject(g: NarrowGenome): MlpSubjectJson {
  const activation = ACTIVATIONS[g.activation]!;
  if (g.model < 3) {
    return {
      kind: 'mlp',
      network: { layerSizes: [1, 1, 1], activation, bias: false, trainable: [true, false] },
      data: {
        inputs: Array.from({ length: g.n }, (_, i) => [
          (g.xs[i]! < 0 ? -1 : 1) * (1 + Math.abs(g.xs[i]!) / 8) * 4 ** (i - Math.floor(g.n / 2)),
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
  const width = g.wide ? g.n + g.widthOffset : Math.min(g.width, g.n - 2);
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
    point: {
      layers: [
        {
          weights: Array.from({ length: width }, () => [normal()]),
          biases: Array.from({ length: width }, normal),
        },
        { weights: [Array.from({ length: width }, normal)], biases: [normal()] },
      ],
    },
  };
}

/** One-dimensional objectives: the grid on [−GRID_HALF_WIDTH, GRID_HALF_WIDTH] that locates the global valley. */
const GRID_HALF_WIDTH = 64;
const GRID_POINTS = 8001;
/** Restarts for the better point of model 1. */
const RESTARTS = 8;

/** The lowest point found: a fine grid (1-D) or L-BFGS restarts at several scales, polished by L-BFGS. */
export function bestPoint(objective: Objective, seed: number): Float64Array {
  const starts: Float64Array[] = [];
  if (objective.dim === 1) {
    let best = 0;
    let bestValue = Number.POSITIVE_INFINITY;
    for (let k = 0; k < GRID_POINTS; k++) {
      const w = gridPoint(k);
      const v = objective.value(Float64Array.of(w));
      if (v < bestValue) {
        bestValue = v;
        best = w;
      }
    }
    starts.push(Float64Array.of(best));
  } else {
    const rng = seededRng(seed);
    for (let r = 0; r < RESTARTS; r++)
      starts.push(Float64Array.from({ length: objective.dim }, () => 2 ** ((r % 4) - 1) * rng.normal()));
  }
  let best: Float64Array | null = null;
  let bestValue = Number.POSITIVE_INFINITY;
  for (const s of starts) {
    const result = lbfgs(objective, s, { maxIterations: 1000 });
    const v = objective.value(result.theta);
    if (Number.isFinite(v) && v < bestValue) {
      bestValue = v;
      best = result.theta;
    }
  }
  return best ?? starts[0]!;
}

/** The local minima of a 1-D objective on the grid (L[k] < L[k−1] and L[k] ≤ L[k+1]), as starting points. */
export function gridMinima(objective: Objective): Float64Array[] {
  const values = Array.from({ length: GRID_POINTS }, (_, k) =>
    objective.value(Float64Array.of(gridPoint(k))),
  );
  const out: Float64Array[] = [];
  for (let k = 1; k + 1 < GRID_POINTS; k++) {
    if (values[k]! < values[k - 1]! && values[k]! <= values[k + 1]!) out.push(Float64Array.of(gridPoint(k)));
  }
  return out;
}

function gridPoint(k: number): number {
  return -GRID_HALF_WIDTH + (2 * GRID_HALF_WIDTH * k) / (GRID_POINTS - 1);
}

/**
 * Strictness that is more than rounding: besides examinePoint's test (gradient 0, reduced Hessian positive
 * definite relative to λ_max, no perturbation decreasing L), the curvature must show at the largest radius:
 * λ_min·r²/2 ≥ CURVATURE_MARGIN·LOSS_ROUNDING_RTOL·(1 + L), and every perturbation must raise L. This rules
 * out saturated points (w → ∞) where gradient and Hessian are both ~e^{−|w x|} and only look strict.
 */
const CURVATURE_MARGIN = 1e3;

export function clearlyStrict(exam: PointExamination): boolean {
  const eig = exam.hessianEigenvalues;
  if (exam.classification !== 'strict-local-min' || eig === null || eig.length === 0) return false;
  const r = Math.max(...exam.perturbation.radii);
  return (
    (eig[0]! * r * r) / 2 >= CURVATURE_MARGIN * LOSS_ROUNDING_RTOL * (1 + Math.abs(exam.value)) &&
    exam.perturbation.minLossIncrease > 0
  );
}

interface Evidence {
  readonly theta: number[];
  readonly better: number[];
}

const EXAM = { radii: [1e-2, 1e-3, 1e-4], trials: 60 } as const;

export const narrowNoStrictBadMin = defineClaim<NarrowGenome, Evidence>({
  id: 'narrow-no-strict-bad-min',
  title:
    'Networks narrower than N have no strict local minimum that is not global (false: Li–Ding–Sun’s negative side)',
  source: sources.liDingSun2022.at(
    'negative side: strict sub-optimal local minima below the width threshold [SRC abstract; construction REC]',
  ),
  statement:
    'Claim (false): a network whose (last) hidden width is below the number of samples N, with squared loss, has no ' +
    'strict local minimum that is not global. Refuted on two narrow families with non-homogeneous activations (no ' +
    'rescaling symmetry, so strictness is pointwise): (a) a single logistic or tanh neuron f(x) = σ(w·x) in 1-D, no bias, ' +
    'output weight fixed at 1 (width 1 < N), with one sample per scale x_i ∝ ±4^i and targets in {0, 1} ' +
    '(Auer–Herbster–Warmuth’s valleys); (b) one hidden layer of width m ≤ N − 2 with biases, every parameter trained. ' +
    'Check: descend from the generated start and, for (a), from every local minimum of L on a grid of w (L-BFGS, ' +
    'Newton polish), examine (gradient 0, Hessian positive definite beyond 1e-7·λ_max, every random perturbation at ' +
    'radii 1e-2…1e-4 raising L, and curvature λ_min·r²/2 ≥ 1e3 rounding floors so saturated points do not pass); a ' +
    'better point (a grid over w ∈ [−64, 64] for the 1-D model, L-BFGS restarts otherwise) lower by max(1e-6, 1e-4·L) ' +
    'refutes the claim. Its control: width ≥ N (Li–Ding–Sun’s positive side), where no strict sub-optimal minimum exists. ' +
    'Certificates carry an interval proof when src/interval proves them (rigour interval-proof: a unique critical point ' +
    'in a box by the Krawczyk test, the interval Hessian over the box positive definite, the better point’s loss ' +
    'enclosure below the minimum’s); the archive also holds proved minima of tanh, sigmoid and softplus networks ' +
    '1 → 2 → 1, every parameter trained, on 8–10 points (scripts/prove-archive.js).',
  kind: 'construction',
  expect: 'refuted',
  hypotheses: genome(false),
  budget: { test: 30, check: 200 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses({
      hiddenLayers: [1, 1],
      outputs: 1,
      more: (s) => {
        const n = s.data.inputs.length;
        const width = s.network.layerSizes[1]!;
        return width < n ? [] : [`hidden width ${width} ≥ N = ${n}, expected a narrow network (width < N)`];
      },
    }),
  },
  check(g) {
    const model = subjectModel(narrowSubject(g));
    const better = bestPoint(model.objective, g.seed + 2);
    const betterValue = model.objective.value(better);
    // Starts: the generated point and, for the 1-D model, every local minimum of the grid (the valleys).
    const starts = [model.theta, ...(model.objective.dim === 1 ? gridMinima(model.objective) : [])];
    let inconclusive: string | null = null;
    let score = -1;
    for (const start of starts) {
      const result = descendAndExamine(model.objective, start, seededRng(g.seed + 1), EXAM);
      if (result.exam === null) {
        inconclusive ??= `optimiser: ${result.optimized.reason}`;
        continue;
      }
      if (!clearlyStrict(result.exam)) continue;
      const gap = result.exam.value - betterValue;
      score = Math.max(score, gap);
      if (isSpuriousGap(result.exam.value, betterValue)) {
        return {
          status: 'fail',
          evidence: { theta: Array.from(result.theta), better: Array.from(better) },
          score: 1 + gap,
        };
      }
    }
    if (inconclusive !== null && starts.length === 1)
      return { status: 'inconclusive', reason: inconclusive, score };
    return { status: 'pass', score };
  },
  certify(g, evidence) {
    const start = subjectModel(narrowSubject(g));
    const subject: MlpSubjectJson = {
      ...narrowSubject(g),
      point: start.toPoint(Float64Array.from(evidence.theta)) as MlpSubjectJson['point'],
    };
    const model = subjectModel(subject);
    const result = descendAndExamine(model.objective, model.theta, seededRng(g.seed + 3), {
      radii: EXAM.radii,
      trials: 400,
    });
    if (result.exam === null || !clearlyStrict(result.exam))
      return { ok: false, reason: 'the point is not a clearly strict local minimum' };
    const final: MlpSubjectJson = {
      ...subject,
      point: model.toPoint(result.theta) as MlpSubjectJson['point'],
    };
    const certificate = spuriousMinimumCertificate(
      subjectModel(final),
      result.exam,
      Float64Array.from(evidence.better),
      {
        details: {
          model:
            g.model < 3
              ? 'single neuron σ(w·x), output weight fixed'
              : 'one hidden layer, all parameters trained',
          width: final.network.layerSizes[1],
          samples: final.data.inputs.length,
          curvatureMargin: CURVATURE_MARGIN,
        },
      },
    );
    // the interval proof (src/interval); float-evidence with the reason in details when it fails
    const proof = withIntervalProof(final, certificate);
    return {
      ok: true,
      value: {
        subject: final,
        certificate: proof.proved
          ? proof.certificate
          : { ...certificate, details: { ...certificate.details, noProof: proof.reason } },
      },
    };
  },
  verifyDetails(file: CounterexampleJson, rng) {
    if (file.subject.kind !== 'mlp') return ['needs an mlp subject'];
    const subject = file.subject as MlpSubjectJson;
    const problems: string[] = [];
    const sizes = subject.network.layerSizes;
    if (!(sizes[sizes.length - 2]! < subject.data.inputs.length))
      problems.push('the network is not narrow (last hidden width ≥ N)');
    const model = subjectModel(subject);
    const exam = examinePoint(model.objective, model.theta, { rng, radii: EXAM.radii, trials: 100 });
    if (!clearlyStrict(exam))
      problems.push(`the point is not a clearly strict local minimum today (${exam.classification})`);
    return problems;
  },
  control: {
    description: 'width ≥ N (Li–Ding–Sun’s positive side): no strict sub-optimal minimum is found',
    hypotheses: genome(true),
    expect: 'holds',
    runs: 30,
  },
});
