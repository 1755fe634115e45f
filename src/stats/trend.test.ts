import { describe, expect, test } from 'vitest';
import {
  correlationFallPower,
  decideAtLeast,
  decideCorrelationFall,
  decideNoDrop,
  decideRise,
  decideSpreadShrink,
  fmtLevel,
  MIN_NORMAL_APPROX_SAMPLE,
  spreadShrinkPower,
} from './trend.js';

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

describe('the other decisions share the rule: power stated, too small a sample is inconclusive', () => {
  const wave = (n: number, scale: number) => Array.from({ length: n }, (_, i) => scale * Math.sin(i + 1));

  test('spread: a tenfold shrink holds at 30 runs; 4 runs a group are inconclusive (underpowered), never refuted', () => {
    const design = { name: 'spread shrinks', alpha: 0.01, ratio: 2, trialsFlag: 'runs' };
    const ok = decideSpreadShrink(
      design,
      { label: 'm = 4', values: wave(30, 10) },
      { label: 'm = 25', values: wave(30, 1) },
    );
    expect(ok.verdict).toBe('holds');
    expect(ok.detail).toMatch(/Brown–Forsythe.*α = 0\.01.*power [\d.]+ for a 2-fold spread/);
    const reversed = decideSpreadShrink(
      design,
      { label: 'a', values: wave(4, 1) },
      { label: 'b', values: wave(4, 100) },
    );
    expect(reversed.verdict).toBe('inconclusive');
    expect(reversed.detail).toMatch(/underpowered: power [\d.e-]+ .*; run with --runs ≥ \d+/);
    expect(reversed.trialsNeeded).toBeGreaterThanOrEqual(MIN_NORMAL_APPROX_SAMPLE);
    const grows = decideSpreadShrink(
      design,
      { label: 'a', values: wave(30, 1) },
      { label: 'b', values: wave(30, 10) },
    );
    expect(grows.verdict).toBe('refuted');
  });

  test('spread power: the approximation is at α for no effect and rises with n', () => {
    expect(spreadShrinkPower(1, 30, 30, 0.01)).toBeCloseTo(0.01, 10);
    expect(spreadShrinkPower(2, 60, 60, 0.01)).toBeGreaterThan(spreadShrinkPower(2, 20, 20, 0.01));
  });

  test('correlation: a fall holds when shown, 4 runs are inconclusive with the runs that would decide', () => {
    const design = { name: 'ρ falls', alpha: 0.01, from: 0.8, to: 0.4, trialsFlag: 'runs' };
    expect(
      decideCorrelationFall(design, { label: 'a', r: 0.9, n: 100 }, { label: 'b', r: 0.2, n: 100 }).verdict,
    ).toBe('holds');
    const few = decideCorrelationFall(design, { label: 'a', r: 0.1, n: 4 }, { label: 'b', r: 0.99, n: 4 });
    expect(few.verdict).toBe('inconclusive');
    expect(few.detail).toMatch(/fewer than 10 runs .*run with --runs ≥ \d+/);
    expect(correlationFallPower(0.8, 0.4, 30, 30, 0.01)).toBeLessThan(
      correlationFallPower(0.8, 0.4, 60, 60, 0.01),
    );
  });

  test('at least a threshold: 40/40 holds above 0.9 (Clopper–Pearson), 20/40 is refuted, 5/5 is underpowered', () => {
    const design = { name: 'P ≥ 0.9', alpha: 0.05, threshold: 0.9, powerAt: 0.99, trialsFlag: 'trials' };
    expect(decideAtLeast(design, { label: 'widest', successes: 40, trials: 40 }).verdict).toBe('holds');
    expect(decideAtLeast(design, { label: 'widest', successes: 20, trials: 40 }).verdict).toBe('refuted');
    const few = decideAtLeast(design, { label: 'widest', successes: 5, trials: 5 });
    expect(few.verdict).toBe('inconclusive');
    expect(few.detail).toMatch(/underpowered.*--trials ≥ \d+/);
  });

  test('no drop: a significant drop refutes, none with power holds, none without power is inconclusive', () => {
    const design = { name: 'no drop', familyAlpha: 1e-3, effect: 0.5, from: 0.75, trialsFlag: 'trials' };
    const g = (label: string, successes: number, trials: number) => ({ label, successes, trials });
    expect(decideNoDrop(design, [g('a', 90, 100), g('b', 10, 100)]).verdict).toBe('refuted');
    expect(decideNoDrop(design, [g('a', 50, 100), g('b', 60, 100), g('c', 90, 100)]).verdict).toBe('holds');
    const few = decideNoDrop(design, [g('a', 3, 4), g('b', 1, 4)]);
    expect(few.verdict).toBe('inconclusive');
    expect(few.detail).toMatch(/underpowered.*--trials ≥ \d+/);
  });
});

test('levels print as a reader writes them: 0.05, 0.025, 0.001, 1.1e-4 (a Bonferroni share of 1e-3 over 9 rows)', () => {
  expect([0.05, 0.025, 1e-3, 1e-3 / 9].map(fmtLevel)).toEqual(['0.05', '0.025', '0.001', '1.1e-4']);
});
