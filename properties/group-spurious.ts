/** Claims III (issue 6): spurious minima and spin glasses — Safran–Shamir 2018, Yun–Sra–Jadbabaie, Auer et al., quadratic activations, Choromanska et al.. */
import type { AnyClaim } from '../src/claims/index.js';

export const spuriousClaims: readonly AnyClaim[] = [];
