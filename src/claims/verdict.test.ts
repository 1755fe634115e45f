import { describe, expect, test } from 'vitest';
import { assertionsVerdict, claimVerdict, type PropertyObservation, propertyVerdict } from './verdict.js';

const clean: PropertyObservation = {
  failed: false,
  hasCounterexample: false,
  thrown: null,
  numSkips: 0,
  runs: 100,
  inconclusive: 0,
  discards: 0,
  limit: 0.5,
  reasons: [],
  certification: null,
};

describe('the one verdict function', () => {
  test('a property with no failure holds, and its discards are explained with their reasons', () => {
    expect(propertyVerdict(clean)).toEqual({ verdict: 'holds', reason: 'no counterexample in 100 runs' });
    const d = propertyVerdict({
      ...clean,
      discards: 11,
      reasons: ['discarded: inputs not in general position (11)'],
    });
    expect(d.verdict).toBe('holds');
    expect(d.reason).toBe(
      'no counterexample in 100 runs (11 discarded; why: discarded: inputs not in general position (11))',
    );
  });

  test('a certified failure is refuted; an uncertified one or a throw is inconclusive, never a pass', () => {
    const failed = { ...clean, failed: true, hasCounterexample: true };
    expect(propertyVerdict({ ...failed, certification: { kind: 'saddle', archived: '' } }).verdict).toBe(
      'refuted',
    );
    expect(propertyVerdict({ ...failed, certification: { why: 'no certificate: x' } })).toEqual({
      verdict: 'inconclusive',
      reason: 'a failure was found but not certified: no certificate: x',
    });
    expect(propertyVerdict({ ...failed, thrown: 'boom' }).reason).toBe('the predicate threw: boom');
  });

  test('too many undecided cases, or fast-check giving up on discards, is inconclusive with the reasons', () => {
    const many = propertyVerdict({ ...clean, runs: 10, inconclusive: 8, reasons: ['on a kink (8)'] });
    expect(many).toEqual({
      verdict: 'inconclusive',
      reason: '8 of 10 cases undecided (limit 50%): on a kink (8)',
    });
    expect(propertyVerdict({ ...clean, failed: true, numSkips: 1000 }).reason).toMatch(/too many discarded/);
  });

  test('sub-assertions: one refuted refutes, one undecided leaves it inconclusive, none decided is inconclusive', () => {
    const h = { name: 'a', verdict: 'holds' as const, detail: 'ok' };
    expect(assertionsVerdict([h, h]).verdict).toBe('holds');
    expect(assertionsVerdict([h, { name: 'b', verdict: 'inconclusive', detail: 'underpowered' }])).toEqual({
      verdict: 'inconclusive',
      reason: 'b: underpowered',
    });
    expect(assertionsVerdict([h, { name: 'c', verdict: 'refuted', detail: 'fell' }]).verdict).toBe('refuted');
    expect(assertionsVerdict([]).verdict).toBe('inconclusive');
  });

  test('a claim: archived counterexamples refute, a broken archive file is never as expected, the experiment joins', () => {
    const fresh = { verdict: 'holds' as const, reason: 'no counterexample in 5 runs' };
    expect(claimVerdict({ expect: 'holds', fresh, archivedOk: 0, archivedBroken: 0 }).asExpected).toBe(true);
    expect(claimVerdict({ expect: 'refuted', fresh, archivedOk: 1, archivedBroken: 0 })).toMatchObject({
      verdict: 'refuted',
      asExpected: true,
    });
    expect(claimVerdict({ expect: 'holds', fresh, archivedOk: 0, archivedBroken: 1 }).asExpected).toBe(false);
    const underpowered = { verdict: 'inconclusive' as const, reason: 'underpowered' };
    expect(
      claimVerdict({ expect: 'holds', fresh, archivedOk: 0, archivedBroken: 0, experiment: underpowered }),
    ).toMatchObject({
      verdict: 'inconclusive',
      asExpected: false,
      reason: 'experiment inconclusive: underpowered',
    });
  });
});
