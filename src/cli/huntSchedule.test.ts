import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { HuntSchedule, type ScheduledStep } from './huntSchedule.js';

describe('the hunt schedule', () => {
  /** Two workers' views of one schedule taking steps in the interleaving `moves` gives; the other finishes each. */
  function takeAll(
    claims: number,
    steps: number | null,
    moves: readonly (readonly [boolean, number])[],
  ): { taken: ScheduledStep[]; views: HuntSchedule[] } {
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
    return { taken, views };
  }

  const moves = fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1e4, noNaN: true })), {
    minLength: 60,
    maxLength: 60,
  });

  test.prop([fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 40 }), moves], { numRuns: 200 })(
    'with n steps: each claim takes its share of n (steps 0, 1, … in order), n in all, then nothing',
    (claims, steps, interleaving) => {
      const { taken, views } = takeAll(claims, steps, interleaving);
      const expected = Math.min(steps, interleaving.length);
      expect(taken).toHaveLength(expected);
      expect(views[1]!.taken).toBe(expected);
      const next = new Array<number>(claims).fill(0);
      for (const step of taken) {
        expect(step.claim >= 0 && step.claim < claims).toBe(true);
        expect(step.pass).toBe(next[step.claim]);
        next[step.claim]!++;
      }
      const share = (c: number) => Math.floor(steps / claims) + (c < steps % claims ? 1 : 0);
      next.forEach((n, c) => {
        expect(n).toBeLessThanOrEqual(share(c));
        if (expected === steps) expect(n).toBe(share(c));
      });
      if (expected === steps) expect(views[0]!.take()).toBeNull();
      // Every claim's first step before any claim's second.
      const firstSeconds = taken.findIndex((s) => s.pass > 0);
      if (firstSeconds >= 0) expect(firstSeconds).toBe(Math.min(claims, steps));
    },
  );

  test.prop([fc.integer({ min: 1, max: 7 }), moves], { numRuns: 200 })(
    'without a limit: passes in order, every claim once per pass',
    (claims, interleaving) => {
      const { taken } = takeAll(claims, null, interleaving);
      expect(taken).toHaveLength(interleaving.length);
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

  test('with n steps, after every claim’s first the longest mean step goes next; the hunt ends on short ones', () => {
    const schedule = HuntSchedule.create(3, 7);
    expect([0, 1, 2].map(() => schedule.take())).toEqual([
      { claim: 0, pass: 0 },
      { claim: 1, pass: 0 },
      { claim: 2, pass: 0 },
    ]);
    schedule.finish(0, 1);
    schedule.finish(1, 50);
    // Claim 2's first step still runs: its cost is unknown, so it goes before the timed claims.
    expect(schedule.take()).toEqual({ claim: 2, pass: 1 });
    schedule.finish(2, 20);
    schedule.finish(2, 20);
    // Claim 0 has 3 steps (7 = 2·3 + 1), claims 1 and 2 two each: 1 (50 ms) then 0 (1 ms) twice.
    expect([0, 1, 2].map(() => schedule.take())).toEqual([
      { claim: 1, pass: 1 },
      { claim: 0, pass: 1 },
      { claim: 0, pass: 2 },
    ]);
    expect(schedule.take()).toBeNull();
    expect(schedule.taken).toBe(7);
  });

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
