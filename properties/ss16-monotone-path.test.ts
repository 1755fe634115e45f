import { describe, expect, test } from 'vitest';
import { describeClaim } from '../test/claimSuite.js';
import { ss16MonotonePath } from './ss16-monotone-path.js';

describeClaim(ss16MonotonePath);

describe('ss16-monotone-path experiment (landscape run), tiny protocol', () => {
  test('runs, tabulates one row per width and asserts the exact part and the DERIVED P ≥ ½', () => {
    const result = ss16MonotonePath.experiment!.run(
      { trials: '6', n: '6', d: '2', widths: '4,12', steps: '300', target: '1e-3', step: '0.25' },
      { seed: 7, log: () => {} },
    );
    expect(result.rows.length).toBe(2);
    expect(result.assertions.map((a) => a.name)).toHaveLength(2);
    expect(result.assertions[0]!.verdict).toBe('holds');
    expect(result.plots[0]!.type).toBe('lines');
  });
});
