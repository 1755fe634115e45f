import { describeClaim } from '../test/claimSuite.js';
import { singleReluNoSpuriousMin } from './single-relu-no-spurious-min.js';

describeClaim(singleReluNoSpuriousMin);
