// Fukumizu & Amari (2000), "Local minima and plateaus in hierarchical structures of multilayer perceptrons",
// Neural Networks 13(3):317–327, §3 (reducible embeddings) [REC section]; in the form of docs/derivations.md#embeddings
// (DERIVED, exact), also the "embedding principle" of Zhang, Zhang, Luo, Xu (2021, arXiv 2105.14573).
import fc from 'fast-check';
import { defineClaim, identityViolated } from '../src/claims/index.js';
import {
  addZeroUnit,
  descendToCritical,
  duplicateUnit,
  EMBED_LOSS_RTOL,
  EMBED_SOURCE_GRAD_RTOL,
  genomeSubject,
  type NetworkGenome,
} from '../src/landscape/exact/index.js';
import { GRAD_ZERO_TOL, type MlpSubjectJson, subjectModel } from '../src/landscape/index.js';
import { singularValues } from '../src/linalg/index.js';
import { lossWeight, outputs } from '../src/nn/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

export interface EmbeddingGenome extends NetworkGenome {
  /** `split`: duplicate a unit with output weights (λv, (1 − λ)v + δ); `zero`: add a unit with w = 0, b = 0, v = 0. */
  readonly mode: 'split' | 'zero';
  /** Which hidden layer and unit (modulo their counts). */
  readonly layer: number;
  readonly unit: number;
  /** λ = k/8 ∈ [−1, 2]. */
  readonly lambda: number;
  /** δ = k/8 added to the new unit's output weights: 0 in the theorem, ≠ 0 in the control. */
  readonly misSplit: number;
}

const grid = (length: number) =>
  fc.array(fc.integer({ min: -8, max: 8 }), { minLength: length, maxLength: length });

/** Activations (indices of GENOME_ACTIVATIONS) with σ(0) = 0: identity, relu, leaky-relu, tanh, quadratic, polynomial. */
const ZERO_AT_ZERO = [0, 1, 2, 3, 6, 7];
/** Activations with σ(0) ≠ 0: sigmoid (½), softplus (log 2). */
const NONZERO_AT_ZERO = [4, 5];

/** Widths and sample counts of the generated networks. */
interface Shape {
  readonly width: { min: number; max: number };
  readonly n: { min: number; max: number };
}

const THEOREM_SHAPE: Shape = { width: { min: 1, max: 3 }, n: { min: 2, max: 5 } };

function base(
  activations: readonly number[],
  misSplit: fc.Arbitrary<number>,
  shape: Shape = THEOREM_SHAPE,
): fc.Arbitrary<Omit<EmbeddingGenome, 'mode'>> {
  return fc
    .record({
      activation: fc.integer({ min: 0, max: activations.length - 1 }),
      slope: fc.integer({ min: 1, max: 50 }),
      coefficients: grid(3),
      hidden: fc.integer({ min: 1, max: 2 }),
      widths: fc.array(fc.integer(shape.width), { minLength: 2, maxLength: 2 }),
      dx: fc.integer({ min: 1, max: 2 }),
      dy: fc.integer({ min: 1, max: 2 }),
      n: fc.integer(shape.n),
      bias: fc.boolean(),
      xs: grid(10),
      ys: grid(10),
      ws: grid(40),
      layer: fc.integer({ min: 0, max: 1 }),
      unit: fc.integer({ min: 0, max: 2 }),
      lambda: fc.integer({ min: -8, max: 16 }),
      misSplit,
    })
    .map((g) => ({
      ...g,
      activation: activations[g.activation]!,
      // polynomial activations keep σ(0) = c_0 = 0 where the map needs it (the zero unit)
      coefficients: activations === ZERO_AT_ZERO ? [0, ...g.coefficients.slice(1)] : g.coefficients,
    }));
}

const ALL = [0, 1, 2, 3, 4, 5, 6, 7];

function genome(misSplit: fc.Arbitrary<number>): fc.Arbitrary<EmbeddingGenome> {
  return fc.oneof(
    base(ALL, misSplit).map((g): EmbeddingGenome => ({ ...g, mode: 'split' })),
    base(ZERO_AT_ZERO, misSplit).map((g): EmbeddingGenome => ({ ...g, mode: 'zero' })),
  );
}

/**
 * The zero-unit map on activations with σ(0) ≠ 0 (outside the hypotheses): an extra control. The new unit outputs
 * the constant σ(0), so ∂L/∂v_new = 2s·σ(0)·Σ_i r_i. Wherever the last hidden features span the constant vector,
 * Σ_i r_i = 0 at every critical point and criticality survives: with an output bias (∂L/∂c = 2sΣr_i = 0), or with
 * as many units as samples (then r = 0). So: no biases, width 1, n ≥ 4.
 */
export const zeroUnitWithNonzeroSigma: fc.Arbitrary<EmbeddingGenome> = base(NONZERO_AT_ZERO, fc.constant(0), {
  width: { min: 1, max: 1 },
  n: { min: 4, max: 5 },
}).map((g): EmbeddingGenome => ({ ...g, bias: false, mode: 'zero' }));

/** The embedded subject of a genome at a critical point `at` of its own network. */
export function embed(g: EmbeddingGenome, at: MlpSubjectJson): MlpSubjectJson {
  const hidden = at.network.layerSizes.length - 2;
  const layer = g.layer % hidden;
  if (g.mode === 'zero') return addZeroUnit(at, layer);
  const unit = g.unit % at.network.layerSizes[layer + 1]!;
  return duplicateUnit(at, layer, unit, g.lambda / 8, g.misSplit / 8);
}

interface Evidence {
  readonly what: string;
  /** The failed identity at the embedded subject, archived as an identity-violated file. */
  readonly violated: Parameters<typeof identityViolated>[0] & { readonly subject: MlpSubjectJson };
}

/** Replay recomputes the archived ‖∇L′‖ at the file's point to this relative error (summation order only). */
const GRAD_NORM_REPLAY_RTOL = 1e-9;

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

export const embeddingPreservesCriticality = defineClaim<EmbeddingGenome, Evidence>({
  id: 'embedding-preserves-criticality',
  title:
    'Splitting a unit, or adding a zero unit when σ(0) = 0, maps a critical point to a critical point with the same loss',
  source: sources.fukumizuAmari2000.at(
    '§3, embeddings of a smaller network [REC section]; the exact form is DERIVED in docs/derivations.md#embeddings',
  ),
  statement:
    'Any fully connected network (every activation, 1–2 hidden layers, with or without bias), squared loss, and a ' +
    'critical point θ (∇L(θ) = 0). (i) Duplicating unit j of hidden layer h — incoming weights and bias copied, ' +
    'outgoing weights v_j replaced by λv_j and (1 − λ)v_j, any λ — gives a critical point of the network with one more ' +
    'unit and the same loss. (ii) If σ(0) = 0, adding a unit with incoming weights, bias and outgoing weights all 0 ' +
    'does too. Check: θ found by L-BFGS from the generated point and Newton-polished to ‖∇L‖ ≤ 1e-12(1 + L) (else ' +
    'inconclusive), away from kinks; then ‖∇L′‖ ≤ 1e-9(1 + L′) + √2·max(1,|λ|,|1−λ|)·‖∇L‖ + 2s·σ_max(J′)·‖f′ − f‖ at the embedded point (the last two terms charge the residual gradient of the source and the rounding of the split λv + (1 − λ)v ≠ v) and |L′ − L| ≤ 1e-12(1 + L). ' +
    'λ = k/8 ∈ [−1, 2].',
  kind: 'theorem',
  expect: 'holds',
  // A failure is an exact identity failing at a concrete mlp: the file's two sides are recomputed on replay.
  refutedBy: {
    kinds: ['identity-violated'],
    subject: (s) => (s.kind === 'mlp' ? [] : [`expected an mlp subject, got ${s.kind}`]),
  },
  hypotheses: genome(fc.constant(0)),
  budget: { test: 80, check: 2000 },
  check(g) {
    const subject = genomeSubject(g);
    const model = subjectModel(subject);
    const found = descendToCritical(model.objective, model.theta, seededRng(0), { examine: false });
    const { value, gradientNorm, converged } = found.optimized;
    if (!converged || !(gradientNorm <= EMBED_SOURCE_GRAD_RTOL * (1 + Math.abs(value)))) {
      return { status: 'inconclusive', reason: `no polished critical point (${found.optimized.reason})` };
    }
    const kink = model.objective.nonDifferentiable(found.theta);
    if (kink !== null) return { status: 'inconclusive', reason: 'critical point on a kink' };
    const at: MlpSubjectJson = { ...subject, point: model.toPoint(found.theta) as MlpSubjectJson['point'] };
    const embeddedSubject = embed(g, at);
    const embedded = subjectModel(embeddedSubject);
    const after = embedded.objective.valueAndGradient(embedded.theta);
    const g2 = norm(after.gradient);
    // In exact arithmetic the embedded gradient is the source gradient mapped by the embedding (norm ≤
    // √2·max(1, |λ|, |1 − λ|)). In floating point λv + (1 − λ)v ≠ v by a rounding, which moves the outputs by
    // Δf = f′ − f and the gradient 2s·J′ᵀr′ by at most 2s·σ_max(J′)·‖Δf‖: at a zero-loss minimum with weights of
    // size ~1 that is ~1e-8, far above an absolute 1e-9. The bound charges exactly that, on top of GRAD_ZERO_TOL.
    const source = model.mlp!;
    const target = embedded.mlp!;
    const before = outputs(source.problem, source.expand(found.theta));
    const moved = outputs(target.problem, target.expand(embedded.theta));
    let deltaF = 0;
    for (let k = 0; k < before.length; k++) deltaF += (moved[k]! - before[k]!) ** 2;
    const lambda = g.mode === 'split' ? g.lambda / 8 : 0;
    const spread = Math.SQRT2 * Math.max(1, Math.abs(lambda), Math.abs(1 - lambda));
    const sigmaMax = singularValues(target.jacobian(embedded.theta))[0] ?? 0;
    const roundingAllowance =
      spread * gradientNorm + 2 * lossWeight(target.problem) * sigmaMax * Math.sqrt(deltaF);
    const gradTol = GRAD_ZERO_TOL * (1 + Math.abs(after.value)) + roundingAllowance;
    const score = Math.max(
      g2 / gradTol,
      Math.abs(after.value - value) / (EMBED_LOSS_RTOL * (1 + Math.abs(value))),
    );
    if (!(Math.abs(after.value - value) <= EMBED_LOSS_RTOL * (1 + Math.abs(value)))) {
      const violated = {
        identity:
          'L′(θ′) = L(θ): the embedding keeps the loss (left: L′ at the embedded point, right: L at the source)',
        left: [after.value],
        right: [value],
        tolerance: EMBED_LOSS_RTOL * (1 + Math.abs(value)),
        loss: after.value,
        subject: embeddedSubject,
      };
      return { status: 'fail', evidence: { what: `loss ${value} became ${after.value}`, violated }, score };
    }
    if (!(g2 <= gradTol)) {
      return {
        status: 'fail',
        evidence: {
          what: `‖∇L′‖ = ${g2.toExponential(3)} > ${gradTol.toExponential(3)} (was ${gradientNorm.toExponential(3)})`,
          violated: {
            identity: '‖∇L′(θ′)‖ = 0: the embedded point is critical (left: ‖∇L′‖ at the file’s point)',
            left: [g2],
            right: [0],
            tolerance: gradTol,
            loss: after.value,
            subject: embeddedSubject,
          },
        },
        score,
      };
    }
    return { status: 'pass', score };
  },
  certify(_g, evidence) {
    const { subject, ...sides } = evidence.violated;
    return { ok: true, value: { subject, certificate: identityViolated(sides) } };
  },
  verifyDetails(file) {
    const c = file.certificate;
    if (c.kind !== 'identity-violated' || !c.identity.startsWith('‖∇L′(θ′)‖') || file.subject.kind !== 'mlp')
      return [];
    const model = subjectModel(file.subject as MlpSubjectJson);
    const recomputed = norm(model.objective.valueAndGradient(model.theta).gradient);
    return Math.abs(recomputed - c.left[0]!) <= GRAD_NORM_REPLAY_RTOL * Math.max(1, recomputed)
      ? []
      : [`‖∇L′‖ at the file's point is ${recomputed}, the file says ${c.left[0]}`];
  },
  control: {
    description:
      'mis-split output weights λv and (1 − λ)v + δ, δ = k/8 ≠ 0: the function changes, so the point stops being critical',
    hypotheses: genome(fc.integer({ min: 1, max: 8 })),
    expect: 'refuted',
    runs: 40,
  },
});
