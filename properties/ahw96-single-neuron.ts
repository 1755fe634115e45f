// Auer, Herbster, Warmuth (1996), "Exponentially many local minima for single neurons", NIPS 8 (1995), pp. 316–322,
// main theorem (⌊n/d⌋^d local minima for the logistic neuron with square loss) [REC statement and numbering]. The
// claim below is the false one their construction refutes; see `statement`. 1-D block construction: see `statement`.
import {
  neuronMinima,
  SINGLE_NEURON_GRID,
  SINGLE_NEURON_RADII,
  singleNeuronCertificate,
  verifySingleNeuronDetails,
  worstAndBest,
} from '../src/certify/singleNeuron.js';
import { defineClaim, mlpHypotheses, SPURIOUS_MINIMUM_KINDS } from '../src/claims/index.js';
import {
  NEURON_BLOCKS,
  type NeuronBlocksGenome,
  neuronBlocksArb,
  neuronBlocksData,
} from '../src/generate/singleNeuron.js';
import { sources } from './sources.js';

const { maxBlocks } = NEURON_BLOCKS;

interface Evidence {
  readonly count: number;
}

export const ahw96SingleNeuron = defineClaim<NeuronBlocksGenome, Evidence>({
  id: 'ahw96-single-neuron',
  title:
    'A single logistic neuron with square loss has no spurious local minimum (false: one minimum per block)',
  source: sources.auerHerbsterWarmuth1996.at(
    'main theorem: ⌊n/d⌋^d local minima for n examples in d dimensions [REC]',
  ),
  statement:
    'Claim (false): for f(x) = σ(w·x), σ the logistic function, no bias, and L(w) = ½Σ_i(σ(w x_i) − y_i)², every local ' +
    'minimum is global. Refutation (Auer–Herbster–Warmuth [REC]: ⌊n/d⌋^d local minima; here d = 1): block datasets, ' +
    `up to ${maxBlocks} blocks, block j one sample x_j = ±10^{e_j/2} with target y_j ∈ (0, 1), scales increasing in j. ` +
    'Each block has one valley at w = logit(y_j)/x_j of width ~1/|x_j|, and at separated scales the other blocks are ' +
    'nearly flat there, so the count of local minima grows with the number of blocks. Check: every strict local minimum ' +
    `on an asinh grid of ${SINGLE_NEURON_GRID.points} points for |w| ∈ [${SINGLE_NEURON_GRID.inner}, ` +
    `${SINGLE_NEURON_GRID.outer}] (L′ changes sign − to +, refined by bisection and Newton, L″ > 0); two minima with ` +
    'a spurious gap refute the claim. The certificate is the highest minimum (gradient, 1×1 Hessian, perturbations at ' +
    `radii (${SINGLE_NEURON_RADII.join(', ')})·|w*|) with the global one as the better point, and lists every minimum ` +
    'found. The control: one block (a single sample), where L is unimodal.',
  constants: { maxBlocks, SINGLE_NEURON_GRID, SINGLE_NEURON_RADII },
  literals: ['d = 1', '±10^{e_j/2}', '(0, 1)', '~1/|x_j|', '1×1', 'L″ > 0'],
  kind: 'construction',
  expect: 'refuted',
  hypotheses: neuronBlocksArb(1, maxBlocks),
  // A run draws a refuting case in about 40–55% of runs (seeds 1–20 and 9000–9029): 20 runs missed with chance
  // ≈ 5e-5 a seed; 60 runs miss with ≈ 1e-13 (checked by `npm run test:seeds`). The search stops at its first find.
  budget: { test: 60, check: 100 },
  refutedBy: {
    kinds: SPURIOUS_MINIMUM_KINDS,
    subject: mlpHypotheses({
      activations: ['sigmoid'],
      bias: false,
      hiddenLayers: [1, 1],
      outputs: 1,
      trained: 'first-only',
      more: (s) =>
        s.network.layerSizes[0] === 1 && s.network.layerSizes[1] === 1
          ? []
          : ['expected a single neuron in 1-D'],
    }),
  },
  check(g) {
    const minima = neuronMinima(neuronBlocksData(g));
    if (minima.length === 0) return { status: 'inconclusive', reason: 'no minimum resolved on the grid' };
    if (worstAndBest(minima) === null) return { status: 'pass', score: minima.length - 1 };
    return { status: 'fail', evidence: { count: minima.length }, score: minima.length };
  },
  certify: (g) => singleNeuronCertificate(neuronBlocksData(g), { blocks: g.blocks }),
  verifyDetails: verifySingleNeuronDetails,
  mutate(g, rng) {
    const targets = [...g.targets];
    targets[rng.int(0, maxBlocks - 1)] = rng.int(1, NEURON_BLOCKS.targetSteps - 1);
    return { ...g, targets, blocks: Math.max(1, Math.min(maxBlocks, g.blocks + rng.int(-1, 1))) };
  },
  control: {
    description: 'one block (a single sample): L is unimodal, so no spurious minimum exists',
    hypotheses: neuronBlocksArb(1, 1),
    expect: 'holds',
    runs: 20,
  },
});
