import type { CounterexampleJson } from '../archive/index.js';
import type { CertifyResult } from '../claims/index.js';
import { singleNeuronSubject } from '../generate/singleNeuron.js';
import {
  examinePoint,
  isSpuriousGap,
  type MlpSubjectJson,
  spuriousMinimumCertificate,
  subjectModel,
} from '../landscape/index.js';
import {
  type SingleNeuronData,
  type SingleNeuronMinimum,
  singleNeuronMinima,
} from '../landscape/population/index.js';
import { seededRng } from '../random.js';

/**
 * The certificate of a single logistic neuron with several local minima (Auer–Herbster–Warmuth): the highest minimum
 * (gradient, 1×1 Hessian, perturbations) with the global one as the better point, listing every minimum found.
 */

/** The grid of singleNeuronMinima: w = inner·sinh(t), `points` points, |w| from `inner` to `outer`. */
export const SINGLE_NEURON_GRID = { inner: 1e-4, outer: 1e4, points: 200_000 } as const;
/** Perturbation radii relative to max(|w*|, RADIUS_FLOOR): a valley of block j has width ~1/|x_j| ≈ |w*|/|logit y_j|,
 *  so absolute radii (1e-2) would jump to a neighbouring valley at small |w*|. */
export const SINGLE_NEURON_RADII = [1e-2, 1e-3, 1e-4] as const;
const RADIUS_FLOOR = 1e-3;
/** Random perturbations per radius in the examination. */
const TRIALS = 50;
/** A recorded minimiser matches a recomputed one to this relative error (the grid and refinement are deterministic). */
const MINIMISER_RTOL = 1e-9;

export const neuronMinima = (data: SingleNeuronData): SingleNeuronMinimum[] =>
  singleNeuronMinima(data, SINGLE_NEURON_GRID);

/** The spurious minimum to certify (the highest) and the better point (the lowest), or null without a spurious gap. */
export function worstAndBest(
  minima: readonly SingleNeuronMinimum[],
): { worst: SingleNeuronMinimum; best: SingleNeuronMinimum } | null {
  if (minima.length < 2) return null;
  const sorted = [...minima].sort((a, b) => a.value - b.value);
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  return isSpuriousGap(worst.value, best.value) ? { worst, best } : null;
}

export function singleNeuronCertificate(
  data: SingleNeuronData,
  details: Record<string, unknown>,
): CertifyResult {
  const minima = neuronMinima(data);
  const pair = worstAndBest(minima);
  if (pair === null) return { ok: false, reason: 'no spurious pair of minima' };
  const subject = singleNeuronSubject(data, pair.worst.w);
  const model = subjectModel(subject);
  const base = Math.max(Math.abs(pair.worst.w), RADIUS_FLOOR);
  const radii = SINGLE_NEURON_RADII.map((r) => r * base);
  const exam = examinePoint(model.objective, model.theta, {
    rng: seededRng(minima.length),
    radii,
    trials: TRIALS,
  });
  if (exam.classification !== 'strict-local-min')
    return { ok: false, reason: `examination says ${exam.classification}` };
  const method =
    'sign changes of L′ on the asinh grid w = 1e-4·sinh(t), 2·10⁵ points, |w| ≤ 1e4; bisection + Newton; L″ > 0';
  const minimaJson = minima.map((m) => ({ w: m.w, loss: m.value, curvature: m.curvature }));
  return {
    ok: true,
    value: {
      subject,
      certificate: spuriousMinimumCertificate(model, exam, Float64Array.of(pair.best.w), {
        details: { ...details, count: minima.length, minima: minimaJson, method },
      }),
    },
  };
}

/** An archived file's details against a recomputation: the count and every recorded minimiser. */
export function verifySingleNeuronDetails(file: CounterexampleJson): string[] {
  if (file.subject.kind !== 'mlp') return ['expected an mlp subject'];
  const subject = file.subject as MlpSubjectJson;
  const data: SingleNeuronData = {
    xs: subject.data.inputs.map((x) => x[0]!),
    ys: subject.data.targets.map((y) => y[0]!),
    scale: subject.loss.scale,
  };
  const problems: string[] = [];
  const minima = neuronMinima(data);
  const details = file.certificate.details ?? {};
  if (minima.length !== Number(details.count))
    problems.push(`the grid finds ${minima.length} minima, certificate says ${String(details.count)}`);
  if (minima.length < 2) problems.push('fewer than two local minima: nothing spurious');
  const recorded = Array.isArray(details.minima) ? (details.minima as { w: number }[]) : [];
  recorded.forEach((m, i) => {
    const now = minima[i];
    if (now === undefined || Math.abs(now.w - m.w) > MINIMISER_RTOL * (1 + Math.abs(m.w)))
      problems.push(`minimum ${i}: w = ${now?.w}, certificate says ${m.w}`);
  });
  return problems;
}
