import { z } from 'zod';
import { escapeText } from '../archive/index.js';
import { UserError } from '../errors.js';
import type { ExperimentOption } from './claim.js';
import type { TypedOption } from './experiment.js';

/**
 * Experiment options as schemas: each option declares what its value must be (an integer count in bounds, a list
 * of counts, a finite number in bounds, one of a few words), and `landscape run` validates every value against it
 * before any computation, with a one-line UserError naming the flag, the bound and the value. `--options` (the
 * experiment's help) shows the bounds. Counts are decimal digits only: no sign, no hex, no exponent, no fraction.
 */

/** Decimal digits only (a count): '12' yes; '0x2', '2.5', '1e9', '-3', ' 4', '' no. */
const DIGITS = /^\d{1,16}$/;
/** A finite decimal number, exponent allowed ('1e-3', '-0.25'); no hex, no 'Infinity', no padding. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$/;

function countSchema(min: number, max: number) {
  return z
    .string()
    .regex(DIGITS, { message: 'expected an integer (decimal digits)' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `expected ≥ ${min}` })
        .max(max, { message: `expected ≤ ${max}` }),
    );
}

function describe(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'invalid value';
}

/** An option whose value is an integer count in [min, max] (the cap is shown in help). */
export function countOption<F extends string>(
  flag: F,
  description: string,
  defaultValue: number,
  min: number,
  max: number,
): TypedOption<F, number> {
  return {
    flag,
    description,
    defaultValue: String(defaultValue),
    constraint: `an integer in [${min}, ${max}]`,
    schema: countSchema(min, max),
  };
}

/** A comma-separated list of integer counts, each in [min, max], at most `maxItems` of them. */
export function countListOption<F extends string>(
  flag: F,
  description: string,
  defaultValue: string,
  min: number,
  max: number,
  maxItems = 32,
): TypedOption<F, number[]> {
  const item = countSchema(min, max);
  return {
    flag,
    description,
    defaultValue,
    constraint: `1 to ${maxItems} comma-separated integers in [${min}, ${max}]`,
    schema: z.string().transform((text, ctx) => {
      const parts = text.split(',');
      if (parts.length > maxItems) {
        ctx.addIssue({ code: 'custom', message: `expected at most ${maxItems} values` });
        return z.NEVER;
      }
      const out: number[] = [];
      for (const part of parts) {
        const parsed = item.safeParse(part);
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: `'${part.slice(0, 20)}': ${describe(parsed.error)}` });
          return z.NEVER;
        }
        out.push(parsed.data);
      }
      return out;
    }),
  };
}

/** A comma-separated list of integers and ranges a..b (each value in [min, max]; at most 64 values in all). */
export function rangeListOption<F extends string>(
  flag: F,
  description: string,
  defaultValue: string,
  min: number,
  max: number,
): TypedOption<F, number[]> {
  return {
    flag,
    description,
    defaultValue,
    constraint: `integers or ranges a..b, comma-separated, in [${min}, ${max}]`,
    schema: z
      .string()
      .regex(/^\d{1,6}(\.\.\d{1,6})?(,\d{1,6}(\.\.\d{1,6})?){0,63}$/, {
        message: 'expected e.g. 6..20 or 6,8,10',
      })
      .refine(
        (text) => {
          let count = 0;
          for (const part of text.split(',')) {
            const [a, b = a] = part.split('..').map(Number) as [number, number?];
            if (!(a >= min && b <= max && a <= b)) return false;
            count += b - a + 1;
          }
          return count <= 64;
        },
        { message: `expected values in [${min}, ${max}], ranges a ≤ b, at most 64 values` },
      )
      .transform((text) => expandRanges(text)),
  };
}

/** '6..8,10' → [6, 7, 8, 10] (the text has passed rangeListOption's schema). */
function expandRanges(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(',')) {
    const [a, b = a] = part.split('..').map(Number) as [number, number?];
    for (let k = a; k <= b; k++) out.push(k);
  }
  return out;
}

/** A finite decimal number in [min, max] (exclusive at min when `exclusiveMin`). */
export function numberOption<F extends string>(
  flag: F,
  description: string,
  defaultValue: string,
  min: number,
  max: number,
  exclusiveMin = false,
): TypedOption<F, number> {
  return {
    flag,
    description,
    defaultValue,
    constraint: `a number in ${exclusiveMin ? '(' : '['}${min}, ${max}]`,
    schema: z
      .string()
      .regex(DECIMAL, { message: 'expected a decimal number' })
      .transform(Number)
      .pipe(
        z
          .number()
          .finite()
          .refine((x) => (exclusiveMin ? x > min : x >= min), {
            message: `expected ${exclusiveMin ? '>' : '≥'} ${min}`,
          })
          .refine((x) => x <= max, { message: `expected ≤ ${max}` }),
      ),
  };
}

/** One of a few words. */
export function choiceOption<F extends string, const V extends readonly [string, ...string[]]>(
  flag: F,
  description: string,
  defaultValue: V[number],
  values: V,
): TypedOption<F, V[number]> {
  return {
    flag,
    description,
    defaultValue,
    constraint: `one of ${values.join(', ')}`,
    schema: z
      .string()
      .refine((text): text is V[number] => values.includes(text), {
        message: `expected one of ${values.join(', ')}`,
      })
      .transform((text) => text as V[number]),
  };
}

/** Quote a user's value for a message: escaped control characters, cut short. */
function quote(text: string): string {
  return `'${escapeText(text, 40)}'`;
}

/**
 * Validate option values (defaults filled in) against their declared schemas; returns them unchanged when valid.
 * An option without a schema passes as text (its experiment parses it). Throws a one-line UserError otherwise.
 */
export function validateExperimentOptions(
  id: string,
  declared: readonly ExperimentOption[],
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const option of declared) {
    const value = values[option.flag] ?? option.defaultValue;
    if (option.schema !== undefined) {
      const parsed = option.schema.safeParse(value);
      if (!parsed.success) {
        throw new UserError(
          `run ${id}: --${option.flag} expects ${option.constraint ?? 'a valid value'}, got ${quote(value)} (${describe(parsed.error)})`,
        );
      }
    }
    out[option.flag] = value;
  }
  for (const flag of Object.keys(values)) {
    if (!declared.some((o) => o.flag === flag)) throw new UserError(`run ${id}: unknown option --${flag}`);
  }
  return out;
}

/** Parse `--flag value` / `--flag=value` pairs against the declared options, then validate them. */
export function parseExperimentArgs(
  id: string,
  declared: readonly ExperimentOption[],
  args: readonly string[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const match = /^--([a-zA-Z][\w-]*)(?:=(.*))?$/.exec(arg);
    if (match === null) throw new UserError(`run ${id}: unexpected argument ${quote(arg)}`);
    const flag = match[1]!;
    if (!declared.some((o) => o.flag === flag)) {
      const known = declared.map((o) => `--${o.flag}`).join(', ');
      throw new UserError(
        `run ${id}: unknown option --${flag}; it takes ${known === '' ? 'no options' : known}`,
      );
    }
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new UserError(`run ${id}: --${flag} needs a value`);
    values[flag] = value;
  }
  return validateExperimentOptions(id, declared, values);
}

/** The help line of an option: flag, description, bounds, default. */
export function optionHelp(option: ExperimentOption): string {
  const bound = option.constraint === undefined ? '' : `; ${option.constraint}`;
  return `--${option.flag} <value>  ${option.description} (default ${option.defaultValue}${bound})`;
}

/** A validated count or number option's value (strict: throws a UserError naming the flag on anything else). */
export function optionNumber(options: Readonly<Record<string, string>>, flag: string): number {
  const text = options[flag];
  if (text === undefined || !DECIMAL.test(text))
    throw new UserError(`--${flag} expects a number, got ${quote(String(text))}`);
  return Number(text);
}

/** A validated list of counts (comma-separated). */
export function optionNumbers(options: Readonly<Record<string, string>>, flag: string): number[] {
  const text = options[flag];
  if (text === undefined) throw new UserError(`--${flag} is missing`);
  return text.split(',').map((part) => optionNumber({ [flag]: part }, flag));
}
