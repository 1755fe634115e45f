import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { singleNeuronArb, singleNeuronSubject } from '../src/generate/deadUnits.js';
import { deadUnitsProof } from '../src/landscape/basins/index.js';
import { subjectProblem } from '../src/nn/index.js';
import { describeClaim } from '../test/claimSuite.js';
import { deadReluPlateau } from './dead-relu-plateau.js';

describeClaim(deadReluPlateau);

describe('deadUnitsProof on single-relu-no-spurious-min’s one-neuron subjects', () => {
  test('margin = −max_i (w·x_i + b) and radius = margin/√(1 + max‖x_i‖²) when the neuron is dead, else none', () => {
    fc.assert(
      fc.property(singleNeuronArb({ min: -8, max: 8 }), (g) => {
        const subject = singleNeuronSubject(g);
        const { problem, theta } = subjectProblem(subject);
        const [layer] = subject.point.layers;
        const z = subject.data.inputs.map(
          (x) => x.reduce((s, xj, j) => s + xj * layer!.weights[0]![j]!, 0) + layer!.biases![0]!,
        );
        const norm2 = Math.max(...subject.data.inputs.map((x) => x.reduce((s, xj) => s + xj * xj, 0)));
        const margin = -Math.max(...z);
        const proof = deadUnitsProof(problem, theta);
        if (!(margin > 0)) expect(proof).toBeNull();
        else {
          expect(proof!.margin).toBeCloseTo(margin, 12);
          expect(proof!.radius).toBeCloseTo(margin / Math.sqrt(1 + norm2), 12);
        }
      }),
      { numRuns: 200 },
    );
  });
});
