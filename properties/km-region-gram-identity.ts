// Karhadkar, Murray, Tseran, Montúfar (2023), "Mildly Overparameterized ReLU Networks Have a Favorable Loss
// Landscape", arXiv 2305.19510 (TMLR 2024), the Jacobian of a fixed activation region [REC section]; claims
// docs/derivations.md#region-linearity (b), DERIVED. Hypotheses as stated there; see `statement`.
import { defineClaim } from '../src/claims/index.js';
import { GRAM_SHAPE, type GramGenome, gramCase, gramGenome } from '../src/generate/regions.js';
import { GRAM_IDENTITY_RTOL, gramIdentityError, KINK_RTOL } from '../src/landscape/regions/index.js';
import { sources } from './sources.js';

export const kmRegionGramIdentity = defineClaim<GramGenome, { readonly error: number }>({
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
    `(n ≤ ${GRAM_SHAPE.n[1]}, d0 ≤ ${GRAM_SHAPE.d0[1]}, d1 ≤ ${GRAM_SHAPE.d1[1]}; data uniform on (−1,1)^d0, ` +
    `weights N(0,1), v = ±(½ + |N(0,1)|)), entrywise relative error ≤ ${GRAM_IDENTITY_RTOL} of the largest ` +
    `entry; points within ${KINK_RTOL} (relative) of a kink are discarded (relu′ is ambiguous there).`,
  constants: { GRAM_SHAPE, GRAM_IDENTITY_RTOL, KINK_RTOL },
  literals: ['{0,1}', 'A_ji = 1', 'b_j > 0', '(x, 1)', '(−1,1)^d0', 'N(0,1)'],
  kind: 'theorem',
  expect: 'holds',
  hypotheses: gramGenome(false),
  budget: { test: 40, check: 400 },
  check(g) {
    const { error, slack } = gramIdentityError(gramCase(g), g.trainOutput);
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
    hypotheses: gramGenome(true),
    expect: 'refuted',
    runs: 20,
  },
});
