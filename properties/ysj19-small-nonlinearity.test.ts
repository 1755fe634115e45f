import { describeClaim } from '../test/claimSuite.js';
import { ysj19SmallNonlinearity } from './ysj19-small-nonlinearity.js';

describeClaim(ysj19SmallNonlinearity);
