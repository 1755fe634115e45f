import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { problemArb } from '../generate/index.js';
import { forward, lossWeight } from './forward.js';
import { secondOrderState } from './secondOrder.js';

describe('second-order state', () => {
  test.prop([problemArb()], { numRuns: 50 })(
    'holds σ′, σ″ and U for the L−1 hidden layers and delta for all L, with delta_{L−1} = 2s·r and delta_l = σ′(z_l) ∘ U_l',
    ({ problem, theta }) => {
      const st = secondOrderState(problem, theta);
      const L = problem.layout.layers.length;
      const pass = forward(problem, theta);
      expect(st.s1).toHaveLength(L - 1);
      expect(st.s2).toHaveLength(L - 1);
      expect(st.U).toHaveLength(L - 1);
      expect(st.delta).toHaveLength(L);
      const twoS = 2 * lossWeight(problem);
      st.delta[L - 1]!.forEach((d, k) => {
        expect(d).toBe(twoS * (pass.f[k]! - problem.Y[k]!));
      });
      for (let l = 0; l + 1 < L; l++) {
        const z = pass.z[l]!;
        expect(st.delta[l]).toHaveLength(z.length);
        z.forEach((zk, k) => {
          expect(st.s1[l]![k]).toBe(problem.act.d1(zk));
          expect(st.s2[l]![k]).toBe(problem.act.d2(zk));
          // the same product the kernel forms, so the same bits
          expect(st.delta[l]![k]).toBe(st.s1[l]![k]! * st.U[l]![k]!);
        });
        // U_l = delta_{l+1}·W_{l+1}, summed over the outputs in order
        const { inputs: din, outputs: dout, weightOffset: w } = problem.layout.layers[l + 1]!;
        for (let i = 0; i < problem.n; i++)
          for (let j = 0; j < din; j++) {
            let acc = 0;
            for (let o = 0; o < dout; o++) acc += st.delta[l + 1]![i * dout + o]! * theta[w + o * din + j]!;
            expect(st.U[l]![i * din + j]).toBe(acc);
          }
      }
    },
  );
});
