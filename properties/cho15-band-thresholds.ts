// Choromanska, Henaff, Mathieu, Ben Arous, LeCun (2015), "The Loss Surfaces of Multilayer Networks", AISTATS 2015
// (arXiv 1412.0233), the layered band of critical values, imported from Auffinger, Ben Arous, Černý (2013), "Random
// matrices and complexity of spin glasses", Comm. Pure Appl. Math. 66 (arXiv 1003.1129) [theorem numbering REC];
// Auffinger, Ben Arous, Černý 2013 (formula [REC]; the H = 3 values recomputed independently). Hypotheses as stated there; see `statement`.
import { thresholdExperiment } from '../experiments/cho15-band-thresholds.js';
import { defineClaim } from '../src/claims/index.js';
import { BAND_MAX_ORDER, BAND_MIN_ORDER, type BandGenome, bandGenomeArb } from '../src/generate/spinGlass.js';
import { checkBandLayer, SIGN_CHANGE_STEP, THETA_ROOT_RTOL } from '../src/landscape/spinGlass/index.js';
import { sources } from './sources.js';

export type { BandGenome } from '../src/generate/spinGlass.js';

interface Evidence {
  readonly reason: string;
}

export const cho15BandThresholds = defineClaim<BandGenome, Evidence>({
  id: 'cho15-band-thresholds',
  title: 'Spin-glass complexity: the thresholds E_k are roots of Θ_{k,H} and layer the band E₀ > E₁ > … > E∞',
  source: sources.choromanska2015.at(
    'the band of low critical values, after Auffinger, Ben Arous, Černý 2013 (CPAM 66, arXiv 1003.1129) Thm 2.5/2.8 [REC numbering]',
  ),
  statement:
    `Spherical H-spin glass, H ≥ ${BAND_MIN_ORDER}. The mean number of critical points of index k with L ≤ N·u is exp(N·Θ_{k,H}(u) + o(N)) ` +
    'with E∞ = 2√((H−1)/H), I₁(u) = −(u/E∞²)√(u²−E∞²) − log(−u + √(u²−E∞²)) + log E∞ and, for u ≤ −E∞, ' +
    'Θ_{k,H}(u) = ½log(H−1) − (H−2)/(4(H−1))·u² − (k+1)·I₁(u) (no I₁ term on [−E∞, 0]; ½log(H−1) for u ≥ 0) [formula REC]. ' +
    'Claim: −E_k is the unique root of Θ_{k,H} on u < −E∞, and E₀ > E₁ > … > E∞. Check: E_k and E_{k+1} by ' +
    `Brent's method on a bracket [E∞, b] (b doubled until Θ(−b) < 0); |Θ_{k,H}(−E_k)| ≤ ${THETA_ROOT_RTOL}·max(1, ½log(H−1)), ` +
    `E_k > E_{k+1} > E∞, and Θ_{k,H} > 0 at ${SIGN_CHANGE_STEP}·(E_k − E∞) above −E_k and < 0 as far below it, for ` +
    `H ≤ ${BAND_MAX_ORDER}. The H = 3 row recomputed independently [VER] ` +
    '(E₀ = 1.656998, the 3-spin ground state) is a regression test beside this claim.',
  kind: 'theorem',
  expect: 'holds',
  hypotheses: bandGenomeArb(BAND_MIN_ORDER, BAND_MAX_ORDER),
  budget: { test: 40, check: 400 },
  check({ H, k }) {
    const r = checkBandLayer(k, H);
    return r.ok ? { status: 'pass', score: -r.gap } : { status: 'fail', evidence: { reason: r.reason } };
  },
  certify: (_g, e) => ({
    ok: false,
    reason: `${e.reason}: a closed-form fact has no certificate kind in the archive; the seed and path replay it`,
  }),
  control: {
    description: 'H = 2 (outside H ≥ 3: the 2-spin glass has Θ(−E∞) = 0 and no band): no root below −E∞',
    hypotheses: bandGenomeArb(2, 2),
    expect: 'refuted',
    runs: 5,
  },
  experiment: thresholdExperiment,
});
