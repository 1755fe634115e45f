/** Claims II (issue 5): activation regions and Jacobian rank — Karhadkar et al. 2023, Soudry–Carmon 2016. */
import type { AnyClaim } from '../src/claims/index.js';

export const regionClaims: readonly AnyClaim[] = [];
