/** The largest exponent of a finite power of two. */
const MAX_SCALE_EXPONENT = 1023;

/**
 * A power of two s with s·maxAbs in [0.5, 1): scaling by it is exact, and it keeps every kernel's sums of
 * squares far from overflow and underflow. Returns 1 for maxAbs = 0. For a subnormal maxAbs (< 2^-1023) the
 * exact scale would exceed the largest double: s is capped at 2^1023, which still lifts every entry into the
 * normal range (issue 16: an uncapped 2^1032 was Infinity and made the SVD of a subnormal Jacobian fail).
 */
export function powerOfTwoScale(maxAbs: number): number {
  if (maxAbs === 0) return 1;
  const e = Math.max(Math.floor(Math.log2(maxAbs)) + 1, -MAX_SCALE_EXPONENT);
  // 2^-e, built in two steps so that neither factor over- or underflows.
  const half = Math.trunc(-e / 2);
  return 2 ** half * 2 ** (-e - half);
}
