import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { HuntSchedule, type ScheduledStep } from './huntSchedule.js';

describe('the hunt schedule', () => {
  test.prop(
    [
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 0, max: 40 }),
      fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1e4, noNaN: true })), {
        minLength: 60,
        maxLength: 60,
      }),
    ],
    { numRuns: 200 },
  )(
    'workers sharing it take every claim once per pass, passes in order, and stop at the limit',
    (claims, steps, moves) => {
      const first = HuntSchedule.create(claims, steps);
      // A second view of the same memory, as a worker thread builds it from the buffer it is sent.
      const views = [first, new HuntSchedule(first.buffer, claims, steps)];
      const taken: ScheduledStep[] = [];
      for (const [second, ms] of moves) {
        const step = views[second ? 1 : 0]!.take();
        if (step === null) break;
        taken.push(step);
        views[second ? 0 : 1]!.finish(step.claim, ms);
      }
      const expected = Math.min(steps, moves.length);
      expect(taken).toHaveLength(expected);
      expect(first.taken).toBe(expected);
      if (expected === steps) expect(views[0]!.take()).toBeNull();
      taken.forEach((step, i) => {
        expect(step.pass).toBe(Math.floor(i / claims));
      });
      for (let p = 0; p * claims < taken.length; p++) {
        const pass = taken.slice(p * claims, (p + 1) * claims).map((s) => s.claim);
        expect(new Set(pass).size).toBe(pass.length);
        for (const c of pass) expect(c >= 0 && c < claims).toBe(true);
      }
    },
  );

  test('a pass starts with the claims not yet timed, then the longest mean step first', () => {
    const schedule = HuntSchedule.create(4, null);
    const pass0 = [0, 1, 2, 3].map(() => schedule.take()!.claim);
    expect(pass0).toEqual([0, 1, 2, 3]);
    schedule.finish(0, 5);
    schedule.finish(1, 50);
    schedule.finish(3, 20);
    // Claim 2's step is still running: not timed yet, so it goes first.
    expect([0, 1, 2, 3].map(() => schedule.take())).toEqual([
      { claim: 2, pass: 1 },
      { claim: 1, pass: 1 },
      { claim: 3, pass: 1 },
      { claim: 0, pass: 1 },
    ]);
    schedule.finish(2, 1);
    schedule.finish(0, 95); // claim 0's mean is now 50, level with claim 1: claim order breaks the tie
    expect([0, 1, 2, 3].map(() => schedule.take()!.claim)).toEqual([0, 1, 3, 2]);
    // NaN, ±∞ and negative times are not costs.
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1]) schedule.finish(2, bad);
    expect([0, 1, 2, 3].map(() => schedule.take()!.claim)).toEqual([0, 1, 3, 2]);
  });

  test('a hunt needs a claim', () => {
    expect(() => HuntSchedule.create(0, null)).toThrow(/at least one claim/);
  });
});
