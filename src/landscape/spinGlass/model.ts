import { NonFiniteError, ShapeError, UserError } from '../../errors.js';
import type { SubjectModel } from '../subjectModel.js';
import type { AnyPoint, SphericalSpinGlassJson } from '../subjectTypes.js';
import { spinGlassFromCouplings } from './hamiltonian.js';
import { sphereObjective } from './sphere.js';
import { SPHERE_RTOL } from './tolerances.js';

/**
 * A vector of an N-spin glass (a point, a better point or a direction): N finite numbers; with `onSphere`, also
 * |w|² = N to SPHERE_RTOL. User errors name what is wrong.
 */
export function spherePoint(
  point: AnyPoint,
  N: number,
  what = 'spin glass point',
  onSphere = true,
): Float64Array {
  if (!Array.isArray(point) || point.some((x) => typeof x !== 'number')) {
    throw new UserError(`${what} must be an array of ${N} numbers`);
  }
  const values = point as readonly number[];
  if (values.length !== N) throw new ShapeError(`${what} has ${values.length} entries, expected N = ${N}`);
  const w = Float64Array.from(values);
  let norm2 = 0;
  for (let i = 0; i < N; i++) {
    if (!Number.isFinite(w[i]!)) throw new NonFiniteError(`${what}: entry ${i} is ${w[i]}`);
    norm2 += w[i]! * w[i]!;
  }
  if (onSphere && !(Math.abs(norm2 - N) <= SPHERE_RTOL * N)) {
    throw new UserError(
      `${what} is not on the sphere: |w|² = ${norm2}, expected N = ${N} (relative tolerance ${SPHERE_RTOL})`,
    );
  }
  return w;
}

/**
 * The `spherical-spin-glass` subject as an objective on the sphere |w|² = N: the H-spin Hamiltonian of its raw
 * couplings (Choromanska et al. 2015), with Riemannian gradient and Hessian, retraction, tangent projection and normal. The
 * subject's own point must lie on the sphere (to SPHERE_RTOL).
 */
export function spinGlassModel(subject: SphericalSpinGlassJson): SubjectModel {
  const glass = spinGlassFromCouplings(subject.H, subject.N, subject.couplings);
  const theta = spherePoint(subject.point, subject.N);
  return {
    kind: 'spherical-spin-glass',
    objective: sphereObjective(glass),
    theta,
    toPoint: (w) => Array.from(w),
    // Certificates' better points and descent directions: any N finite numbers (the objective reads a
    // vector through its radial projection, so a better point cannot gain by leaving the sphere).
    fromPoint: (point) => spherePoint(point, subject.N, 'spin glass vector', false),
  };
}
