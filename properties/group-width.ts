/** Claims I (issue 4): width and basins — Li–Ding–Sun, Safran–Shamir 2016, linear networks, the bad-min vs bad-basin construction. */
import type { AnyClaim } from '../src/claims/index.js';
import { deadReluPlateau } from './dead-relu-plateau.js';
import { ldsNoSuboptimalBasin } from './lds-no-suboptimal-basin.js';
import { narrowNoStrictBadMin } from './narrow-no-strict-bad-min.js';
import { ss16InitialBasinQuality } from './ss16-initial-basin-quality.js';
import { ss16MonotonePath } from './ss16-monotone-path.js';
import { wideReluNoBadLocalMin } from './wide-relu-no-bad-local-min.js';

export const widthClaims: readonly AnyClaim[] = [
  ldsNoSuboptimalBasin,
  wideReluNoBadLocalMin,
  deadReluPlateau,
  narrowNoStrictBadMin,
  ss16MonotonePath,
  ss16InitialBasinQuality,
];
