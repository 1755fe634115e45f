import { describeClaim } from '../test/claimSuite.js';
import { ss16InitialBasinQuality } from './ss16-initial-basin-quality.js';

describeClaim(ss16InitialBasinQuality);
