// ReLU region linearity, docs/derivations.md#region-linearityDERIVED, exact): inside an activation region a two-layer ReLU
// network is linear in its first-layer weights, the fact behind the region analysis of Karhadkar, Murray,
// Tseran, Montúfar (2024, arXiv 2305.19510, §3 [REC section]). Checked here against the numeric core.
import fc from 'fast-check';
import { defineClaim } from '../src/claims/index.js';
import {
  genomeSubject,
  type NetworkGenome,
  QUADRATIC_FIT_RTOL,
  quadraticFit,
  REGION_SAFETY,
  regionGram,
  regionInterval,
} from '../src/landscape/exact/index.js';
import { subjectModel } from '../src/landscape/index.js';
import { sources } from './sources.js';

/** `inside`: the segment stays in θ's activation region (the theorem); `across`: it runs 3× past the first kink. */
export type SegmentChoice = 'inside' | 'across';

export interface RegionGenome extends NetworkGenome {
  /** The direction's first-layer entries, k/4 (cyclic). */
  readonly ds: readonly number[];
  readonly segment: SegmentChoice;
}

const grid = (length: number) =>
  fc.array(fc.integer({ min: -8, max: 8 }), { minLength: length, maxLength: length });

/** One hidden layer (width 1–5), relu (activation 1) or leaky-relu (activation 2), d_x 1–3, d_y 1–2, n 1–6. */
function genome(segment: SegmentChoice): fc.Arbitrary<RegionGenome> {
  return fc.record({
    activation: fc.integer({ min: 1, max: 2 }),
    slope: fc.integer({ min: 1, max: 50 }),
    coefficients: fc.constant([]),
    hidden: fc.constant(1),
    widths: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 1 }),
    dx: fc.integer({ min: 1, max: 3 }),
    dy: fc.integer({ min: 1, max: 2 }),
    n: fc.integer({ min: 1, max: 6 }),
    bias: fc.boolean(),
    xs: grid(18),
    ys: grid(12),
    ws: grid(40),
    ds: grid(20),
    segment: fc.constant(segment),
  });
}

interface Evidence {
  readonly what: string;
}

export const regionLinearity = defineClaim<RegionGenome, Evidence>({
  id: 'region-linearity',
  title:
    'Inside one activation region, the loss of a two-layer ReLU network is an exact quadratic in the first layer',
  source: sources.karhadkar2023.at(
    '§3, activation regions [REC section]; the facts are DERIVED in docs/derivations.md#region-linearity',
  ),
  statement:
    'F(x) = V·σ(Wx + b) + c with σ = relu or leaky-relu (slope a), one hidden layer of width m, V and c fixed. For an ' +
    'activation pattern A and its region S_A = {(W, b): every pre-activation keeps its sign}: (a) along any segment ' +
    '(W, b) + t·(D, δ), t ∈ [0, T], inside S_A, L(t) = ½‖F(X) − Y‖² is an exact quadratic in t; (b) the Jacobian of ' +
    "F(X) in (W, b) satisfies J Jᵀ = (Aᵀ diag(v²) A) ∘ (X̃ X̃ᵀ) (per output pair; X̃ = [X, 1] with bias), A_ui = σ'(z_ui). " +
    'Check: from the generated point (not on a region boundary) the segment ends at 0.9 of the distance to the first ' +
    'kink (or T = 1); the quadratic through t = 0, T/2, T predicts L at six other points to 1e-9 of s·(‖F‖ + ‖Y‖)²; ' +
    "(b) entrywise to 1e-12 relative, J from the core's reverse-mode Jacobian.",
  kind: 'theorem',
  expect: 'holds',
  hypotheses: genome('inside'),
  budget: { test: 1000, check: 20000 },
  check(g) {
    const subject = genomeSubject(g);
    const model = subjectModel(subject);
    const problem = model.mlp!.problem;
    const first = problem.layout.layers[0]!;
    const direction = new Float64Array(problem.layout.size);
    let moved = false;
    for (let k = first.start; k < first.end; k++) {
      direction[k] = g.ds[(k - first.start) % g.ds.length]! / 4;
      if (direction[k] !== 0) moved = true;
    }
    if (!moved) return { status: 'discard', reason: 'zero direction' };
    const interval = regionInterval(problem, model.theta, direction);
    if (interval.onBoundary) return { status: 'discard', reason: 'the point is on a region boundary' };
    let T: number;
    if (g.segment === 'inside') T = Math.min(1, REGION_SAFETY * interval.exit);
    else if (Number.isFinite(interval.exit)) T = 3 * interval.exit;
    else return { status: 'discard', reason: 'the segment crosses no kink' };
    const fit = quadraticFit(problem, model.theta, direction, T);
    const score = fit.relativeDeviation / QUADRATIC_FIT_RTOL;
    if (!fit.isQuadratic) {
      return {
        status: 'fail',
        evidence: {
          what: `not quadratic on [0, ${T}]: deviation ${fit.relativeDeviation.toExponential(3)} of the scale`,
        },
        score,
      };
    }
    const gram = regionGram(problem, model.theta);
    if (!gram.holds)
      return {
        status: 'fail',
        evidence: { what: `Gram identity off by ${gram.relativeError.toExponential(3)}` },
        score,
      };
    return { status: 'pass', score };
  },
  certify(_g, evidence) {
    return { ok: false, reason: `exact fact failed (no certificate kind for it): ${evidence.what}` };
  },
  control: {
    description:
      'the segment runs 3× past the first kink (across region boundaries): the loss is only piecewise quadratic',
    hypotheses: genome('across'),
    expect: 'refuted',
    runs: 40,
  },
});
