import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UserError } from '../errors.js';
import type { DatasetJson } from '../nn/index.js';
import { datasetArb, hasDistinctInputs } from './datasets.js';

function satisfies(data: DatasetJson, d0: number, dL: number, nMin: number, nMax: number): void {
  const n = data.inputs.length;
  expect(n >= nMin && n <= nMax).toBe(true);
  expect(data.targets).toHaveLength(n);
  for (const x of data.inputs) {
    expect(x).toHaveLength(d0);
    for (const v of x) expect(Number.isFinite(v) && Math.abs(v) <= 2 && Number.isInteger(v * 4)).toBe(true);
  }
  for (const y of data.targets) {
    expect(y).toHaveLength(dL);
    for (const v of y) expect(Number.isFinite(v)).toBe(true);
  }
}

describe('dataset arbitraries', () => {
  test.prop([datasetArb({ n: { min: 1, max: 8 }, inputDim: 2, outputDim: 3 })], { numRuns: 200 })(
    'n in range, shapes n×d_0 and n×d_L, finite grid entries, distinct inputs',
    (data) => {
      satisfies(data, 2, 3, 1, 8);
      expect(hasDistinctInputs(data)).toBe(true);
    },
  );

  test.prop([datasetArb({ n: 17, inputDim: 1, outputDim: 1 })], { numRuns: 30 })(
    '1-D inputs: all 17 grid points can be drawn distinct',
    (data) => {
      expect(data.inputs).toHaveLength(17);
      expect(hasDistinctInputs(data)).toBe(true);
    },
  );

  test('more distinct points than the grid holds is a UserError', () => {
    expect(() => datasetArb({ n: 18, inputDim: 1, outputDim: 1 })).toThrow(UserError);
    expect(() => datasetArb({ n: 2, inputDim: 0, outputDim: 1 })).toThrow(UserError);
  });

  test('distinctInputs: false allows repeated inputs', () => {
    const samples = fc.sample(
      datasetArb({
        n: 6,
        inputDim: 1,
        outputDim: 1,
        inputs: { maxAbs: 1, denominator: 1 },
        distinctInputs: false,
      }),
      { seed: 3, numRuns: 20 },
    );
    expect(samples.some((d) => !hasDistinctInputs(d))).toBe(true);
  });

  test('same seed, same datasets', () => {
    const arb = datasetArb({ inputDim: 3, outputDim: 1 });
    expect(fc.sample(arb, { seed: 8, numRuns: 20 })).toEqual(fc.sample(arb, { seed: 8, numRuns: 20 }));
  });

  test('shrinking keeps the constraints and goes to fewer points and zeros: "n < 3" fails at n = 3', () => {
    const result = fc.check(
      fc.property(
        datasetArb({ n: { min: 1, max: 8 }, inputDim: 2, outputDim: 1 }),
        (d) => d.inputs.length < 3,
      ),
      { seed: 21, numRuns: 200 },
    );
    expect(result.failed).toBe(true);
    const [data] = result.counterexample!;
    satisfies(data, 2, 1, 3, 3);
    expect(hasDistinctInputs(data)).toBe(true);
    // the targets shrink to 0; distinct inputs keep at most one all-zero input
    expect(data.targets.flat().every((v) => v === 0)).toBe(true);
    expect(data.inputs.flat().filter((v) => v !== 0).length).toBeLessThanOrEqual(2);
  });
});
