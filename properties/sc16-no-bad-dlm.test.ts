import { describeClaim } from '../test/claimSuite.js';
import { sc16NoBadDlm } from './sc16-no-bad-dlm.js';

describeClaim(sc16NoBadDlm);
