import { describe, expect, test } from 'vitest';
import { decideRise } from './trend.js';

const design = { name: 'P rises', alpha: 0.05, effect: 0.3, baseline: 0.2, trialsFlag: 'trials' };

describe('decideRise: holds, refuted or inconclusive from counts', () => {
  test('a clear rise holds, with the test, α, p and power in the detail', () => {
    const a = decideRise(
      design,
      { label: 'A', successes: 2, trials: 50 },
      { label: 'B', successes: 30, trials: 50 },
    );
    expect(a.verdict).toBe('holds');
    expect(a.detail).toMatch(/Fisher exact.*α = 0\.05.*p = .*power/);
  });

  test('a clear fall is refuted (the opposite shown at α)', () => {
    const a = decideRise(
      design,
      { label: 'A', successes: 30, trials: 50 },
      { label: 'B', successes: 2, trials: 50 },
    );
    expect(a.verdict).toBe('refuted');
  });

  test('one trial a group is inconclusive: underpowered, with the trials that would decide', () => {
    const a = decideRise(
      design,
      { label: 'A', successes: 1, trials: 1 },
      { label: 'B', successes: 0, trials: 1 },
    );
    expect(a.verdict).toBe('inconclusive');
    expect(a.detail).toMatch(/underpowered: power [\d.e-]+ at effect 0\.3 .*; run with --trials ≥ \d+/);
    expect(a.trialsNeeded).toBeGreaterThan(10);
  });

  test('0/3 against 3/3: p = 0.05 exactly (not the z-test 7e-3), so it holds at α = 0.05', () => {
    const a = decideRise(
      design,
      { label: 'A', successes: 0, trials: 3 },
      { label: 'B', successes: 3, trials: 3 },
    );
    expect(a.pValue).toBeCloseTo(0.05, 12);
  });

  test('a well-powered null result refutes only a claim that states its effect', () => {
    const a = { label: 'A', successes: 100, trials: 400 };
    const b = { label: 'B', successes: 104, trials: 400 };
    expect(decideRise(design, a, b).verdict).toBe('inconclusive');
    expect(decideRise({ ...design, effectIsClaimed: true }, a, b).verdict).toBe('refuted');
  });
});
