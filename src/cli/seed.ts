import { randomInt } from 'node:crypto';
import { UserError } from '../errors.js';

/** Cap of `check --runs`: 10⁶ cases is hours for the slowest claim; more is a typo, not a plan. */
export const MAX_RUNS = 1_000_000;

/** Cap of `hunt --steps`: the shared step counter is 32-bit, and 10⁹ steps is weeks even for the cheapest claims. */
export const MAX_HUNT_STEPS = 1_000_000_000;

/** A fast-check replay path: non-negative integers separated by ':' (e.g. 0:3:1); a UserError otherwise. */
export function parseReplayPath(text: string): string {
  if (!/^\d{1,9}(:\d{1,9}){0,999}$/.test(text))
    throw new UserError(`--path expects integers separated by ':' like 0:3:1, got '${text.slice(0, 40)}'`);
  return text;
}

/** Parse an integer flag value; a UserError names the flag. */
export function parseInteger(
  flag: string,
  text: string,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (!/^-?\d{1,16}$/.test(text))
    throw new UserError(`${flag} expects an integer, got '${text.slice(0, 40)}'`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UserError(`${flag} must be an integer in [${min}, ${max}], got ${text}`);
  }
  return value;
}

/**
 * The run's seed: `--seed`, else the LANDSCAPE_SEED environment variable, else a fresh one (from the OS's
 * entropy, never an unseeded generator), which is printed so the run can be replayed. fast-check seeds are 32-bit.
 */
export function resolveSeed(option: string | undefined): { seed: number; origin: 'flag' | 'env' | 'fresh' } {
  if (option !== undefined)
    return { seed: parseInteger('--seed', option, -(2 ** 31), 2 ** 31 - 1), origin: 'flag' };
  const env = process.env.LANDSCAPE_SEED;
  if (env !== undefined && env !== '') {
    return { seed: parseInteger('LANDSCAPE_SEED', env, -(2 ** 31), 2 ** 31 - 1), origin: 'env' };
  }
  return { seed: randomInt(0, 2 ** 31 - 1), origin: 'fresh' };
}

/** "90s", "10m", "1h30m", "2h" → milliseconds. */
export function parseDuration(flag: string, text: string): number {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let consumed = 0;
  for (const match of text.trim().matchAll(re)) {
    const value = Number(match[1]);
    const unit = match[2];
    total += value * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000);
    consumed += match[0].length;
  }
  if (consumed === 0 || consumed !== text.trim().length || !(total > 0)) {
    throw new UserError(`${flag} expects a duration like 90s, 10m or 1h30m, got '${text}'`);
  }
  return total;
}
