/**
 * A power of two s with s·maxAbs in [0.5, 1): scaling by it is exact, and it keeps every kernel's sums of
 * squares far from overflow and underflow. Returns 1 for maxAbs = 0.
 */
export function powerOfTwoScale(maxAbs: number): number {
  if (maxAbs === 0) return 1;
  const e = Math.floor(Math.log2(maxAbs)) + 1;
  // 2^-e, built in two steps so that neither factor over- or underflows.
  const half = Math.trunc(-e / 2);
  return 2 ** half * 2 ** (-e - half);
}
