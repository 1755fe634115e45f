import { describe, expect, test } from 'vitest';
import { formatTable, wrapCell } from './table.js';

describe('terminal tables', () => {
  const columns = ['claim', 'verdict', 'runs', 'counterexample'];
  const rows = [
    [
      'narrow-no-strict-bad-min',
      'refuted',
      1,
      'counterexamples/narrow-no-strict-bad-min/06cb1fffb28dcff6.json (+1)',
    ],
    ['km-d0-one-rank', 'holds', 5, '-'],
  ];

  test('without a width the table keeps full lines (pipes, files)', () => {
    const text = formatTable(columns, rows, undefined);
    expect(text.split('\n')[2]).toContain('06cb1fffb28dcff6.json (+1)');
  });

  test.each([100, 80, 60, 40])('at %i columns every line fits and no text is lost', (width) => {
    const text = formatTable(columns, rows, width);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    // Wrapping moves text to more lines but drops none (the rule line is as long as the columns are wide).
    const letters = (t: string) =>
      t
        .split('\n')
        .filter((l) => !/^[- ]+$/.test(l))
        .join('')
        .replace(/\s+/g, '').length;
    expect(letters(text)).toBe(letters(formatTable(columns, rows, undefined)));
    expect(text).toContain('narrow-no-');
  });

  test('numbers stay right-aligned and unwrapped; wrapping breaks at spaces, cuts long words', () => {
    const text = formatTable(['a', 'n'], [['x y z', 12345]], 9);
    expect(text.split('\n')[2]).toMatch(/12345$/);
    expect(wrapCell('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapCell('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('landscape run --help', () => {
  test("lists every experiment's declared options", async () => {
    const { main } = await import('./main.js');
    const { memoryIo } = await import('./io.js');
    const io = memoryIo();
    expect(await main(['run', '--help'], io)).toBe(0);
    const help = io.stdout.join('');
    expect(help).toContain('Experiment options');
    expect(help).toMatch(/km-phase-transition\n\s+--grid <value>/);
    expect(help).toMatch(/ss18-spurious-rate\n(\s+--\S+ <value>.*\n)*\s+--runs <value>/);
  });
});

describe('paths shown to the user', () => {
  test('relative to the current directory below it, absolute elsewhere', async () => {
    const { displayPath } = await import('./paths.js');
    expect(displayPath('/work/x/report/index.html', '/work/x')).toBe('report/index.html');
    expect(displayPath('/tmp/elsewhere/a.json', '/work/x')).toBe('/tmp/elsewhere/a.json');
    expect(displayPath('/work/x', '/work/x')).toBe('.');
  });
});
