import { seededRng } from '../../random.js';
import { randomSpinGlass } from './hamiltonian.js';
import { criticalIndex, minimizeOnSphere, randomSpherePoint } from './minimize.js';

/** One minimisation of the spin glass from a uniform random start on the sphere. */
export interface SpinGlassEndpoint {
  readonly N: number;
  readonly instance: number;
  readonly run: number;
  /** L(w)/N at the endpoint (the energy per weight of Choromanska et al.). */
  readonly energy: number;
  /** The Hessian index on the tangent space (−1: degenerate, not labelled). */
  readonly index: number;
  /** ‖grad_S L‖ ≤ SPHERE_GRAD_TOL·(1 + |L|) at the endpoint. */
  readonly converged: boolean;
  readonly gradientNorm: number;
  readonly iterations: number;
}

/** A 32-bit seed from several integers (FNV-style fold), so every (seed, N, instance, run) has its own stream. */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x01000193) >>> 0;
    h = Math.imul(h ^ ((p / 2 ** 32) | 0), 0x01000193) >>> 0;
  }
  return h;
}

/**
 * `runs` minimisations of H-spin glasses of size N (the experiment of Choromanska et al.
 * 2015): `instances` Hamiltonians drawn from streams of (seed, N, instance), run r uses instance r mod
 * instances and a uniform random start from the stream of (seed, N, r). Each endpoint is polished to a
 * critical point and labelled by its Hessian index.
 */
export function spinGlassEndpoints(
  H: number,
  N: number,
  runs: number,
  seed: number,
  options: { instances?: number; onRun?: (endpoint: SpinGlassEndpoint) => void } = {},
): SpinGlassEndpoint[] {
  const instances = Math.min(Math.max(1, options.instances ?? 1), runs);
  // A Hamiltonian has C(N+H−1, H) coefficients (N = 500, H = 3: 2.1·10⁷ numbers, 167 MB): with one per run each is
  // drawn when its run starts and dropped after it, so memory stays at one Hamiltonian whatever the number of runs;
  // shared instances (fewer than the runs) are kept. Either way instance k comes from the stream (seed, N, H, k, 1).
  const draw = (k: number) => randomSpinGlass(H, N, seededRng(mixSeed(seed, N, H, k, 1)));
  const kept = instances < runs ? Array.from({ length: instances }, (_, k) => draw(k)) : null;
  const out: SpinGlassEndpoint[] = [];
  for (let r = 0; r < runs; r++) {
    const instance = r % instances;
    const glass = kept === null ? draw(instance) : kept[instance]!;
    const start = randomSpherePoint(N, seededRng(mixSeed(seed, N, H, r, 2)));
    const m = minimizeOnSphere(glass, start);
    const { index } = criticalIndex(glass, m.w);
    const endpoint: SpinGlassEndpoint = {
      N,
      instance,
      run: r,
      energy: m.value / N,
      index,
      converged: m.converged,
      gradientNorm: m.gradientNorm,
      iterations: m.iterations,
    };
    options.onRun?.(endpoint);
    out.push(endpoint);
  }
  return out;
}
