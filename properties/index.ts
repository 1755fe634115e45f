/** The claim registry: every claim of properties/, one file each, named by its id. */
import type { AnyClaim } from '../src/claims/index.js';
import { bh89LinearNoBadMin } from './bh89-linear-no-bad-min.js';
import { exactClaims } from './group-exact.js';
import { quadraticClaims } from './group-quadratic.js';
import { regionClaims } from './group-regions.js';
import { spuriousClaims } from './group-spurious.js';
import { widthClaims } from './group-width.js';
import { ldsWidthTransition } from './lds-width-transition.js';
import { singleReluNoSpuriousMin } from './single-relu-no-spurious-min.js';

export const allClaims: readonly AnyClaim[] = [
  bh89LinearNoBadMin,
  singleReluNoSpuriousMin,
  ...widthClaims,
  ...exactClaims,
  ...regionClaims,
  ...spuriousClaims,
  ...quadraticClaims,
  ldsWidthTransition,
];
