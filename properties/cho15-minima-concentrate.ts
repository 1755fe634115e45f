// Choromanska, Henaff, Mathieu, Ben Arous, LeCun (2015), "The Loss Surfaces of Multilayer Networks", AISTATS 2015,
// JMLR W&CP 38:192–204 (arXiv 1412.0233), the spin-glass experiment [SEC; section and figure numbering REC];
// cho15-band-thresholds checks the thresholds. The paper's numbers are not used: this reproduces the protocol
// (experiments/cho15-minima-concentrate.ts) and reports its own.
import {
  analyseConcentration,
  CHECK_RUNS,
  CHECK_SIZES,
  concentrationExperiment,
  MINIMA_ALPHA,
  MINIMA_FRACTION,
  MINIMA_POWER_AT,
  SPREAD_ALPHA,
  SPREAD_RATIO,
} from '../experiments/cho15-minima-concentrate.js';
import { defineClaim, type TrendEvidence, trendCertify, trendOutcome } from '../src/claims/index.js';
import { type ConcentrationGenome, concentrationGenomeArb } from '../src/generate/concentration.js';
import { mixSeed, spinGlassEndpoints } from '../src/landscape/spinGlass/index.js';
import { MIN_NORMAL_APPROX_SAMPLE } from '../src/stats/index.js';
import { sources } from './sources.js';

export type { ConcentrationGenome } from '../src/generate/concentration.js';

export const cho15MinimaConcentrate = defineClaim<ConcentrationGenome, TrendEvidence>({
  id: 'cho15-minima-concentrate',
  title:
    'Spherical spin glass: the energies that descent reaches concentrate as N grows, and nearly all are minima',
  source: sources.choromanska2015.at(
    'spin-glass simulations (distribution of the final loss for growing Λ) [SEC; numbering REC]',
  ),
  statement:
    'Model: the spherical H-spin glass L(w) = N^{−(H−1)/2} Σ_{i1…iH} X_{i1…iH} w_{i1}⋯w_{iH}, all N^H ordered tuples, X i.i.d. ' +
    'N(0, 1), on the sphere |w|² = N (Choromanska et al. 2015, after Auffinger, Ben Arous, Černý 2013). Protocol: for each N, R minimisations from uniform random points on the ' +
    'sphere, each with a fresh Hamiltonian by default (--instances K: K Hamiltonians shared round-robin); L-BFGS on the ' +
    'scale-invariant lift, then Riemannian Newton to ‖grad_S L‖ ≤ 1e-12·(1+|L|); each endpoint labelled by the index of the ' +
    'Riemannian Hessian on the tangent space. Claims: (1) the spread of L/N shrinks from the smallest to the largest N: ' +
    `one-sided Brown–Forsythe test at α = ${SPREAD_ALPHA}, powered for a ${SPREAD_RATIO}-fold spread (holds when the ` +
    'shrink is shown, refuted when a growth is, otherwise inconclusive with the power and the runs that would decide; ' +
    `below ${MIN_NORMAL_APPROX_SAMPLE} runs a size inconclusive); (2) nearly all endpoints are minima: one-sided exact ` +
    `binomial tests of the index-0 fraction against ${MINIMA_FRACTION} at α = ${MINIMA_ALPHA} (its Clopper–Pearson 95% ` +
    `interval lies above ${MINIMA_FRACTION}: holds; below: refuted), power stated at a true fraction of ` +
    `${MINIMA_POWER_AT}. Convergence of L/N to the band [−E₀, −E∞] is not asserted (finite-size effects are large at ` +
    'these N); the band is drawn in the histogram. The paper’s grid Λ ∈ {25, 50, 100, 250, 500} and its SGD settings ' +
    `are [SEC]/[REC]; \`check\` runs N = ${CHECK_SIZES[0]} against ${CHECK_SIZES[1]} with ${CHECK_RUNS} runs each.`,
  kind: 'empirical',
  expect: 'holds',
  hypotheses: concentrationGenomeArb(CHECK_SIZES),
  budget: { test: 3, check: 20 },
  check(g) {
    // Each position has its own streams (the control repeats a size: its two samples must be independent).
    const bySize = g.sizes.map((N, k) => ({
      N,
      endpoints: spinGlassEndpoints(3, N, CHECK_RUNS, mixSeed(g.seed, k), { instances: CHECK_RUNS }),
    }));
    return trendOutcome(analyseConcentration(3, bySize, g.seed).assertions);
  },
  certify: trendCertify,
  control: {
    // A size that does not grow (20 against 20) only leaves the trend unshown (inconclusive, not evidence against
    // it); sizes in decreasing order make it false and shown false: the spread at N = 8 is significantly wider.
    description: `sizes in decreasing order (N = ${CHECK_SIZES[1]}, then ${CHECK_SIZES[0]}): the spread grows, shown by the test`,
    hypotheses: concentrationGenomeArb([CHECK_SIZES[1], CHECK_SIZES[0]]),
    expect: 'refuted',
    runs: 2,
  },
  experiment: concentrationExperiment,
});
