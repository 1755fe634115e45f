import { describe, expect, test } from 'vitest';
import { loss, makeProblem } from '../../nn/index.js';
import { seededRng } from '../../random.js';
import { allActiveProof, deadUnitsProof, uniformPatternProof } from './uniformPattern.js';

const problem = makeProblem(
  { layerSizes: [2, 3, 1], activation: { name: 'relu' }, bias: true },
  {
    inputs: [
      [1, 0],
      [0, 2],
      [-1, 1],
      [2, -1],
    ],
    targets: [[1], [0], [2], [-1]],
  },
);

function thetaWith(w: number[][], b: number[]): Float64Array {
  const theta = new Float64Array(problem.layout.size);
  const h = problem.layout.layers[0]!;
  w.forEach((row, j) => {
    row.forEach((x, k) => {
      theta[h.weightOffset + j * 2 + k] = x;
    });
  });
  b.forEach((x, j) => {
    theta[h.biasOffset! + j] = x;
  });
  return theta;
}

describe('uniform activation patterns (dead units, linear regime)', () => {
  test('all dead: margin = min −z, radius = margin/√(1 + max‖x‖²); loss constant on random moves inside the ball', () => {
    const theta = thetaWith(
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      [-3, -5, -4],
    );
    const proof = deadUnitsProof(problem, theta)!;
    expect(proof.margin).toBe(1); // unit 0 at x = (2, −1): z = −1
    expect(proof.radius).toBeCloseTo(1 / Math.sqrt(1 + 5), 15);
    const value = loss(problem, theta);
    const rng = seededRng(4);
    const first = problem.layout.layers[0]!;
    for (let t = 0; t < 200; t++) {
      const v = Float64Array.from({ length: first.end }, () => rng.normal());
      const size = Math.hypot(...v);
      const moved = Float64Array.from(theta, (x, k) =>
        k < first.end ? x + (0.999 * proof.radius * v[k]!) / size : x,
      );
      expect(loss(problem, moved)).toBe(value);
    }
  });

  test('all active gives the linear-regime proof; a mixed pattern or a pre-activation at 0 gives none', () => {
    expect(
      allActiveProof(
        problem,
        thetaWith(
          [
            [0, 0],
            [0, 0],
            [1, 0],
          ],
          [1, 2, 3],
        ),
      )?.margin,
    ).toBe(1);
    expect(
      uniformPatternProof(
        problem,
        thetaWith(
          [
            [1, 0],
            [0, 0],
            [0, 0],
          ],
          [0, -1, -1],
        ),
      ),
    ).toBeNull();
    expect(
      deadUnitsProof(
        problem,
        thetaWith(
          [
            [0, 0],
            [0, 0],
            [0, 0],
          ],
          [0, -1, -1],
        ),
      ),
    ).toBeNull();
  });
});
