import { describe, expect, test } from 'vitest';
import { numericalRank } from '../../linalg/index.js';
import { jacobian, makeProblem } from '../../nn/index.js';
import { rowGram } from './gram.js';
import {
  cellStream,
  FIXED_PANELS,
  PROPORTIONAL_PANELS,
  phasePanels,
  runPhaseCell,
} from './phaseTransition.js';
import { normals, sampleProtocolTrial, trialJacobian } from './protocol.js';
import { faceSplitMatrix } from './regionJacobian.js';

describe('the authors’ protocol', () => {
  test('W, b ~ U(±1/√d0), X ~ U[0,1), v ~ N(0,1) (mean and variance within 5 standard errors), same seed same trial', () => {
    const t = sampleProtocolTrial(40, 4, 500, cellStream(1, 0));
    const bound = 1 / Math.sqrt(4);
    expect(t.w.every((w) => Math.abs(w) <= bound)).toBe(true);
    expect(t.b.every((b) => Math.abs(b) <= bound)).toBe(true);
    expect(t.x.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = t.v.reduce((a, b) => a + b, 0) / t.v.length;
    const variance = t.v.reduce((a, b) => a + (b - mean) ** 2, 0) / (t.v.length - 1);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(500));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / 500));
    expect(sampleProtocolTrial(40, 4, 500, cellStream(1, 0))).toEqual(t);
    expect(normals(3, cellStream(2, 0))).toHaveLength(3);
  });

  test('the factored Jacobian has the Gram matrix of the network core’s Jacobian of (W, b) (rel. 1e-13)', () => {
    for (const [n, d0, d1] of [
      [7, 2, 5],
      [12, 1, 9],
      [5, 6, 3],
    ] as const) {
      const t = sampleProtocolTrial(n, d0, d1, cellStream(5, n));
      const problem = makeProblem(
        { layerSizes: [d0, d1, 1], activation: { name: 'relu' }, bias: true },
        {
          inputs: Array.from({ length: n }, (_, i) => Array.from(t.x.subarray(i * d0, (i + 1) * d0))),
          targets: Array.from({ length: n }, () => [0]),
        },
      );
      // θ = [W row-major, b, v, output bias]; the first layer's columns come first
      const theta = Float64Array.from([...t.w, ...t.b, ...t.v, 0]);
      const full = jacobian(problem, theta);
      const p = d1 * (d0 + 1);
      const firstLayer = new Float64Array(n * p);
      for (let i = 0; i < n; i++)
        for (let k = 0; k < p; k++) firstLayer[i * p + k] = full.data[i * full.cols + k]!;
      const ours = faceSplitMatrix(trialJacobian(t));
      const a = rowGram(firstLayer, n, p);
      const b = rowGram(ours.data, n, p);
      const scale = Math.max(...a.map(Math.abs));
      for (let k = 0; k < a.length; k++) expect(Math.abs(a[k]! - b[k]!)).toBeLessThanOrEqual(1e-13 * scale);
    }
  });

  test('duplicated samples (the control variant) cap the rank at ⌈n/2⌉', () => {
    const t = sampleProtocolTrial(10, 20, 15, cellStream(9, 0), { duplicateSamples: true });
    expect(numericalRank(faceSplitMatrix(trialJacobian(t))).rank).toBeLessThanOrEqual(5);
  });

  test('the grids are the authors’: 400 cells each, d0 = ⌈r·n⌉', () => {
    const cells = (panels: typeof FIXED_PANELS) => panels.reduce((a, p) => a + p.ns.length * p.d1s.length, 0);
    expect(cells(FIXED_PANELS)).toBe(400);
    expect(cells(PROPORTIONAL_PANELS)).toBe(600);
    expect(PROPORTIONAL_PANELS[0]!.d0(30)).toBe(8);
    expect(phasePanels('all')).toHaveLength(8);
    expect(() => phasePanels('other' as 'all')).toThrow(/unknown grid/);
    const cell = runPhaseCell('r=1', 10, 10, 3, 20, cellStream(1, 1));
    expect(cell.full).toBeLessThanOrEqual(20);
    expect(Object.values(cell.methods).reduce((a, b) => a + b, 0)).toBe(20);
  });
});

describe('trialJacobian sums four units side by side', () => {
  test('its activation pattern and X̃ are the one-unit-at-a-time loop’s exactly (d1 1–9, d0 1–7)', () => {
    for (let d1 = 1; d1 <= 9; d1++) {
      for (let d0 = 1; d0 <= 7; d0++) {
        const t = sampleProtocolTrial(6, d0, d1, cellStream(d1, d0));
        const f = trialJacobian(t);
        const s = new Float64Array(6 * d1);
        for (let i = 0; i < 6; i++) {
          for (let j = 0; j < d1; j++) {
            let z = t.b[j]!;
            for (let c = 0; c < d0; c++) z += t.w[j * d0 + c]! * t.x[i * d0 + c]!;
            if (z > 0) s[i * d1 + j] = t.v[j]!;
          }
        }
        expect(f.s).toEqual(s);
        expect(f.xt).toEqual(
          Float64Array.from({ length: 6 * (d0 + 1) }, (_, k) => {
            const i = Math.floor(k / (d0 + 1));
            const c = k % (d0 + 1);
            return c === d0 ? 1 : t.x[i * d0 + c]!;
          }),
        );
      }
    }
  });
});
