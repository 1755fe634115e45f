/**
 * Orthonormal bases for "everything but these directions": used to restrict Hessians and perturbations to
 * the complement of symmetry orbits and constraint normals.
 */

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Directions whose norm, after removing earlier ones, falls below this fraction of the original are dependent. */
const DEPENDENT_RTOL = 1e-10;

/** Modified Gram–Schmidt (twice, for stability): an orthonormal basis of span(vectors); dependent ones dropped. */
export function orthonormalize(vectors: readonly Float64Array[]): Float64Array[] {
  const basis: Float64Array[] = [];
  for (const v of vectors) {
    const w = Float64Array.from(v);
    const original = Math.sqrt(dot(w, w));
    if (original === 0) continue;
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        const c = dot(q, w);
        for (let i = 0; i < w.length; i++) w[i]! -= c * q[i]!;
      }
    }
    const size = Math.sqrt(dot(w, w));
    if (size <= DEPENDENT_RTOL * original) continue;
    for (let i = 0; i < w.length; i++) w[i]! /= size;
    basis.push(w);
  }
  return basis;
}

/** v minus its projection onto the span of the orthonormal `basis`. */
export function removeComponents(v: Float64Array, basis: readonly Float64Array[]): Float64Array {
  const w = Float64Array.from(v);
  for (const q of basis) {
    const c = dot(q, w);
    for (let i = 0; i < w.length; i++) w[i]! -= c * q[i]!;
  }
  return w;
}

/**
 * An orthonormal basis (as columns of a dim×k array of vectors) of the orthogonal complement of span(excluded),
 * built by completing the excluded basis with the unit vectors.
 */
export function complementBasis(dim: number, excluded: readonly Float64Array[]): Float64Array[] {
  const ex = orthonormalize(excluded);
  const candidates: Float64Array[] = [...ex];
  for (let i = 0; i < dim; i++) {
    const e = new Float64Array(dim);
    e[i] = 1;
    candidates.push(e);
  }
  return orthonormalize(candidates).slice(ex.length);
}
