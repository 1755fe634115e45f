// Li, Ding, Sun (2022), "On the Benefit of Width for Neural Networks: Disappearance of Basins", SIAM J. Optim.
// 32:1728–1758 (arXiv 1812.11039; v1 "Over-Parameterized Deep Neural Networks Have No Strict Local Minima For
// Any Continuous Activations"), the positive theorem (no sub-optimal basin when the last hidden layer has ≥ N
// units) [REC numbering]. Hypotheses as stated there; see `statement`. The genome and its subject are in
// src/generate/lds.ts, the path in src/landscape/basins/ldsPath.ts.
import {
  defineClaim,
  distinctInputsProblem,
  mlpHypotheses,
  SPURIOUS_MINIMUM_KINDS,
} from '../src/claims/index.js';
import { LDS_CONSTANTS, type LdsGenome, ldsCase, ldsGenomeArb } from '../src/generate/lds.js';
import {
  certifiedBasin,
  ldsPath,
  PATH_END_RTOL,
  PATH_ROUNDING_RTOL,
  SEGMENT_SAMPLES,
} from '../src/landscape/basins/index.js';
import { subjectModel } from '../src/landscape/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

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
    `(checked: ${LDS_CONSTANTS.LDS_ACTIVATIONS.map((a) => (a.name === 'leaky-relu' ? `leaky-relu ${a.slope}` : a.name)).join(', ')}), last hidden layer of width m ≥ N, squared loss ` +
    'L = ½Σ_i‖f(x_i) − y_i‖², N samples pairwise distinct in at least one coordinate. Claim: no sub-optimal basin ' +
    '(set-wise strict local minimum); we check the stronger constructive form: from every point there is a path along ' +
    `which L never increases and which ends at L ≤ ε = ${PATH_END_RTOL}·(1 + ½‖Y‖²). The path: (1) output layer along the ` +
    'segment to the least-squares solution of the current last-hidden features (convex, minimal at the end); ' +
    '(2) within the least-squares solutions to one supported on a basis of the feature columns, redundant units to ' +
    'output weight 0 (loss constant); (3) the redundant units’ incoming weights to hinges that give [h_{L−1} | 1] full ' +
    'row rank N (loss constant: they do not reach the output); (4) output layer to the interpolating least squares. ' +
    `The loss is sampled at ${SEGMENT_SAMPLES + 1} points of every segment; no step may go up by more than ${PATH_ROUNDING_RTOL}·(1 + L_start). Starts: ` +
    `4 kinds: generated points (N(0, s²) weights), points reached by L-BFGS from them, the linear-regime local minimum (relu, ` +
    'leaky-relu) and the dead-unit plateau (relu). For the quadratic activation (polynomial: its units span only the ' +
    'quadratic polynomials) the check needs one hidden layer and samples whose degree-≤2 monomial matrix has rank N, ' +
    'so that interpolation is possible; other samples are discarded. With 2 hidden layers, samples whose first-layer ' +
    'features coincide make the construction inapplicable (inconclusive). A failed construction is a refutation only ' +
    'if the start is certified as a strict local minimum above a better point.',
  constants: { ...LDS_CONSTANTS, PATH_END_RTOL, SEGMENT_POINTS: SEGMENT_SAMPLES + 1, PATH_ROUNDING_RTOL },
  literals: ['·(1 + ', '(1)', '(2)', '(3)', '(4)', 'weight 0', '[h_{L−1} | 1]', 'N(0, s²)', 'degree-≤2'],
  kind: 'theorem',
  expect: 'holds',
  hypotheses: ldsGenomeArb(false),
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
    // A failed construction refutes the theorem only with a certified basin (a strict local minimum above a
    // point of lower loss), from the same start.
    const built = ldsCase(g);
    if ('discard' in built) return { ok: false, reason: built.discard };
    return certifiedBasin(built.subject, g.seed + 2, evidence.reason, {
      pathFailure: evidence.reason,
      pathEndLoss: evidence.endLoss,
      start: built.start,
    });
  },
  control: {
    description:
      'last hidden width ≤ N − 2 (narrow): the construction cannot reach full row rank and ends above ε',
    hypotheses: ldsGenomeArb(true),
    expect: 'refuted',
    runs: 20,
  },
});
