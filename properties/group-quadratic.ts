/** Claims III (issue 6), positive results and spin glasses: quadratic activations, adding one neuron, Choromanska et al.. */
import type { AnyClaim } from '../src/claims/index.js';

export const quadraticClaims: readonly AnyClaim[] = [];
