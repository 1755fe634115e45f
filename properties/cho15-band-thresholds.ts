// Choromanska, Henaff, Mathieu, Ben Arous, LeCun (2015), "The Loss Surfaces of Multilayer Networks", AISTATS 2015
// (arXiv 1412.0233), the layered band of critical values, imported from Auffinger, Ben Arous, Černý (2013), "Random
// matrices and complexity of spin glasses", Comm. Pure Appl. Math. 66 (arXiv 1003.1129) [theorem numbering REC];
// Auffinger, Ben Arous, Černý 2013 (formula [REC]; the H = 3 values recomputed independently). Hypotheses as stated there; see `statement`.
import fc from 'fast-check';
import { defineClaim } from '../src/claims/index.js';
import {
  bandThreshold,
  complexityTheta,
  eInfinity,
  isThetaRoot,
  THETA_ROOT_RTOL,
} from '../src/landscape/spinGlass/index.js';
import { sources } from './sources.js';

/** The genome: the order H of the spin glass and the index k of the threshold. */
export interface BandGenome {
  readonly H: number;
  readonly k: number;
}

interface Evidence {
  readonly reason: string;
}

/** H ∈ {hMin…10}, k ∈ {0…8} (the brief's H = 3, 4, 5 and k = 0…4 are inside; the test enumerates them all). */
function genome(hMin: number, hMax: number): fc.Arbitrary<BandGenome> {
  return fc.record({ H: fc.integer({ min: hMin, max: hMax }), k: fc.integer({ min: 0, max: 8 }) });
}

export const cho15BandThresholds = defineClaim<BandGenome, Evidence>({
  id: 'cho15-band-thresholds',
  title: 'Spin-glass complexity: the thresholds E_k are roots of Θ_{k,H} and layer the band E₀ > E₁ > … > E∞',
  source: sources.choromanska2015.at(
    'the band of low critical values, after Auffinger, Ben Arous, Černý 2013 (CPAM 66, arXiv 1003.1129) Thm 2.5/2.8 [REC numbering]',
  ),
  statement:
    'Spherical H-spin glass, H ≥ 3. The mean number of critical points of index k with L ≤ N·u is exp(N·Θ_{k,H}(u) + o(N)) ' +
    'with E∞ = 2√((H−1)/H), I₁(u) = −(u/E∞²)√(u²−E∞²) − log(−u + √(u²−E∞²)) + log E∞ and, for u ≤ −E∞, ' +
    'Θ_{k,H}(u) = ½log(H−1) − (H−2)/(4(H−1))·u² − (k+1)·I₁(u) (no I₁ term on [−E∞, 0]; ½log(H−1) for u ≥ 0) [formula REC]. ' +
    'Claim: −E_k is the unique root of Θ_{k,H} on u < −E∞, and E₀ > E₁ > … > E∞. Check: E_k and E_{k+1} by ' +
    `Brent's method on a bracket [E∞, b] (b doubled until Θ(−b) < 0); |Θ_{k,H}(−E_k)| ≤ ${THETA_ROOT_RTOL}·max(1, ½log(H−1)), ` +
    'E_k > E_{k+1} > E∞, and Θ_{k,H} > 0 just above −E_k and < 0 just below it. The H = 3 row recomputed independently [VER] ' +
    '(E₀ = 1.656998, the 3-spin ground state) is a regression test beside this claim.',
  kind: 'theorem',
  expect: 'holds',
  hypotheses: genome(3, 10),
  budget: { test: 40, check: 400 },
  check({ H, k }) {
    const r = bandThreshold(k, H);
    const next = bandThreshold(k + 1, H);
    if (!r.ok) return { status: 'fail', evidence: { reason: `E_${k}: ${r.reason}` } };
    if (!next.ok) return { status: 'fail', evidence: { reason: `E_${k + 1}: ${next.reason}` } };
    if (!isThetaRoot(k, H, r.E)) {
      return {
        status: 'fail',
        evidence: { reason: `Θ_{${k},${H}}(−E_${k}) = ${complexityTheta(k, H, -r.E)} is not 0` },
      };
    }
    const e = eInfinity(H);
    if (!(r.E > next.E && next.E > e)) {
      return {
        status: 'fail',
        evidence: { reason: `not layered: E_${k} = ${r.E}, E_${k + 1} = ${next.E}, E∞ = ${e}` },
      };
    }
    // A sign change at the root (not a tangency): Θ > 0 on (−E_k, −E∞] and < 0 below, checked just around −E_k.
    const step = 1e-6 * (r.E - e);
    if (!(complexityTheta(k, H, -r.E + step) > 0 && complexityTheta(k, H, -r.E - step) < 0)) {
      return {
        status: 'fail',
        evidence: { reason: `Θ_{${k},${H}} does not change sign at −E_${k} = ${-r.E}` },
      };
    }
    return { status: 'pass', score: -(next.E - e) };
  },
  certify: (_g, e) => ({
    ok: false,
    reason: `${e.reason}: a closed-form fact has no certificate kind in the archive; the seed and path replay it`,
  }),
  control: {
    description: 'H = 2 (outside H ≥ 3: the 2-spin glass has Θ(−E∞) = 0 and no band): no root below −E∞',
    hypotheses: genome(2, 2),
    expect: 'refuted',
    runs: 5,
  },
});
