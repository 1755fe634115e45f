/** Claims I (issue 4): width and basins — Li–Ding–Sun, Safran–Shamir 2016, linear networks, the bad-min vs bad-basin construction. */
import type { AnyClaim } from '../src/claims/index.js';

export const widthClaims: readonly AnyClaim[] = [];
