// Swirszcz, Czarnecki, Pascanu (2016), "Local minima in training of neural networks", arXiv 1611.06310, §3
// ("blind spots": dead ReLUs) [REC section]; the single-neuron form is DERIVED in docs/derivations.md#dead-units.
// The claim below is the false one; see `statement`.
import fc from 'fast-check';
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import { deadUnitsProof } from '../src/landscape/basins/index.js';
import {
  descendAndExamine,
  isSpuriousGap,
  lbfgs,
  type MlpSubjectJson,
  mlpModel,
  spuriousMinimumCertificate,
  subjectModel,
} from '../src/landscape/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** Hypotheses as a genome of small integers: value = k/4 (readable shrinks, context-free shrinking). */
export interface SingleNeuronGenome {
  readonly d: number;
  readonly n: number;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** The starting point: w = ws/4, b = bs/4. */
  readonly ws: readonly number[];
  readonly bs: number;
  /** Seed of the restarts that look for a better point. */
  readonly restarts: number;
}

const MAX = 24;

function genome(targets: { min: number; max: number }): fc.Arbitrary<SingleNeuronGenome> {
  return fc.record({
    d: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 2, max: 8 }),
    xs: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: MAX, maxLength: MAX }),
    ys: fc.array(fc.integer(targets), { minLength: 8, maxLength: 8 }),
    ws: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 3, maxLength: 3 }),
    bs: fc.integer({ min: -8, max: 8 }),
    restarts: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
}

/** f(x) = relu(w·x + b) as an mlp [d, 1, 1] whose output layer (weight 1, bias 0) is frozen. */
export function singleNeuronSubject(g: SingleNeuronGenome): MlpSubjectJson {
  const inputs = Array.from({ length: g.n }, (_, i) =>
    Array.from({ length: g.d }, (_, j) => g.xs[(i * g.d + j) % MAX]! / 4),
  );
  const targets = Array.from({ length: g.n }, (_, i) => [g.ys[i % 8]! / 4]);
  return {
    kind: 'mlp',
    network: { layerSizes: [g.d, 1, 1], activation: { name: 'relu' }, bias: true, trainable: [true, false] },
    data: { inputs, targets },
    loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
    point: {
      layers: [
        { weights: [Array.from({ length: g.d }, (_, j) => g.ws[j % 3]! / 4)], biases: [g.bs / 4] },
        { weights: [[1]], biases: [0] },
      ],
    },
  };
}

/**
 * The exact argument for a dead neuron: if w·x_i + b ≤ −m < 0 for every i, then any (δw, δb) with
 * ‖(δw, δb)‖ < ρ = m / √(1 + max_i ‖x_i‖²) keeps every pre-activation negative (Cauchy–Schwarz), so L is
 * constant on that ball: a local minimum. Returns null when some sample is not strictly inactive.
 */
export function deadNeuronProof(subject: MlpSubjectJson): { margin: number; radius: number } | null {
  const { problem, full } = mlpModel(subject);
  return deadUnitsProof(problem, full);
}

/** Restarts for the better point: enough that a live neuron fitting the positive targets is found. */
const RESTARTS = 6;

function bestRestart(subject: MlpSubjectJson, seed: number): Float64Array {
  const model = subjectModel(subject);
  const rng = seededRng(seed);
  let best: { theta: Float64Array; value: number } | null = null;
  for (let r = 0; r < RESTARTS; r++) {
    const start = Float64Array.from(model.theta, () => rng.normal());
    const result = lbfgs(model.objective, start, { maxIterations: 2000 });
    if (Number.isFinite(result.value) && (best === null || result.value < best.value)) best = result;
  }
  return best?.theta ?? model.theta;
}

interface Evidence {
  readonly better: number[];
}

export const singleReluNoSpuriousMin = defineClaim<SingleNeuronGenome, Evidence>({
  id: 'single-relu-no-spurious-min',
  title: 'A single ReLU neuron with squared loss has no spurious local minimum (false)',
  source: sources.swirszczCzarneckiPascanu2016.at('§3, dead ReLUs ("blind spots") [REC section]'),
  statement:
    'Claim (false): for f(x) = relu(w·x + b), w ∈ R^d, and L(w, b) = ½Σ_i (f(x_i) − y_i)², every local minimum is global. ' +
    'Refutation: if w·x_i + b < 0 for every sample (a dead neuron), L is constant (= ½Σy_i²) on a ball around (w, b), ' +
    'so (w, b) is a non-strict local minimum; it is spurious whenever some y_i > 0 can be fitted better. ' +
    'Check: descend from the generated (w, b), examine the endpoint; a local minimum with a certified better point ' +
    '(L-BFGS restarts) refutes the claim. The certificate records the exact dead-neuron argument (margin m, radius ρ).',
  kind: 'construction',
  expect: 'refuted',
  hypotheses: genome({ min: -8, max: 8 }),
  budget: { test: 40, check: 200 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses({
      activations: ['relu'],
      bias: true,
      hiddenLayers: [1, 1],
      outputs: 1,
      trained: 'first-only',
      more: (s) => (s.network.layerSizes[1] === 1 ? [] : ['expected a single relu neuron']),
    }),
  },
  check(g) {
    const subject = singleNeuronSubject(g);
    const model = subjectModel(subject);
    const proof = deadNeuronProof(subject);
    const score = proof === null ? -1 : 0;
    const result = descendAndExamine(model.objective, model.theta, seededRng(g.restarts + 1), {
      radii: [1e-3, 1e-5],
      trials: 40,
    });
    if (result.exam === null)
      return { status: 'inconclusive', reason: `optimiser: ${result.optimized.reason}`, score };
    const c = result.exam.classification;
    const isMin = c === 'strict-local-min' || c === 'local-min' || (c === 'degenerate' && proof !== null);
    if (!isMin) return { status: 'pass', score };
    const better = bestRestart(subject, g.restarts);
    if (!isSpuriousGap(result.exam.value, model.objective.value(better))) return { status: 'pass', score };
    return { status: 'fail', evidence: { better: Array.from(better) }, score: 1 };
  },
  certify(g, evidence) {
    const subject = singleNeuronSubject(g);
    const model = subjectModel(subject);
    const result = descendAndExamine(model.objective, model.theta, seededRng(g.restarts + 2), {
      radii: [1e-2, 1e-3, 1e-4],
      trials: 200,
    });
    if (result.exam === null) return { ok: false, reason: 'not critical' };
    const final: MlpSubjectJson = {
      ...subject,
      point: model.toPoint(result.theta) as MlpSubjectJson['point'],
    };
    const finalModel = subjectModel(final);
    const proof = deadNeuronProof(final);
    return {
      ok: true,
      value: {
        subject: final,
        certificate: spuriousMinimumCertificate(finalModel, result.exam, Float64Array.from(evidence.better), {
          exact:
            proof === null
              ? null
              : {
                  argument:
                    'every pre-activation w·x_i + b ≤ −margin; perturbations of norm < radius = margin/√(1 + max‖x_i‖²) keep the unit dead, so L is constant there',
                  margin: proof.margin,
                  radius: proof.radius,
                },
        }),
      },
    };
  },
  verifyDetails(file) {
    const exact = file.certificate.exact;
    if (exact === null || exact === undefined) return [];
    if (file.subject.kind !== 'mlp') return ['the dead-neuron argument needs an mlp subject'];
    const proof = deadNeuronProof(file.subject as MlpSubjectJson);
    if (proof === null) return ['exact: the neuron is not dead on every sample'];
    if (Math.abs(proof.margin - Number(exact.margin)) > 1e-12 * (1 + proof.margin)) {
      return [`exact: margin is ${proof.margin}, certificate says ${String(exact.margin)}`];
    }
    return [];
  },
  mutate(g, rng) {
    const ws = [...g.ws];
    const k = rng.int(0, 3);
    if (k < 3) ws[k] = Math.max(-8, Math.min(8, ws[k]! + (rng.uniform() < 0.5 ? -1 : 1)));
    return {
      ...g,
      ws,
      bs: k === 3 ? Math.max(-8, Math.min(8, g.bs + (rng.uniform() < 0.5 ? -1 : 1))) : g.bs,
    };
  },
  control: {
    description: 'targets y ≤ 0: f ≡ 0 on the data is then globally optimal, so no spurious minimum exists',
    hypotheses: genome({ min: -8, max: 0 }),
    expect: 'holds',
    runs: 40,
  },
});
