import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { type ActivationSpec, forward, loss, makeProblem } from '../../nn/index.js';
import { seededRng } from '../../random.js';
import { affineFit, linearRegimePoint } from '../basins/index.js';
import { affineSegmentPoint, affineSegments, hingeEscape, segmentProof } from './affineSegment.js';

const SEGMENTED: ActivationSpec[] = [
  { name: 'relu' },
  { name: 'leaky-relu', slope: 0.1 },
  { name: 'leaky-relu', slope: -0.3 },
  { name: 'leaky-relu', slope: 2 },
];

/** A network with 1–3 hidden layers of width 2–3, 4–7 samples in d ∈ {1, 2}, data on the grid k/4. */
const caseArb = fc.record({
  activation: fc.constantFrom(...SEGMENTED),
  negative: fc.boolean(),
  widths: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 1, maxLength: 3 }),
  d: fc.integer({ min: 1, max: 2 }),
  xs: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 14, maxLength: 14 }),
  ys: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 7, maxLength: 7 }),
  n: fc.integer({ min: 4, max: 7 }),
  margin: fc.integer({ min: 1, max: 8 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case) {
  const inputs = Array.from({ length: c.n }, (_, i) =>
    Array.from({ length: c.d }, (_, j) => c.xs[(i * c.d + j) % 14]! / 4 + i * 1e-3),
  );
  const targets = inputs.map((_, i) => [c.ys[i]! / 4]);
  const problem = makeProblem(
    { layerSizes: [c.d, ...c.widths, 1], activation: c.activation, bias: true },
    { inputs, targets },
  );
  const pieces = affineSegments(c.activation);
  const segment = c.negative && pieces.length > 1 ? pieces[1]! : pieces[0]!;
  const theta = affineSegmentPoint(
    problem,
    { kind: 'segment', segment, margin: c.margin / 4 },
    { scale: 0.5, rng: seededRng(c.seed) },
  );
  return { problem, theta, segment };
}

describe('affine-segment construction (Christof–Kowalczyk)', () => {
  test.prop([caseArb], { numRuns: 60 })(
    'the network realises the affine least-squares fit: L(point) = L_lin (rel. 1e-10)',
    (c) => {
      const { problem, theta, segment } = build(c);
      const linear = affineFit(problem).loss;
      expect(Math.abs(loss(problem, theta) - linear)).toBeLessThanOrEqual(1e-10 * (1 + linear));
      const proof = segmentProof(problem, theta, segment);
      expect(proof).not.toBeNull();
      expect(Math.min(...proof!.margins)).toBeGreaterThanOrEqual((c.margin / 4) * (1 - 1e-12));
    },
  );

  test.prop([caseArb], { numRuns: 60 })(
    'inside the proven radius no pre-activation leaves the piece and L ≥ L_lin (random perturbations of norm 0.99·radius)',
    (c) => {
      const { problem, theta, segment } = build(c);
      const proof = segmentProof(problem, theta, segment)!;
      const linear = affineFit(problem).loss;
      const rng = seededRng(c.seed + 1);
      const sign = segment.side === 'positive' ? 1 : -1;
      for (let t = 0; t < 10; t++) {
        const u = Float64Array.from(theta, () => rng.normal());
        const size = Math.hypot(...u);
        const moved = Float64Array.from(theta, (x, i) => x + (0.99 * proof.radius * u[i]!) / size);
        const pass = forward(problem, moved);
        for (let l = 0; l < problem.layout.layers.length - 1; l++)
          for (const z of pass.z[l]!) expect(sign * z).toBeGreaterThan(0);
        expect(loss(problem, moved)).toBeGreaterThanOrEqual(linear * (1 - 1e-12) - 1e-14);
      }
    },
  );

  test.prop([caseArb], { numRuns: 60 })(
    'the hinge escape is flat first, then lowers the loss when the targets are not affine',
    (c) => {
      const { problem, theta } = build(c);
      const value = loss(problem, theta);
      const hinge = hingeEscape(problem, theta, seededRng(c.seed + 2), { minDecreaseRtol: 1e-7 });
      fc.pre(hinge !== null);
      expect(Math.abs(loss(problem, hinge!.flatPoint) - value)).toBeLessThanOrEqual(1e-14 * (1 + value));
      expect(hinge!.descentLoss).toBeLessThan(value);
      expect(Math.abs(value - hinge!.descentLoss - hinge!.decrease)).toBeLessThanOrEqual(1e-12 * (1 + value));
    },
  );

  test('one hidden layer, positive piece: the same loss as src/landscape/basins linearRegimePoint (the shared construction)', () => {
    const problem = makeProblem(
      { layerSizes: [1, 3, 1], activation: { name: 'relu' }, bias: true },
      { inputs: [[-1], [0], [0.5], [2]], targets: [[1], [0], [0.25], [3]] },
    );
    const ours = affineSegmentPoint(
      problem,
      { kind: 'segment', segment: { side: 'positive', slope: 1 }, margin: 0.5 },
      { scale: 1, rng: seededRng(1) },
    );
    const theirs = linearRegimePoint(problem, { shift: 0.5, scale: 1, rng: seededRng(1) });
    expect(loss(problem, ours)).toBeCloseTo(loss(problem, theirs), 12);
  });

  test('smooth activations have no affine piece; their window placement keeps every pre-activation in the window', () => {
    for (const name of ['tanh', 'sigmoid', 'softplus'] as const) {
      expect(affineSegments({ name })).toEqual([]);
      const problem = makeProblem(
        { layerSizes: [1, 2, 2, 1], activation: { name }, bias: true },
        { inputs: [[-1], [0], [0.5], [2]], targets: [[1], [0], [0.25], [3]] },
      );
      const theta = affineSegmentPoint(
        problem,
        { kind: 'window', center: 0, halfWidth: 0.25 },
        { scale: 1, rng: seededRng(2) },
      );
      const pass = forward(problem, theta);
      for (let l = 0; l < 2; l++)
        for (const z of pass.z[l]!) expect(Math.abs(z)).toBeLessThanOrEqual(0.25 * (1 + 1e-12));
    }
  });
});
