// The protocol behind the claim `ss16-monotone-path` (properties/ss16-monotone-path.ts): per hidden width, random
// initialisations, the exact last-layer rescaling facts, the rate of L(W0) > L(0) (with the DERIVED bound ½), and
// gradient descent from c*·W_last (fixed step and Armijo backtracking) toward a global minimum.
import {
  countListOption,
  countOption,
  defineExperiment,
  type ExperimentResult,
  numberOption,
} from '../src/claims/index.js';
import { MEAN_SQUARED } from '../src/generate/scaling.js';
import {
  gradientContinuation,
  lastLayerScaling,
  scaleLastLayer,
  scalingFacts,
} from '../src/landscape/basins/index.js';
import { subjectModel } from '../src/landscape/index.js';
import { symmetricEigenvalues } from '../src/linalg/index.js';
import { makeProblem, type NetworkSpec, vectorToPoint } from '../src/nn/index.js';
import { seededRng } from '../src/random.js';
import { binomialLessPValue, wilsonInterval } from '../src/stats/index.js';

/**
 * Level of the exact test that could refute the DERIVED bound P[L(W0) > L(0)] ≥ ½: 1e-3, so a true bound is
 * refuted on at most one seed in a thousand (the project's limit for a seed-dependent verdict).
 */
export const BOUND_ALPHA = 1e-3;

/** GD from c*·W_last is said to reach a global minimum when L ≤ CONTINUATION_TARGET·L(0) (the default of --target). */
export const CONTINUATION_TARGET = 1e-3;

/** One trial of the experiment: the exact facts, then fixed-step GD from c*·W_last. */
interface Trial {
  readonly rawHypothesis: boolean;
  readonly exactHolds: boolean;
  /** Fixed-step GD from c*·W_last: monotone (never up beyond rounding), and reached the target. */
  readonly monotone: boolean;
  readonly reached: boolean;
  readonly iterations: number;
  /** Backtracking (Armijo) GD from the same point, monotone by construction: reached the target. */
  readonly backtrackReached: boolean;
}

function trial(
  n: number,
  d: number,
  width: number,
  seed: number,
  steps: number,
  target: number,
  fraction: number,
): Trial | null {
  const rng = seededRng(seed);
  const network: NetworkSpec = { layerSizes: [d, width, 1], activation: { name: 'relu' }, bias: true };
  const inputs = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
  const targets = Array.from({ length: n }, () => [rng.normal()]);
  const problem = makeProblem(network, { inputs, targets }, MEAN_SQUARED);
  const out = problem.layout.layers[1]!;
  // He-style hidden init N(0, 2/d), output N(0, 1/m): sign-symmetric, as the probability remark assumes.
  let theta: Float64Array = Float64Array.from(
    { length: problem.layout.size },
    (_, k) => (k >= out.start ? 1 / Math.sqrt(width) : Math.sqrt(2 / d)) * rng.normal(),
  );
  const raw = lastLayerScaling(problem, theta);
  if (!(raw.ff > 0)) return null;
  const rawHypothesis = raw.initialLoss > raw.zeroLoss;
  if (!rawHypothesis) theta = scaleLastLayer(problem, theta, -1);
  const facts = scalingFacts(problem, theta);
  const exactHolds =
    facts.hypothesis &&
    facts.cStarBelowHalf &&
    facts.decreasing &&
    facts.minimumBelowZeroLoss &&
    facts.closedFormAgrees &&
    facts.convex;
  const start = scaleLastLayer(problem, theta, facts.cStar);
  const model = subjectModel({
    kind: 'mlp',
    network,
    data: { inputs, targets },
    loss: MEAN_SQUARED,
    point: vectorToPoint(network, start),
  });
  // Step fraction/λ_max(∇²L) at the start: below the descent-lemma step 1/λ_max for the local curvature, with
  // room for the curvature to grow along the way.
  const eig = symmetricEigenvalues(model.objective.hessian(model.theta));
  const step = fraction / Math.max(eig[eig.length - 1]!, 1e-12);
  const run = gradientContinuation(model.objective, model.theta, {
    step,
    maxIterations: steps,
    target: target * facts.zeroLoss,
  });
  const careful = gradientContinuation(model.objective, model.theta, {
    step: 4 * step,
    maxIterations: steps,
    target: target * facts.zeroLoss,
    backtrack: true,
  });
  return {
    rawHypothesis,
    exactHolds,
    monotone: run.monotone,
    reached: run.reached,
    iterations: run.iterations,
    backtrackReached: careful.monotone && careful.reached,
  };
}

export const ss16MonotonePathExperiment = defineExperiment({
  // The main job (npm run check) runs a reduced protocol in seconds; `landscape run` defaults to the full one.
  mainJob: { trials: '20', steps: '2000' },
  options: [
    countOption('trials', 'initialisations per width', 100, 1, 100_000),
    countOption('n', 'samples (Gaussian inputs, Gaussian targets)', 8, 1, 64),
    countOption('d', 'input dimension', 2, 1, 32),
    countListOption('widths', 'hidden widths, comma-separated', '2,4,8,16,32', 1, 256, 16),
    countOption('steps', 'gradient-descent iterations from c*', 5000, 1, 1_000_000),
    numberOption('target', 'reached when L ≤ target·L(0)', String(CONTINUATION_TARGET), 0, 1, true),
    numberOption('step', 'GD step as a fraction of 1/λ_max(∇²L) at c*·W_last', '0.25', 0, 2, true),
  ],
  run({ trials, n, d, widths, steps, target, step: fraction }, context): ExperimentResult {
    const rows: (string | number)[][] = [];
    const hyp: { lo: number; hi: number; p: number }[] = [];
    const cont: { lo: number; hi: number; p: number }[] = [];
    const careful: { lo: number; hi: number; p: number }[] = [];
    let exactFailures = 0;
    let rawTotal = 0;
    let rawYes = 0;
    const data: Record<string, unknown>[] = [];
    widths.forEach((width, wi) => {
      context.progress?.(wi, widths.length, 'widths');
      const results: Trial[] = [];
      for (let t = 0; t < trials; t++) {
        const r = trial(n, d, width, context.seed + 1_000_003 * wi + t, steps, target, fraction);
        if (r !== null) results.push(r);
      }
      const k = results.length;
      const rawCount = results.filter((r) => r.rawHypothesis).length;
      const exact = results.filter((r) => r.exactHolds).length;
      const good = results.filter((r) => r.monotone && r.reached).length;
      const monotone = results.filter((r) => r.monotone).length;
      const backtracked = results.filter((r) => r.backtrackReached).length;
      exactFailures += k - exact;
      rawTotal += k;
      rawYes += rawCount;
      const h = wilsonInterval(rawCount, k);
      const c = wilsonInterval(good, k);
      hyp.push(h);
      cont.push(c);
      const b = wilsonInterval(backtracked, k);
      careful.push(b);
      const its = results.map((r) => r.iterations).sort((a, b) => a - b);
      rows.push([
        width,
        k,
        rawCount,
        h.p,
        `[${h.lo.toFixed(3)}, ${h.hi.toFixed(3)}]`,
        exact,
        monotone,
        good,
        c.p,
        `[${c.lo.toFixed(3)}, ${c.hi.toFixed(3)}]`,
        its[k >> 1] ?? 0,
        backtracked,
        b.p,
        `[${b.lo.toFixed(3)}, ${b.hi.toFixed(3)}]`,
      ]);
      data.push({
        width,
        trials: k,
        rawHypothesis: rawCount,
        exactHolds: exact,
        monotone,
        monotoneAndReached: good,
        backtrackingReached: backtracked,
        iterations: its,
      });
      context.log(
        `width ${width}: ${k} inits, L(W0) > L(0) raw ${rawCount}, fixed-step monotone & reached ${good}, backtracking reached ${backtracked}`,
      );
    });
    const pooled = wilsonInterval(rawYes, rawTotal);
    // One-sided exact binomial test of H0: P[L(W0) > L(0)] ≥ ½ against P < ½ (pooled over widths).
    const pValue = binomialLessPValue(rawYes, rawTotal, 0.5);
    return {
      columns: [
        'width',
        'inits',
        'L(W0)>L(0) raw',
        'rate',
        'Wilson 95%',
        'exact part held',
        'fixed-step GD monotone',
        'monotone & reached',
        'rate',
        'Wilson 95%',
        'median iterations',
        'backtracking GD reached',
        'rate',
        'Wilson 95%',
      ],
      rows,
      plots: [
        {
          type: 'lines',
          title: `Safran–Shamir 2016: hypothesis rate and monotone GD continuation (n = ${n}, d = ${d}, ${trials} inits per width)`,
          xLabel: 'hidden width m',
          yLabel: 'fraction of inits (Wilson 95%)',
          series: [
            {
              name: 'P[L(W0) > L(0)] (raw init)',
              x: widths,
              y: hyp.map((h) => h.p),
              lo: hyp.map((h) => h.lo),
              hi: hyp.map((h) => h.hi),
            },
            {
              name: `fixed-step GD from c*: monotone and ≤ ${target}·L(0)`,
              x: widths,
              y: cont.map((h) => h.p),
              lo: cont.map((h) => h.lo),
              hi: cont.map((h) => h.hi),
            },
            {
              name: `backtracking (monotone) GD from c*: ≤ ${target}·L(0)`,
              x: widths,
              y: careful.map((h) => h.p),
              lo: careful.map((h) => h.lo),
              hi: careful.map((h) => h.hi),
            },
          ],
          band: { lo: 0.5, hi: 0.5, label: 'DERIVED lower bound ½ for P[L(W0) > L(0)]' },
        },
      ],
      assertions: [
        {
          name: 'exact part holds at every initialisation',
          verdict: exactFailures === 0 ? 'holds' : 'refuted',
          detail: `${rawTotal - exactFailures} of ${rawTotal} inits (the init or its sign twin): c* < ½, g decreasing on [c*, 1], g(c*) ≤ L(0), convex, network = closed form (rel. 1e-10)`,
        },
        {
          name: 'P[L(W0) > L(0)] ≥ ½ for sign-symmetric inits (DERIVED)',
          verdict: pValue >= BOUND_ALPHA ? 'holds' : 'refuted',
          detail: `${rawYes}/${rawTotal} = ${pooled.p.toFixed(3)} (Wilson 95% [${pooled.lo.toFixed(3)}, ${pooled.hi.toFixed(3)}]); one-sided exact binomial test of P ≥ ½ against P < ½, p = ${pValue.toExponential(2)} (refuted below α = ${BOUND_ALPHA}); the bound is exact, so there is no effect to power for`,
        },
      ],
      data: {
        n,
        d,
        trials,
        steps,
        target,
        widths: data,
        continuation: `fixed step ${fraction}/λ_max(∇²L) at c*·W_last, and Armijo backtracking from 4× that step (monotone by construction); rates reported, no threshold (the paper’s bound is [REC])`,
      },
    };
  },
});
