import { expect, test } from 'vitest';
import { type SjlGenome, sjlInstance, sjlSubject } from '../src/generate/quadraticNetworks.js';
import { subjectModel } from '../src/landscape/index.js';
import { interpolatingMatrix, quadraticNetworkObjective } from '../src/landscape/quadratic/index.js';
import { describeClaim } from '../test/claimSuite.js';
import { sjl19Quadratic } from './sjl19-quadratic.js';

describeClaim(sjl19Quadratic);

const g: SjlGenome = {
  d: 3,
  n: 6,
  extraPositive: 0,
  extraNegative: 1,
  xs: Array.from({ length: 40 }, (_, i) => ((i * 7) % 17) - 8),
  ys: Array.from({ length: 10 }, (_, i) => ((i * 5) % 17) - 8),
  init: 4,
  positiveOnly: false,
};

test('the claim’s objective is the archived mlp subject’s loss (quadratic activation, output frozen at v)', () => {
  const instance = sjlInstance(g);
  const subject = sjlSubject(instance, instance.W0);
  const mlp = subjectModel(subject);
  const ours = quadraticNetworkObjective({
    inputs: instance.inputs,
    targets: instance.targets,
    v: instance.v,
    lambda: 0,
  });
  const value = ours.value(instance.W0);
  expect(Math.abs(mlp.objective.value(mlp.theta) - value)).toBeLessThanOrEqual(1e-12 * (1 + value));
  expect(instance.v.filter((x) => x > 0).length).toBe(3);
  expect(instance.v.filter((x) => x < 0).length).toBe(4);
});

test('n = d(d+1)/2 generic points: the interpolating M fits every target exactly (the global value is 0)', () => {
  const instance = sjlInstance(g);
  const M = interpolatingMatrix(instance.inputs, instance.targets);
  instance.inputs.forEach((x, i) => {
    let f = 0;
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) f += x[a]! * M[a * 3 + b]! * x[b]!;
    expect(Math.abs(f - instance.targets[i]!)).toBeLessThanOrEqual(
      1e-10 * (1 + Math.abs(instance.targets[i]!)),
    );
  });
});
