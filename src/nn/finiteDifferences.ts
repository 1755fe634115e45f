import { ShapeError } from '../errors.js';
import { FD_STEP } from './tolerances.js';

// Finite differences along a direction: the reference every derivative of src/nn is checked against.
// With D(h) = (φ(θ + h·v) − φ(θ − h·v)) / 2h (the central difference, error h²·φ‴/6 + O(h⁴)), the
// Richardson extrapolation R(h) = (4·D(h/2) − D(h)) / 3 cancels the h² term: its error is O(h⁴·φ⁽⁵⁾) from
// truncation plus about 3·ε·|φ|/h from rounding. Plain central differences could not meet GRAD_FD_TOL on
// the deep polynomial-activation networks the generators draw (see FD_STEP in tolerances.ts).

function shifted(theta: Float64Array, v: Float64Array, t: number): Float64Array {
  if (v.length !== theta.length) {
    throw new ShapeError(`direction v has ${v.length} entries, expected ${theta.length}`);
  }
  const out = new Float64Array(theta.length);
  for (let k = 0; k < theta.length; k++) out[k] = theta[k]! + t * v[k]!;
  return out;
}

/** The plain central difference D(h) = (φ(θ + h·v) − φ(θ − h·v)) / 2h. */
export function centralDifferenceRaw(
  phi: (theta: Float64Array) => number,
  theta: Float64Array,
  v: Float64Array,
  h: number,
): number {
  return (phi(shifted(theta, v, h)) - phi(shifted(theta, v, -h))) / (2 * h);
}

/** d/dt φ(θ + t·v) at t = 0 by the Richardson-extrapolated central difference (4·D(h/2) − D(h)) / 3. */
export function centralDifference(
  phi: (theta: Float64Array) => number,
  theta: Float64Array,
  v: Float64Array,
  h: number = FD_STEP,
): number {
  return (4 * centralDifferenceRaw(phi, theta, v, h / 2) - centralDifferenceRaw(phi, theta, v, h)) / 3;
}

/** The same for a vector-valued φ, entry by entry. */
export function centralDifferenceVector(
  phi: (theta: Float64Array) => Float64Array,
  theta: Float64Array,
  v: Float64Array,
  h: number = FD_STEP,
): Float64Array {
  const plus = phi(shifted(theta, v, h));
  const minus = phi(shifted(theta, v, -h));
  const plusHalf = phi(shifted(theta, v, h / 2));
  const minusHalf = phi(shifted(theta, v, -h / 2));
  const out = new Float64Array(plus.length);
  for (let k = 0; k < plus.length; k++) {
    const full = (plus[k]! - minus[k]!) / (2 * h);
    const half = (plusHalf[k]! - minusHalf[k]!) / h;
    out[k] = (4 * half - full) / 3;
  }
  return out;
}

/** θ + t·v (a fresh array). */
export function stepAlong(theta: Float64Array, v: Float64Array, t: number): Float64Array {
  return shifted(theta, v, t);
}
