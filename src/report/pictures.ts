import type { CounterexampleJson } from '../archive/index.js';
import {
  interpolationProfile,
  lanczosDensity,
  randomSurface,
  smoothedDensity,
  subjectHessianOperator,
  subjectModel,
} from '../landscape/index.js';
import { seededRng } from '../random.js';
import type { ReportPlot } from './plots.js';

/** Grid of the 2-D surface: 25×25 points on [−1, 1]² (Li et al. 2018 draw [−1, 1] in filter-normalised units). */
export const SURFACE_POINTS = 25;
/** SLQ for the report's density: 10 probes of at most 40 Lanczos steps (PyHessian's default is 1 probe, 100 steps). */
export const DENSITY_PROBES = 10;
export const DENSITY_STEPS = 40;

/** The seed of a file's random directions and probes: the first 8 hex digits of its content hash. */
export function pictureSeed(hash: string): number {
  const seed = Number.parseInt(hash.slice(0, 8), 16);
  return Number.isSafeInteger(seed) ? seed : 0;
}

/**
 * The loss-landscape pictures of an archived counterexample: the 1-D interpolation to its better point (barrier
 * marked), the 2-D surface along two seeded filter-normalised directions, and the Hessian eigenvalue density at
 * the certified point (SLQ). A picture that cannot be drawn is left out with a note saying why.
 */
export function counterexamplePictures(
  file: CounterexampleJson,
  hash: string,
): { plots: ReportPlot[]; notes: string[] } {
  const plots: ReportPlot[] = [];
  const notes: string[] = [];
  const seed = pictureSeed(hash);
  let model: ReturnType<typeof subjectModel>;
  try {
    model = subjectModel(file.subject);
  } catch (error) {
    return { plots, notes: [`no pictures: the subject does not load (${(error as Error).message})`] };
  }
  const c = file.certificate;
  if ('betterPoint' in c && c.betterPoint !== null && c.betterPoint !== undefined) {
    try {
      const profile = interpolationProfile(model, c.betterPoint);
      plots.push({
        type: 'interpolation',
        title: `1-D: loss from the certified point to its better point`,
        ...profile,
      });
    } catch (error) {
      notes.push(`no 1-D interpolation: ${(error as Error).message}`);
    }
  } else notes.push('no 1-D interpolation: the certificate has no better point');
  try {
    const s = randomSurface(model, seed, SURFACE_POINTS);
    plots.push({
      type: 'surface',
      title: '2-D: loss around the certified point (centre, red cross)',
      subtitle: `two random directions, ${s.normalisation}; seed ${seed}`,
      alpha: s.alpha,
      beta: s.beta,
      values: s.values,
    });
  } catch (error) {
    notes.push(`no 2-D surface: ${(error as Error).message}`);
  }
  try {
    const op = subjectHessianOperator(model);
    const steps = Math.min(DENSITY_STEPS, op.dim);
    const density = lanczosDensity(op, DENSITY_PROBES, steps, seededRng(seed));
    const smooth = smoothedDensity(density);
    plots.push({
      type: 'density',
      title: 'Hessian eigenvalue density at the certified point',
      subtitle: `stochastic Lanczos quadrature, ${DENSITY_PROBES} probes × ${steps} steps, Gaussian kernel σ = ${smooth.sigma.toPrecision(2)}; seed ${seed}`,
      lambda: smooth.lambda,
      density: smooth.density,
    });
    if (model.objective.nonDifferentiable(model.theta) !== null)
      notes.push('the point is on a kink: the Hessian (and its density) is that of the active region');
  } catch (error) {
    notes.push(`no eigenvalue density: ${(error as Error).message}`);
  }
  return { plots, notes };
}
