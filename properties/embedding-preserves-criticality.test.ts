import { expect, test } from 'vitest';
import { runClaim } from '../src/claims/index.js';
import { zeroUnitWithNonzeroSigma } from '../src/generate/embeddings.js';
import { describeClaim, explain, testSeed } from '../test/claimSuite.js';
import { embeddingPreservesCriticality } from './embedding-preserves-criticality.js';

describeClaim(embeddingPreservesCriticality);

test('control: a zero unit with σ(0) ≠ 0 (sigmoid, softplus; no biases) breaks criticality → the property fails', () => {
  const result = runClaim(embeddingPreservesCriticality, {
    seed: testSeed(),
    runs: 30,
    archiveRoot: null,
    hypotheses: zeroUnitWithNonzeroSigma,
  });
  expect(
    result.failure !== null || result.verdict === 'refuted',
    explain(embeddingPreservesCriticality, result),
  ).toBe(true);
});
