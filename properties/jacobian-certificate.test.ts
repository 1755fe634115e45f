import { expect, test } from 'vitest';
import { runClaim } from '../src/claims/index.js';
import { describeClaim, explain, testSeed } from '../test/claimSuite.js';
import { jacobianCertificateClaim, rankDeficientControl } from './jacobian-certificate.js';

describeClaim(jacobianCertificateClaim);

test('control: rank-deficient J (P < N) with σ_N replaced by the smallest non-zero singular value → the property fails', () => {
  const result = runClaim(jacobianCertificateClaim, {
    seed: testSeed(),
    runs: 400,
    archiveRoot: null,
    hypotheses: rankDeficientControl,
  });
  expect(
    result.failure !== null || result.verdict === 'refuted',
    explain(jacobianCertificateClaim, result),
  ).toBe(true);
});
