// Soltanolkotabi, Javanmard, Lee (2019), "Theoretical insights into the optimization landscape of
// over-parameterized shallow neural networks", IEEE Trans. Inf. Theory 65(2):742–769 (arXiv 1707.04926),
// Theorem 2.1 [REC numbering; hypotheses REC]. Hypotheses as stated there; see `statement`.
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  SJL_DIMS,
  SJL_GENERIC_RTOL,
  SJL_GRID,
  SJL_NETWORK_SHAPE,
  type SjlGenome,
  sjlArb,
  sjlInstance,
  sjlSubject,
} from '../src/generate/quadraticNetworks.js';
import {
  examinePoint,
  isSpuriousGap,
  spuriousMinimumCertificate,
  subjectModel,
} from '../src/landscape/index.js';
import {
  descendToZeroLoss,
  designConditioning,
  factorLifted,
  interpolatingMatrix,
  quadraticNetworkObjective,
  ZERO_LOSS_RTOL,
} from '../src/landscape/quadratic/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** The examination of an endpoint above zero loss (radii, sampled perturbations). */
const EXAM = { radii: [1e-3, 1e-5], trials: 40 };

interface Evidence {
  readonly W: number[];
  readonly loss: number;
  readonly classification: string;
}

export const sjl19Quadratic = defineClaim<SjlGenome, Evidence>({
  id: 'sjl19-quadratic',
  title:
    'Quadratic activations, k ≥ 2d with ≥ d output weights of each sign: gradient methods reach zero loss',
  source: sources.soltanolkotabiJavanmardLee2019.at('Theorem 2.1 [REC numbering and hypotheses]'),
  statement:
    'f(x) = Σ_{j=1}^k v_j (w_jᵀx)², v fixed with p ≥ d entries +1 and q ≥ d entries −1 (k = p + q ≥ 2d), squared loss ' +
    'L(W) = ½Σ_i (f(x_i) − y_i)². Hypotheses [REC, unconfirmed against the paper: only confirmed details are CI-blocking]: ' +
    'with these v every symmetric M = Σ_j v_j w_j w_jᵀ is reachable, all local minima are global and all saddles ' +
    `strict; for n ≤ d(d+1)/2 generic inputs the global minimum is 0. Check: ${SJL_DIMS[0]} ≤ d ≤ ${SJL_DIMS[1]}, inputs and targets k/4 ` +
    `(|k| ≤ ${SJL_GRID}), generic position (σ_min/σ_max of the n × d(d+1)/2 design ≥ ${SJL_GENERIC_RTOL}, else discarded), L-BFGS from ` +
    `W_0 ~ N(0, 1/d) (Newton polish when it crawls) to L ≤ ${ZERO_LOSS_RTOL}·s, s = ½Σy_i² (or L(W_0) when y = 0), ` +
    'which passes, or to a critical point; a critical point above 0 by the ' +
    'spurious gap whose Hessian (on the complement of the O(p, q) symmetry orbit) has no negative eigenvalue and where no ' +
    'perturbation descends is a second-order stationary point that is not global: it refutes "no spurious minima, strict ' +
    'saddles". A saddle endpoint passes; non-convergence is inconclusive.',
  kind: 'theorem',
  expect: 'holds',
  hypotheses: sjlArb(false),
  budget: { test: 30, check: 300 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses(SJL_NETWORK_SHAPE),
  },
  check(g) {
    const instance = sjlInstance(g);
    if (designConditioning(instance.inputs) < SJL_GENERIC_RTOL)
      return { status: 'discard', reason: 'inputs not in general position' };
    const objective = quadraticNetworkObjective({ ...instance, lambda: 0 });
    const { result, target, score } = descendToZeroLoss(objective, instance.W0, instance.targets);
    if (result.value <= target) return { status: 'pass', score };
    if (!result.converged)
      return { status: 'inconclusive', reason: `L-BFGS stopped above zero loss (${result.reason})`, score };
    const exam = examinePoint(objective, result.theta, { rng: seededRng(g.init + 1), ...EXAM });
    const c = exam.classification;
    if (c === 'saddle') return { status: 'pass', score };
    if (c === 'not-critical') return { status: 'inconclusive', reason: 'endpoint not critical', score };
    if (!isSpuriousGap(result.value, 0))
      return { status: 'inconclusive', reason: 'critical point with a tiny positive loss', score };
    const evidence = { W: Array.from(result.theta), loss: result.value, classification: c };
    return { status: 'fail', evidence, score };
  },
  certify(g, evidence) {
    const instance = sjlInstance(g);
    const subject = sjlSubject(instance, Float64Array.from(evidence.W));
    const model = subjectModel(subject);
    const exam = examinePoint(model.objective, model.theta, { rng: seededRng(g.init + 2) });
    // 'degenerate' is expected here: the mlp objective does not quotient the O(p, q) orbit, whose directions are
    // exactly flat. A PSD Hessian with no descending perturbation is what 'local-min-not-global' records (and the
    // verifier re-checks both).
    if (exam.classification === 'saddle' || exam.classification === 'not-critical') {
      return {
        ok: false,
        reason: `the endpoint examines as ${exam.classification} on the mlp (no local-minimum certificate)`,
      };
    }
    const M = interpolatingMatrix(instance.inputs, instance.targets);
    const better = factorLifted(M, instance.d, instance.v);
    if (better === null)
      return { ok: false, reason: 'the interpolating M has more eigenvalues of one sign than v has units' };
    const details = {
      interpolatingM: Array.from(M),
      betterFrom: 'least-norm M with x_iᵀMx_i = y_i, split by eigenvalue sign',
    };
    return {
      ok: true,
      value: { subject, certificate: spuriousMinimumCertificate(model, exam, better, { details }) },
    };
  },
  control: {
    description:
      'every v_j = +1 (no negative units, outside ≥ d of each sign): M ⪰ 0, zero loss is out of reach for targets no PSD M fits',
    hypotheses: sjlArb(true),
    expect: 'refuted',
    runs: 30,
  },
});
