// Auer, Herbster, Warmuth (1996), "Exponentially many local minima for single neurons", NIPS 8 (1995), pp. 316–322,
// main theorem (⌊n/d⌋^d local minima for the logistic neuron with square loss) [REC statement and numbering]. The
// claim below is the false one their construction refutes; see `statement`. 1-D block construction: see `statement`.
import fc from 'fast-check';
import type { CounterexampleJson } from '../src/archive/index.js';
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  examinePoint,
  isSpuriousGap,
  type MlpSubjectJson,
  spuriousMinimumCertificate,
  subjectModel,
} from '../src/landscape/index.js';
import {
  blockDataset,
  type SingleNeuronData,
  type SingleNeuronMinimum,
  singleNeuronMinima,
} from '../src/landscape/population/index.js';
import { seededRng } from '../src/random.js';
import { sources } from './sources.js';

/** Hypotheses: B blocks; block j has scale exponent e_j = −4 + Σ_{i≤j} gaps_i (x = ±10^{e/2}) and target t_j/8. */
export interface BlockGenome {
  readonly blocks: number;
  readonly gaps: readonly number[];
  readonly signs: readonly boolean[];
  readonly targets: readonly number[];
}

const MAX_BLOCKS = 4;

function genome(minBlocks: number, maxBlocks: number): fc.Arbitrary<BlockGenome> {
  return fc.record({
    blocks: fc.integer({ min: minBlocks, max: maxBlocks }),
    gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: MAX_BLOCKS, maxLength: MAX_BLOCKS }),
    signs: fc.array(fc.boolean(), { minLength: MAX_BLOCKS, maxLength: MAX_BLOCKS }),
    targets: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: MAX_BLOCKS, maxLength: MAX_BLOCKS }),
  });
}

/** The data of a genome (x = ±10^{e/2}, y = t/8) with the mlp subjects' loss scale ½. */
export function blockData(g: BlockGenome): SingleNeuronData {
  let exponent = -4;
  const blocks = Array.from({ length: g.blocks }, (_, j) => {
    exponent += g.gaps[j]!;
    return { exponent, sign: g.signs[j]! ? -1 : 1, target: g.targets[j]! / 8 };
  });
  return { ...blockDataset(blocks), scale: 0.5 };
}

/** f(x) = σ(w·x): an mlp [1, 1, 1] with sigmoid, no bias, output weight 1 frozen; the point is w. */
export function singleNeuronSubject(data: SingleNeuronData, w: number): MlpSubjectJson {
  return {
    kind: 'mlp',
    network: {
      layerSizes: [1, 1, 1],
      activation: { name: 'sigmoid' },
      bias: false,
      trainable: [true, false],
    },
    data: { inputs: data.xs.map((x) => [x]), targets: data.ys.map((y) => [y]) },
    loss: { name: 'squared', scale: data.scale, reduction: 'sum' },
    point: {
      layers: [
        { weights: [[w]], biases: null },
        { weights: [[1]], biases: null },
      ],
    },
  };
}

/** The spurious minimum to certify: the highest-valued one (the global one is the better point). */
function worstAndBest(
  minima: readonly SingleNeuronMinimum[],
): { worst: SingleNeuronMinimum; best: SingleNeuronMinimum } | null {
  if (minima.length < 2) return null;
  const sorted = [...minima].sort((a, b) => a.value - b.value);
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  return isSpuriousGap(worst.value, best.value) ? { worst, best } : null;
}

/**
 * Perturbation radii relative to the minimiser: a valley of block j has width ~1/|x_j| ≈ |w*|/|logit y_j|, so
 * absolute radii (1e-2) would jump to a neighbouring valley at small |w*|; 10^{−2,−3,−4}·max(|w*|, 1e-3) stay inside.
 */
function radiiAt(w: number): number[] {
  const base = Math.max(Math.abs(w), 1e-3);
  return [1e-2 * base, 1e-3 * base, 1e-4 * base];
}

interface Evidence {
  readonly count: number;
}

export const ahw96SingleNeuron = defineClaim<BlockGenome, Evidence>({
  id: 'ahw96-single-neuron',
  title:
    'A single logistic neuron with square loss has no spurious local minimum (false: one minimum per block)',
  source: sources.auerHerbsterWarmuth1996.at(
    'main theorem: ⌊n/d⌋^d local minima for n examples in d dimensions [REC]',
  ),
  statement:
    'Claim (false): for f(x) = σ(w·x), σ the logistic function, no bias, and L(w) = ½Σ_i(σ(w x_i) − y_i)², every local ' +
    'minimum is global. Refutation (Auer–Herbster–Warmuth [REC]: ⌊n/d⌋^d local minima; here d = 1): block datasets, ' +
    'block j one sample x_j = ±10^{e_j/2} with target y_j ∈ (0, 1), scales increasing in j. Each block has one valley at ' +
    'w = logit(y_j)/x_j of width ~1/|x_j|, and at separated scales the other blocks are nearly flat there, so the count ' +
    'of local minima grows with the number of blocks. Check: every strict local minimum on an asinh grid of 2·10⁵ points ' +
    'for |w| ∈ [1e-4, 1e4] (L′ changes sign − to +, refined by bisection and Newton, L″ > 0); two minima with a spurious ' +
    'gap refute the claim. The certificate is the highest minimum (gradient, 1×1 Hessian, perturbations at radii ' +
    '10^{−2,−3,−4}·|w*|) with the global one as the better point, and lists every minimum found.',
  kind: 'construction',
  expect: 'refuted',
  hypotheses: genome(1, MAX_BLOCKS),
  budget: { test: 20, check: 100 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses({
      activations: ['sigmoid'],
      bias: false,
      hiddenLayers: [1, 1],
      outputs: 1,
      trained: 'first-only',
      more: (s) =>
        s.network.layerSizes[0] === 1 && s.network.layerSizes[1] === 1
          ? []
          : ['expected a single neuron in 1-D'],
    }),
  },
  check(g) {
    const minima = singleNeuronMinima(blockData(g));
    if (minima.length === 0) return { status: 'inconclusive', reason: 'no minimum resolved on the grid' };
    const pair = worstAndBest(minima);
    if (pair === null) return { status: 'pass', score: minima.length - 1 };
    return { status: 'fail', evidence: { count: minima.length }, score: minima.length };
  },
  certify(g) {
    const data = blockData(g);
    const minima = singleNeuronMinima(data);
    const pair = worstAndBest(minima);
    if (pair === null) return { ok: false, reason: 'no spurious pair of minima' };
    const subject = singleNeuronSubject(data, pair.worst.w);
    const model = subjectModel(subject);
    const exam = examinePoint(model.objective, model.theta, {
      rng: seededRng(minima.length),
      radii: radiiAt(pair.worst.w),
      trials: 50,
    });
    if (exam.classification !== 'strict-local-min')
      return { ok: false, reason: `examination says ${exam.classification}` };
    return {
      ok: true,
      value: {
        subject,
        certificate: spuriousMinimumCertificate(model, exam, Float64Array.of(pair.best.w), {
          details: {
            blocks: g.blocks,
            count: minima.length,
            minima: minima.map((m) => ({ w: m.w, loss: m.value, curvature: m.curvature })),
            method:
              'sign changes of L′ on the asinh grid w = 1e-4·sinh(t), 2·10⁵ points, |w| ≤ 1e4; bisection + Newton; L″ > 0',
          },
        }),
      },
    };
  },
  verifyDetails(file: CounterexampleJson) {
    if (file.subject.kind !== 'mlp') return ['expected an mlp subject'];
    const subject = file.subject as MlpSubjectJson;
    const data: SingleNeuronData = {
      xs: subject.data.inputs.map((x) => x[0]!),
      ys: subject.data.targets.map((y) => y[0]!),
      scale: subject.loss.scale,
    };
    const problems: string[] = [];
    const minima = singleNeuronMinima(data);
    const details = file.certificate.details ?? {};
    if (minima.length !== Number(details.count))
      problems.push(`the grid finds ${minima.length} minima, certificate says ${String(details.count)}`);
    if (minima.length < 2) problems.push('fewer than two local minima: nothing spurious');
    const recorded = Array.isArray(details.minima) ? (details.minima as { w: number }[]) : [];
    recorded.forEach((m, i) => {
      const now = minima[i];
      if (now === undefined || Math.abs(now.w - m.w) > 1e-9 * (1 + Math.abs(m.w)))
        problems.push(`minimum ${i}: w = ${now?.w}, certificate says ${m.w}`);
    });
    return problems;
  },
  mutate(g, rng) {
    const k = rng.int(0, MAX_BLOCKS - 1);
    const targets = [...g.targets];
    targets[k] = rng.int(1, 7);
    return { ...g, targets, blocks: Math.max(1, Math.min(MAX_BLOCKS, g.blocks + rng.int(-1, 1))) };
  },
  control: {
    description: 'one block (a single sample): L is unimodal, so no spurious minimum exists',
    hypotheses: genome(1, 1),
    expect: 'holds',
    runs: 20,
  },
});
