import { UserError } from '../errors.js';
import type { ActivationName, ActivationSpec } from './spec.js';

/**
 * A scalar activation σ with its first two derivatives.
 *
 * Convention at a kink (relu, leaky-relu at z = 0): one-sided values, as PyTorch does — relu'(0) = 0,
 * leaky-relu'(0) = slope (the left derivative in both cases) and σ''(0) = 0. Piecewise-linear activations
 * have σ'' ≡ 0, so every Hessian computed with them is the Hessian of the polynomial the loss equals inside
 * the current activation region; callers decide with `onKink` whether that region is a neighbourhood.
 */
export interface Activation {
  readonly spec: ActivationSpec;
  value(z: number): number;
  d1(z: number): number;
  d2(z: number): number;
  /** True for relu, leaky-relu and identity: σ is affine on each piece, σ'' = 0 away from the kinks. */
  readonly piecewiseLinear: boolean;
  /** The points where σ is not differentiable (relu, leaky-relu: [0]; none for the smooth activations). */
  readonly kinks: readonly number[];
}

/** Every activation name of the counterexample format, in the order the docs list them. */
export const ACTIVATION_NAMES: readonly ActivationName[] = [
  'relu',
  'leaky-relu',
  'sigmoid',
  'tanh',
  'softplus',
  'quadratic',
  'identity',
  'polynomial',
];

const NO_KINKS: readonly number[] = Object.freeze([]);
const KINK_AT_ZERO: readonly number[] = Object.freeze([0]);

/** Logistic σ(z) = 1/(1 + e^{−z}), computed without overflow for either sign of z. */
function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** σ(z)·σ(−z) = σ'(z), without the cancellation of σ(1 − σ) for large |z|. */
function logisticSlope(z: number): number {
  return logistic(z) * logistic(-z);
}

/** Throws UserError unless `spec` is a well-formed activation (finite slope, non-empty finite coefficients). */
export function validateActivationSpec(spec: unknown, where = 'activation'): ActivationSpec {
  if (typeof spec !== 'object' || spec === null || !('name' in spec) || typeof spec.name !== 'string') {
    throw new UserError(`${where} must be an object with a string "name", got ${JSON.stringify(spec)}`);
  }
  const name = spec.name;
  switch (name) {
    case 'relu':
    case 'sigmoid':
    case 'tanh':
    case 'softplus':
    case 'quadratic':
    case 'identity':
      return { name };
    case 'leaky-relu': {
      const slope = (spec as { slope?: unknown }).slope;
      if (typeof slope !== 'number' || !Number.isFinite(slope)) {
        throw new UserError(
          `${where}: leaky-relu needs a finite number "slope", got ${JSON.stringify(slope)}`,
        );
      }
      return { name, slope };
    }
    case 'polynomial': {
      const coefficients = (spec as { coefficients?: unknown }).coefficients;
      if (!Array.isArray(coefficients) || coefficients.length === 0) {
        throw new UserError(`${where}: polynomial needs a non-empty array "coefficients" [c0, c1, …]`);
      }
      coefficients.forEach((c: unknown, k) => {
        if (typeof c !== 'number' || !Number.isFinite(c)) {
          throw new UserError(
            `${where}: polynomial coefficient c${k} must be a finite number, got ${String(c)}`,
          );
        }
      });
      return { name, coefficients: [...(coefficients as number[])] };
    }
    default:
      throw new UserError(
        `${where}: unknown activation "${name}"; expected one of ${ACTIVATION_NAMES.join(', ')}`,
      );
  }
}

/** The activation a (validated) spec names. */
export function activation(spec: ActivationSpec): Activation {
  const s = validateActivationSpec(spec);
  switch (s.name) {
    case 'relu':
      return {
        spec: s,
        value: (z) => Math.max(z, 0),
        d1: (z) => (z > 0 ? 1 : 0),
        d2: () => 0,
        piecewiseLinear: true,
        kinks: KINK_AT_ZERO,
      };
    case 'leaky-relu': {
      const a = s.slope;
      return {
        spec: s,
        value: (z) => (z > 0 ? z : a * z),
        d1: (z) => (z > 0 ? 1 : a),
        d2: () => 0,
        piecewiseLinear: true,
        kinks: KINK_AT_ZERO,
      };
    }
    case 'sigmoid':
      return {
        spec: s,
        value: logistic,
        d1: logisticSlope,
        // σ'' = σ'·(1 − 2σ) = σ(z)σ(−z)·(σ(−z) − σ(z))
        d2: (z) => logisticSlope(z) * (logistic(-z) - logistic(z)),
        piecewiseLinear: false,
        kinks: NO_KINKS,
      };
    case 'tanh':
      return {
        spec: s,
        value: Math.tanh,
        // 1 − tanh² = sech²: written as 1/cosh² so it stays accurate (and → 0, not negative) for large |z|
        d1: (z) => {
          const c = Math.cosh(z);
          return 1 / (c * c);
        },
        d2: (z) => {
          const c = Math.cosh(z);
          return (-2 * Math.tanh(z)) / (c * c);
        },
        piecewiseLinear: false,
        kinks: NO_KINKS,
      };
    case 'softplus':
      return {
        spec: s,
        // log(1 + e^z) = max(z, 0) + log1p(e^{−|z|}): no overflow for large z, no loss of digits for very negative z
        value: (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
        d1: logistic,
        d2: logisticSlope,
        piecewiseLinear: false,
        kinks: NO_KINKS,
      };
    case 'quadratic':
      return {
        spec: s,
        value: (z) => z * z,
        d1: (z) => 2 * z,
        d2: () => 2,
        piecewiseLinear: false,
        kinks: NO_KINKS,
      };
    case 'identity':
      return { spec: s, value: (z) => z, d1: () => 1, d2: () => 0, piecewiseLinear: true, kinks: NO_KINKS };
    case 'polynomial':
      return polynomial(s);
  }
}

/** σ(z) = c0 + c1 z + c2 z² + …, its derivatives by Horner's rule on the differentiated coefficients. */
function polynomial(s: ActivationSpec & { name: 'polynomial' }): Activation {
  const c = Float64Array.from(s.coefficients);
  const c1 = new Float64Array(Math.max(c.length - 1, 0));
  for (let k = 1; k < c.length; k++) c1[k - 1] = k * c[k]!;
  const c2 = new Float64Array(Math.max(c1.length - 1, 0));
  for (let k = 1; k < c1.length; k++) c2[k - 1] = k * c1[k]!;
  const horner = (a: Float64Array, z: number): number => {
    let v = 0;
    for (let k = a.length - 1; k >= 0; k--) v = v * z + a[k]!;
    return v;
  };
  return {
    spec: s,
    value: (z) => horner(c, z),
    d1: (z) => horner(c1, z),
    d2: (z) => horner(c2, z),
    piecewiseLinear: c.length <= 2,
    kinks: NO_KINKS,
  };
}

/**
 * An activation spec from command-line text: a bare name (`relu`, `tanh`, …), `leaky-relu:SLOPE`
 * (`leaky-relu` alone means slope 0.01, PyTorch's default) or `polynomial:c0,c1,…`.
 */
export function activationSpecFromText(text: string): ActivationSpec {
  const colon = text.indexOf(':');
  const name = (colon < 0 ? text : text.slice(0, colon)).trim();
  const arg = colon < 0 ? undefined : text.slice(colon + 1).trim();
  const num = (t: string): number => (t.trim() === '' ? Number.NaN : Number(t));
  if (name === 'leaky-relu') {
    return validateActivationSpec(
      { name, slope: arg === undefined ? 0.01 : num(arg) },
      `activation "${text}"`,
    );
  }
  if (name === 'polynomial') {
    const coefficients = arg === undefined || arg === '' ? [] : arg.split(',').map(num);
    return validateActivationSpec({ name, coefficients }, `activation "${text}"`);
  }
  // An unknown name first: ':relu' is an unknown activation "", not "" taking no parameter.
  const spec = validateActivationSpec({ name }, `activation "${text}"`);
  if (arg !== undefined) throw new UserError(`activation "${text}": ${name} takes no parameter`);
  return spec;
}
