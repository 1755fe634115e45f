import { expect, test } from 'vitest';
import { dense, singularValues } from '../../linalg/index.js';
import { cellStream, FLOAT32_EPS, float32Jacobian, float32TrialFullRank } from './phaseTransition.js';
import { sampleProtocolTrial } from './protocol.js';

test('float32 emulation: J has float32 entries, and the Gram route agrees with an SVD of the rounded J (rank and σ_n)', () => {
  for (const [n, d0, d1] of [
    [12, 1, 20],
    [30, 2, 40],
    [20, 10, 3],
  ] as const) {
    for (let k = 0; k < 3; k++) {
      const jac = float32Jacobian(sampleProtocolTrial(n, d0, d1, cellStream(k, n)));
      expect(jac.every((v) => Math.fround(v) === v)).toBe(true);
      const p = d1 * (d0 + 1);
      const sv = singularValues(dense(n, p, Float64Array.from(jac)));
      const tol = sv[0]! * Math.max(n, p) * FLOAT32_EPS;
      let rank = 0;
      while (rank < sv.length && sv[rank]! > tol) rank++;
      const decision = float32TrialFullRank(n, d0, d1, cellStream(k, n));
      expect(decision.rank).toBe(rank);
      expect(decision.full).toBe(rank === n);
      // σ_n from the Gram matrix agrees with the SVD's to far better than the cut (relative to σ_max).
      const sigmaN = decision.margin! * decision.tol!;
      expect(Math.abs(sigmaN - (sv[n - 1] ?? 0))).toBeLessThanOrEqual(1e-3 * tol + 1e-10 * sv[0]!);
    }
  }
});
