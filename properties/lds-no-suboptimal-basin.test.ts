import { describeClaim } from '../test/claimSuite.js';
import { ldsNoSuboptimalBasin } from './lds-no-suboptimal-basin.js';

describeClaim(ldsNoSuboptimalBasin);
