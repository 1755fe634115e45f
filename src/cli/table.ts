/**
 * A plain-text table: columns padded to their widest cell, numbers right-aligned. When the table is wider than
 * `width` (default: the terminal's, when stdout is one), the widest text columns are narrowed and their cells
 * wrapped at spaces (long words are cut), so every line fits; `--json` always has the full text.
 */
export function formatTable(
  columns: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  width: number | undefined = terminalWidth(),
): string {
  const cells = rows.map((row) => columns.map((_, j) => cellText(row[j])));
  const numeric = columns.map((_, j) => rows.length > 0 && rows.every((row) => typeof row[j] === 'number'));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j]!.length)));
  if (width !== undefined) fitWidths(widths, columns, numeric, width);
  const lines: string[] = [];
  const emit = (row: readonly string[]) => {
    const wrapped = row.map((cell, j) => (numeric[j] ? [cell] : wrapCell(cell, widths[j]!)));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k++)
      lines.push(
        wrapped
          .map((w, j) => {
            const text = w[k] ?? '';
            return numeric[j] ? text.padStart(widths[j]!) : text.padEnd(widths[j]!);
          })
          .join('  ')
          .trimEnd(),
      );
  };
  emit(columns);
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) emit(row);
  return lines.join('\n');
}

/** The terminal's width when stdout is a terminal (else undefined: pipes and files get full lines). */
export function terminalWidth(): number | undefined {
  return process.stdout.isTTY === true && process.stdout.columns > 0 ? process.stdout.columns : undefined;
}

/** Narrowest a wrapped text column may become. */
const MIN_COLUMN = 8;

function cellText(cell: string | number | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'number' ? formatNumber(cell) : cell;
}

/** Narrow the widest text columns, one character at a time, until the table fits (or nothing can shrink). */
function fitWidths(
  widths: number[],
  columns: readonly string[],
  numeric: readonly boolean[],
  width: number,
): void {
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  while (total() > width) {
    let widest = -1;
    for (let j = 0; j < widths.length; j++) {
      const floor = Math.max(MIN_COLUMN, Math.min(columns[j]!.length, MIN_COLUMN));
      if (!numeric[j] && widths[j]! > floor && (widest < 0 || widths[j]! > widths[widest]!)) widest = j;
    }
    if (widest < 0) return;
    widths[widest] = widths[widest]! - 1;
  }
}

/** Wrap text into lines of at most `width` characters, at spaces where possible. */
export function wrapCell(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let w = word;
    while (w.length > width) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (line === '') line = w;
    else if (line.length + 1 + w.length <= width) line = `${line} ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Integers as they are; others with 4 significant digits. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? value.toExponential(3) : value.toPrecision(4);
}
