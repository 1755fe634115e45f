import { describeClaim } from '../test/claimSuite.js';
import { bh89LinearNoBadMin } from './bh89-linear-no-bad-min.js';

describeClaim(bh89LinearNoBadMin);
