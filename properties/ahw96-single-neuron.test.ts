import { describe, expect, test } from 'vitest';
import { singleNeuronSubject } from '../src/generate/singleNeuron.js';
import { subjectModel } from '../src/landscape/index.js';
import { blockDataset, singleNeuronLoss, singleNeuronMinima } from '../src/landscape/population/index.js';
import { describeClaim } from '../test/claimSuite.js';
import { ahw96SingleNeuron } from './ahw96-single-neuron.js';

describeClaim(ahw96SingleNeuron);

describe('single logistic neuron: the [VER] instance and growth with the number of blocks', () => {
  test('the 1-D instance ([VER]): exactly 3 strict minima, at w ≈ −2.114, 0.074, 11.91 with Σ-loss 1.8952, 1.4673, 2.5108', () => {
    // X is printed to 4 decimals; its minimisers and values agree with ours to the digits that rounding allows.
    const data = {
      xs: [-0.0979, -0.5722, 0.0499, -4.3331, -8.2586, 0.1146],
      ys: [0, 1, 0, 1, 0, 1],
      scale: 1,
    };
    const minima = singleNeuronMinima(data);
    expect(minima.map((m) => m.w.toFixed(2))).toEqual(['-2.11', '0.07', '11.91']);
    const expected = [1.89524, 1.46726, 2.51081];
    minima.forEach((m, i) => {
      expect(Math.abs(m.value - expected[i]!)).toBeLessThan(1e-4);
      expect(m.curvature).toBeGreaterThan(0);
    });
    // L(±∞) = 3: three 1-labels at one end, three 0-labels at the other.
    expect(singleNeuronLoss(data, 1e6)).toBeCloseTo(3, 10);
    expect(singleNeuronLoss(data, -1e6)).toBeCloseTo(3, 10);
  });

  test.each([[1], [2], [3], [4], [5]])(
    '%i block(s) at scale ratio 100: exactly that many strict local minima',
    (blocks) => {
      const data = {
        ...blockDataset(
          Array.from({ length: blocks }, (_, j) => ({ exponent: 4 * j - 4, sign: 1, target: 0.8 })),
        ),
        scale: 0.5,
      };
      const minima = singleNeuronMinima(data);
      expect(minima.length).toBe(blocks);
    },
  );

  test('the mlp subject computes the same loss as the 1-D formula', () => {
    const data = {
      ...blockDataset([
        { exponent: -2, sign: 1, target: 0.25 },
        { exponent: 2, sign: -1, target: 0.75 },
      ]),
      scale: 0.5,
    };
    const model = subjectModel(singleNeuronSubject(data, 0.7));
    expect(model.objective.value(model.theta)).toBeCloseTo(singleNeuronLoss(data, 0.7), 14);
  });
});
