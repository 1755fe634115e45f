import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  DEFAULT_LOSS,
  type MlpSubject,
  makeProblem,
  outputs,
  paramLayout,
  pointToVector,
  subjectProblem,
} from '../nn/index.js';
import { hasDistinctInputs } from './datasets.js';
import { directionArb, thetaArb } from './points.js';
import { problemArb, problemWithDirectionArb, subjectArb, teacherSubjectArb } from './subjects.js';

/** The laws every generated subject keeps: it compiles, the point fits the network, inputs are distinct. */
function lawful(subject: MlpSubject): void {
  const { problem, theta } = subjectProblem(subject);
  expect(theta).toHaveLength(problem.layout.size);
  expect(theta.every(Number.isFinite)).toBe(true);
  expect(hasDistinctInputs(subject.data)).toBe(true);
  const depth = subject.network.layerSizes.length - 1;
  expect(depth >= 1 && depth <= 3).toBe(true);
}

describe('subject arbitraries', () => {
  test.prop([subjectArb()], { numRuns: 150 })('every subject compiles and keeps the laws', (subject) => {
    lawful(subject);
    expect(subject.loss).toEqual(DEFAULT_LOSS);
    for (const layer of subject.point.layers) {
      for (const w of layer.weights.flat()) expect(Number.isInteger(w * 16) && Math.abs(w) <= 2).toBe(true);
    }
  });

  test.prop(
    [subjectArb({ hiddenLayers: { min: 1, max: 2 }, minLastWidth: (n) => n, n: { min: 1, max: 10 } })],
    {
      numRuns: 60,
    },
  )('minLastWidth: (n) => n gives a last hidden layer at least as wide as the dataset', (subject) => {
    lawful(subject);
    const sizes = subject.network.layerSizes;
    expect(sizes[sizes.length - 2]).toBeGreaterThanOrEqual(subject.data.inputs.length);
  });

  test.prop([subjectArb({ activation: ['relu'], bias: true, inputDim: 1, hiddenLayers: 1 })], {
    numRuns: 40,
  })('fixed activation, forced bias and 1-D inputs reach the subject', (subject) => {
    expect(subject.network.activation).toEqual({ name: 'relu' });
    expect(subject.network.bias).toBe(true);
    expect(subject.data.inputs.every((x) => x.length === 1)).toBe(true);
  });

  test.prop([teacherSubjectArb({ hiddenLayers: 1 })], { numRuns: 40 })(
    'teacher–student targets are the teacher’s outputs, so the teacher has loss 0',
    ({ subject, teacher }) => {
      lawful(subject);
      const problem = makeProblem(subject.network, subject.data, subject.loss);
      const f = outputs(problem, pointToVector(subject.network, teacher));
      expect(Array.from(f)).toEqual(subject.data.targets.flat());
    },
  );

  test.prop([problemWithDirectionArb()], { numRuns: 50 })(
    'problemArb and directions fit the network',
    ({ subject, problem, theta, v }) => {
      expect(problem.layout.size).toBe(paramLayout(subject.network).size);
      expect(Array.from(theta)).toEqual(Array.from(pointToVector(subject.network, subject.point)));
      expect(v).toHaveLength(theta.length);
      expect(v.every((x) => Math.abs(x) <= 1)).toBe(true);
    },
  );

  test('same seed, same subjects, problems, points and directions', () => {
    const again = <T>(arb: fc.Arbitrary<T>) =>
      expect(fc.sample(arb, { seed: 77, numRuns: 15 })).toEqual(fc.sample(arb, { seed: 77, numRuns: 15 }));
    again(subjectArb());
    again(problemArb().map((g) => Array.from(g.theta)));
    again(teacherSubjectArb());
    const net = { layerSizes: [2, 3, 1], activation: { name: 'tanh' as const }, bias: true };
    again(thetaArb(net).map((t) => Array.from(t)));
    again(directionArb(7).map((t) => Array.from(t)));
  });

  test('shrunk subjects keep the laws: "the loss is < 1" fails at a small subject', () => {
    const result = fc.check(
      fc.property(subjectArb(), (subject) => {
        const { problem, theta } = subjectProblem(subject);
        return outputs(problem, theta).every((x, k) => Math.abs(x - problem.Y[k]!) < 1);
      }),
      { seed: 13, numRuns: 200 },
    );
    expect(result.failed).toBe(true);
    const [subject] = result.counterexample!;
    lawful(subject);
    expect(subject.data.inputs).toHaveLength(1);
    expect(subject.network.layerSizes[0]).toBe(1);
  });
});
