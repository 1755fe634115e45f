import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { deadUnitsProof } from '../src/landscape/basins/index.js';
import { makeProblem, pointToVector } from '../src/nn/index.js';
import { describeClaim } from '../test/claimSuite.js';
import { deadReluPlateau } from './dead-relu-plateau.js';
import { deadNeuronProof, singleNeuronSubject } from './single-relu-no-spurious-min.js';

describeClaim(deadReluPlateau);

describe('deadUnitsProof generalises single-relu-no-spurious-min’s deadNeuronProof', () => {
  test('on single-neuron subjects both give the same margin and radius, or both none', () => {
    const ints = (k: number) => fc.array(fc.integer({ min: -8, max: 8 }), { minLength: k, maxLength: k });
    fc.assert(
      fc.property(
        fc.record({
          d: fc.integer({ min: 1, max: 3 }),
          n: fc.integer({ min: 2, max: 8 }),
          xs: ints(24),
          ys: ints(8),
          ws: ints(3),
          bs: fc.integer({ min: -8, max: 8 }),
          restarts: fc.constant(0),
        }),
        (g) => {
          const subject = singleNeuronSubject(g);
          const problem = makeProblem(subject.network, subject.data, subject.loss);
          const general = deadUnitsProof(problem, pointToVector(problem.net, subject.point));
          const special = deadNeuronProof(subject);
          expect(general).toEqual(special);
        },
      ),
      { numRuns: 200 },
    );
  });
});
