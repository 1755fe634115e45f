import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UserError } from '../errors.js';
import { dense, fromRows, matmul } from '../linalg/index.js';
import { loss, makeProblem, pointToVector } from '../nn/index.js';
import { seededRng } from '../random.js';
import { linearClosedForm } from './linearNetworks.js';

/** Random data (n×d_x inputs, n×d_y targets) from a seeded stream. */
function data(seed: number, n: number, dx: number, dy: number) {
  const rng = seededRng(seed);
  const rows = (cols: number) =>
    Array.from({ length: n }, () => Array.from({ length: cols }, () => rng.normal()));
  return { inputs: rows(dx), targets: rows(dy) };
}

const shapes = fc.record({
  seed: fc.integer({ min: 0, max: 10_000 }),
  dx: fc.integer({ min: 2, max: 5 }),
  dy: fc.integer({ min: 1, max: 4 }),
  p: fc.integer({ min: 1, max: 3 }),
  extra: fc.integer({ min: 1, max: 5 }),
  depth: fc.integer({ min: 2, max: 4 }),
});

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c;
}

describe('linearClosedForm', () => {
  test.prop([shapes], { numRuns: 60 })(
    'indexSets lists every I with |I| ≤ min(p, d_y) once, top set first of its size',
    (s) => {
      const d = data(s.seed, s.dx + s.extra, s.dx, s.dy);
      const closed = linearClosedForm(fromRows(d.inputs), fromRows(d.targets), s.p);
      const sets = closed.indexSets();
      const k = Math.min(s.p, s.dy);
      let expected = 0;
      for (let size = 0; size <= k; size++) expected += binomial(s.dy, size);
      expect(sets).toHaveLength(expected);
      expect(new Set(sets.map((I) => I.join(','))).size).toBe(expected);
      expect(sets.find((I) => I.length === k)).toEqual(Array.from({ length: k }, (_, i) => i));
      expect(closed.globalLoss).toBe(closed.criticalValue(Array.from({ length: k }, (_, i) => i)));
    },
  );

  test.prop([shapes], { numRuns: 60 })(
    'criticalLayers: loss equals the critical value (rel. 1e-10) at every depth, and equals criticalPoint at depth 2',
    (s) => {
      const d = data(s.seed, s.dx + s.extra, s.dx, s.dy);
      const closed = linearClosedForm(fromRows(d.inputs), fromRows(d.targets), s.p);
      const hidden = Array.from({ length: s.depth - 1 }, (_, l) => s.p + (l % 2));
      const net = {
        layerSizes: [s.dx, ...hidden, s.dy],
        activation: { name: 'identity' as const },
        bias: false,
      };
      const problem = makeProblem(net, d);
      for (const I of closed.indexSets()) {
        const layers = closed.criticalLayers(I, hidden);
        const theta = pointToVector(net, { layers: layers.map((weights) => ({ weights, biases: null })) });
        const expected = closed.criticalValue(I);
        expect(Math.abs(loss(problem, theta) - expected)).toBeLessThanOrEqual(
          1e-10 * (1 + Math.abs(expected)),
        );
      }
      if (s.depth === 2) {
        const top = Array.from({ length: Math.min(s.p, s.dy) }, (_, i) => i);
        const [B, A] = closed.criticalLayers(top, [s.p]);
        const { A: a, B: b } = closed.criticalPoint(top);
        expect(fromRows(A!)).toEqual(a);
        expect(Array.from(fromRows(B!).data)).toEqual(Array.from(b.data));
      }
    },
  );

  test('the end-to-end matrix of a deep critical point is U_I U_Iᵀ Ŵ', () => {
    const d = data(7, 9, 4, 3);
    const closed = linearClosedForm(fromRows(d.inputs), fromRows(d.targets), 2);
    const layers = closed.criticalLayers([0, 2], [3, 2, 4]).map((w) => fromRows(w));
    const product = layers.reduce((acc, w) => matmul(w, acc));
    const u = dense(3, 2);
    [0, 2].forEach((i, c) => {
      for (let r = 0; r < 3; r++) u.data[r * 2 + c] = closed.eigenvectors.data[r * 3 + i]!;
    });
    const expected = matmul(
      matmul(u, fromRows(Array.from({ length: 2 }, (_, c) => [0, 1, 2].map((r) => u.data[r * 2 + c]!)))),
      closed.wHat,
    );
    for (let k = 0; k < expected.data.length; k++)
      expect(Math.abs(product.data[k]! - expected.data[k]!)).toBeLessThan(1e-12);
  });

  test('criticalLayers rejects a hidden layer narrower than |I| (UserError)', () => {
    const d = data(1, 6, 3, 3);
    const closed = linearClosedForm(fromRows(d.inputs), fromRows(d.targets), 2);
    expect(() => closed.criticalLayers([0, 1], [2, 1])).toThrow(UserError);
    expect(() => closed.criticalLayers([0], [])).toThrow(UserError);
  });
});
