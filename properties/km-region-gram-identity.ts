// Karhadkar, Murray, Tseran, Montúfar (2023), "Mildly Overparameterized ReLU Networks Have a Favorable Loss
// Landscape", arXiv 2305.19510 (TMLR 2024), the Jacobian of a fixed activation region [REC section]; claims
// docs/derivations.md#region-linearity (b), DERIVED. Hypotheses as stated there; see `statement`.
import fc from 'fast-check';
import { defineClaim } from '../src/claims/index.js';
import { subjectModel } from '../src/landscape/index.js';
import {
  caseInputs,
  caseParameters,
  caseRegion,
  caseShape,
  GRAM_IDENTITY_RTOL,
  KINK_RTOL,
  regionSlack,
  seededTwoLayerCase,
  twoLayerSubject,
} from '../src/landscape/regions/index.js';
import { sources } from './sources.js';

/** Shapes and seeds (data uniform on (−1,1)^d0, weights N(0,1), v = ±(½ + |N(0,1)|)); `trainOutput`: the control. */
export interface GramGenome {
  readonly n: number;
  readonly d0: number;
  readonly d1: number;
  readonly bias: boolean;
  readonly dataSeed: number;
  readonly weightSeed: number;
  readonly outputSeed: number;
  readonly trainOutput: boolean;
}

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

function genome(trainOutput: boolean): fc.Arbitrary<GramGenome> {
  return fc.record({
    n: fc.integer({ min: 1, max: 10 }),
    d0: fc.integer({ min: 1, max: 4 }),
    d1: fc.integer({ min: 1, max: 8 }),
    bias: fc.boolean(),
    dataSeed: seed,
    weightSeed: seed,
    outputSeed: seed,
    trainOutput: fc.constant(trainOutput),
  });
}

/**
 * The largest entry of |J·Jᵀ − (A·diag(v²)·Aᵀ) ∘ (X̃·X̃ᵀ)| relative to the largest entry of the right side, where J
 * is the network core's Jacobian (src/nn) of the trained parameters and A the sample-major pattern at the point.
 */
export function gramIdentityError(g: GramGenome): { error: number; slack: number } {
  const c = seededTwoLayerCase({ ...g, slope: 0, noise: [0] });
  const { n, d1, q } = caseShape(c);
  const subject = twoLayerSubject(c);
  const model = subjectModel({
    ...subject,
    network: { ...subject.network, trainable: [true, g.trainOutput] },
  });
  const J = model.mlp!.jacobian(model.theta);
  const region = caseRegion(c);
  const xt = caseInputs(c);
  let error = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      let lhs = 0;
      for (let c2 = 0; c2 < J.cols; c2++) lhs += J.data[i * J.cols + c2]! * J.data[k * J.cols + c2]!;
      // (A diag(v²) Aᵀ)_ik · (x̃_i·x̃_k)
      let a = 0;
      for (let j = 0; j < d1; j++)
        a += region.pattern[i * d1 + j]! * region.pattern[k * d1 + j]! * c.v[j]! ** 2;
      let x = 0;
      for (let t = 0; t < q; t++) x += xt[i * q + t]! * xt[k * q + t]!;
      const rhs = a * x;
      error = Math.max(error, Math.abs(lhs - rhs));
      scale = Math.max(scale, Math.abs(rhs), Math.abs(lhs));
    }
  }
  return { error: scale === 0 ? error : error / scale, slack: regionSlack(region, caseParameters(c)) };
}

interface Evidence {
  readonly error: number;
}

export const kmRegionGramIdentity = defineClaim<GramGenome, Evidence>({
  id: 'km-region-gram-identity',
  title:
    'Inside an activation region, J·Jᵀ = (Aᵀ·diag(v²)·A) ∘ (X·Xᵀ) for a two-layer relu net with fixed output weights',
  source: sources.karhadkar2023.at(
    'the Jacobian of an activation region (DERIVED, docs/derivations.md#region-linearity) [REC section]',
  ),
  statement:
    'F(W; x) = Σ_j v_j relu(w_j·x + b_j) with v fixed, first layer trained, n samples; A ∈ {0,1}^{d1×n} the activation ' +
    'pattern at W (A_ji = 1 iff w_j·x_i + b_j > 0), X ∈ R^{n×d} the inputs with the bias folded in (x̃ = (x, 1)) when ' +
    'the network has one. Claim: the Jacobian J of (F(x_1), …, F(x_n)) with respect to the first layer satisfies ' +
    'J·Jᵀ = (Aᵀ·diag(v²)·A) ∘ (X·Xᵀ) (Hadamard product). Check: J from the network core (src/nn) at generated points ' +
    '(data uniform on (−1,1)^d0, weights N(0,1), v = ±(½ + |N(0,1)|)), entrywise relative error ≤ 1e-12 of the largest ' +
    'entry; points within 1e-8 (relative) of a kink are discarded (relu′ is ambiguous there).',
  kind: 'theorem',
  expect: 'holds',
  hypotheses: genome(false),
  budget: { test: 40, check: 400 },
  check(g) {
    const { error, slack } = gramIdentityError(g);
    if (!(slack > KINK_RTOL)) return { status: 'discard', reason: 'the point is on a kink' };
    if (!Number.isFinite(error)) return { status: 'inconclusive', reason: `non-finite error ${error}` };
    if (error > GRAM_IDENTITY_RTOL) return { status: 'fail', evidence: { error }, score: error };
    return { status: 'pass', score: error };
  },
  certify: (_g, evidence) => ({
    ok: false,
    reason: `an identity failure (relative error ${evidence.error}) has no certificate kind; the seed and path replay it`,
  }),
  control: {
    description:
      'output weights trained as well: J gains the columns relu(z_ij) and 1, so J·Jᵀ exceeds the formula',
    hypotheses: genome(true),
    expect: 'refuted',
    runs: 20,
  },
});
