// ReLU region linearity, docs/derivations.md#region-linearity (DERIVED, exact): inside an activation region a two-layer
// ReLU network is linear in its first-layer weights, the fact behind the region analysis of Karhadkar, Murray,
// Tseran, Montúfar (2024, arXiv 2305.19510, §3 [REC section]). Checked here against the numeric core.
import { defineClaim } from '../src/claims/index.js';
import { type SegmentGenome, segmentGenome } from '../src/generate/regions.js';
import {
  GRAM_RTOL,
  genomeSubject,
  QUADRATIC_FIT_PIECES,
  QUADRATIC_FIT_RTOL,
  quadraticFit,
  REGION_SAFETY,
  regionGram,
  regionInterval,
} from '../src/landscape/exact/index.js';
import { subjectModel } from '../src/landscape/index.js';
import { sources } from './sources.js';

/** The control's segment runs this many times the distance to the first kink (across region boundaries). */
const ACROSS = 3;
/** The inside segment is at most this long (t ∈ [0, T_MAX]) when no kink is nearer. */
const T_MAX = 1;

export const regionLinearity = defineClaim<SegmentGenome, { readonly what: string }>({
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
    `Check: from the generated point (not on a region boundary) the segment ends at ${REGION_SAFETY} of the distance ` +
    `to the first kink (or T = ${T_MAX}); the quadratic through t = 0, T/2, T predicts L at the ${QUADRATIC_FIT_PIECES - 2} other ` +
    `points t = kT/${QUADRATIC_FIT_PIECES} to ${QUADRATIC_FIT_RTOL} of s·(‖F‖ + ‖Y‖)²; (b) entrywise to ${GRAM_RTOL} relative, J from the core's ` +
    'reverse-mode Jacobian.',
  constants: {
    REGION_SAFETY,
    T_MAX,
    QUADRATIC_FIT_PIECES,
    OTHER_POINTS: QUADRATIC_FIT_PIECES - 2,
    QUADRATIC_FIT_RTOL,
    GRAM_RTOL,
  },
  literals: ['t ∈ [0, T]', '[X, 1]', 't = 0, T/2, T'],
  kind: 'theorem',
  expect: 'holds',
  hypotheses: segmentGenome('inside'),
  budget: { test: 1000, check: 20000 },
  check(g) {
    const model = subjectModel(genomeSubject(g));
    const problem = model.mlp!.problem;
    const first = problem.layout.layers[0]!;
    const direction = new Float64Array(problem.layout.size);
    for (let k = first.start; k < first.end; k++) direction[k] = g.ds[(k - first.start) % g.ds.length]! / 4;
    if (direction.every((x) => x === 0)) return { status: 'discard', reason: 'zero direction' };
    const interval = regionInterval(problem, model.theta, direction);
    if (interval.onBoundary) return { status: 'discard', reason: 'the point is on a region boundary' };
    let T: number;
    if (g.segment === 'inside') T = Math.min(T_MAX, REGION_SAFETY * interval.exit);
    else if (Number.isFinite(interval.exit)) T = ACROSS * interval.exit;
    else return { status: 'discard', reason: 'the segment crosses no kink' };
    const fit = quadraticFit(problem, model.theta, direction, T);
    const score = fit.relativeDeviation / QUADRATIC_FIT_RTOL;
    if (!fit.isQuadratic) {
      const what = `not quadratic on [0, ${T}]: deviation ${fit.relativeDeviation.toExponential(3)} of the scale`;
      return { status: 'fail', evidence: { what }, score };
    }
    const gram = regionGram(problem, model.theta);
    if (!gram.holds) {
      const what = `Gram identity off by ${gram.relativeError.toExponential(3)}`;
      return { status: 'fail', evidence: { what }, score };
    }
    return { status: 'pass', score };
  },
  certify: (_g, evidence) => ({
    ok: false,
    reason: `exact fact failed (no certificate kind for it): ${evidence.what}`,
  }),
  control: {
    description: `the segment runs ${ACROSS}× past the first kink (across region boundaries): the loss is only piecewise quadratic`,
    hypotheses: segmentGenome('across'),
    expect: 'refuted',
    runs: 40,
  },
});
