/** Claims I (issue 4), exact facts: linear and deep linear networks, the Jacobian certificate, region linearity, embeddings. */
import type { AnyClaim } from '../src/claims/index.js';

export const exactClaims: readonly AnyClaim[] = [];
