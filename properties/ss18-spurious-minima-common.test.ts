import { describe, expect, test } from 'vitest';
import { examinePoint, newtonPolish } from '../src/landscape/index.js';
import { catalogPoint, populationObjective, ss18Problem } from '../src/landscape/population/index.js';
import { seededRng } from '../src/random.js';
import { describeClaim } from '../test/claimSuite.js';
import { ss18SpuriousMinimaCommon } from './ss18-spurious-minima-common.js';

describeClaim(ss18SpuriousMinimaCommon);

describe('the recomputed [VER] strict spurious minima (teacher I_k, Newton-refined from their printed digits)', () => {
  test.each([['k6'], ['k7'], ['k7n8'], ['k12n13']] as const)(
    '%s: ‖∇F‖ < 1e-12 after polishing, F and λ_min(∇²F) as recorded, strict minimum by examination',
    (id) => {
      const point = catalogPoint(id);
      const objective = populationObjective(ss18Problem(point.k, point.n));
      const polished = newtonPolish(objective, point.student, { gradTol: 1e-13 });
      expect(polished.converged).toBe(true);
      expect(polished.gradientNorm).toBeLessThan(1e-12);
      let move = 0;
      for (let i = 0; i < point.student.length; i++)
        move = Math.max(move, Math.abs(polished.theta[i]! - point.student[i]!));
      // The printed digits are the point: polishing moves it by at most their last digit.
      expect(move).toBeLessThan(point.id === 'k6' ? 1e-6 : 1e-9);
      expect(Math.abs(polished.value - point.value)).toBeLessThanOrEqual(point.valueTol);
      const exam = examinePoint(objective, polished.theta, { rng: seededRng(7), trials: 100 });
      expect(exam.classification).toBe('strict-local-min');
      expect(Math.abs(exam.hessianEigenvalues![0]! - point.lambdaMin)).toBeLessThanOrEqual(point.lambdaTol);
    },
  );
});
