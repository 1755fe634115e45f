import type { StatementConstant, StatementConstants } from './claim.js';

/**
 * A number token of a statement: digits with an optional fraction and exponent ('6', '0.25', '1e-12', '1e−7'), not
 * part of a name (the digits of d0, G_1 or x2 follow a letter or '_' and are not numbers), signed when a minus is
 * attached ('[−1, 2]' quotes −1; 'n − 1' and 'H−1' quote 1). A unicode minus is read as '-'; superscript digits
 * are not tokens (write the value out instead). Both ends of a range 'a..b' are numbers (a single '.' before digits
 * is not: '.5' alone is not quoted).
 */
const NUMBER_TOKEN = /(?<![\p{L}_\d)\]])(?<!(?<!\.)\.)[-−]?\d+(?:\.\d+)?(?:e[-−+]?\d+)?/giu;
/** Two numbers are the same constant when they agree to this relative error (a rendered float reads back exactly;
 *  this only absorbs a value written with fewer digits than its double, e.g. '0.1' for 1/10 computed). */
const SAME_NUMBER_RTOL = 1e-12;

function numbersOf(value: StatementConstant, out: number[]): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const v of value) numbersOf(v, out);
  else if (typeof value === 'object' && value !== null)
    for (const v of Object.values(value)) numbersOf(v, out);
  return out;
}

function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= SAME_NUMBER_RTOL * Math.max(Math.abs(a), Math.abs(b));
}

/** What statementNumberProblems reads of a claim: its statement and the numbers it declares. */
export interface QuotingClaim {
  readonly statement: string;
  readonly constants?: StatementConstants;
  readonly literals?: readonly string[];
}

/**
 * The problems of a statement's numbers (empty: fine). Every number token of the statement, once the claim's
 * `literals` phrases are cut out, must equal one of its `constants` (the values the check uses); every literal must
 * occur in the statement (no stale allowance), and every named constant must be quoted (no stale name). A number
 * edited in the check but not in a hard-written statement is then a problem, as is a number nobody declared.
 */
export function statementNumberProblems(claim: QuotingClaim): string[] {
  const problems: string[] = [];
  let text = claim.statement;
  for (const literal of claim.literals ?? []) {
    if (!text.includes(literal)) problems.push(`literal '${literal}' does not occur in the statement`);
    text = text.split(literal).join(' ');
  }
  const constants = Object.entries(claim.constants ?? {}).map(([name, value]) => ({
    name,
    values: numbersOf(value, []),
    used: false,
  }));
  for (const match of text.matchAll(NUMBER_TOKEN)) {
    const token = match[0];
    const value = Number(token.replaceAll('−', '-'));
    const owners = constants.filter((c) => c.values.some((v) => sameNumber(v, value)));
    if (owners.length === 0) {
      const at = match.index ?? 0;
      const around = text.slice(Math.max(0, at - 20), at + token.length + 20).replace(/\s+/g, ' ');
      problems.push(`the number ${token} (in '…${around}…') is neither a declared constant nor in a literal`);
    }
    for (const owner of owners) owner.used = true;
  }
  for (const c of constants)
    if (!c.used && c.values.length > 0)
      problems.push(`constant ${c.name} is declared but none of its values is quoted`);
  return problems;
}
