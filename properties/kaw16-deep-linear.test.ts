import { describeClaim } from '../test/claimSuite.js';
import { kaw16DeepLinear } from './kaw16-deep-linear.js';

describeClaim(kaw16DeepLinear);
