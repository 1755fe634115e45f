import type { MlpSubjectJson, Subject } from '../landscape/index.js';

/** The certificate kinds that show a spurious (non-global) local minimum. */
export const SPURIOUS_MINIMUM_KINDS = ['strict-local-min-not-global', 'local-min-not-global'] as const;

/** The shape of an mlp subject that a claim's hypotheses fix; each field absent: not constrained. */
export interface MlpShape {
  /** Allowed activation names. */
  readonly activations?: readonly string[];
  readonly bias?: boolean;
  /** Number of hidden layers, inclusive bounds. */
  readonly hiddenLayers?: readonly [number, number];
  readonly outputs?: number;
  /** `all`: every layer trained (no `trainable` or all true); `first-only`: only the first layer trained. */
  readonly trained?: 'all' | 'first-only';
  /** Further hypotheses on the subject (problems found; empty: met). */
  readonly more?: (subject: MlpSubjectJson) => string[];
}

/**
 * A subject check for `Refutation.subject`: an mlp subject of the given shape with squared loss, then `more`.
 * The reasons name what was found and what the hypotheses require.
 */
export function mlpHypotheses(shape: MlpShape): (subject: Subject) => string[] {
  return (subject) => {
    if (subject.kind !== 'mlp') return [`a ${subject.kind} subject, expected an mlp`];
    const net = subject.network;
    const problems: string[] = [];
    const hidden = net.layerSizes.length - 2;
    if (shape.activations !== undefined && !shape.activations.includes(net.activation.name))
      problems.push(`activation ${net.activation.name}, expected ${shape.activations.join(' or ')}`);
    if (shape.bias !== undefined && net.bias !== shape.bias)
      problems.push(shape.bias ? 'no biases, expected biases' : 'biases, expected none');
    if (
      shape.hiddenLayers !== undefined &&
      !(hidden >= shape.hiddenLayers[0] && hidden <= shape.hiddenLayers[1])
    )
      problems.push(`${hidden} hidden layers, expected ${shape.hiddenLayers[0]} to ${shape.hiddenLayers[1]}`);
    if (shape.outputs !== undefined && net.layerSizes.at(-1) !== shape.outputs)
      problems.push(`${net.layerSizes.at(-1)} outputs, expected ${shape.outputs}`);
    const trainable = net.trainable ?? net.layerSizes.slice(1).map(() => true);
    if (shape.trained === 'all' && trainable.some((t) => !t))
      problems.push('a frozen layer, expected all trained');
    if (shape.trained === 'first-only' && (trainable[0] !== true || trainable.slice(1).some((t) => t)))
      problems.push('trained layers other than the first only');
    if (problems.length > 0 || shape.more === undefined) return problems;
    return shape.more(subject);
  };
}

/**
 * The subjects of the one-hidden-layer relu constructions (dead-relu-plateau, single-relu-no-spurious-min,
 * wide-relu-no-bad-local-min): f(x) = Σ_j v_j relu(w_j·x + b_j) + c with biases, one output, squared loss; `trained`
 * and `more` are each claim's own hypotheses.
 */
export function oneHiddenReluHypotheses(
  trained: 'all' | 'first-only',
  more?: MlpShape['more'],
): (subject: Subject) => string[] {
  const shape = { activations: ['relu'], bias: true, hiddenLayers: [1, 1], outputs: 1, trained } as const;
  return mlpHypotheses(more === undefined ? shape : { ...shape, more });
}

/** One hidden layer of a relu-like activation (relu or leaky-relu), biases, one output, every layer trained; then `more`. */
export function reluLikeHypotheses(more: MlpShape['more']): (subject: Subject) => string[] {
  return mlpHypotheses({
    activations: ['relu', 'leaky-relu'],
    bias: true,
    hiddenLayers: [1, 1],
    outputs: 1,
    trained: 'all',
    ...(more === undefined ? {} : { more }),
  });
}

/** Hypothesis "n distinct inputs": no two rows of X equal. */
export function distinctInputsProblem(subject: MlpSubjectJson): string[] {
  const seen = new Set<string>();
  for (const row of subject.data.inputs) {
    const key = row.join(',');
    if (seen.has(key)) return ['two equal inputs, expected distinct inputs'];
    seen.add(key);
  }
  return [];
}
