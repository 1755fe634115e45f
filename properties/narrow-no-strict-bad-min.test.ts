import { describe, expect, test } from 'vitest';
import {
  bestPoint,
  clearlyStrict,
  descendAndExamine,
  gridMinima,
  type MlpSubjectJson,
  subjectModel,
} from '../src/landscape/index.js';
import { seededRng } from '../src/random.js';
import { describeClaim } from '../test/claimSuite.js';
import { narrowNoStrictBadMin } from './narrow-no-strict-bad-min.js';

describeClaim(narrowNoStrictBadMin);

describe('a single logistic neuron in 1-D (the Auer–Herbster–Warmuth mechanism) [VER]', () => {
  // X and Y of the recomputed [VER] instance; L(w) = Σ(σ(w·x_i) − y_i)² (scale 1, as stated there).
  const subject: MlpSubjectJson = {
    kind: 'mlp',
    network: {
      layerSizes: [1, 1, 1],
      activation: { name: 'sigmoid' },
      bias: false,
      trainable: [true, false],
    },
    data: {
      inputs: [[-0.0979], [-0.5722], [0.0499], [-4.3331], [-8.2586], [0.1146]],
      targets: [[0], [1], [0], [1], [0], [1]],
    },
    loss: { name: 'squared', scale: 1, reduction: 'sum' },
    point: {
      layers: [
        { weights: [[0]], biases: null },
        { weights: [[1]], biases: null },
      ],
    },
  };
  const model = subjectModel(subject);

  // The [VER] recomputation gives w ≈ −2.114, 0.074, 11.913 and L = 1.89524, 1.46726, 2.51081 (from unrounded X, we
  // presume); recomputed here and with scipy (bounded Brent, xatol 1e-12) on the rounded X above:
  // w = −2.113198, 0.073636, 11.906648 and L = 1.895258, 1.467259, 2.510836. So: w to 1e-2, L to 1e-4.
  test('the grid finds the three valleys: w ≈ −2.11, 0.074 (global), 11.91 ([VER] values to 1e-2 in w, 1e-4 in L)', () => {
    const found = gridMinima(model.objective).map((start) => {
      const result = descendAndExamine(model.objective, start, seededRng(1), {
        radii: [1e-2, 1e-3, 1e-4],
        trials: 100,
      });
      expect(result.exam !== null && clearlyStrict(result.exam)).toBe(true);
      return { w: result.theta[0]!, value: result.exam!.value };
    });
    expect(found.length).toBe(3);
    const catalogW = [-2.114, 0.074, 11.913];
    const catalogL = [1.89524, 1.46726, 2.51081];
    const recomputedW = [-2.113198, 0.073636, 11.906648];
    found.forEach((m, i) => {
      expect(Math.abs(m.w - catalogW[i]!)).toBeLessThan(1e-2);
      expect(Math.abs(m.value - catalogL[i]!)).toBeLessThan(1e-4);
      expect(Math.abs(m.w - recomputedW[i]!)).toBeLessThan(1e-5);
    });
  });

  test('the better point of the check is the global valley (L = 1.46726)', () => {
    const best = bestPoint(model.objective, 1);
    expect(Math.abs(model.objective.value(best) - 1.467259)).toBeLessThan(1e-6);
  });
});
