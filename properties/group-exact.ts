/** Claims I (issue 4), exact facts: linear and deep linear networks, the Jacobian certificate, region linearity, embeddings. */
import type { AnyClaim } from '../src/claims/index.js';
import { embeddingPreservesCriticality } from './embedding-preserves-criticality.js';
import { jacobianCertificateClaim } from './jacobian-certificate.js';
import { kaw16DeepLinear } from './kaw16-deep-linear.js';
import { regionLinearity } from './region-linearity.js';

/** bh89-linear-no-bad-min, the first worked example, is registered in properties/index.ts directly. */
export const exactClaims: readonly AnyClaim[] = [
  kaw16DeepLinear,
  jacobianCertificateClaim,
  regionLinearity,
  embeddingPreservesCriticality,
];
