/** √(a² + b²) without spurious overflow or underflow; the fast path covers all moderately sized inputs. */
export function hypot(a: number, b: number): number {
  const s = a * a + b * b;
  if (s > 1e-290 && s < 1e290) return Math.sqrt(s);
  return Math.hypot(a, b);
}
