import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type CounterexampleJson, listArchiveFiles } from '../src/archive/index.js';
import { verifyCounterexample } from '../src/claims/index.js';
import {
  affineFit,
  allActiveProof,
  flatEscape,
  ldsPath,
  linearRegimePoint,
} from '../src/landscape/basins/index.js';
import { examinePoint, type MlpSubjectJson, subjectModel } from '../src/landscape/index.js';
import { loss, makeProblem, vectorToPoint } from '../src/nn/index.js';
import { seededRng } from '../src/random.js';
import { ARCHIVE, describeClaim } from '../test/claimSuite.js';
import { wideReluNoBadLocalMin } from './wide-relu-no-bad-local-min.js';

describeClaim(wideReluNoBadLocalMin);

describe('the linear-regime recipe (Ding–Li–Sun, non-strict bad minima survive width): n = 8, d = 2, width 12, y = sin(2x₁) + x₂²', () => {
  // The recipe's X ~ N(0, I) sample is not given, so its L_lin = 19.333665 cannot be matched; the recipe is.
  const rng = seededRng(2018);
  const inputs = Array.from({ length: 8 }, () => [rng.normal(), rng.normal()]);
  const targets = inputs.map(([a, b]) => [Math.sin(2 * a!) + b! ** 2]);
  const network = { layerSizes: [2, 12, 1], activation: { name: 'relu' as const }, bias: true };
  const problem = makeProblem(network, { inputs, targets });
  const theta = linearRegimePoint(problem, { shift: 1, scale: 1, rng: seededRng(1) });
  const value = loss(problem, theta);

  test('the construction is a critical point with L = L_lin > 0 and no sampled perturbation (2000 at radius 1e-3) goes below', () => {
    const subject: MlpSubjectJson = {
      kind: 'mlp',
      network,
      data: { inputs, targets },
      loss: { name: 'squared', scale: 0.5, reduction: 'sum' },
      point: vectorToPoint(network, theta),
    };
    const model = subjectModel(subject);
    const exam = examinePoint(model.objective, model.theta, {
      rng: seededRng(3),
      radii: [1e-3],
      trials: 2000,
    });
    expect(exam.gradientNorm!).toBeLessThan(1e-9 * (1 + value));
    expect(exam.perturbation.minLossIncrease).toBeGreaterThanOrEqual(-1e-13 * (1 + value));
    expect(Math.abs(value - affineFit(problem).loss)).toBeLessThan(1e-10 * (1 + value));
    expect(value).toBeGreaterThan(0.1);
    expect(allActiveProof(problem, theta)).not.toBeNull();
  });

  test('it is spurious (the Li–Ding–Sun path from it ends below 1e-10·(1 + ½‖y‖²)) and not a basin (flat move + descent)', () => {
    const path = ldsPath(problem, theta, seededRng(4));
    expect(path.status).toBe('reached');
    const exit = flatEscape(problem, theta, seededRng(5));
    expect(exit).not.toBeNull();
    expect(exit!.descentLoss).toBeLessThan(value - 1e-3);
  });
});

describe('verifyDetails re-checks the not-a-basin evidence', () => {
  const [path] = listArchiveFiles(ARCHIVE, wideReluNoBadLocalMin.id);
  const file = JSON.parse(readFileSync(path!, 'utf8')) as CounterexampleJson;

  test('the archived file verifies; a tampered descent point or a flat move that touches another unit does not', () => {
    expect(verifyCounterexample(wideReluNoBadLocalMin, file)).toEqual([]);
    const details = file.certificate.details as Record<string, unknown>;
    const flat = details.flatPoint as { layers: { weights: number[][]; biases: number[] }[] };
    const other = (Number(details.unit) + 1) % flat.layers[0]!.biases.length;
    const movedOther = structuredClone(flat);
    movedOther.layers[0]!.biases[other]! += 1;
    const descent = structuredClone(details.descentPoint) as typeof flat;
    descent.layers[1]!.weights[0]![Number(details.unit)] = 0;
    for (const change of [{ flatPoint: movedOther }, { descentPoint: descent }]) {
      const tampered = {
        ...file,
        certificate: { ...file.certificate, details: { ...details, ...change } },
      } as CounterexampleJson;
      expect(verifyCounterexample(wideReluNoBadLocalMin, tampered).length).toBeGreaterThan(0);
    }
  });
});
