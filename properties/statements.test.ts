import { describe, expect, it } from 'vitest';
import { statementNumberProblems } from '../src/claims/index.js';
import { allClaims } from './index.js';

const declares = (claim: (typeof allClaims)[number]) =>
  claim.constants !== undefined || claim.literals !== undefined;

describe('every number a statement quotes comes from the constants its check uses', () => {
  for (const claim of allClaims) {
    it(claim.id, () => {
      expect(declares(claim), 'declares constants or literals').toBe(true);
      expect(statementNumberProblems(claim)).toEqual([]);
    });
  }
});

describe('statementNumberProblems', () => {
  const statement = 'Width d1 ≥ 4 (units u_1…u_m), 16 trials, step 1e-3, x ~ N(0, 1).';
  const constants = { MIN_WIDTH: 4, TRIALS: 16, STEP: 1e-3 };

  it('accepts a statement whose numbers are declared constants or sit in literals', () => {
    expect(statementNumberProblems({ statement, constants, literals: ['N(0, 1)'] })).toEqual([]);
  });

  it('catches a number edited in the check but not in the statement', () => {
    const problems = statementNumberProblems({
      statement,
      constants: { ...constants, TRIALS: 20 },
      literals: ['N(0, 1)'],
    });
    expect(problems.some((p) => p.includes('the number 16'))).toBe(true);
    expect(problems.some((p) => p.includes('constant TRIALS'))).toBe(true);
  });

  it('catches an undeclared number and a stale literal', () => {
    const problems = statementNumberProblems({ statement, constants, literals: ['N(0, I)'] });
    expect(problems.some((p) => p.includes('the number 0'))).toBe(true);
    expect(problems.some((p) => p.includes("literal 'N(0, I)'"))).toBe(true);
  });

  it('reads lists, records, unicode minus signs and exponents', () => {
    const s = 'k ∈ {0.25, 4}, α = 0.05, tolerance 1e−7, λ ∈ [−1, 2], widths n − 3 and H−3.';
    const c = { K: [0.25, 4], TEST: { alpha: 0.05, effect: 0.4 }, TOL: 1e-7, LAMBDA: [-1, 2], SHIFT: 3 };
    expect(statementNumberProblems({ statement: s, constants: c })).toEqual([]);
  });

  it('reads both ends of a range a..b', () => {
    const s = 'k = 6..12 (`--k 6..20`)';
    expect(statementNumberProblems({ statement: s, constants: { K: [6, 12], FULL: [6, 20] } })).toEqual([]);
    const problems = statementNumberProblems({ statement: s, constants: { K: [6, 13], FULL: [6, 20] } });
    expect(problems.some((p) => p.includes('the number 12'))).toBe(true);
  });
});
