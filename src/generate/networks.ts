import fc from 'fast-check';
import { UserError } from '../errors.js';
import type { ActivationSpec, NetworkSpec } from '../nn/index.js';
import { type Count, countArb, type Range, toRange } from './values.js';

/** Every activation kind, in the order shrinking prefers them (simplest first). */
export const ALL_ACTIVATIONS: readonly ActivationSpec['name'][] = [
  'identity',
  'relu',
  'leaky-relu',
  'tanh',
  'sigmoid',
  'softplus',
  'quadratic',
  'polynomial',
];

/**
 * One activation spec. A fixed spec is returned as is; a list of names draws one of them (shrinking towards
 * the first). Parameters are grid numbers: leaky-relu slope k/100 for k ∈ [1, 50] (shrinks to 0.01),
 * polynomial coefficients k/4 ∈ [−1, 1], 1–4 of them (shrinks to the constant 0).
 */
export function activationArb(
  choice: ActivationSpec | readonly ActivationSpec['name'][] = ALL_ACTIVATIONS,
): fc.Arbitrary<ActivationSpec> {
  if (!Array.isArray(choice)) return fc.constant(choice as ActivationSpec);
  const names = choice as readonly ActivationSpec['name'][];
  if (names.length === 0) throw new UserError('activation choice must name at least one activation');
  return fc.constantFrom(...names).chain((name): fc.Arbitrary<ActivationSpec> => {
    switch (name) {
      case 'leaky-relu':
        return fc.integer({ min: 1, max: 50 }).map((k) => ({ name, slope: k / 100 }));
      case 'polynomial':
        return fc
          .array(
            fc.integer({ min: -4, max: 4 }).map((k) => k / 4),
            { minLength: 1, maxLength: 4 },
          )
          .map((coefficients) => ({ name, coefficients }));
      default:
        return fc.constant({ name });
    }
  });
}

/** Width of hidden layers: a fixed number, a function of (n, d_0) (e.g. `(n) => n` for "width ≥ n"). */
export type WidthBound = number | ((n: number, d0: number) => number);

/** Options of {@link networkArb}: depth, widths, activations, bias. */
export interface NetworkOptions {
  /** d_0. Default 1–3. */
  readonly inputDim?: Count;
  /** d_L. Default 1–2. */
  readonly outputDim?: Count;
  /** Number of hidden layers (depth = hidden + 1 weight layers). Default 0–2, i.e. depth 1–3. */
  readonly hiddenLayers?: Count;
  /** Width range of every hidden layer. Default 1–8. A larger minWidth/minLastWidth raises the maximum with it. */
  readonly width?: Range;
  /** Lower bound for every hidden layer's width (default none). Needs `n` when given as a function. */
  readonly minWidth?: WidthBound;
  /** Lower bound for the last hidden layer only (e.g. Li–Ding–Sun's "last hidden width ≥ N"). */
  readonly minLastWidth?: WidthBound;
  /** A fixed activation, or the names to draw from. Default every activation. */
  readonly activation?: ActivationSpec | readonly ActivationSpec['name'][];
  /** Force bias on (true) or off (false); default either (shrinks to false). */
  readonly bias?: boolean;
}

export const DEFAULT_INPUT_DIM: Range = { min: 1, max: 3 };
export const DEFAULT_OUTPUT_DIM: Range = { min: 1, max: 2 };
export const DEFAULT_HIDDEN_LAYERS: Range = { min: 0, max: 2 };
export const DEFAULT_WIDTH: Range = { min: 1, max: 8 };

function bound(b: WidthBound | undefined, n: number | null, d0: number, what: string): number {
  if (b === undefined) return 1;
  if (typeof b === 'number') return b;
  if (n === null)
    throw new UserError(`${what} as a function of n needs the number of samples (use subjectArb)`);
  return b(n, d0);
}

/**
 * Hidden widths: none (if allowed), or `inner` widths in [minAll, max] followed by the last width in
 * [minLast, max]. Drawn as flat parts (no chain), so shrinking removes hidden layers one at a time (the
 * boolean "has hidden layers" shrinks to false, the inner array to shorter) and lowers widths independently.
 */
function hiddenWidthsArb(
  hidden: Range,
  minAll: number,
  minLast: number,
  maxWidth: number,
): fc.Arbitrary<number[]> {
  const inner = fc.array(fc.integer({ min: minAll, max: Math.max(maxWidth, minAll) }), {
    minLength: Math.max(hidden.min - 1, 0),
    maxLength: Math.max(hidden.max - 1, 0),
  });
  const last = fc.integer({ min: minLast, max: Math.max(maxWidth, minLast) });
  if (hidden.max === 0) return fc.constant([]);
  const present = hidden.min > 0 ? fc.constant(true) : fc.boolean();
  return fc.record({ present, inner, last }).map(({ present: p, inner: w, last: z }) => (p ? [...w, z] : []));
}

/**
 * Networks with the given options. `n` is the number of samples when the width bounds depend on it (subjectArb
 * passes it). Shrinks towards fewer hidden layers, narrower layers, lower dimensions, the first activation
 * (identity by default), no bias.
 */
export function networkArb(options: NetworkOptions = {}, n: number | null = null): fc.Arbitrary<NetworkSpec> {
  const inputDim = toRange('inputDim', options.inputDim ?? DEFAULT_INPUT_DIM, 1);
  const outputDim = toRange('outputDim', options.outputDim ?? DEFAULT_OUTPUT_DIM, 1);
  const hidden = toRange('hiddenLayers', options.hiddenLayers ?? DEFAULT_HIDDEN_LAYERS, 0);
  const width = toRange('width', options.width ?? DEFAULT_WIDTH, 1);
  const withD0 = (d0: fc.Arbitrary<number>, d0Value: number) => {
    const minAll = Math.max(width.min, Math.ceil(bound(options.minWidth, n, d0Value, 'minWidth')));
    const minLast = Math.max(minAll, Math.ceil(bound(options.minLastWidth, n, d0Value, 'minLastWidth')));
    return fc
      .record({
        d0,
        dL: countArb(outputDim),
        hiddenWidths: hiddenWidthsArb(hidden, minAll, minLast, width.max),
        activation: activationArb(options.activation),
        bias: options.bias === undefined ? fc.boolean() : fc.constant(options.bias),
      })
      .map(
        ({ d0: inDim, dL, hiddenWidths, activation, bias }): NetworkSpec => ({
          layerSizes: [inDim, ...hiddenWidths, dL],
          activation,
          bias,
        }),
      );
  };
  // Only width bounds given as functions of d_0 need d_0 first (a chain); otherwise everything is one record.
  const dependsOnD0 = typeof options.minWidth === 'function' || typeof options.minLastWidth === 'function';
  if (!dependsOnD0 || inputDim.min === inputDim.max) return withD0(countArb(inputDim), inputDim.min);
  return countArb(inputDim).chain((d0) => withD0(fc.constant(d0), d0));
}
