/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
export function formatTable(
  columns: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((row) => (row[j] ?? '').length)));
  const numeric = columns.map((_, j) => rows.length > 0 && rows.every((row) => typeof row[j] === 'number'));
  const line = (row: readonly string[]) =>
    row
      .map((cell, j) => (numeric[j] ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!)))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Integers as they are; others with 4 significant digits. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? value.toExponential(3) : value.toPrecision(4);
}
